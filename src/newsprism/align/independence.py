"""Which articles are copies of another (a republished wire report, a blog pasting a report).

A copy corroborates nothing: claim verdicts count independent sources. An article is a copy of an
earlier-listed one when most of its word 6-grams appear in it (containment, not resemblance, so a copy
wrapped in its own opinion paragraphs is still found).
"""

from __future__ import annotations

import re
from typing import Sequence

from newsprism.models import Article

SHINGLE = 6
CONTAINED = 0.5


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 0))}


def copy_sources(articles: Sequence[Article]) -> dict[str, str]:
    """Each article id -> the id of the article it copies (itself when independent)."""
    grams = [shingles(a.text) for a in articles]
    source: dict[str, str] = {}
    for i, article in enumerate(articles):
        source[article.id] = article.id
        for j in range(i):
            smaller = min(len(grams[i]), len(grams[j]))
            if smaller and len(grams[i] & grams[j]) / smaller >= CONTAINED:
                source[article.id] = source[articles[j].id]
                break
    return source
