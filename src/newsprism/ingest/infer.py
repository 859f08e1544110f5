"""What ingest infers about an article when it is not given: outlet, date, title, address, language.

Each resolver returns the value with its origin, in a fixed order of trust: what the caller gave,
then what the text itself says (a dateline), then the page's metadata, then the URL.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from newsprism.models import Origin

# "(CNSNews.com) –", "WASHINGTON (Reuters) -", "BAGHDAD, Iraq (AP) —" at the start of a line.
_PLACE = r"[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?"
_DATELINE = re.compile(rf"^\s*(?:{_PLACE}\s)?\(([A-Z][\w.&'’ -]{{0,39}})\)\s*[-–—]+\s")
_URL_DATE = re.compile(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")
MIN_LANGUAGE_CHARS = 40
DATELINE_LINES = 3
_URL_LINE = re.compile(r"\s*https?://\S+\s*")
_TITLE_WORDS = range(3, 21)  # a headline's words: fewer is a label ("Source:"), more a paragraph's opening
_TITLE_END = (".", ",", ";", ":", "-", "–", "—")  # a line ending so is a sentence or a lead-in, not a headline


def resolve_outlet(
    text: str, given: str | None, html: str | None, url: str | None, other: tuple[str | None, Origin] = (None, "none")
) -> tuple[str | None, Origin]:
    """The outlet and where it came from: given, dateline, html, `other` (a feed's title), url or none."""
    candidates: tuple[tuple[str | None, Origin], ...] = (
        (given, "given"),
        (outlet_from_dateline(text), "dateline"),
        (html, "html"),
        other,
        (outlet_from_url(url), "url"),
    )
    return next(((value, origin) for value, origin in candidates if value), (None, "none"))


def resolve_published(
    given: dt.date | None, html: dt.date | None, url: str | None, other: tuple[dt.date | None, Origin] = (None, "none")
) -> tuple[dt.date | None, Origin]:
    """The publication date and where it came from: given, html, `other` (a feed entry's date), url, else
    `other` again when it is a crawl date (the day a crawler fetched the page), or none."""
    candidates: tuple[tuple[dt.date | None, Origin], ...] = (
        (given, "given"),
        (html, "html"),
        other if other[1] == "feed" else (None, "none"),
        (date_from_url(url), "url"),
        other,
    )
    return next(((value, origin) for value, origin in candidates if value), (None, "none"))


def resolve_title(text: str, given: str | None, html: str | None) -> tuple[str | None, Origin]:
    """The title and where it came from: given, html, the text's opening line, or none."""
    candidates: tuple[tuple[str | None, Origin], ...] = ((given, "given"), (html, "html"), (title_from_text(text), "text"))
    return next(((value, origin) for value, origin in candidates if value), (None, "none"))


def url_from_text(text: str) -> str | None:
    """The page's address when a plain text opens on a line holding only that (as saved crawls often do)."""
    lines = text.strip().splitlines()
    return lines[0].strip() if lines and _URL_LINE.fullmatch(lines[0]) else None


def title_from_text(text: str) -> str | None:
    """A plain text's headline: its opening line (after a line holding only the page's address) when a blank line
    follows it, it ends unlike a sentence and it has at least three words, of which at least three are words of
    letters (not a date line such as "June 2, 2025 8:10 AM")."""
    lines = text.strip().splitlines()
    if url_from_text(text):
        lines = lines[1:]
        while lines and not lines[0].strip():
            lines.pop(0)
    if len(lines) < 3 or lines[1].strip():
        return None
    line = lines[0].strip()
    words = line.split()
    lettered = [w for w in words if re.fullmatch(r"[^\W\d_][\w'’-]*", w)]
    if len(words) not in _TITLE_WORDS or len(lettered) < 3 or line.endswith(_TITLE_END):
        return None
    return line


def outlet_from_dateline(text: str) -> str | None:
    """The outlet named in a dateline at the start of one of the first non-empty lines."""
    for line in [line for line in text.splitlines() if line.strip()][:DATELINE_LINES]:
        if match := _DATELINE.match(line):
            return match.group(1).strip()
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The URL's host without a leading "www."."""
    host = urlparse(url).hostname if url else None
    if not host:
        return None
    return host.removeprefix("www.")


# The commonest English function words; in other languages few of them occur (and "a", "in" are shared).
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on with as by at it from his he said be are have has but not this they "
    "were had an which their who been will would its or after she her we about more than when also there".split()
)
PLAINLY_ENGLISH = 0.25


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in the URL path, like /2019/12/31/."""
    match = _URL_DATE.search(urlparse(url).path) if url else None
    if not match:
        return None
    try:
        return dt.date(*(int(group) for group in match.groups()))
    except ValueError:
        return None


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell.

    Text that is plainly English (a quarter of its words English function words) is known at once;
    anything else goes to py3langid, whose model takes a quarter of a second to load.
    """
    if len(text.strip()) < MIN_LANGUAGE_CHARS:
        return None
    words = re.findall(r"[a-z]+", text.lower())
    if words and sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= PLAINLY_ENGLISH:
        return "en"
    import py3langid

    return str(py3langid.classify(text)[0])
