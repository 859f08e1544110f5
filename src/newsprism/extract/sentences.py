"""Whose voice each sentence is in: the reporter's (reporting), someone else's (attributed), or the
writer's own judgement (opinion).

Opinion is read from cues outside quotation marks, each with a weight: rhetorical questions, sarcasm
and stance markers ("of course", "but hey"), the writer's first person, loaded words, informal
contractions, predictions stated as fact, exclamations. A sentence scoring 1 or more is opinion; in a
paragraph that already holds opinion, a weaker cue is enough.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan

from newsprism.extract.lexicon import loaded_terms, opinion_cues
from newsprism.extract.quotes import SPEECH_VERBS, quoted_spans
from newsprism.models import Quote, Sentence, Span

OPINION = 1.0
WEAK = 0.5
FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}
_CONTRACTION = re.compile(r"\b\w+(?:'|’)(?:re|ll|ve|d|s never|m)\b|\b(?:won't|can't|don't|isn't|aren't|didn't|doesn't|won’t|can’t|don’t|isn’t|aren’t|didn’t|doesn’t)\b", re.IGNORECASE)
_INTERJECTION = re.compile(r"^(?:and |but |so )?(?:yes|well|sure|look|hey|okay|ok|alas)\b,", re.IGNORECASE)


def classify_sentences(doc: Doc, article_id: str, quotes: Sequence[Quote]) -> tuple[Sentence, ...]:
    """Every sentence of the article, in order, with its kind and the cues behind it."""
    text = doc.text
    quoted = [(q.span.start, q.span.end) for q in quotes if q.kind == "direct"] or quoted_spans(text)
    said = [(q.span.start, q.span.end) for q in quotes] + quoted
    scored = []
    for sent in doc.sents:
        trimmed = _trim(sent)
        if trimmed is None:
            continue
        outside = _outside(trimmed, quoted)
        score, reasons = _opinion_score(trimmed, outside)
        scored.append((trimmed, text.count("\n\n", 0, trimmed.start_char), score, reasons))
    return tuple(_sentence(s, paragraph, score, reasons, scored, said, article_id) for s, paragraph, score, reasons in scored)


def _sentence(sent, paragraph, score, reasons, scored, said, article_id) -> Sentence:
    neighbours = [x for x in scored if x[1] == paragraph and x[0].start != sent.start]
    if OPINION > score >= WEAK and any(x[2] >= OPINION for x in neighbours):
        reasons = [*reasons, "opinion-paragraph"]
        score = OPINION
    if score >= OPINION:
        kind = "opinion"
    elif _attributed(sent, said):
        kind = "attributed"
    else:
        kind = "reporting"
    span = Span(article_id=article_id, start=sent.start_char, end=sent.end_char)
    return Sentence(span=span, paragraph=paragraph, kind=kind, reasons=tuple(reasons) if kind == "opinion" else ())


def _opinion_score(sent: SpacySpan, outside: str) -> tuple[float, list[str]]:
    text = " " + outside.lower().strip() + " "
    reasons: list[tuple[float, str]] = []
    if outside.rstrip(" ”\")").endswith("?"):
        reasons.append((OPINION, "rhetorical-question"))
    if outside.rstrip(" ”\")").endswith("!"):
        reasons.append((WEAK, "exclamation"))
    if _INTERJECTION.match(outside.strip()):
        reasons.append((OPINION, "interjection"))
    for phrase, weight in opinion_cues().items():
        if phrase in text and re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text):
            reasons.append((weight, f"stance:{phrase}"))
    if any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in _outside_tokens(sent, outside)):
        reasons.append((OPINION, "first-person"))
    loaded = [t for t in _outside_tokens(sent, outside) if t.lemma_.lower() in loaded_terms() or t.lower_ in loaded_terms()]
    reasons += [(WEAK, f"loaded:{t.lower_}") for t in loaded[:2]]
    if _CONTRACTION.search(outside):
        reasons.append((WEAK, "informal-register"))
    if _prediction(sent, outside):
        reasons.append((WEAK, "prediction"))
    return sum(w for w, _ in reasons), [r for _, r in reasons]


def _prediction(sent: SpacySpan, outside: str) -> bool:
    """A future stated as fact by the writer: "X won't take it", "this will end badly"."""
    if any(t.lemma_.lower() in SPEECH_VERBS for t in sent):
        return False
    return bool(re.search(r"\b(won['’]t|will never|is going to|are going to)\b", outside, re.IGNORECASE))


def _attributed(sent: SpacySpan, said: list[tuple[int, int]]) -> bool:
    """Mostly someone's words, or framed as what someone said ("X said", "according to X")."""
    inside = sum(max(0, min(e, sent.end_char) - max(s, sent.start_char)) for s, e in set(said))
    framed = any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children) for t in sent)
    return inside >= 0.3 * (sent.end_char - sent.start_char) or framed or "according to" in sent.text.lower()


def _outside(sent: SpacySpan, quoted: list[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked out."""
    chars = list(sent.text)
    for s, e in quoted:
        for i in range(max(s, sent.start_char), min(e, sent.end_char)):
            chars[i - sent.start_char] = " "
    return "".join(chars)


def _outside_tokens(sent: SpacySpan, outside: str):
    return [t for t in sent if outside[t.idx - sent.start_char : t.idx - sent.start_char + len(t)].strip()]


def _trim(sent: SpacySpan) -> SpacySpan | None:
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None
