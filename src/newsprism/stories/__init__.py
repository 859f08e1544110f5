"""Stories: articles grouped into stories incrementally, from what the pipeline already extracted.

    features = story_features(articles, facts, lead_embedder)  # per batch, in worker processes
    grouper = StoryGrouper(); grouper.load(stored)             # the stories so far, from the database
    grouper.add(batch)                                         # -> {article id: story id}
    grouper.take_merged()                                      # -> {merged story id: the story it is in now}

An article joins the story it is most like, or opens a new one. Likeness adds three signals, the
first two weighted by how rare their terms are in the corpus so far: the actors both name (people by
surname, other actors by name; once an article, however often it names them, so a story counts how many
of its articles name each), the pairs of neighbouring content words of their texts (stop words left
out: "rocco brandt", "sixth round", "137 million"), and a static embedding of title and lead. Two
look-alike events (two earthquakes, two celebrities in rehab) differ in their actors and places, which
is why names weigh most, and in their numbers (a magnitude, a sum, a date), so an article
whose title and lead share no number with those of the story's articles is held back by
`NUMBER_PENALTY`. Candidate stories come from an index of names and rare word pairs, and a
story whose dates lie more than `WINDOW_DAYS` away is not a candidate: the index is kept by week, and
only a story that has an article with the shared term in the weeks around the new article's date is
looked at, so the cost of adding an article does not grow with the corpus (an undated article looks at
the undated stories and the latest weeks each term was seen in). Word pairs are counted and indexed by
a stable hash (`PAIR_ROWS`, `INDEX_BUCKETS`), as a crawl meets new ones without end: the grouper's
memory grows with its articles, not with their vocabulary. Two stories opened apart can turn out to be
one event: when an article is like both (at `JOIN` or more), it joins the more like, and the two are merged if
their profiles (names, word pairs, lead vectors and numbers of all their articles) are `MERGE` alike; the larger
keeps its id, and `take_merged` tells the caller which ids went. No other story is ever renumbered.
"""

from __future__ import annotations

import base64
import datetime as dt
import heapq
import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.annotate.embed import STATIC_DIMENSIONS, StaticEmbedder
from newsprism.extract.names import normalise
from newsprism.models import Article, ArticleFacts, LocalEntity, StoryFeatures

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")  # a year named in the text tells two look-alike events apart
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # as written: "4.4", "1,219", "2013"
ADDRESS = re.compile(r"https?://\S+")  # as a saved text's opening line often holds
WORD = re.compile(r"\b\w\w+\b")
LEAD_SENTENCES = 3
LEAD_WORDS = 80  # longer leads group ECB+ worse (five sentences up to 150 words: 0.863 against 0.877)
WINDOW_DAYS = 10
UNDATED_WEEKS = 8
CANDIDATE_TERMS = 12
NAME_WEIGHT, PAIR_WEIGHT, VECTOR_WEIGHT = 0.35, 0.45, 0.2
NUMBER_PENALTY = 0.1
JOIN = 0.14
MERGE = 0.35  # two stories an article bridges are one when their profiles are this alike
PAIR_ROWS = 2**23  # word pairs are counted by a stable hash into this many rows: a crawl meets new pairs without end
INDEX_BUCKETS = 2**18  # and indexed by a coarser one, so neither the counts nor the index grows with them


def story_features(
    articles: Sequence[Article], facts: Sequence[ArticleFacts], lead_embedder: StaticEmbedder
) -> list[StoryFeatures]:
    """The names, word pairs, lead numbers and lead embedding of each article (the leads embedded together)."""
    leads = [_lead(a, f) for a, f in zip(articles, facts)]
    vectors = lead_embedder.embed(leads).astype(np.float16)
    return [_features(a, f, lead, v) for a, f, lead, v in zip(articles, facts, leads, vectors)]


def _lead(article: Article, facts: ArticleFacts) -> str:
    title = article.title if article.title_origin != "text" else None  # a title read from the text is in it already
    lead = " ".join([title or "", *(article.text[s.span.start : s.span.end] for s in facts.sentences[:LEAD_SENTENCES])])
    return " ".join((lead.strip() or article.text[:500]).split()[:LEAD_WORDS])


def _features(article: Article, facts: ArticleFacts, lead: str, vector: np.ndarray) -> StoryFeatures:
    names = {_name_key(e) for e in facts.entities if e.label in NAME_LABELS}
    names |= set(YEAR.findall(article.text))
    return StoryFeatures(
        article_id=article.id, published=article.published, names=tuple(sorted(names)), pairs=_word_pairs(article.text),
        numbers=_lead_numbers(lead), vector=base64.b64encode(vector.tobytes()).decode("ascii"),
    )


def _word_pairs(text: str) -> tuple[str, ...]:
    """Each pair of neighbouring content words once stop words are left out, as often as the text has it,
    leaving out page addresses: what two reports of one event share and two look-alike events mostly do not
    ("rocco brandt", "sixth round" against "ivan kovac", "ninth round")."""
    words = [w for w in WORD.findall(ADDRESS.sub(" ", text).lower()) if w not in STOP_WORDS]
    return tuple(sorted(f"{a} {b}" for a, b in zip(words, words[1:])))


def _lead_numbers(lead: str) -> tuple[str, ...]:
    """The numbers a lead reports, as written, leaving out those of a page address (ids and dates of a path)."""
    return tuple(sorted(set(NUMBER.findall(ADDRESS.sub(" ", lead)))))


def _name_key(entity: LocalEntity) -> str:
    """People by surname ("Trump" and "Donald J. Trump" are one), other actors by their whole name. An actor the
    article also calls by the last word of its name alone is keyed by that word, whatever its label: the tagger
    takes some people for organisations ("Rocco Brandt" then "Brandt"), and "Colts" is the "Indianapolis Colts"."""
    words = normalise(entity.name).split()
    if len(words) > 1 and (entity.label == "PERSON" or any(normalise(m.text) == words[-1] for m in entity.mentions)):
        return words[-1]
    return " ".join(words)


@dataclass
class _Story:
    id: str
    names: Counter = field(default_factory=Counter)  # how many of its articles name each actor
    pairs: Counter = field(default_factory=Counter)  # word pairs by row (see `_Article`)
    vector: np.ndarray = field(default_factory=lambda: np.zeros(STATIC_DIMENSIONS, dtype=np.float32))
    numbers: Counter = field(default_factory=Counter)  # of its articles, how many have each number in their lead
    numbered: int = 0  # how many of its articles have a number in their lead
    size: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    arrays: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)  # kind -> (term rows, counts)

    def counts(self, kind: str) -> Counter:
        """Its "names" or its "pairs"."""
        return self.names if kind == "names" else self.pairs

    def terms(self) -> set[str | int]:
        """Its names and word pairs' rows."""
        return set(self.names) | set(self.pairs)

    def absorb(self, article: _Article) -> None:
        self.arrays.clear()
        self.names.update(article.names)
        self.pairs.update(article.pairs)
        self.vector = self.vector + article.vector
        self.numbers.update(article.numbers)
        self.numbered += bool(article.numbers)
        self.size += 1
        self._span(article.published, article.published)

    def take_in(self, other: _Story) -> None:
        """Everything of a story merged into this one."""
        self.arrays.clear()
        self.names.update(other.names)
        self.pairs.update(other.pairs)
        self.vector = self.vector + other.vector
        self.numbers.update(other.numbers)
        self.numbered += other.numbered
        self.size += other.size
        self._span(other.first, other.last)

    def _span(self, first: dt.date | None, last: dt.date | None) -> None:
        if first is not None and last is not None:
            self.first = min(self.first or first, first)
            self.last = max(self.last or last, last)


@dataclass(frozen=True)
class _Article:
    """An article as the grouper weighs it: each word pair as its row, a stable hash (`PAIR_ROWS`), so that memory
    does not grow with the pairs a crawl meets; its terms are its names (text) and its pairs' rows (numbers)."""

    id: str
    published: dt.date | None
    names: tuple[str, ...]
    pairs: tuple[int, ...]
    numbers: tuple[str, ...]
    vector: np.ndarray
    terms: frozenset[str | int]

    @classmethod
    def of(cls, features: StoryFeatures) -> _Article:
        """The grouper's view of an article's stored features."""
        pairs = tuple(zlib.crc32(p.encode("utf-8")) % PAIR_ROWS for p in features.pairs)
        return cls(features.article_id, features.published, features.names, pairs, features.numbers,
                   _vector(features), frozenset(features.names) | frozenset(pairs))


@dataclass(frozen=True)
class _Weighed:
    """An article's counts of one kind of term (names or word pairs), weighed by rarity once for all its candidates."""

    counts: Counter
    weights: dict[str | int, float]
    norm: float


@dataclass(frozen=True)
class _Incoming:
    """An article being placed, its terms weighed."""

    article: _Article
    names: _Weighed
    pairs: _Weighed


class StoryGrouper:
    """Assigns articles to stories one by one, remembering the stories and how common each term is."""

    def __init__(self) -> None:
        self._stories: dict[str, _Story] = {}
        self._index: dict[str | int, dict[int | None, str | set[str]]] = defaultdict(dict)  # see _index_key, _post
        self._vocabulary: dict[str, int] = {}  # name -> its row in _frequency after the rows of word pairs
        self._frequency = np.zeros(PAIR_ROWS + 1024)  # how many articles have each term
        self._documents = 0
        self._weights: dict[str | int, float] = {}  # idf of the terms looked up since the last article was counted
        self._merged: dict[str, str] = {}  # story merged into another since `take_merged` -> the story it is in now

    def load(self, stored: Iterable[tuple[StoryFeatures, str]]) -> None:
        """Rebuild from stored (features, story id) pairs, in the order they were added."""
        for features, story_id in stored:
            self._join(_Article.of(features), story_id)

    def add(self, batch: Sequence[StoryFeatures]) -> dict[str, str]:
        """The story of each article of the batch, in order; an article unlike every story opens one."""
        assigned: dict[str, str] = {}
        for article in map(_Article.of, batch):
            self._count(article)
            weighed = self._weighed(article)
            scored = sorted(((self._likeness(weighed, s), s.id) for s in self._candidates(article)), reverse=True)
            joinable = [story_id for likeness, story_id in scored if likeness >= JOIN]
            story_id = joinable[0] if joinable else "s" + article.id
            self._join(article, story_id, counted=True)
            if len(joinable) > 1:
                story_id = self._merge_if_one(self._stories[story_id], [self._stories[s] for s in joinable[1:]])
            assigned[article.id] = story_id
        return {article_id: self._merged.get(s, s) for article_id, s in assigned.items()}

    def take_merged(self) -> dict[str, str]:
        """The stories merged into another since the last call, each with the id of the story it is part of now."""
        merged, self._merged = self._merged, {}
        return merged

    def _merge_if_one(self, story: _Story, others: list[_Story]) -> str:
        """Merge `story` with the most like of `others` if their profiles are `MERGE` alike; the id it has now."""
        kinship, other = max(((self._kinship(story, o), o.id) for o in others), default=(0.0, ""))
        if kinship < MERGE:
            return story.id
        gone, kept = sorted((story, self._stories[other]), key=lambda s: (s.size, s.id))
        kept.take_in(gone)
        del self._stories[gone.id]
        for key in {_index_key(t) for t in gone.terms()}:
            by_week = self._index[key]
            for week, held in by_week.items():
                if held == gone.id:
                    by_week[week] = kept.id
                elif isinstance(held, set) and gone.id in held:
                    held.discard(gone.id)
                    held.add(kept.id)
        self._merged = {s: (kept.id if into == gone.id else into) for s, into in self._merged.items()}
        self._merged[gone.id] = kept.id
        return kept.id

    def _kinship(self, a: _Story, b: _Story) -> float:
        """How alike two stories' profiles are, on the scale of `_likeness`."""
        names = self._profile_cosine(a, b, "names")
        pairs = self._profile_cosine(a, b, "pairs")
        vector = float(a.vector @ b.vector) / max(float(np.linalg.norm(a.vector) * np.linalg.norm(b.vector)), 1e-9)
        return NAME_WEIGHT * names + PAIR_WEIGHT * pairs + VECTOR_WEIGHT * vector - NUMBER_PENALTY * _numbers_apart(a, b)

    def _join(self, article: _Article, story_id: str, counted: bool = False) -> None:
        if not counted:
            self._count(article)
        story = self._stories.setdefault(story_id, _Story(story_id))
        story.absorb(article)
        week = _week(article.published)
        for key in {_index_key(t) for t in article.terms}:
            _post(self._index[key], week, story_id)

    def _count(self, article: _Article) -> None:
        self._documents += 1
        rows = [self._row(t, add=True) for t in article.terms]
        if PAIR_ROWS + len(self._vocabulary) > len(self._frequency):
            self._frequency = np.concatenate([self._frequency, np.zeros(len(self._vocabulary))])
        self._frequency[rows] += 1
        self._weights.clear()

    def _row(self, term: str | int, add: bool = False) -> int | None:
        """A term's row in `_frequency`: a word pair's own, or a name's place in the vocabulary (None for a name
        never counted, unless `add`)."""
        if isinstance(term, int):
            return term
        if add:
            return PAIR_ROWS + self._vocabulary.setdefault(term, len(self._vocabulary))
        row = self._vocabulary.get(term)
        return None if row is None else PAIR_ROWS + row

    def _articles_with(self, term: str | int) -> int:
        row = self._row(term)
        return 0 if row is None else int(self._frequency[row])

    def _idf(self, term: str | int) -> float:
        weight = self._weights.get(term)
        if weight is None:
            weight = self._weights[term] = math.log((1 + self._documents) / (1 + self._articles_with(term))) + 1
        return weight

    def _weighed(self, article: _Article) -> _Incoming:
        return _Incoming(article, self._weigh(article.names), self._weigh(article.pairs))

    def _weigh(self, terms: Iterable[str | int]) -> _Weighed:
        counts = Counter(terms)
        weights = {t: self._idf(t) for t in counts}
        return _Weighed(counts, weights, math.sqrt(sum((c * weights[t]) ** 2 for t, c in counts.items())))

    def _key_terms(self, article: _Article) -> list[str | int]:
        """The article's rarest names and word pairs that other articles share: what a story of the same event
        must have in common with it."""
        shared = [t for t in article.terms if self._articles_with(t) > 1]
        return heapq.nsmallest(CANDIDATE_TERMS, shared, key=lambda t: (-self._idf(t), *_tie_order(t)))

    def _candidates(self, article: _Article) -> list[_Story]:
        weeks = _weeks_around(article.published)
        found = set()
        for term in self._key_terms(article):
            by_week = self._index.get(_index_key(term), {})
            for week in _latest_weeks(by_week) if weeks is None else weeks:
                held = by_week.get(week, ())
                found.update((held,) if isinstance(held, str) else held)
        stories = [self._stories[s] for s in sorted(found)]
        return [s for s in stories if _within_window(article.published, s)]

    def _likeness(self, incoming: _Incoming, story: _Story) -> float:
        names = self._cosine(incoming.names, story, "names")
        pairs = self._cosine(incoming.pairs, story, "pairs")
        centroid = story.vector / max(float(np.linalg.norm(story.vector)), 1e-9)
        vector = float(incoming.article.vector @ centroid)
        gap = _number_gap(incoming.article, story)
        return NAME_WEIGHT * names + PAIR_WEIGHT * pairs + VECTOR_WEIGHT * vector - NUMBER_PENALTY * gap

    def _cosine(self, a: _Weighed, story: _Story, kind: str) -> float:
        """Cosine of the article's and the story's idf-weighted counts of one kind of term."""
        b = story.counts(kind)
        dot = sum(c * b[t] * a.weights[t] ** 2 for t, c in a.counts.items() if t in b)
        norm_b = self._norm(story, kind)
        return dot / (a.norm * norm_b) if a.norm and norm_b else 0.0

    def _norm(self, story: _Story, kind: str) -> float:
        """The length of a story's idf-weighted counts of one kind of term."""
        return _length(self._profile(story, kind)[1])

    def _profile_cosine(self, a: _Story, b: _Story, kind: str) -> float:
        """Cosine of two stories' idf-weighted counts of one kind of term."""
        (rows_a, weighed_a), (rows_b, weighed_b) = self._profile(a, kind), self._profile(b, kind)
        _, in_a, in_b = np.intersect1d(rows_a, rows_b, assume_unique=True, return_indices=True)
        norms = _length(weighed_a) * _length(weighed_b)
        return float(weighed_a[in_a] @ weighed_b[in_b]) / norms if norms else 0.0

    def _profile(self, story: _Story, kind: str) -> tuple[np.ndarray, np.ndarray]:
        """A story's term rows and idf-weighted counts of one kind of term, with numpy: a large story has thousands
        of terms, and their weights change with every article counted."""
        if kind not in story.arrays:
            counts = story.counts(kind)
            rows = np.fromiter(map(self._row, counts), np.intp, len(counts))
            story.arrays[kind] = rows, np.fromiter(counts.values(), np.float64, len(counts))
        rows, counts = story.arrays[kind]
        return rows, counts * (np.log((1 + self._documents) / (1 + self._frequency[rows])) + 1)


def _post(by_week: dict[int | None, str | set[str]], week: int | None, story_id: str) -> None:
    """Note in a term's index that `story_id` has it in `week`: a lone story as its id, more as a set. Most terms are
    in one story a week, and a set would cost ten times the memory."""
    held = by_week.get(week)
    if held is None or held == story_id:
        by_week[week] = story_id
    elif isinstance(held, str):
        by_week[week] = {held, story_id}
    else:
        held.add(story_id)


def _tie_order(term: str | int) -> tuple[int, str]:
    """How terms as rare as each other are ordered: names by name, then word pairs by their rows written in hex (the
    order the grouper has always had: a corpus regroups into the same stories)."""
    return (1, format(term, "x")) if isinstance(term, int) else (0, term)


def _index_key(term: str | int) -> str | int:
    """Where the index keeps a term: a name under itself, a word pair under its row's bucket (a story found
    through another pair of its bucket is only one more candidate to weigh)."""
    return term % INDEX_BUCKETS if isinstance(term, int) else term


def _number_gap(article: _Article, story: _Story) -> float:
    """1 when the article's lead shares no number with the leads of the story's articles, 0 when one of its
    numbers is in all of them (0 too when either side has none): 4.4 and 4.6 are two earthquakes."""
    if not article.numbers or not story.numbered:
        return 0.0
    return 1 - max(story.numbers[n] for n in article.numbers) / story.numbered


def _length(weighed: np.ndarray) -> float:
    return float(np.sqrt(np.sum(weighed ** 2)))


def _numbers_apart(a: _Story, b: _Story) -> float:
    """How far apart two stories' lead numbers are: 1 minus, for the number they share most, the smaller of the
    shares of each story's numbered leads that hold it (1 when they share none, 0 when either has none)."""
    if not a.numbered or not b.numbered:
        return 0.0
    shared = (min(a.numbers[n] / a.numbered, b.numbers[n] / b.numbered) for n in a.numbers.keys() & b.numbers.keys())
    return 1 - max(shared, default=0.0)


def _vector(features: StoryFeatures) -> np.ndarray:
    return np.frombuffer(base64.b64decode(features.vector), dtype=np.float16).astype(np.float32)


def _week(day: dt.date | None) -> int | None:
    return day.toordinal() // 7 if day is not None else None


def _weeks_around(day: dt.date | None) -> list[int | None] | None:
    """The weeks a story sharing a term with an article of `day` must have it in (undated ones too);
    None for an undated article, which looks in `_latest_weeks` instead."""
    if day is None:
        return None
    window = dt.timedelta(days=WINDOW_DAYS)
    return [None, *range(_week(day - window), _week(day + window) + 1)]


def _latest_weeks(by_week: dict[int | None, str | set[str]]) -> list[int | None]:
    """Where an undated article looks for a term: the undated stories and the latest `UNDATED_WEEKS` weeks
    the term was in the news, not every week of a long crawl (which would make grouping quadratic)."""
    return [None, *heapq.nlargest(UNDATED_WEEKS, (w for w in by_week if w is not None))]


def _within_window(day: dt.date | None, story: _Story) -> bool:
    if day is None or story.first is None:
        return True
    return (story.first - dt.timedelta(days=WINDOW_DAYS)) <= day <= (story.last + dt.timedelta(days=WINDOW_DAYS))
