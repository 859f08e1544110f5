"""Dedupe: exact duplicates by normalised text, near-duplicates and partial copies by MinHash and LSH.

    text_key(text)                   -> the same key for the same words, whatever the spacing or case
    copy_signature(text)             -> bytes to store (runs in worker processes)
    CopyFinder().add(id, signature)  -> CopyLink to the earlier article it copies, or None

A copy is found by containment, not only resemblance: a wire report republished with a new first
paragraph, or wrapped by a blog in its own opinion, shares most of its word 5-grams with the original
even when the two texts as wholes are not alike. LSH keeps the cost of each `add` independent of the
corpus size.
"""

from __future__ import annotations

import hashlib
import re
import struct
from typing import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash

from newsprism.models import CopyLink

SHINGLE = 5
PERMUTATIONS = 128
SEED = 1
BANDS, ROWS = 40, 2  # LSH bands: texts sharing a fifth of their 5-grams are candidates 80% of the time, a third 99%
BUCKET = 20  # articles a band value keeps (its first ones)
COPY_CONTAINMENT = 0.5  # share of the smaller text's 5-grams found in the other
_SIZE = struct.Struct("<I")


def text_key(text: str) -> str:
    """A key shared by texts with the same words in the same order (case, spacing, punctuation aside)."""
    words = " ".join(re.findall(r"\w+", text.casefold()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def copy_signature(text: str) -> bytes:
    """The MinHash of the text's word 5-grams, prefixed by how many distinct 5-grams it has."""
    words = re.findall(r"\w+", text.casefold())
    grams = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(len(words) - SHINGLE + 1, 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(list(grams))
    lean = LeanMinHash(minhash)
    body = bytearray(lean.bytesize())
    lean.serialize(body)
    return _SIZE.pack(len(grams)) + bytes(body)


class CopyFinder:
    """Remembers the articles it has seen and says which earlier one a new article copies.

    The LSH index bands each MinHash into `BANDS` bands of `ROWS` values; articles sharing a band are
    candidates, then checked by containment. A band value shared by more than `BUCKET` articles keeps only
    the first `BUCKET` of them (the earliest, so the original of a much-copied report stays findable):
    boilerplate and templated sentences give band values that thousands of unrelated articles share, and
    datasketch's `MinHashLSH`, whose buckets grow without bound, then makes each query cost more as the
    corpus grows. With capped buckets an `add` costs the same at any corpus size.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._names: list[str] = []
        self._sizes = np.zeros(1024, dtype=np.float64)
        self._hashes = np.zeros((1024, PERMUTATIONS), dtype=np.uint32)  # datasketch hash values fit 32 bits
        self._buckets: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS)]

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        """Rebuild from stored (article id, signature) pairs, oldest first."""
        for article_id, signature in stored:
            self._remember(article_id, *_unpack(signature))

    def add(self, article_id: str, signature: bytes) -> CopyLink | None:
        """The link to the earlier article this one copies (most contained first), then remember it."""
        size, minhash = _unpack(signature)
        bands = _bands(minhash)
        candidates = sorted({n for band, key in zip(self._buckets, bands) for n in band.get(key, ())})
        candidates = [n for n in candidates if self._names[n] != article_id]
        self._remember(article_id, size, minhash, bands)
        if not candidates:
            return None
        contained, resemblance = self._measure(size, minhash.hashvalues, np.array(candidates))
        best = int(np.argmax(contained))  # the earliest of equally contained ones
        if contained[best] < COPY_CONTAINMENT:
            return None
        return CopyLink(article_id=article_id, original_id=self._names[candidates[best]],
                        resemblance=round(float(resemblance[best]), 3), containment=round(float(contained[best]), 3))

    def _measure(self, size: int, hashvalues: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(containment, resemblance) of the article in each earlier one, or of each earlier one in it."""
        resemblance = (self._hashes[others] == hashvalues).mean(axis=1)
        return containment(size, self._sizes[others], resemblance), resemblance

    def _remember(self, article_id: str, size: int, minhash: LeanMinHash, bands: list[bytes] | None = None) -> None:
        if article_id in self._ids:
            return
        number = len(self._names)
        if number == len(self._sizes):
            self._sizes = np.resize(self._sizes, 2 * number)
            self._hashes = np.resize(self._hashes, (2 * number, PERMUTATIONS))
        self._ids[article_id] = number
        self._names.append(article_id)
        self._sizes[number] = size
        self._hashes[number] = minhash.hashvalues
        for band, key in zip(self._buckets, bands or _bands(minhash)):
            members = band.setdefault(key, [])
            if len(members) < BUCKET:
                members.append(number)


def containment(size: float, other_sizes: np.ndarray, resemblance: np.ndarray) -> np.ndarray:
    """The share of the smaller text's 5-grams found in the other (rounded to 3 places), from the texts' numbers
    of distinct 5-grams and their MinHash resemblance."""
    shared = resemblance * (size + other_sizes) / (1 + resemblance)
    return np.minimum(shared / np.maximum(np.minimum(size, other_sizes), 1), 1.0).round(3)


def _bands(minhash: LeanMinHash) -> list[bytes]:
    """The LSH band keys of a MinHash: `BANDS` runs of `ROWS` hash values."""
    return [band.tobytes() for band in minhash.hashvalues[: BANDS * ROWS].reshape(BANDS, ROWS)]


def _unpack(signature: bytes) -> tuple[int, LeanMinHash]:
    (size,) = _SIZE.unpack_from(signature)
    return size, LeanMinHash.deserialize(bytearray(signature[_SIZE.size :]))
