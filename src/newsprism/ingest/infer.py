"""What ingest infers about an article when it is not given: outlet, date, language."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

# "(CNSNews.com) –", "WASHINGTON (Reuters) -", "BAGHDAD, Iraq (AP) —" at the start of the text.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z .,'’-]{1,40}\s)?\(([A-Z][\w.&' -]{1,40})\)\s*[-–—]+\s")
_URL_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)")
MIN_LANGUAGE_CHARS = 40
DATELINE_LINES = 3


def outlet_from_dateline(text: str) -> str | None:
    """The outlet named in a dateline at the start of one of the first lines."""
    for line in [l for l in text.splitlines() if l.strip()][:DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match:
            return match.group(1).strip()
    return None


def outlet_from_url(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def date_from_url(url: str | None) -> dt.date | None:
    match = _URL_DATE.search(urlparse(url).path) if url else None
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    if len(text.strip()) < MIN_LANGUAGE_CHARS:
        return None
    import py3langid

    return py3langid.classify(text)[0]
