"""How each article tells the story: labels per actor, opinion share, loaded words; and coverage gaps."""

from __future__ import annotations

from typing import Sequence

from newsprism.models import (
    ArticleFacts,
    ArticleFraming,
    ClaimGroup,
    CoverageGap,
    Entity,
    EntityLabels,
    Framing,
    Label,
)


def build_framing(facts: Sequence[ArticleFacts], entities: Sequence[Entity]) -> Framing:
    labelled = [_labels(e) for e in entities if e.descriptors]
    return Framing(
        entities=tuple(sorted(labelled, key=lambda e: (-len(e.labels), e.name))),
        articles=tuple(_article_framing(f) for f in facts),
    )


def _labels(entity: Entity) -> EntityLabels:
    labels = sorted(
        (Label(article_id=d.span.article_id, text=d.text, span=d.span) for d in entity.descriptors),
        key=lambda l: (l.article_id, l.span.start),
    )
    return EntityLabels(entity=entity.id, name=entity.name, labels=tuple(labels))


def _article_framing(facts: ArticleFacts) -> ArticleFraming:
    total = len(facts.sentences)
    share = lambda kind: round(sum(s.kind == kind for s in facts.sentences) / total, 3) if total else 0.0  # noqa: E731
    return ArticleFraming(
        article_id=facts.article_id,
        sentences=total,
        opinion_share=share("opinion"),
        attributed_share=share("attributed"),
        loaded_words=facts.loaded_words,
    )


def coverage_gaps(article_ids: Sequence[str], groups: Sequence[ClaimGroup]) -> tuple[CoverageGap, ...]:
    """Per article, the corroborated groups it does not report."""
    corroborated = [g for g in groups if g.verdict == "corroborated" or g.independent_sources >= 2]
    return tuple(
        CoverageGap(article_id=a, missing=tuple(g.id for g in corroborated if a not in g.article_ids))
        for a in article_ids
    )
