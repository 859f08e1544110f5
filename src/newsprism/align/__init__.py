"""Align: what the articles' extractions say together (entities, claim groups, framing, timeline, summary)."""

from __future__ import annotations

from typing import Sequence

from newsprism.align.claims import group_claims, texts_to_embed
from newsprism.align.entities import EntityIndex, merge_entities
from newsprism.align.framing import build_framing, coverage_gaps
from newsprism.align.independence import copy_sources
from newsprism.align.summary import summarise
from newsprism.align.timeline import build_timeline
from newsprism.annotate.embed import Embedder
from newsprism.models import Article, ArticleFacts, Claim, Quote, StoryReport


def embedded_texts(facts: ArticleFacts) -> list[str]:
    """Every text `align_story` embeds for one article, once each: what its claims and its events say."""
    return list(dict.fromkeys([*texts_to_embed(facts.claims), *(e.text for e in facts.events)]))


def align_story(
    articles: Sequence[Article],
    facts: Sequence[ArticleFacts],
    embedder: Embedder,
    warnings: Sequence[str] = (),
) -> StoryReport:
    """The story report of articles whose facts were extracted one by one."""
    entities, index = merge_entities(facts)
    quotes = [_global_quote(q, index) for f in facts for q in f.quotes]
    claims = [_global_claim(c, index) for f in facts for c in f.claims]
    sources = copy_sources(articles)
    names = {e.id: e.name for e in entities}
    groups = group_claims(claims, embedder, sources, _loaded_counts(facts, claims), names)
    return StoryReport(
        articles=tuple(articles),
        entities=entities,
        quotes=tuple(quotes),
        claims=groups,
        coverage=coverage_gaps([a.id for a in articles], groups),
        framing=build_framing(facts, entities),
        sentences=tuple(s for f in facts for s in f.sentences),
        timeline=build_timeline([e for f in facts for e in f.events], embedder),
        summary=summarise(groups, names, sources),
        warnings=tuple(warnings) + _copy_warnings(articles, sources),
    )


def _global_quote(quote: Quote, index: EntityIndex) -> Quote:
    return quote.model_copy(update={"speaker": index.get((quote.span.article_id, quote.speaker_key or ""))})


def _global_claim(claim: Claim, index: EntityIndex) -> Claim:
    article_id = claim.span.article_id
    actors = tuple(sorted({index[(article_id, key)] for key in claim.actors if (article_id, key) in index}))
    speaker = index.get((article_id, claim.attributed_to or ""), claim.attributed_to)
    return claim.model_copy(update={"actors": actors, "attributed_to": speaker})


def _loaded_counts(facts: Sequence[ArticleFacts], claims: Sequence[Claim]) -> dict[str, int]:
    words = [w.span for f in facts for w in f.loaded_words]
    return {
        c.id: sum(1 for w in words if w.article_id == c.span.article_id and c.span.start <= w.start < c.span.end)
        for c in claims
    }


def _copy_warnings(articles: Sequence[Article], sources: dict[str, str]) -> tuple[str, ...]:
    """One warning a copy, naming each article by its outlet, and by its address too where both have one outlet
    (a page saved twice, or an outlet reprinting itself)."""
    by_id = {a.id: a for a in articles}
    names = {a.id: a.outlet or a.input for a in articles}

    def name(article_id: str, other: str) -> str:
        address = by_id[article_id].url or by_id[article_id].input
        return f"{names[article_id]} ({address})" if names[article_id] == names[other] else names[article_id]

    return tuple(
        f"{name(a, s)} copies much of {name(s, a)}: it is not counted as an independent source"
        for a, s in sorted(sources.items())
        if a != s
    )
