"""Loaded words: wording that takes a side, outside quotations (a speaker's own words are theirs)."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from newsprism.extract.lexicon import loaded_terms
from newsprism.models import LoadedWord, Quote, Span

MAX_PHRASE = 3


def find_loaded_words(doc: Doc, article_id: str, quotes: Sequence[Quote]) -> tuple[LoadedWord, ...]:
    """Lexicon terms (matched on lemmas, up to three words) outside quotes, in text order."""
    terms = loaded_terms()
    first_words = {term.split()[0].split("-")[0] for term in terms}
    quoted = [(q.span.start, q.span.end) for q in quotes if q.kind == "direct"]
    found: list[LoadedWord] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        starts_term = token.lower_ in first_words or token.lemma_.lower() in first_words
        match = _longest_match(doc, i, terms) if starts_term else 0
        if match and not any(s <= doc[i].idx < e for s, e in quoted):
            span = doc[i : i + match]
            found.append(LoadedWord(text=span.text, span=Span(article_id=article_id, start=span.start_char, end=span.end_char)))
            i += match
        else:
            i += 1
    return tuple(found)


def _longest_match(doc: Doc, i: int, terms: dict[str, str]) -> int:
    for size in range(MAX_PHRASE, 0, -1):
        tokens = doc[i : i + size]
        if len(tokens) < size or tokens[0].is_punct or tokens[-1].is_punct:
            continue
        lemmas = " ".join(t.lemma_.lower() for t in tokens).replace(" - ", "-")
        words = tokens.text.lower()
        if lemmas in terms or words in terms:
            return size
    return 0
