"""A short neutral account built only from corroborated claims, in their plainest wording."""

from __future__ import annotations

from typing import Sequence

from newsprism.models import ClaimGroup, SummarySentence

MAX_SENTENCES = 6


def summarise(groups: Sequence[ClaimGroup]) -> tuple[SummarySentence, ...]:
    """Corroborated statements (not quotes), most widely reported first, then in story order."""
    chosen = [g for g in groups if g.verdict == "corroborated" and g.claims[0].kind != "quote"]
    chosen = sorted(chosen, key=lambda g: (-g.independent_sources, g.claims[0].span.article_id, g.claims[0].span.start))
    return tuple(
        SummarySentence(text=_sentence(g.text), claim_group=g.id, spans=tuple(c.span for c in g.claims))
        for g in chosen[:MAX_SENTENCES]
    )


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:–—")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
