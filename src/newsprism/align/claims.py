"""Claims grouped across articles, each group with a verdict and what conflicts inside it.

Two claims of different articles state the same fact when their sentence embeddings are close, or when
they are moderately close and share the event (a content verb lemma) and two actors. Claims with
numbers are compared with the numbers masked: the same number is a match; different numbers are a
match (a conflict) only when they count the same thing for the same actors in the same event. A group
holds at most one claim per article. Inside a group, numbers of one thing that cannot both be true,
dates that do not overlap, a quote given in different words, the same words put in different
speakers' mouths, and a claim one source reports as denied and another does not are conflicts. A group
is corroborated when two or more independent sources state it (a copy of another article is not independent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations
from typing import Sequence

import numpy as np

from newsprism.align.summary import PRONOUN_START, named_speakers
from newsprism.annotate.embed import Embedder
from newsprism.extract.quantities import compatible
from newsprism.extract.names import same_actor
from newsprism.models import Claim, ClaimGroup, Conflict, ConflictValue

SAME_FACT = 0.72
SAME_EVENT = 0.5
SHARED_ACTORS_AND_EVENT = 0.35
SAME_COUNT = 0.6
SAME_COUNTED_EVENT = 0.4
SAME_WORDING = 0.75
RELATED_NOUNS = 0.5
SAME_QUOTE = 0.6
MIN_REWORDED_QUOTE = 5
OWN_WORDS = 6  # words from which one quote put in two mouths is one quote, not a shared phrase
LIGHT_VERBS = frozenset("be have do say make get take give go come see".split())
LOOSEST_NUMBERS = min(SAME_EVENT, SAME_COUNTED_EVENT, SAME_COUNT, SAME_WORDING)
LOOSEST = min(SAME_FACT, SHARED_ACTORS_AND_EVENT, LOOSEST_NUMBERS)  # every two claims of a group are this close
UNITS = frozenset("dollar percent % euro pound yen cent year month week day hour minute mile kilometer".split())


@dataclass(frozen=True)
class _Candidate:
    score: float
    a: int
    b: int


def group_claims(
    claims: Sequence[Claim],
    embedder: Embedder,
    source_of: dict[str, str],
    loaded_counts: dict[str, int],
    names: dict[str, str],
) -> tuple[ClaimGroup, ...]:
    """Claim groups, conflicts first, then by number of sources and position.

    `source_of` maps an article id to the article it was copied from (itself when independent);
    `loaded_counts` gives each claim id's number of loaded words, to pick the plainest wording; `names` the name
    of each entity id a claim is attributed to.
    """
    if len({c.span.article_id for c in claims}) > 1:
        vectors = embedder.embed([_without_numbers(c) for c in claims])
        related = _related_nouns(claims, embedder)
    else:  # claims of one article are never matched with each other: nothing to embed
        vectors, related = np.zeros((len(claims), 1)), _Related({})
    members = _cluster(claims, vectors, related)
    groups = [_group(f"g{n}", [claims[i] for i in m], source_of, loaded_counts, related, names) for n, m in enumerate(members, 1)]
    order = {"conflicting": 0, "corroborated": 1, "single-source": 2}
    ranked = sorted(groups, key=lambda g: (order[g.verdict], -len(g.article_ids), _position(g)))
    return tuple(g.model_copy(update={"id": f"g{n}"}) for n, g in enumerate(ranked, 1))


def texts_to_embed(claims: Sequence[Claim]) -> list[str]:
    """Every text `group_claims` embeds for these claims: their wordings with the numbers masked, and the nouns their
    numbers count."""
    return [*(_without_numbers(c) for c in claims), *_counted_nouns(claims)]


def _without_numbers(claim: Claim) -> str:
    """The claim with its numbers masked: two reports of one count must match even when they differ.

    Quotes are matched on their words, not their meaning, so they are not embedded (empty text).
    """
    if _is_quote(claim):
        return ""
    text = claim.text
    for quantity in claim.quantities:
        text = text.replace(quantity.text, "some")
    return text


class _Related:
    """Whether two counted nouns name the same kind of thing ("member" / "supporter", not "dollar" / "percent")."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors

    def __call__(self, a: str, b: str) -> bool:
        if not a or not b or a in UNITS or b in UNITS:
            return bool(a) and a == b
        return a == b or float(self.vectors[a] @ self.vectors[b]) >= RELATED_NOUNS


def _counted_nouns(claims: Sequence[Claim]) -> list[str]:
    return sorted({q.counted for c in claims for q in c.quantities if q.counted})


def _related_nouns(claims: Sequence[Claim], embedder: Embedder) -> _Related:
    words = _counted_nouns(claims)
    return _Related(dict(zip(words, embedder.embed(words)))) if words else _Related({})


def _cluster(claims: Sequence[Claim], vectors: np.ndarray, related: _Related) -> list[list[int]]:
    """Best-first merging of matching claims, never two claims of one article in a group, nor two claims further
    apart than any rule matches (a chain of matches can drift from one fact to another)."""
    similarity = vectors @ vectors.T
    candidates = [
        _Candidate(float(similarity[a, b]), a, b)
        for a, b in _pairs_worth_checking(claims, similarity)
        if _match(claims[a], claims[b], similarity[a, b], related)
    ]
    group_of = list(range(len(claims)))
    members = {i: [i] for i in range(len(claims))}
    for cand in sorted(candidates, key=lambda c: (-c.score, c.a, c.b)):
        ga, gb = group_of[cand.a], group_of[cand.b]
        if ga == gb or _articles(claims, members[ga]) & _articles(claims, members[gb]):
            continue
        if not _is_quote(claims[cand.a]) and similarity[np.ix_(members[ga], members[gb])].min() < LOOSEST:
            continue  # a chain of matches, its ends too far apart to state one fact
        for i in members.pop(gb):
            group_of[i] = ga
            members[ga].append(i)
    return [sorted(m) for m in sorted(members.values(), key=min)]


def _pairs_worth_checking(claims: Sequence[Claim], similarity: np.ndarray) -> np.ndarray:
    """The pairs (a < b) of claims of different articles that `_match` could accept, by what its rules need at
    the least: two quotes sharing enough words, two claims with numbers as close as the loosest number rule
    asks, two other claims close enough on their own or close enough and both with two actors or more."""
    articles = np.array([c.span.article_id for c in claims])
    quotes = np.array([_is_quote(c) for c in claims])
    numbers = np.array([bool(c.quantities) for c in claims]) & ~quotes
    actors = np.array([len(c.actors) >= 2 for c in claims]) & ~quotes
    both = lambda flags: flags[:, None] & flags[None, :]  # noqa: E731
    statements = both(~quotes) & ~both(numbers)
    possible = (
        _may_share_a_quote(claims, quotes)
        | (both(numbers) & (similarity >= LOOSEST_NUMBERS))
        | (statements & (similarity >= SAME_FACT))
        | (statements & both(actors) & (similarity >= SHARED_ACTORS_AND_EVENT))
    )
    return np.argwhere(np.triu(possible & (articles[:, None] != articles[None, :]), k=1))


def _may_share_a_quote(claims: Sequence[Claim], quotes: np.ndarray) -> np.ndarray:
    """Pairs of quotes with enough words in common for `_same_quote`: the products of their word counts, never
    fewer than the words its matching blocks find, reach what one of its rules asks of the shorter quote."""
    found = np.zeros((len(claims), len(claims)), dtype=bool)
    indices = np.flatnonzero(quotes)
    if len(indices) < 2:
        return found
    words = [_words(claims[i].text).split() for i in indices]
    vocabulary = {w: n for n, w in enumerate(sorted({w for ws in words for w in ws}))}
    counts = np.zeros((len(indices), len(vocabulary)))
    for row, ws in enumerate(words):
        np.add.at(counts[row], [vocabulary[w] for w in ws], 1)
    shared = counts @ counts.T
    shorter = np.minimum.outer(counts.sum(axis=1), counts.sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):  # a quote of no words: 0/0, and no match
        ratio = shared / shorter  # divided as `_same_quote` divides, so that a ratio on the line passes both
    reworded = (shorter >= MIN_REWORDED_QUOTE) & (ratio >= SAME_QUOTE)
    excerpt = shared >= shorter - 2  # an excerpt may cut its first and last words: they need not be whole words
    found[np.ix_(indices, indices)] = (reworded | excerpt) & (shorter > 0)
    return found


def _articles(claims: Sequence[Claim], indices: list[int]) -> set[str]:
    return {claims[i].span.article_id for i in indices}


def _match(a: Claim, b: Claim, similarity: float, related: _Related) -> bool:
    if _is_quote(a) or _is_quote(b):
        same_speaker = a.attributed_to is not None and a.attributed_to == b.attributed_to
        long_enough = min(len(_words(a.text).split()), len(_words(b.text).split())) >= OWN_WORDS
        return _is_quote(a) and _is_quote(b) and (same_speaker or long_enough) and _same_quote(a.text, b.text)
    if a.quantities and b.quantities:
        return _numbers_match(a, b, similarity, related)
    if similarity >= SAME_FACT:
        return True
    shared_verbs = (set(a.verbs) & set(b.verbs)) - LIGHT_VERBS
    return similarity >= SHARED_ACTORS_AND_EVENT and bool(shared_verbs) and len(set(a.actors) & set(b.actors)) >= 2


def _same_quote(a: str, b: str) -> bool:
    """One quote: an excerpt of the other, or a longer quote mostly in the same words and order."""
    wa, wb = _words(a).split(), _words(b).split()
    shorter = min(len(wa), len(wb))
    if not shorter:
        return False
    if " ".join(wa) in " ".join(wb) or " ".join(wb) in " ".join(wa):
        return True
    shared = sum(block.size for block in SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks())
    return shorter >= MIN_REWORDED_QUOTE and shared / shorter >= SAME_QUOTE


def _numbers_match(a: Claim, b: Claim, similarity: float, related: _Related) -> bool:
    """The same number, or different numbers of one thing counted in one event for the same actors."""
    if _same_number(a, b):
        return similarity >= SAME_EVENT
    pairs = [(x, y) for x in a.quantities for y in b.quantities if related(x.counted, y.counted)]
    if not pairs or a.actors and b.actors and set(a.actors) != set(b.actors):
        return False
    shared_verbs = bool((set(a.verbs) & set(b.verbs)) - LIGHT_VERBS)
    units = any(x.counted in UNITS for x, _ in pairs)
    if units:
        return shared_verbs and similarity >= SAME_WORDING
    same_noun = any(x.counted == y.counted for x, y in pairs)
    if shared_verbs:
        return similarity >= SAME_COUNTED_EVENT
    return similarity >= (SAME_COUNT if same_noun else SAME_WORDING)


def _same_number(a: Claim, b: Claim) -> bool:
    """Both state a precise number, and the two can be the same ("25" and "at least 25")."""
    precise = lambda q: q.precision != "vague"  # noqa: E731
    return any(precise(x) and precise(y) and compatible(x, y) for x in a.quantities for y in b.quantities)


def _is_quote(claim: Claim) -> bool:
    return claim.kind == "quote"


def _group(group_id: str, claims: list[Claim], source_of: dict[str, str], loaded: dict[str, int], related: _Related,
           names: dict[str, str]) -> ClaimGroup:
    article_ids = tuple(sorted({c.span.article_id for c in claims}))
    conflicts = _conflicts(claims, related, names)
    independent = len({source_of.get(a, a) for a in article_ids})
    if conflicts:
        verdict = "conflicting"
    elif independent >= 2:
        verdict = "corroborated"
    else:
        verdict = "single-source"
    plainest = min(claims, key=lambda c: (c.kind != "statement", _is_copy(c, source_of), bool(PRONOUN_START.match(c.text)),
                                          loaded.get(c.id, 0), len(c.text), c.id))
    return ClaimGroup(
        id=group_id,
        verdict=verdict,
        text=plainest.text,
        claims=tuple(sorted(claims, key=lambda c: c.span.article_id)),
        article_ids=article_ids,
        independent_sources=independent,
        conflicts=conflicts,
    )


def _is_copy(claim: Claim, source_of: dict[str, str]) -> bool:
    """Whether the claim's article copies another: a group speaks in an original's words, as a copy may have
    been cut or edited."""
    return source_of.get(claim.span.article_id, claim.span.article_id) != claim.span.article_id


def _conflicts(claims: list[Claim], related: _Related, names: dict[str, str]) -> tuple[Conflict, ...]:
    if len(claims) < 2:
        return ()
    found = [_quantity_conflict(claims, related), _date_conflict(claims), _quote_conflict(claims), _speaker_conflict(claims),
             _stance_conflict(claims, names)]
    return tuple(c for c in found if c is not None)


def _quantity_conflict(claims: list[Claim], related: _Related) -> Conflict | None:
    """Numbers of one thing in different articles that cannot both be true."""
    counted = [(c, c.quantities[0]) for c in claims if c.quantities]
    clash = [
        (x, y) for (ca, x), (cb, y) in combinations(counted, 2)
        if ca.span.article_id != cb.span.article_id and related(x.counted, y.counted) and not compatible(x, y)
    ]
    if not clash:
        return None
    about = " / ".join(sorted({q.counted for _, q in counted if q.counted})) or "number"
    return Conflict(kind="quantity", about=about, values=tuple(_value(c, q.text, q.span) for c, q in counted))


def _date_conflict(claims: list[Claim]) -> Conflict | None:
    """Two articles dating the same action (a shared verb) to different days."""
    dated = [(c, t) for c in claims for t in c.times[:1] if t.start is not None and t.start == t.end]
    clash = [
        (x, y) for x, y in combinations(dated, 2)
        if x[1].start != y[1].start and (set(x[0].verbs) & set(y[0].verbs)) - LIGHT_VERBS
    ]
    if not clash:
        return None
    values = {id(c): _value(c, f"{t.text} ({t.start})", t.span) for pair in clash for c, t in pair}
    return Conflict(kind="date", about="when it happened", values=tuple(values.values()))


def _quote_conflict(claims: list[Claim]) -> Conflict | None:
    quotes = [c for c in claims if _is_quote(c)]
    wordings = [_words(c.text) for c in quotes]
    differ = any(a not in b and b not in a for a, b in combinations(wordings, 2))
    if not differ:
        return None
    return Conflict(kind="quote", about=f"the words of {quotes[0].subject}", values=tuple(_value(c, c.text, c.span) for c in quotes))


def _speaker_conflict(claims: list[Claim]) -> Conflict | None:
    """The same words put in different mouths by different articles."""
    quotes = [c for c in claims if _is_quote(c) and c.subject]
    differ = any(
        a.attributed_to != b.attributed_to and not same_actor(a.subject, b.subject, person=True)
        for a, b in combinations(quotes, 2)
    )
    if not differ:
        return None
    return Conflict(kind="actor", about="who said these words", values=tuple(_value(c, c.subject, c.span) for c in quotes))


def _stance_conflict(claims: list[Claim], names: dict[str, str]) -> Conflict | None:
    """One article reports the claim as denied by its speaker ("X denied that ..."), another tells it as a fact or
    as what someone said: the denied claim's values are marked "denied", and `about` names who denies it."""
    denied = {c.span.article_id for c in claims if c.denied}
    if not denied or all(c.span.article_id in denied for c in claims):
        return None
    values = tuple(_value(c, f"denied: {c.text}" if c.denied else c.text, c.span) for c in claims)
    deniers = sorted(set(named_speakers([c for c in claims if c.denied], names)))
    who = f"{' and '.join(deniers)} {'deny' if len(deniers) > 1 else 'denies'} it" if deniers else "a source reports it as denied"
    return Conflict(kind="stance", about=f"whether it is so: {who}", values=values)


@lru_cache(maxsize=1 << 16)  # the words of each quote, asked for once a pair
def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w’']+", text.casefold()))


def _value(claim: Claim, text: str, span) -> ConflictValue:
    return ConflictValue(article_id=claim.span.article_id, text=text, span=span)


def _position(group: ClaimGroup) -> tuple[str, int]:
    first = group.claims[0]
    return first.span.article_id, first.span.start

