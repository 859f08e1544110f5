"""The timeline: events of all articles on overlapping dates that tell the same thing, merged."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from newsprism.annotate.embed import Embedder
from newsprism.models import Event, TimelineEntry

SAME_EVENT = 0.55
RELATED_EVENT = SAME_EVENT - 0.15  # enough for two events of related kinds (a killing, a death)
EQUIVALENT = [
    {"strike", "airstrike", "bomb", "bombing", "raid", "shelling"},
    {"storm", "siege", "overrun", "breach", "break"},
    {"kill", "death", "die", "killing"},
    {"arrest", "detain", "detention"},
    {"say", "tell", "tweet", "announce", "state", "speech", "address"},
]


def build_timeline(events: Sequence[Event], embedder: Embedder) -> tuple[TimelineEntry, ...]:
    """Timeline entries in date order, ids t1.., each listing the articles that report it."""
    events = sorted(events, key=lambda e: (e.time.start, e.span.article_id, e.span.start))
    several = len({e.span.article_id for e in events}) > 1  # events of one article are never merged
    vectors = embedder.embed([e.text for e in events]) if several else np.zeros((len(events), 1))
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    similarity = vectors @ vectors.T
    for a, b in np.argwhere(np.triu(similarity >= RELATED_EVENT, k=1)):  # no pair below it can be one event
        if _same(events[a], events[b], float(similarity[a, b])):
            parent[root(b)] = root(a)
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(root(i), []).append(event)
    entries = sorted((_entry(g) for g in groups.values()), key=lambda e: (e.start, e.end, e.text))
    return tuple(e.model_copy(update={"id": f"t{n}"}) for n, e in enumerate(entries, 1))


def _same(a: Event, b: Event, similarity: float) -> bool:
    overlap = a.time.start <= b.time.end and b.time.start <= a.time.end
    if not overlap or a.span.article_id == b.span.article_id:
        return False
    related = a.trigger == b.trigger or any({a.trigger, b.trigger} <= s for s in EQUIVALENT)
    return similarity >= SAME_EVENT or related and similarity >= RELATED_EVENT


def _entry(events: list[Event]) -> TimelineEntry:
    narrowest = min(events, key=lambda e: ((e.time.end - e.time.start).days, e.time.start))
    clearest = min(events, key=lambda e: (len(e.text) < 12, len(e.text), e.text))
    return TimelineEntry(
        id="",
        start=narrowest.time.start,
        end=narrowest.time.end,
        text=clearest.text,
        events=tuple(sorted(events, key=lambda e: (e.span.article_id, e.span.start))),
        article_ids=tuple(sorted({e.span.article_id for e in events})),
    )
