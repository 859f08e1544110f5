"""Word lists that ship with newsprism (written for it), loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent / "lexicons"


@lru_cache(maxsize=None)
def loaded_terms() -> dict[str, str]:
    """Loaded word or phrase -> its kind (verb, label, evaluative, intensifier)."""
    terms: dict[str, str] = {}
    kind = ""
    for line in (FOLDER / "loaded.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# kind:"):
            kind = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            terms.setdefault(line.strip().lower(), kind)
    return terms


@lru_cache(maxsize=None)
def opinion_cues() -> dict[str, float]:
    """Phrase -> weight of the evidence that a sentence is the writer's opinion."""
    cues: dict[str, float] = {}
    for line in (FOLDER / "opinion.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, weight = line.rsplit("\t", 1)
            cues[phrase.lower()] = float(weight)
    return cues
