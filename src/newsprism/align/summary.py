"""A short neutral account built only from corroborated claims, in their plainest wording. A claim that fewer than
two independent sources state in their own voice is told with its speaker ("..., officials said"): that two
outlets report what someone said corroborates that it was said, not that it is so."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from newsprism.models import Claim, ClaimGroup, SummarySentence

MAX_SENTENCES = 6
# A last word that needs more after it: what a quote or a name cut out of the claim left behind ("... urged him to").
DANGLING_END = re.compile(
    r"\b(?:and|or|but|nor|to|of|the|a|an|by|for|with|from|at|as|into|than|has|have|had|is|are|was|were|be|been|"
    r"will|would|can|could|should|must|his|her|their|its|our|my|your)\W*$", re.IGNORECASE)
# A relative clause that kept its relative word: "in which he pardoned ...", "whose aide was shot".
RELATIVE_START = re.compile(r"(?:\w+ )?(?:which|whose|whom)\b", re.IGNORECASE)
# A headline's capitals on the small words of a sentence: "Trump Should Cancel Meeting After Indictments".
HEADLINE_CASE = re.compile(r"(?<=\w )(?:With|During|After|Before|Should|Into|From|Over|About|Against|Amid|Says|Than|For|"
                           r"And|To|Of|In|On|At|By|Is|Are|Was|Were|Will|Could|Would|Has|Have)\b")
SET_OFF_AFTER = re.compile(r",\s*(?:who|whom|whose|which|such as|including)\b", re.IGNORECASE)  # "an aide, who ..."
# A speaker that names nobody: a pronoun the speaker finder could not resolve, or a phrase it cut short.
NOBODY = re.compile(
    r"(?:it|its|they|them|he|she|we|i|you|both|this|that|these|those|all|others?)|.*(?:\bthat|\bwhich|\bwho|['’]s)",
    re.IGNORECASE)
# A sentence that opens on a pronoun: it does not say whom it is about ("He misstated ...").
PRONOUN_START = re.compile(r"(?:he|she|it|its|they|their|them|his|her|those|these|this|that|we|i|you)\b", re.IGNORECASE)
# The last words of names said with "the": "the Justice Department said", "the White House said".
BODIES = frozenset("""committee department commission council agency office service court administration bureau
    ministry board house pentagon kremlin senate government fund""".split())
# First words lowercased in "..., the source said", "..., officials said".
COMMON_FIRST_WORDS = frozenset("""the a an some many several two three four officials police authorities residents
    witnesses sources experts analysts critics prosecutors investigators lawmakers aides protesters""".split())


def summarise(groups: Sequence[ClaimGroup], names: dict[str, str], source_of: dict[str, str]) -> tuple[SummarySentence, ...]:
    """Corroborated statements that read as sentences (not quotes, not phrases without a verb), most widely
    reported first, then those an article tells earliest (a lead before a detail). `names` gives the name of each
    entity id a claim is attributed to; `source_of` maps an article id to the article it copies (itself when
    independent)."""
    told = {g.id: _told(g, names, source_of) for g in groups if g.verdict == "corroborated" and _reads_as_sentence(g)}
    chosen = sorted((g for g in groups if told.get(g.id)),
                    key=lambda g: (-g.independent_sources, min(c.span.start for c in g.claims), g.claims[0].span.article_id))
    return tuple(
        SummarySentence(text=told[g.id], claim_group=g.id, spans=tuple(c.span for c in g.claims))
        for g in chosen[:MAX_SENTENCES]
    )


def _reads_as_sentence(group: ClaimGroup) -> bool:
    """A statement, or the phrase of a number or an event that is a clause with a tense of its own ("175 people were
    treated", not "up to 20", "to tap $2 billion" or "the death of a contractor"), that does not stop short ("...
    urged him to"), open on a relative word ("in which ...") nor read as a headline (in title case or capitals)."""
    wording = next(c for c in group.claims if c.text == group.text)
    if (DANGLING_END.search(wording.text) or RELATIVE_START.match(wording.text) or HEADLINE_CASE.search(wording.text)
            or wording.text.isupper()):  # "TRUMP WINS NEVADA": a headline in capitals
        return False
    return wording.kind == "statement" or (wording.kind != "quote" and wording.predicate is not None)


def _told(group: ClaimGroup, names: dict[str, str], source_of: dict[str, str]) -> str | None:
    """The group's summary sentence: as a fact when two independent sources state it in their own voice, else
    with who said it (the wording's speaker first), unless the wording already names its own speaker ("Trump
    called ...", "..., according to a poll"). None when its sources name nobody who said it, as when the speaker
    was not found; when no named speaker states it ("X urged ...", "X does not deny ..." are no "X said"); or
    when a source reports it as denied ("X denied that ...")."""
    if any(c.denied for c in group.claims):
        return None
    own_voice = {source_of.get(c.span.article_id, c.span.article_id) for c in group.claims if not c.reported}
    said = any(c.reported for c in group.claims)
    if not said or len(own_voice) >= 2 or "according to" in group.text.casefold():
        return _sentence(group.text)
    ordered = sorted(group.claims, key=lambda c: c.text != group.text)
    named = named_speakers(ordered, names)
    if not named:
        return None
    wording_speaker = names.get(ordered[0].attributed_to, ordered[0].attributed_to)
    names_itself = re.search(rf"\b{re.escape(named[0].split()[-1])}\b", group.text, re.IGNORECASE)
    if names_itself and wording_speaker == named[0]:  # "Trump called ...", said by Trump
        return _sentence(group.text)
    stating = named_speakers([c for c in ordered if c.stated], names)
    return _sentence(group.text, _mid_sentence(stating[0])) if stating else None


def named_speakers(claims: Iterable[Claim], names: dict[str, str]) -> list[str]:
    """The names of the claims' speakers in the claims' order, without those that name nobody ("they")."""
    spoken = (names.get(c.attributed_to, c.attributed_to) for c in claims if c.attributed_to)
    return [s for s in spoken if not NOBODY.fullmatch(s)]


def _mid_sentence(speaker: str) -> str:
    """The speaker as written after a comma, without a clause set off after it: "The source" -> "the source", "an
    aide, who would not give a name" -> "an aide", "Justice Department" -> "the Justice Department",
    names as they are."""
    speaker = SET_OFF_AFTER.split(speaker)[0]
    words = speaker.split()
    if words[-1].lower() in BODIES and all(w[:1].isupper() for w in words) and words[0] != "The":  # a name
        speaker = "the " + speaker
    first, _, rest = speaker.partition(" ")
    return " ".join([first.lower() if first.lower() in COMMON_FIRST_WORDS else first, rest]).strip()


def _sentence(text: str, speaker: str | None = None) -> str:
    text = text.strip().rstrip(",;:–—")
    first = next((i for i, c in enumerate(text) if c.isalnum()), 0)  # after an opening quote mark
    text = text[:first] + text[first:first + 1].upper() + text[first + 1:]
    if speaker:
        text = text.rstrip(".") + (" " if text.endswith(("?", "!")) else ", ") + f"{speaker} said"
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."
