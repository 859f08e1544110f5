"""One entity per real-world actor across articles, from each article's local entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from newsprism.extract.names import filed_keys, same_actor, sought_keys
from newsprism.models import ArticleFacts, Entity, LocalEntity, NameVariant

EntityIndex = dict[tuple[str, str], str]


def merge_entities(facts: Sequence[ArticleFacts]) -> tuple[tuple[Entity, ...], EntityIndex]:
    """Merged entities (ids e1.. by first appearance) and a map (article id, local key) -> entity id."""
    groups: list[_Group] = []
    filed: dict[tuple, set[int]] = defaultdict(set)  # a key of a name (`filed_keys`) -> the groups going by it
    for article in facts:
        for local in sorted(article.entities, key=lambda e: -len(e.name)):
            candidates = sorted({n for key in sought_keys(local.name) for n in filed.get(key, ())})
            number = next((n for n in candidates if groups[n].matches(local)), len(groups))
            if number == len(groups):
                groups.append(_Group())
            for name in groups[number].add(article.article_id, local):
                for key in filed_keys(name):
                    filed[key].add(number)
    entities: list[Entity] = []
    index: EntityIndex = {}
    for n, group in enumerate(groups, 1):
        entity_id = f"e{n}"
        entities.append(_entity(entity_id, group.members))
        index.update({(article_id, local.key): entity_id for article_id, local in group.members})
    return tuple(entities), index


@dataclass
class _Group:
    """The local entities taken for one actor, with every name they go by."""

    members: list[tuple[str, LocalEntity]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    person: bool = False

    def matches(self, local: LocalEntity) -> bool:
        person = self.person or local.label == "PERSON"
        return any(same_actor(local.name, name, person=person) for name in self.names)

    def add(self, article_id: str, local: LocalEntity) -> set[str]:
        """Take `local` in; returns the names the group did not go by before."""
        self.members.append((article_id, local))
        new = {m.text for m in local.mentions} | {local.name}
        new -= self.names
        self.names |= new
        self.person = self.person or local.label == "PERSON"
        return new


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
