"""The records that flow between newsprism's stages.

Every stage takes records from this module and returns new ones; nothing here is mutated after
construction. Every extracted item carries a `Span` into the cleaned text of its article, so it can
be shown in context. `StoryReport` is the one object the renderers read; it round-trips through
JSON (`to_json` / `StoryReport.model_validate_json`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.0"

Origin = Literal["given", "dateline", "html", "url", "text", "feed", "crawl", "none"]
SentenceKind = Literal["reporting", "attributed", "opinion"]
Precision = Literal["exact", "bounded", "vague"]
Verdict = Literal["conflicting", "corroborated", "single-source"]
ConflictKind = Literal["quantity", "date", "actor", "quote", "stance"]


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """Characters `start:end` of the cleaned text of article `article_id`."""

    article_id: str
    start: int
    end: int


class Removed(Record):
    """A piece of the input that cleaning removed, and why."""

    text: str
    reason: str


class Article(Record):
    """One article: cleaned text plus what is known about where it came from.

    `title_origin`, `outlet_origin` and `published_origin` say whether a value was given by the user or inferred
    (and from what): "given", "dateline", "html", "url", "text", "feed", "crawl" or "none".
    """

    id: str
    input: str
    text: str
    title: str | None = None
    title_origin: Origin = "none"
    outlet: str | None = None
    outlet_origin: Origin = "none"
    url: str | None = None
    published: dt.date | None = None
    published_origin: Origin = "none"
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    metadata: dict[str, str] = {}

    @property
    def title_inferred(self) -> bool:
        return self.title_origin not in ("given", "none")

    @property
    def outlet_inferred(self) -> bool:
        return self.outlet_origin not in ("given", "none")

    @property
    def published_inferred(self) -> bool:
        return self.published_origin not in ("given", "none")

    def snippet(self, span: Span) -> str:
        return self.text[span.start : span.end]


class Sentence(Record):
    """A sentence and whose voice it is in: the reporter's, someone else's, or the writer's opinion."""

    span: Span
    paragraph: int
    kind: SentenceKind
    reasons: tuple[str, ...] = ()


class Mention(Record):
    """One mention of an actor in an article."""

    span: Span
    text: str


class Descriptor(Record):
    """A label an article attaches to an actor: apposition, modifier, predicate nominal, role."""

    span: Span
    text: str
    kind: Literal["apposition", "modifier", "predicate", "role"]


class LocalEntity(Record):
    """An actor as one article names it, before entities are merged across articles."""

    key: str
    name: str
    label: str
    mentions: tuple[Mention, ...]
    descriptors: tuple[Descriptor, ...] = ()


class NameVariant(Record):
    text: str
    article_ids: tuple[str, ...]


class Entity(Record):
    """One real-world actor across all articles."""

    id: str
    name: str
    label: str
    variants: tuple[NameVariant, ...]
    mentions: tuple[Span, ...]
    descriptors: tuple[Descriptor, ...] = ()


class Quote(Record):
    """Direct or reported speech with its speaker, cue and channel.

    `speaker_key` names the speaker's `LocalEntity` within the article; `speaker` is the merged
    `Entity` id, filled in when entities are aligned across articles.
    """

    id: str
    kind: Literal["direct", "reported"]
    span: Span
    text: str
    cue: str | None = None
    cue_span: Span | None = None
    speaker_mention: str | None = None
    speaker_span: Span | None = None
    speaker_key: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    channel: str | None = None
    channel_span: Span | None = None


class Quantity(Record):
    """A number as written, with its precision: "25" exact, "at least 25" bounded, "dozens" vague."""

    span: Span
    text: str
    low: float | None
    high: float | None
    precision: Precision
    counted: str = ""


class TimeExpression(Record):
    """A time expression resolved against the article date ("on Tuesday" -> 2019-12-31)."""

    span: Span
    text: str
    start: dt.date | None
    end: dt.date | None
    anchor: Literal["absolute", "article-date", "unresolved"] = "unresolved"


class Claim(Record):
    """One factual statement of one article: a clause, the phrase around a number, or a direct quote."""

    id: str
    kind: Literal["statement", "event", "number", "quote"] = "statement"
    span: Span
    text: str
    sentence: Span
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    actors: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    attributed_to: str | None = None
    reported: bool = False  # told as someone's words (a quote or reported speech), whether or not the speaker was found
    stated: bool = False  # reported as its speaker's own statement ("X said", "according to X"), not "X urged", "X asked"
    denied: bool = False  # reported as denied ("X denied that ..."): what the speaker says is not so


class ConflictValue(Record):
    article_id: str
    text: str
    span: Span


class Conflict(Record):
    """What two or more articles disagree on inside one claim group."""

    kind: ConflictKind
    about: str
    values: tuple[ConflictValue, ...]


class ClaimGroup(Record):
    """Claims of several articles that state the same fact, with a verdict."""

    id: str
    verdict: Verdict
    text: str
    claims: tuple[Claim, ...]
    article_ids: tuple[str, ...]
    independent_sources: int
    conflicts: tuple[Conflict, ...] = ()


class CoverageGap(Record):
    """The corroborated claim groups an article leaves out."""

    article_id: str
    missing: tuple[str, ...]


class Label(Record):
    article_id: str
    text: str
    span: Span


class EntityLabels(Record):
    entity: str
    name: str
    labels: tuple[Label, ...]


class LoadedWord(Record):
    text: str
    span: Span


class ArticleFraming(Record):
    article_id: str
    sentences: int
    opinion_share: float
    attributed_share: float
    loaded_words: tuple[LoadedWord, ...]


class Framing(Record):
    entities: tuple[EntityLabels, ...]
    articles: tuple[ArticleFraming, ...]


class Event(Record):
    """Something that happened, anchored to a resolved date, in one article."""

    span: Span
    text: str
    trigger: str
    time: TimeExpression


class TimelineEntry(Record):
    """One event on the timeline, with the articles that report it."""

    id: str
    start: dt.date
    end: dt.date
    text: str
    events: tuple[Event, ...]
    article_ids: tuple[str, ...]


class SummarySentence(Record):
    text: str
    claim_group: str
    spans: tuple[Span, ...]


class StoryReport(Record):
    """Everything newsprism found about one story; the only input of the renderers."""

    schema_version: str = SCHEMA_VERSION
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[ClaimGroup, ...]
    coverage: tuple[CoverageGap, ...]
    framing: Framing
    sentences: tuple[Sentence, ...]
    timeline: tuple[TimelineEntry, ...]
    summary: tuple[SummarySentence, ...]
    warnings: tuple[str, ...] = ()

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


class ArticleFacts(Record):
    """What extraction found in one article; the input of alignment."""

    article_id: str
    sentences: tuple[Sentence, ...]
    entities: tuple[LocalEntity, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    loaded_words: tuple[LoadedWord, ...]


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with its one spaCy parse; lives only in memory between annotate and extract."""

    article: Article
    doc: Any = field(repr=False)


# Corpus mode: records that flow between ingest, dedupe, stories and the store.


class Place(Record):
    """Where in an input an article was found: `position` is "" for a whole file, else e.g.
    "line 12" (JSONL), "record 3" (WARC), "entry 5" (feed). (input, position) is unique and stable
    across runs, so a resumed run can skip what it already stored."""

    input: str
    position: str = ""

    def __str__(self) -> str:
        return f"{self.input}:{self.position}" if self.position else self.input


class Read(Record):
    """An article read from a collection, and where it was found."""

    place: Place
    article: Article


class Unreadable(Record):
    """An item of a collection that could not be read, and why: recorded and skipped, never fatal."""

    place: Place
    reason: str


class CopyLink(Record):
    """`article_id` is a near-duplicate or partial copy of the earlier `original_id`."""

    article_id: str
    original_id: str
    resemblance: float
    containment: float


class StoryInfo(Record):
    """One story of a corpus, as `corpus stories` lists it."""

    id: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    first: dt.date | None = None
    last: dt.date | None = None
    headline: str = ""


class IngestSummary(Record):
    """What one `corpus ingest` run did; `skipped` counts places an earlier run had already stored, and
    `unreported` gives the stories whose report failed, with the error (the next run tries them again)."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    copies: int = 0
    stories: int = 0
    failures: int = 0
    skipped: int = 0
    unreported: dict[str, str] = {}


class StoryFeatures(Record):
    """What story grouping knows of one article: its date, the actors it names (each once),
    the pairs of neighbouring content words of its text, the numbers of its title and lead, and the static
    embedding of its title and lead (float16, base64)."""

    article_id: str
    published: dt.date | None = None
    names: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    vector: str = ""
