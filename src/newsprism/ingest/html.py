"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsprism.errors import InputError

MIN_WORDS = 5
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None = None
    site_name: str | None = None
    date: dt.date | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


def extract_html(source: str, markup: str, url: str | None) -> HtmlPage:
    """The page's main text (comments and navigation left out) and its metadata."""
    import trafilatura

    try:
        text = trafilatura.extract(markup, url=url, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(markup, default_url=url)
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(error).__name__}: {error})") from None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError(source, "no article text found in the HTML page")
    date = _date(meta.date if meta else None)
    return HtmlPage(
        text=text,
        title=(meta.title if meta else None) or None,
        site_name=(meta.sitename if meta else None) or None,
        date=date,
        url=(meta.url if meta else None) or url,
        metadata={k: v for k, v in {"html_date": meta.date if meta else None}.items() if v},
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
