"""One entity per real-world actor across articles, from each article's local entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from newsprism.extract.names import same_actor
from newsprism.models import ArticleFacts, Entity, LocalEntity, NameVariant

EntityIndex = dict[tuple[str, str], str]


def merge_entities(facts: Sequence[ArticleFacts]) -> tuple[tuple[Entity, ...], EntityIndex]:
    """Merged entities (ids e1.. by first appearance) and a map (article id, local key) -> entity id."""
    groups: list[list[tuple[str, LocalEntity]]] = []
    for article in facts:
        for local in sorted(article.entities, key=lambda e: -len(e.name)):
            group = _matching_group(groups, local)
            if group is None:
                groups.append([(article.article_id, local)])
            else:
                group.append((article.article_id, local))
    entities: list[Entity] = []
    index: EntityIndex = {}
    for n, group in enumerate(groups, 1):
        entity_id = f"e{n}"
        entities.append(_entity(entity_id, group))
        index.update({(article_id, local.key): entity_id for article_id, local in group})
    return tuple(entities), index


def _matching_group(groups: list[list[tuple[str, LocalEntity]]], local: LocalEntity) -> list | None:
    for group in groups:
        person = local.label == "PERSON" or any(e.label == "PERSON" for _, e in group)
        names = {m.text for _, e in group for m in e.mentions} | {e.name for _, e in group}
        if any(same_actor(local.name, name, person=person) for name in names):
            return group
    return None


def _entity(entity_id: str, group: list[tuple[str, LocalEntity]]) -> Entity:
    variants: dict[str, set[str]] = defaultdict(set)
    for article_id, local in group:
        for mention in local.mentions:
            variants[mention.text].add(article_id)
    labels = Counter(local.label for _, local in group for _ in local.mentions)
    name = max((local.name for _, local in group), key=lambda t: (len(t.split()), variants.get(t) is not None, t))
    return Entity(
        id=entity_id,
        name=name,
        label=labels.most_common(1)[0][0],
        variants=tuple(NameVariant(text=t, article_ids=tuple(sorted(a))) for t, a in sorted(variants.items())),
        mentions=tuple(m.span for _, local in group for m in local.mentions),
        descriptors=tuple(d for _, local in group for d in local.descriptors),
    )
