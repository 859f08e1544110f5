"""Main text and metadata of an HTML page, through trafilatura.

trafilatura fills a missing site name from the URL's host and a missing date from a date in the URL;
those are left out here so that the URL inference in `infer` marks them as read from the URL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from newsprism.errors import InputError
from newsprism.ingest.infer import date_from_url, outlet_from_url

MIN_WORDS = 5
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class HtmlPage:
    """What the page says: its main text (one paragraph per line) and metadata."""

    text: str
    title: str | None = None
    site_name: str | None = None
    date: dt.date | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document."""
    return bool(_HTML_START.match(text[:2000]))


def extract_html(source: str, markup: str, url: str | None) -> HtmlPage:
    """The page's main text (comments and navigation left out) and its metadata."""
    import trafilatura

    try:
        text = trafilatura.extract(markup, url=url, include_comments=False, include_tables=False)
        meta = trafilatura.extract_metadata(markup, default_url=url)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(error).__name__}: {error})") from None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError(source, "no article text found in the HTML page")
    page_url = meta.url or url
    return HtmlPage(
        text=text,
        title=meta.title or None,
        site_name=_own_site_name(meta.sitename, page_url),
        date=_own_date(meta.date, page_url),
        url=page_url,
        metadata={key: value for key, value in (("html_date", meta.date), ("html_url", meta.url)) if value},
    )


def _own_site_name(value: str | None, url: str | None) -> str | None:
    """The page's site name unless it is only the URL's host (with or without its port)."""
    netloc = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    return None if not value or value.lower() in (netloc, outlet_from_url(url)) else value


def _own_date(value: str | None, url: str | None) -> dt.date | None:
    """The page's date unless it is only the date written in its URL."""
    try:
        date = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return None if date is not None and date == date_from_url(url) else date
