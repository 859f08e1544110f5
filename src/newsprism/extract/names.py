"""Name normalisation shared by entity extraction and cross-article entity merging."""

from __future__ import annotations

import math
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev president vice secretary minister premier chancellor
    sen senator rep representative gov governor mayor judge justice gen general lt col colonel maj major
    capt captain sgt sergeant adm admiral cmdr commander ayatollah imam sheikh cardinal pope king queen
    prince princess speaker chief attorney ambassador spokesman spokeswoman spokesperson
    """.split()
)

# A few abbreviations of the same country, spelled many ways in news text.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
}

SPELLING = 0.88  # how alike (difflib's ratio) two spellings of one name are at least
SPELLED_MIN = 6  # characters: shorter names are one only when they are equal

_APOSTROPHES = re.compile(r"[’'`´]")
_SEPARATORS = re.compile(r"[-‐‑–—_/]")
_NON_WORD = re.compile(r"[^\w\s]")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower-case, accent-free, apostrophes and dots dropped, hyphens as spaces, aliases folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    text = _SEPARATORS.sub(" ", text)
    text = _NON_WORD.sub("", text)
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return ALIASES.get(text, text)


@lru_cache(maxsize=65536)
def acronym(name: str) -> str:
    """Initials of the capitalised words ("Islamic Revolutionary Guard Corps" -> "irgc")."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


def similar(a: str, b: str, threshold: float = SPELLING) -> bool:
    """Spelling variants of one name ("Adel Abdul Mahdi" / "Adil Abdul-Mahdi")."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return True
    if len(na.split()) != len(nb.split()) or min(len(na), len(nb)) < SPELLED_MIN:
        return False
    matcher = SequenceMatcher(None, na, nb)  # the two quick ratios are upper bounds of the slow one
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def is_surname_of(short: str, long: str) -> bool:
    """A person's short form: its words are the longer name's last words ("Pompeo", "Mike Pompeo")."""
    s, l = normalise(short).split(), normalise(long).split()
    return bool(s) and len(s) < len(l) and l[-len(s) :] == s


@lru_cache(maxsize=1 << 18)  # a corpus run compares the same pairs of names in story after story
def same_actor(a: str, b: str, *, person: bool) -> bool:
    """Whether two names can denote the same actor (spelling, a person's surname, or acronym)."""
    if similar(a, b):
        return True
    if person and (is_surname_of(a, b) or is_surname_of(b, a)):
        return True
    na, nb = normalise(a).replace(" ", ""), normalise(b).replace(" ", "")
    return na == acronym(b) or nb == acronym(a)


@lru_cache(maxsize=65536)
def filed_keys(name: str) -> frozenset[tuple]:
    """Keys to file a name under: `same_actor(a, b)` holds only when `sought_keys(a)` and `filed_keys(b)` share one,
    so a name looked up by those finds every filed name that may be the same actor (each then checked)."""
    normal = normalise(name)
    keys = _exact_keys(name, sought=False)
    if len(normal) >= SPELLED_MIN:
        keys.add(("spelled", len(normal.split()), len(normal)))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def sought_keys(name: str) -> frozenset[tuple]:
    """The keys every name that may be the same actor as `name` is filed under (see `filed_keys`): its exact keys,
    and, for a spelling variant, as many words at each length at which difflib's ratio can reach `SPELLING`."""
    normal = normalise(name)
    keys = _exact_keys(name, sought=True)
    if len(normal) >= SPELLED_MIN:
        shortest = math.floor(len(normal) * SPELLING / (2 - SPELLING))
        longest = math.ceil(len(normal) * (2 - SPELLING) / SPELLING)
        keys.update(("spelled", len(normal.split()), n) for n in range(max(shortest, SPELLED_MIN), longest + 1))
    return frozenset(keys)


def _exact_keys(name: str, sought: bool) -> set[tuple]:
    """A name's normal form, its surname, its letters run together and its initials; when `sought`, the last two
    trade places, so that a name written as initials finds the name they stand for, and the other way round."""
    normal = normalise(name)
    words = normal.split()
    letters, initials = normal.replace(" ", ""), acronym(name)
    if sought:
        letters, initials = initials, letters
    return {("name", normal), ("last", words[-1] if words else ""), ("joined", letters), ("initials", initials)}
