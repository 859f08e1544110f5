"""Actors of one article: named mentions grouped into entities, with the labels the article gives them.

Names come from spaCy's entities, repaired (adjacent pieces of one name joined, titles, possessives and
trailing common nouns split off). Descriptors are what the article attaches to a name: the title or role
before it ("Defense Secretary"), the noun of a kind of actor it modifies ("the X militia", "X terrorists"; not
"the X depot" or "the X campaign", which are not X), appositions
("X, an Iranian proxy in Iraq") and predicate nominals ("X is a former executive").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.names import TITLES, normalise, same_actor
from newsprism.models import Descriptor, LocalEntity, Mention, Span

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
MAX_DESCRIPTOR_TOKENS = 16
# Nouns that, with a name before them, still name that actor or its members: "the X militia", "X militants".
ACTOR_NOUNS = frozenset(
    """group militia militiaman militant terrorist fighter rebel insurgent extremist radical jihadist guerrilla
    activist protester protestor demonstrator rioter supporter loyalist follower backer ally proxy thug gang cartel
    mob faction movement network organisation organization outfit party regime government administration junta
    force troop army soldier taskforce brigade unit company firm corporation conglomerate giant business charity
    union coalition alliance lobby establishment elite camp agency""".split()
)


@dataclass
class _Cluster:
    names: list[SpacySpan] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    texts: set[str] = field(default_factory=set)  # the distinct spellings of its names

    @property
    def name(self) -> str:
        return max((n.text for n in self.names), key=lambda t: (len(t.split()), len(t), t))

    @property
    def label(self) -> str:
        top = max(self.labels.values())
        return next(l for l in LABEL_PRIORITY if self.labels.get(l) == top)


def extract_entities(doc: Doc, article_id: str) -> tuple[LocalEntity, ...]:
    """The article's actors, each with its mentions and descriptors, sorted by first mention."""
    clusters: list[_Cluster] = []
    names = [n for n in (_name_span(e) for e in _joined_entities(doc)) if n is not None]
    for name in sorted(names, key=lambda n: (-len(n), n.start)):
        _add_to_cluster(clusters, name)
    entities = [_to_entity(c, doc, article_id) for c in clusters]
    return tuple(sorted(entities, key=lambda e: e.mentions[0].span.start))


def _joined_entities(doc: Doc) -> list[SpacySpan]:
    """Actor entities, with adjacent proper-noun pieces of one name joined ("Kata’ib" + "Hezbollah")."""
    joined: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        prev = joined[-1] if joined else None
        if prev is not None and prev.end == ent.start and ent[0].pos_ == "PROPN" and prev[-1].pos_ == "PROPN":
            joined[-1] = SpacySpan(doc, prev.start, ent.end, label=ent.label_)
        else:
            joined.append(ent)
    return [e for e in joined if e.label_ != "NORP" or e.root.pos_ in ("PROPN", "NOUN") and e.root.tag_ in ("NNPS", "NNS")]


def _name_span(ent: SpacySpan) -> SpacySpan | None:
    """The bare name: without a leading article, a person's title ("Gov.", not the "Justice" of "Justice
    Department" nor the "General" of "General Motors"), a possessive, or trailing common nouns."""
    start, end = ent.start, ent.end
    doc = ent.doc
    titled = ent.label_ == "PERSON"
    while start < end and (doc[start].lower_ == "the" or titled and _is_title(doc[start]) or _attached_outside(doc[start], ent)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].pos_ == "NOUN"):
        end -= 1
    name = SpacySpan(doc, start, end, label=ent.label_)
    if not name.text or not any(t.text[:1].isupper() for t in name):
        return None
    return name


def _attached_outside(token: Token, ent: SpacySpan) -> bool:
    """A leading word the parser hangs outside the name ("State" in "Secretary of State Mike Pompeo")."""
    return len(ent) > 1 and not ent.start <= token.head.i < ent.end and token.i != ent.root.i


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLES and token.i + 1 < len(token.doc) and token.nbor().pos_ == "PROPN"


def _add_to_cluster(clusters: list[_Cluster], name: SpacySpan) -> None:
    person, text = name.label_ == "PERSON", name.text
    joined = next((c for c in clusters if any(same_actor(text, t, person=person or c.labels["PERSON"] > 0) for t in c.texts)), None)
    if joined is None:
        joined = _Cluster()
        clusters.append(joined)
    joined.names.append(name)
    joined.labels[name.label_] += 1
    joined.texts.add(text)


def _to_entity(cluster: _Cluster, doc: Doc, article_id: str) -> LocalEntity:
    names = sorted(cluster.names, key=lambda n: n.start)
    mentions = tuple(Mention(span=_span(n, article_id), text=n.text) for n in names)
    descriptors = {d.span.start: d for n in names for d in describe(n, article_id)}
    return LocalEntity(
        key=normalise(cluster.name).replace(" ", "-"),
        name=cluster.name,
        label=cluster.label,
        mentions=mentions,
        descriptors=tuple(descriptors[k] for k in sorted(descriptors)),
    )


def describe(name: SpacySpan, article_id: str) -> list[Descriptor]:
    """The labels the text attaches to this mention of a name."""
    found: list[Descriptor] = []
    role = _role(name) if name.label_ in ("PERSON", "ORG") else None
    if role is not None:
        found.append(_descriptor(role, "role", article_id))
    head = name.root
    is_actor = name.label_ in ("PERSON", "ORG", "NORP")
    if is_actor and head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i >= name.end \
            and head.head.lemma_.lower() in ACTOR_NOUNS:
        head = head.head
        modifier = _noun_phrase(head, exclude=name)
        found.append(_descriptor(modifier, "modifier", article_id))
    for appos in _appositions(head, name):
        found.append(_descriptor(appos, "apposition", article_id))
    for attr in _predicates(head):
        found.append(_descriptor(attr, "predicate", article_id))
    return [d for d in found if _is_label(d, name)]


def _is_label(descriptor: Descriptor, name: SpacySpan) -> bool:
    """A label says something: it has a content word, and is not just the name again."""
    span = name.doc.char_span(descriptor.span.start, descriptor.span.end)
    return span is not None and any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in span) and span.text != name.text


def _role(name: SpacySpan) -> SpacySpan | None:
    """Titles and role nouns before the name in its noun phrase ("Defense Secretary", "Ayatollah")."""
    doc = name.doc
    left = [c for c in name.root.lefts if c.i < name.start and c.dep_ in ("compound", "amod", "nmod")]
    start = min((c.left_edge.i for c in left), default=name.start)
    while start > 0 and _is_title(doc[start - 1]):
        start -= 1
    if start < name.start and doc[name.start - 1].tag_ != "POS" or start < name.start and _is_title(doc[start]):
        return _trim(doc[start : name.start])
    return None


def _noun_phrase(head: Token, exclude: SpacySpan) -> SpacySpan:
    """The words of a noun phrase that modify its head, without the name itself or clauses."""
    doc = head.doc
    keep = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod") and not (exclude.start <= t.i < exclude.end)]
    start = min([t.left_edge.i for t in keep] + [head.i])
    if start < exclude.start < head.i:
        start = exclude.end
    return doc[start : head.i + 1]


def _appositions(head: Token, name: SpacySpan) -> list[SpacySpan]:
    found = [_bounded(a) for a in head.children if a.dep_ == "appos"]
    found += [_bounded(c) for a in head.children if a.dep_ == "appos" for c in a.children if c.dep_ == "conj"]
    if name.root.dep_ == "appos" and name.root.head.pos_ == "NOUN":
        found.append(_bounded(name.root.head, stop=name.root))
    return [f for f in found if f is not None]


def _predicates(head: Token) -> list[SpacySpan]:
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be":
        return []
    return [b for b in (_bounded(c) for c in verb.children if c.dep_ == "attr") if b is not None]


def _bounded(token: Token, stop: Token | None = None) -> SpacySpan | None:
    """A descriptor phrase: the token's subtree without relative clauses, conjuncts or `stop`'s subtree."""
    doc = token.doc
    cut = {"relcl", "conj", "appos", "cc"}
    skip = {t.i for c in token.children if c.dep_ in cut for t in c.subtree}
    if stop is not None:
        skip |= {t.i for t in stop.subtree}
    indices = [t.i for t in token.subtree if t.i not in skip]
    start, end = min(indices), max(indices) + 1
    while end > start and any(i in skip for i in range(start, end)):
        end -= 1
    span = _trim(doc[start:end])
    if span is None or len(span) > MAX_DESCRIPTOR_TOKENS:
        return None
    return span


def _trim(span: SpacySpan) -> SpacySpan | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end < len(doc) and doc[end].text == ")" and doc[start:end].text.count("(") > doc[start:end].text.count(")"):
        end += 1  # "... League (CDL)" keeps the bracket it closes
    return doc[start:end] if end > start else None


def _descriptor(span: SpacySpan, kind: str, article_id: str) -> Descriptor:
    return Descriptor(span=_span(span, article_id), text=span.text, kind=kind)


def _span(span: SpacySpan, article_id: str) -> Span:
    return Span(article_id=article_id, start=span.start_char, end=span.end_char)
