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
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsprism.models import CopyLink

SHINGLE = 5
PERMUTATIONS = 128
SEED = 1
CANDIDATE_RESEMBLANCE = 0.2  # LSH threshold: loose, every candidate is then checked by containment
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
    """Remembers the articles it has seen and says which earlier one a new article copies."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_RESEMBLANCE, num_perm=PERMUTATIONS)
        self._seen: dict[str, tuple[int, LeanMinHash]] = {}

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        """Rebuild from stored (article id, signature) pairs, oldest first."""
        for article_id, signature in stored:
            self._remember(article_id, *_unpack(signature))

    def add(self, article_id: str, signature: bytes) -> CopyLink | None:
        """The link to the earlier article this one copies (most contained first), then remember it."""
        size, minhash = _unpack(signature)
        measured = [(*self._measure(size, minhash, other), other) for other in self._lsh.query(minhash) if other != article_id]
        self._remember(article_id, size, minhash)
        best = max((m for m in measured if m[0] >= COPY_CONTAINMENT), default=None)
        if best is None:
            return None
        containment, resemblance, original = best
        return CopyLink(article_id=article_id, original_id=original, resemblance=resemblance, containment=containment)

    def _measure(self, size: int, minhash: LeanMinHash, other: str) -> tuple[float, float]:
        """(containment, resemblance) of the article in an earlier one, or of the earlier one in it."""
        other_size, other_hash = self._seen[other]
        resemblance = float(minhash.jaccard(other_hash))
        shared = resemblance * (size + other_size) / (1 + resemblance)
        containment = min(shared / max(min(size, other_size), 1), 1.0)
        return round(containment, 3), round(resemblance, 3)

    def _remember(self, article_id: str, size: int, minhash: LeanMinHash) -> None:
        if article_id not in self._seen:
            self._seen[article_id] = (size, minhash)
            self._lsh.insert(article_id, minhash)


def _unpack(signature: bytes) -> tuple[int, LeanMinHash]:
    (size,) = _SIZE.unpack_from(signature)
    return size, LeanMinHash.deserialize(bytearray(signature[_SIZE.size :]))
