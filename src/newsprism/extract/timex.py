"""Time expressions resolved to dates against the article's publication date.

"on Tuesday" is the latest Tuesday on or before the article date (the next one when the clause is in
the future), "at the weekend" the Saturday and Sunday before it, "New Year's Day" the nearest 1 January,
"Dec. 31" the nearest 31 December before it, "two days earlier" two days before the date resolved just
before. Durations and vague times ("for months", "since 2009", "recent") are kept unresolved rather than
given a wrong date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span as SpacySpan

from newsprism.extract.quantities import WORDS
from newsprism.models import Span, TimeExpression

DAY = dt.timedelta(days=1)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: n for n, m in enumerate("january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14),
}
WILL = {"will", "'ll", "shall", "wo"}
MODALS_AHEAD = {"should", "must", "may", "might", "can", "ca"}  # with a bare verb; "should have" looks back
PLANNED = {"expect", "due", "set", "schedule", "plan", "intend", "go", "slate", "poise"}  # "is due to ..."
NOT_A_POINT = {"since", "for", "until", "till", "through", "throughout", "during"}
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_HOLIDAY = re.compile("|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True)))
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_OFFSET = re.compile(r"\b(\w+|\d+)\s+(days?|weeks?)\s+(earlier|later|before|after|ago)\b")
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d\d)$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def extract_times(doc: Doc, article_id: str, published: dt.date | None) -> tuple[TimeExpression, ...]:
    """Time expressions in text order; each resolved where the text and the article date allow."""
    found: list[TimeExpression] = []
    last: tuple[dt.date, dt.date] | None = None
    last_sentence = -2
    sentence_number = {s.start: n for n, s in enumerate(doc.sents)}
    for span in _candidates(doc):
        sentence = sentence_number[span.sent.start]
        if sentence - last_sentence > 1:
            last = None
        dates, anchor = _resolve(span, published, last)
        if dates is not None:
            last, last_sentence = dates, sentence
        found.append(TimeExpression(
            span=Span(article_id=article_id, start=span.start_char, end=span.end_char),
            text=span.text,
            start=dates[0] if dates else None,
            end=dates[1] if dates else None,
            anchor=anchor,
        ))
    return tuple(found)


def _candidates(doc: Doc) -> list[SpacySpan]:
    """DATE and TIME entities, holidays spaCy tags as events, and weekdays it misses; two of them side by side are
    one."""
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME") or e.label_ == "EVENT" and _HOLIDAY.search(_norm(e.text))]
    taken = {t.i for s in spans for t in s}
    spans += [doc[t.i : t.i + 1] for t in doc if t.lower_ in WEEKDAYS and t.i not in taken]
    joined: list[SpacySpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined and joined[-1].end == span.start:  # "Tuesday" + "night", tagged DATE and TIME: one time
            joined[-1] = doc[joined[-1].start : span.end]
        else:
            joined.append(span)
    return joined


def _resolve(span: SpacySpan, published: dt.date | None, last) -> tuple[tuple[dt.date, dt.date] | None, str]:
    text = _norm(span.text)
    if _governed_by(span, NOT_A_POINT) or re.search(r"\b(recent|past|coming|months|years|decades|weeks)\b", text) and not _OFFSET.search(text):
        return None, "unresolved"
    absolute = _absolute(text, published)
    if absolute is not None:
        return absolute, "absolute"
    if published is None:
        return None, "unresolved"
    relative = _relative(span, text, published, last)
    return (relative, "article-date") if relative is not None else (None, "unresolved")


def _absolute(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if match := _ISO.search(text):
        day = _date(*(int(g) for g in match.groups()))
        return (day, day) if day else None
    if match := _MONTH_DAY.search(text):
        month, day = MONTHS[match.group(1)], int(match.group(2))
        if match.group(3):
            found = _date(int(match.group(3)), month, day)
            return (found, found) if found else None
        if published is None:
            return None
        found = _nearest_before(published, month, day)
        return (found, found) if found else None
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None


def _relative(span: SpacySpan, text: str, published: dt.date, last) -> tuple[dt.date, dt.date] | None:
    if holiday := _HOLIDAY.search(text):
        month, day = HOLIDAYS[holiday.group(0)]
        found = min((_date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)),
                    key=lambda d: abs((d - published).days))
        return found, found
    if weekday := next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", text)), None):
        found = _weekday(published, WEEKDAYS.index(weekday), future=_future(span) or "next" in text)
        return found, found
    if "weekend" in text:
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return saturday, saturday + DAY
    for words, days in (("today", 0), ("tonight", 0), ("this morning", 0), ("yesterday", -1), ("last night", -1), ("tomorrow", 1)):
        if words in text:
            return published + days * DAY, published + days * DAY
    if match := _OFFSET.search(text):
        return _offset(match, published, last)
    if text in ("last week", "the previous week"):
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday, monday + 6 * DAY
    return None


def _offset(match: re.Match, published: dt.date, last) -> tuple[dt.date, dt.date] | None:
    count = int(match.group(1)) if match.group(1).isdigit() else WORDS.get(match.group(1), 1 if match.group(1) in ("a", "one") else None)
    if count is None:
        return None
    delta = count * UNITS[match.group(2)] * DAY
    direction = match.group(3)
    if direction == "ago":
        return published - delta, published - delta
    if last is None:
        return None
    sign = -1 if direction in ("earlier", "before") else 1
    return last[0] + sign * delta, last[1] + sign * delta


def _weekday(published: dt.date, weekday: int, future: bool) -> dt.date:
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _future(span: SpacySpan) -> bool:
    """Whether the clause holding the date looks ahead: "will meet", "should return", "is expected to return",
    "plans to visit" (not "should have arrived", "was expected to arrive")."""
    verb = span.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    chain = [verb]  # the verb and what it completes: "return" <- "able" <- "be"; "visit" <- "plans"
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    auxiliaries = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & WILL or words & MODALS_AHEAD and "have" not in words:
        return True
    tags = {t.tag_ for t in (*chain, *auxiliaries)}
    planned = any(v.lemma_.lower() in PLANNED for v in chain[1:])
    return planned and bool(tags & {"VBZ", "VBP"}) and "VBD" not in tags


def _governed_by(span: SpacySpan, words: set[str]) -> bool:
    head = span.root.head
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return head.lower_ in words and head.dep_ == "prep" or before in words


def _nearest_before(published: dt.date, month: int, day: int) -> dt.date | None:
    found = _date(published.year, month, day)
    if found is not None and (found - published).days > 7:
        found = _date(published.year - 1, month, day)
    return found


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())
