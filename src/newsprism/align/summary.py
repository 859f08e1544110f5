"""A short neutral account built only from corroborated claims, in their plainest wording."""

from __future__ import annotations

import re
from typing import Sequence

from newsprism.models import ClaimGroup, SummarySentence

MAX_SENTENCES = 6
# A last word that needs more after it: what a quote or a name cut out of the claim left behind ("... urged him to").
DANGLING_END = re.compile(
    r"\b(?:and|or|but|nor|to|of|the|a|an|by|for|with|from|at|as|into|than|has|have|had|is|are|was|were|be|been|"
    r"will|would|can|could|should|must|his|her|their|its|our|my|your)\W*$", re.IGNORECASE)


def summarise(groups: Sequence[ClaimGroup]) -> tuple[SummarySentence, ...]:
    """Corroborated statements that read as sentences (not quotes, not phrases without a verb), most widely
    reported first, then in story order."""
    chosen = [g for g in groups if g.verdict == "corroborated" and _reads_as_sentence(g)]
    chosen = sorted(chosen, key=lambda g: (-g.independent_sources, g.claims[0].span.article_id, g.claims[0].span.start))
    return tuple(
        SummarySentence(text=_sentence(g.text), claim_group=g.id, spans=tuple(c.span for c in g.claims))
        for g in chosen[:MAX_SENTENCES]
    )


def _reads_as_sentence(group: ClaimGroup) -> bool:
    """A statement, or the phrase of a number or an event with a verb in it ("175 people were treated", not
    "up to 20" or "the death of a contractor"), that does not stop short ("... urged him to")."""
    wording = next(c for c in group.claims if c.text == group.text)
    if DANGLING_END.search(wording.text):
        return False
    return wording.kind == "statement" or (wording.kind != "quote" and bool(wording.verbs))


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:–—")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
