"""The only module that wires the stages together: ingest -> clean -> annotate -> extract -> align."""

from __future__ import annotations

from typing import Sequence

from newsprism.align import align_story
from newsprism.annotate import Parser, Resources, annotate, load_resources
from newsprism.clean import clean_article
from newsprism.errors import NotComparableError
from newsprism.extract import extract_article
from newsprism.models import Article, StoryReport


def compare(articles: Sequence[Article], resources: Resources | None = None) -> StoryReport:
    """Analyse articles about one story and return the story report."""
    cleaned = [clean_article(a) for a in articles]
    usable, warnings = _usable(cleaned)
    resources = resources or load_resources()
    annotated = annotate(usable, Parser(resources.nlp))
    facts = [extract_article(a) for a in annotated]
    return align_story(usable, facts, resources.embedder, warnings=warnings)


def _usable(articles: Sequence[Article]) -> tuple[list[Article], list[str]]:
    """Drop what cannot be compared (empty, not English, the same article twice), saying why."""
    usable: list[Article] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for article in articles:
        if not article.text.strip():
            warnings.append(f"{article.input}: no text left after cleaning; skipped")
        elif article.language not in (None, "en"):
            warnings.append(f"{article.input}: not English (detected {article.language}); skipped")
        elif article.id in seen:
            warnings.append(f"{article.input}: the same article was given twice; skipped")
        else:
            seen.add(article.id)
            usable.append(article)
    if len(usable) < 2:
        detail = "; ".join(warnings) or f"{len(usable)} article given"
        raise NotComparableError(f"compare needs at least two usable articles ({detail})")
    return usable, warnings
