"""The per-article stages of a corpus run, in whatever process runs them (this one or a Dask worker).

The spaCy pipeline and the embedders are loaded once per process, on the first batch, never per article. The
MiniLM vectors of an article's claims and events are made by the first report of a story of two or more articles
(a story of one article matches nothing) and stored with the article: a story that grows is reported again without
embedding anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Sequence

import numpy as np

from newsprism.align import embedded_texts
from newsprism.annotate import Parser, Resources, annotate, load_resources
from newsprism.annotate.embed import DIMENSIONS, Embedder, StaticEmbedder
from newsprism.clean import clean_article
from newsprism.dedupe import copy_signature, text_key
from newsprism.extract import extract_article
from newsprism.errors import InputError
from newsprism.models import Article, ArticleFacts, Place, Read, StoryFeatures, Unreadable
from newsprism.stories import story_features


@dataclass(frozen=True)
class Analysed:
    """One article after the per-article stages, ready for dedupe, grouping and storage."""

    place: Place
    article: Article
    facts_json: str  # ArticleFacts as stored: made here, as a pydantic model is slow to send between processes
    features: StoryFeatures
    text_key: str
    signature: bytes


@cache
def resources() -> Resources:
    """The models of this process, loaded on first use; one core each, as the workers are one process a core."""
    return load_resources(embedder_threads=1)


@cache
def parser() -> Parser:
    """This process's parser, which reuses the parses of lines it saw in earlier batches."""
    return Parser(resources().nlp)


@cache
def lead_embedder() -> StaticEmbedder:
    """The static embedder of story grouping, loaded on first use (`compare` never needs it)."""
    return StaticEmbedder()


def analyse_batch(batch: Sequence[Read]) -> list[Analysed | Unreadable]:
    """Clean, check, annotate (one spaCy pass for the batch), extract, and compute what dedupe and grouping
    need; an empty or non-English article becomes an Unreadable saying so. Results keep the batch's order.

    An article whose analysis raises (a fault of newsprism's own on an input it did not foresee) becomes an
    Unreadable naming the error, and the rest of its batch is analysed without it: one article must not stop an
    overnight run. Models that cannot load stop the run, as every article would fail the same way."""
    for load in (resources, parser, lead_embedder):  # outside the guard below, which would blame one article
        load()
    try:
        return _analysed(batch)
    except Exception as error:  # noqa: BLE001 - recorded as this article's failure, below
        if len(batch) > 1:
            return [result for item in batch for result in analyse_batch([item])]
        return [Unreadable(place=batch[0].place, reason=f"analysis failed: {type(error).__name__}: {error}")]


def _analysed(batch: Sequence[Read]) -> list[Analysed | Unreadable]:
    results: list[Analysed | Unreadable | None] = []
    usable: list[tuple[Place, Article, str]] = []
    for item in batch:
        article = clean_article(item.article)
        problem = _unusable(article)
        results.append(Unreadable(place=item.place, reason=problem) if problem else None)
        if not problem:
            key = text_key(article.text)
            usable.append((item.place, article.model_copy(update={"id": "a" + key[:16]}), key))
    annotated = annotate([a for _, a, _ in usable], parser())
    facts = [extract_article(a) for a in annotated]
    features = story_features([a.article for a in annotated], facts, lead_embedder())
    analysed = [
        Analysed(place, a.article, f.model_dump_json(), features_of, key, copy_signature(a.article.text))
        for (place, _, key), a, f, features_of in zip(usable, annotated, facts, features)
    ]
    remaining = iter(analysed)
    return [result if result is not None else next(remaining) for result in results]


def claim_vectors(embedder: Embedder, facts: ArticleFacts) -> bytes:
    """An article's claim (and event) vectors as stored: float16 rows, one for each of `embedded_texts(facts)`."""
    return embedder.embed(embedded_texts(facts)).astype(np.float16).tobytes()


def remember_claim_vectors(embedder: Embedder, facts: ArticleFacts, stored: bytes) -> None:
    """Give `embedder` the claim (and event) vectors stored with an article, so that its story's report does not
    embed them; none are stored (empty) until a report of two or more articles made them."""
    if not stored:
        return
    texts = embedded_texts(facts)
    vectors = np.frombuffer(stored, dtype=np.float16)
    if vectors.size != len(texts) * DIMENSIONS:
        raise InputError(f"article {facts.article_id}", f"its stored claim vectors do not match its {len(texts)} "
                         "texts to embed: it was stored by another newsprism, so ingest into a new database")
    embedder.remember(texts, vectors.reshape(len(texts), DIMENSIONS))


def _unusable(article: Article) -> str | None:
    if not article.text.strip():
        return "no text left after cleaning"
    if article.language not in (None, "en"):
        return f"not English (detected {article.language})"
    return None
