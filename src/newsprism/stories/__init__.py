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
keeps its id, and `take_merged` tells the caller which ids went. One story can also turn out to be two events
told alike (two DUI arrests of two players of one team): each time a story reaches `SPLIT_MIN` articles or grows
by half, its articles are clustered in two (average link on their likeness to each other), and when each half
has `SPLIT_SIDE` articles or more and the two are less than `SPLIT` alike on average, the story splits. The larger
half keeps its id, the other opens a story with a new one, and `take_moved` tells the caller which articles moved.
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
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform
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
SPLIT_MIN = 6  # a story is looked at for a split once it has this many articles,
SPLIT_GROWTH = 1.5  # and again each time it has grown by this factor
SPLIT_LARGEST = 2000  # but not beyond this size: the look weighs every pair of its articles
SPLIT_SIDE = 3  # each half of a split has at least this many articles (one odd article is no second event)
SPLIT = 0.15  # a story splits when its halves are less alike than this on average (on the scale of `_likeness`)


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
    members: list[_Article] = field(default_factory=list)  # its articles, for the look that may split it

    def counts(self, kind: str) -> Counter:
        """Its "names" or its "pairs"."""
        return self.names if kind == "names" else self.pairs

    def terms(self) -> set[str | int]:
        """Its names and word pairs' rows."""
        return set(self.names) | set(self.pairs)

    def absorb(self, article: _Article) -> None:
        self.arrays.clear()
        self.names.update(article.names)
        self.pairs.update(article.pairs.tolist())
        self.vector = self.vector + article.vector
        self.numbers.update(article.numbers)
        self.numbered += bool(article.numbers)
        self.size += 1
        self.members.append(article)
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
        self.members += other.members
        self._span(other.first, other.last)

    def _span(self, first: dt.date | None, last: dt.date | None) -> None:
        if first is not None and last is not None:
            self.first = min(self.first or first, first)
            self.last = max(self.last or last, last)


@dataclass(frozen=True)
class _Article:
    """An article as the grouper weighs it, small as its story keeps it: each word pair as its row, a stable hash
    (`PAIR_ROWS`), so that memory does not grow with the pairs a crawl meets, and the lead vector in half floats."""

    id: str
    published: dt.date | None
    names: tuple[str, ...]
    pairs: np.ndarray  # int32 rows, as often as the text has the pair
    numbers: tuple[str, ...]
    vector: np.ndarray  # float16

    @classmethod
    def of(cls, features: StoryFeatures) -> _Article:
        """The grouper's view of an article's stored features."""
        rows = (zlib.crc32(p.encode("utf-8")) % PAIR_ROWS for p in features.pairs)
        pairs = np.fromiter(rows, np.int32, len(features.pairs))
        vector = np.frombuffer(base64.b64decode(features.vector), dtype=np.float16)
        return cls(features.article_id, features.published, features.names, pairs, features.numbers, vector)

    def terms(self) -> set[str | int]:
        """Its names (text) and its word pairs' rows (numbers)."""
        return {*self.names, *self.pairs.tolist()}


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
        self._moved: dict[str, str] = {}  # article moved by a split since `take_moved` -> the story it is in now

    def load(self, stored: Iterable[tuple[StoryFeatures, str]]) -> None:
        """Rebuild from stored (features, story id) pairs, in the order they were added."""
        for features, story_id in stored:
            article = _Article.of(features)
            terms = article.terms()
            self._count(terms)
            self._join(article, story_id, terms)

    def add(self, batch: Sequence[StoryFeatures]) -> dict[str, str]:
        """The story of each article of the batch, in order; an article unlike every story opens one."""
        assigned: dict[str, str] = {}
        sizes: dict[str, int] = {}  # the size each story the batch joins had before it
        for article in map(_Article.of, batch):
            terms = article.terms()
            self._count(terms)
            weighed = self._weighed(article)
            scored = sorted(((self._likeness(weighed, s), s.id) for s in self._candidates(article, terms)), reverse=True)
            joinable = [story_id for likeness, story_id in scored if likeness >= JOIN]
            story_id = joinable[0] if joinable else "s" + article.id
            sizes.setdefault(story_id, self._stories[story_id].size if story_id in self._stories else 0)
            self._join(article, story_id, terms)
            if len(joinable) > 1:
                story_id = self._merge_if_one(self._stories[story_id], [self._stories[s] for s in joinable[1:]])
            assigned[article.id] = story_id
        for story_id, size in sizes.items():
            story = self._stories.get(self._merged.get(story_id, story_id))
            if story is not None and _split_due(size, story.size):
                self._split_if_two(story)
        return {article_id: self._now_in(article_id, s) for article_id, s in assigned.items()}

    def take_merged(self) -> dict[str, str]:
        """The stories merged into another since the last call, each with the id of the story it is part of now."""
        merged, self._merged = self._merged, {}
        return merged

    def take_moved(self) -> dict[str, str]:
        """The articles a split moved to another story since the last call, each with the story it is in now."""
        moved, self._moved = self._moved, {}
        return moved

    def _now_in(self, article_id: str, story_id: str) -> str:
        """The story an article placed in `story_id` is in now, after the merges and splits since."""
        story_id = self._moved.get(article_id, story_id)
        return self._merged.get(story_id, story_id)

    def _split_if_two(self, story: _Story) -> None:
        """Split a story whose articles fall into two halves less than `SPLIT` alike (see the module's docstring)."""
        members = story.members
        likeness = self._likeness_matrix(members)
        distance = squareform(np.clip(1 - likeness, 0, None), checks=False)
        labels = fcluster(linkage(distance, "average"), 2, "maxclust")
        first = labels == labels[0]
        if min(first.sum(), (~first).sum()) < SPLIT_SIDE or likeness[np.ix_(first, ~first)].mean() >= SPLIT:
            return
        kept = first if first.sum() >= (~first).sum() else ~first
        staying = [m for m, stays in zip(members, kept) if stays]
        leaving = [m for m, stays in zip(members, kept) if not stays]
        new_id = f"s{leaving[0].id}-{self._documents}"  # never an id before: the count only grows
        self._unindex(story.id, leaving)
        del self._stories[story.id]
        for story_id, part in ((story.id, staying), (new_id, leaving)):
            for article in part:
                self._join(article, story_id, article.terms())
        self._moved.update({m.id: new_id for m in leaving})

    def _unindex(self, story_id: str, articles: Sequence[_Article]) -> None:
        """Take `story_id` out of the index under the terms of `articles` (those it keeps are posted again)."""
        for article in articles:
            week = _week(article.published)
            for key in {_index_key(t) for t in article.terms()}:
                by_week = self._index[key]
                held = by_week.get(week)
                if held == story_id:
                    del by_week[week]
                elif isinstance(held, set):
                    held.discard(story_id)

    def _likeness_matrix(self, members: Sequence[_Article]) -> np.ndarray:
        """The likeness of every two articles of a story, each weighed as `_likeness` weighs an article against a
        story of the other alone."""
        names = self._cosines([np.fromiter(map(self._row, m.names), np.intp, len(m.names)) for m in members])
        pairs = self._cosines([m.pairs for m in members])
        vectors = np.stack([m.vector for m in members]).astype(np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        numbered = np.array([bool(m.numbers) for m in members])
        numbers = _incidence(np.array([n for m in members for n in m.numbers]), [len(m.numbers) for m in members])
        apart = np.outer(numbered, numbered) & ((numbers @ numbers.T).toarray() == 0)
        return (NAME_WEIGHT * names + PAIR_WEIGHT * pairs + VECTOR_WEIGHT * (vectors @ vectors.T)
                - NUMBER_PENALTY * apart)

    def _cosines(self, rows: Sequence[np.ndarray]) -> np.ndarray:
        """Cosines of every two of these lists of terms (their rows in `_frequency`), their counts weighed by rarity."""
        found = np.concatenate(rows)
        weighed = _incidence(found, [len(r) for r in rows], self._rarity(found))
        lengths = np.sqrt(np.asarray(weighed.multiply(weighed).sum(axis=1))).ravel()
        lengths[lengths == 0] = 1
        return (weighed @ weighed.T).toarray() / np.outer(lengths, lengths)

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
        self._moved = {a: (kept.id if into == gone.id else into) for a, into in self._moved.items()}
        return kept.id

    def _kinship(self, a: _Story, b: _Story) -> float:
        """How alike two stories' profiles are, on the scale of `_likeness`."""
        names = self._profile_cosine(a, b, "names")
        pairs = self._profile_cosine(a, b, "pairs")
        vector = float(a.vector @ b.vector) / max(float(np.linalg.norm(a.vector) * np.linalg.norm(b.vector)), 1e-9)
        return NAME_WEIGHT * names + PAIR_WEIGHT * pairs + VECTOR_WEIGHT * vector - NUMBER_PENALTY * _numbers_apart(a, b)

    def _join(self, article: _Article, story_id: str, terms: set[str | int]) -> None:
        """Put a counted article (its `terms`) in a story, opening it if need be."""
        story = self._stories.setdefault(story_id, _Story(story_id))
        story.absorb(article)
        week = _week(article.published)
        for key in {_index_key(t) for t in terms}:
            _post(self._index[key], week, story_id)

    def _count(self, terms: set[str | int]) -> None:
        """Count one more article, with these terms."""
        self._documents += 1
        rows = [self._row(t, add=True) for t in terms]
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
        return _Incoming(article, self._weigh(article.names), self._weigh(article.pairs.tolist()))

    def _weigh(self, terms: Iterable[str | int]) -> _Weighed:
        counts = Counter(terms)
        weights = {t: self._idf(t) for t in counts}
        return _Weighed(counts, weights, math.sqrt(sum((c * weights[t]) ** 2 for t, c in counts.items())))

    def _key_terms(self, terms: set[str | int]) -> list[str | int]:
        """An article's rarest names and word pairs (of its `terms`) that other articles share: what a story of the
        same event must have in common with it."""
        shared = [t for t in terms if self._articles_with(t) > 1]
        return heapq.nsmallest(CANDIDATE_TERMS, shared, key=lambda t: (-self._idf(t), *_tie_order(t)))

    def _candidates(self, article: _Article, terms: set[str | int]) -> list[_Story]:
        weeks = _weeks_around(article.published)
        found = set()
        for term in self._key_terms(terms):
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
        return rows, counts * self._rarity(rows)

    def _rarity(self, rows: np.ndarray) -> np.ndarray:
        """The idf of the terms of these rows of `_frequency`, as `_idf` gives it for one term."""
        return np.log((1 + self._documents) / (1 + self._frequency[rows])) + 1


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


def _split_due(before: int, after: int) -> bool:
    """Whether a story that grew from `before` to `after` articles is to be looked at for a split: it reached
    `SPLIT_MIN` articles, or the next step from there, each `SPLIT_GROWTH` times the last, and is not beyond
    `SPLIT_LARGEST`."""
    if after > SPLIT_LARGEST:
        return False
    step = SPLIT_MIN
    while step <= after:
        if before < step:
            return True
        step = math.ceil(step * SPLIT_GROWTH)
    return False


def _incidence(found: np.ndarray, lengths: Sequence[int], weights: np.ndarray | None = None) -> csr_matrix:
    """A sparse matrix of one row a list of terms and one column a distinct term, from the terms of all the lists one
    after another (`found`) and how many each list has: how often each list has each term, or with `weights` (one for
    each term found) the sum of their weights."""
    _, columns = np.unique(found, return_inverse=True)
    owners = np.repeat(np.arange(len(lengths)), lengths)
    values = np.ones(len(found)) if weights is None else weights
    return csr_matrix((values, (owners, columns.ravel())), shape=(len(lengths), max(len(found), 1)))


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
