"""Ingest: turn files, strings and URLs into `Article` records.

    read_input("story.txt" | "story.html" | "story.json" | "https://...")  -> Article
    read_text("text from Python", outlet="Courier")                         -> Article

The text is kept as read (cleaning comes after). What is inferred rather than given (an outlet read
from a dateline, a date read from a URL) is marked by the record's `*_origin` fields. Every failure
is an `InputError` naming the input and the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlparse

from newsprism.errors import InputError
from newsprism.ingest.fetch import fetch
from newsprism.ingest.html import extract_html, looks_like_html
from newsprism.ingest.infer import language_of, resolve_outlet, resolve_published, resolve_title, url_from_text
from newsprism.ingest.raw import decode, read_file
from newsprism.ingest.record import parse_record
from newsprism.models import Article, Origin

__all__ = ["read_input", "read_text"]

MAX_BYTES = 5_000_000
Format = Literal["json", "html", "text"]


def read_input(
    source: str,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read a file path or an http(s) URL as an article (plain text, HTML or a JSON record)."""
    source = os.fspath(source)
    if source.lower().startswith(("http://", "https://")):
        fetched = fetch(source, timeout=timeout, max_bytes=max_bytes)
        text = decode(source, fetched.body, fetched.charset)
        kind = _format(urlparse(fetched.final_url).path, fetched.content_type, text)
        metadata = {"final_url": fetched.final_url, "content_type": fetched.content_type}
        return parse_article(source, text, kind, outlet, published, fetched.final_url, metadata)
    text = decode(source, read_file(source, max_bytes))
    return parse_article(source, text, _format(source, "", text), outlet, published, None, {})


def read_text(
    text: str,
    *,
    source_name: str = "<text>",
    outlet: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """An article from text already in memory; an outlet or date not given is inferred where possible."""
    return _article(text, source_name, outlet=outlet, published=published, url=url, title=title)


def _format(name: str, content_type: str, text: str) -> Format:
    """The input's format, from its name's extension, its content type and its first characters."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".json" or content_type in ("application/json", "application/ld+json"):
        return "json"
    if suffix in (".html", ".htm", ".xhtml") or "html" in content_type or looks_like_html(text):
        return "html"
    return "text"


def parse_article(
    source: str,
    text: str,
    kind: Format,
    outlet: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    metadata: dict[str, str] | None = None,
    other_outlet: tuple[str | None, Origin] = (None, "none"),
    other_date: tuple[dt.date | None, Origin] = (None, "none"),
) -> Article:
    """An article from text already read, in the format given; `other_*` are a feed's or a crawl's values."""
    metadata = metadata or {}
    if kind == "json":
        record = parse_record(source, text)
        return _article(
            record.text, source, outlet=outlet or record.source, published=published or record.published,
            url=record.url or url, title=record.title, metadata=metadata,
        )
    if kind == "html":
        page = extract_html(source, text, url)
        return _article(
            page.text, source, outlet=outlet, published=published, url=page.url, html_title=page.title,
            html_outlet=page.site_name, html_date=page.date, metadata={**metadata, **page.metadata},
            other_outlet=other_outlet, other_date=other_date,
        )
    return _article(text, source, outlet=outlet, published=published, url=url, metadata=metadata,
                    other_outlet=other_outlet, other_date=other_date)


def _article(
    text: str,
    source: str,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    html_title: str | None = None,
    html_outlet: str | None = None,
    html_date: dt.date | None = None,
    metadata: dict[str, str] | None = None,
    other_outlet: tuple[str | None, Origin] = (None, "none"),
    other_date: tuple[dt.date | None, Origin] = (None, "none"),
) -> Article:
    if not text.strip():
        raise InputError(source, "the article has no text")
    if url is None and (found := url_from_text(text)):
        url, metadata = found, {**(metadata or {}), "url_origin": "text"}
    found_outlet, outlet_origin = resolve_outlet(text, outlet, html_outlet, url, other_outlet)
    found_date, published_origin = resolve_published(published, html_date, url, other_date)
    found_title, title_origin = resolve_title(text, title, html_title)
    return Article(
        id="a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8],
        input=source,
        text=text,
        title=found_title,
        title_origin=title_origin,
        outlet=found_outlet,
        outlet_origin=outlet_origin,
        url=url,
        published=found_date,
        published_origin=published_origin,
        language=language_of(text),
        metadata=dict(sorted((metadata or {}).items())),
    )
