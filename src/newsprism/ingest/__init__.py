"""Ingest: turn files, strings and URLs into `Article` records.

What is inferred rather than given (an outlet read from a dateline, a date read from a URL) is marked by
the record's `*_origin` fields. Every failure is an `InputError` naming the input and the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.fetch import fetch
from newsprism.ingest.html import HtmlPage, extract_html, looks_like_html
from newsprism.ingest.infer import date_from_url, language_of, outlet_from_dateline, outlet_from_url
from newsprism.models import Article, Origin

MAX_BYTES = 5_000_000


def read_input(
    source: str,
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read a file path or an http(s) URL as an article (plain text, HTML or a JSON record)."""
    if source.startswith(("http://", "https://")):
        body, content_type, final_url = fetch(source, timeout=timeout, max_bytes=max_bytes)
        text = _decode(source, body)
        if "html" in content_type or looks_like_html(text):
            return _from_html(source, text, outlet, published, url=final_url)
        return read_text(text, source_name=source, outlet=outlet, published=published, url=final_url)
    text = _decode(source, _read_file(source, max_bytes))
    if Path(source).suffix.lower() == ".json":
        return _from_json(source, text, outlet, published)
    if Path(source).suffix.lower() in (".html", ".htm") or looks_like_html(text):
        return _from_html(source, text, outlet, published, url=None)
    return read_text(text, source_name=source, outlet=outlet, published=published)


def read_text(
    text: str,
    *,
    source_name: str = "<text>",
    outlet: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    metadata: dict[str, str] | None = None,
    outlet_origin: Origin = "given",
    published_origin: Origin = "given",
) -> Article:
    """An article from text already in memory; unknown outlet and date are inferred where possible."""
    if not text.strip():
        raise InputError(source_name, "the article has no text")
    found_outlet, outlet_origin = _outlet(text, outlet, outlet_origin, url)
    found_date, published_origin = _published(published, published_origin, url)
    return Article(
        id="a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8],
        input=source_name,
        text=text,
        title=title,
        outlet=found_outlet,
        outlet_origin=outlet_origin,
        url=url,
        published=found_date,
        published_origin=published_origin,
        language=language_of(text),
        metadata=metadata or {},
    )


def _outlet(text: str, given: str | None, origin: Origin, url: str | None) -> tuple[str | None, Origin]:
    if given:
        return given, origin
    if (dateline := outlet_from_dateline(text)) is not None:
        return dateline, "dateline"
    if (host := outlet_from_url(url)) is not None:
        return host, "url"
    return None, "none"


def _published(given: dt.date | None, origin: Origin, url: str | None) -> tuple[dt.date | None, Origin]:
    if given is not None:
        return given, origin
    if (found := date_from_url(url)) is not None:
        return found, "url"
    return None, "none"


def _read_file(source: str, max_bytes: int) -> bytes:
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file")
    if path.is_dir():
        raise InputError(source, "is a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, more than the {max_bytes:,} byte limit")
        return path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror or error})") from error


def _decode(source: str, body: bytes) -> str:
    if not body.strip():
        raise InputError(source, "is empty")
    if b"\x00" in body[:4096]:
        raise InputError(source, "is a binary file, not text")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(source, f"is not UTF-8 text (invalid byte at offset {error.start}); convert it to UTF-8") from None


def _from_json(source: str, text: str, outlet: str | None, published: dt.date | None) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError(source, 'JSON record needs a non-empty "text" string')
    return read_text(
        record["text"],
        source_name=source,
        outlet=outlet or _optional_str(source, record, "source"),
        published=published or _json_date(source, record.get("published")),
        url=_optional_str(source, record, "url"),
        title=_optional_str(source, record, "title"),
    )


def _optional_str(source: str, record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(source, f'JSON field "{key}" must be a string')
    return value or None


def _json_date(source: str, value) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(source, f'JSON field "published" is not a date (YYYY-MM-DD): {value!r}') from None


def _from_html(source: str, markup: str, outlet: str | None, published: dt.date | None, url: str | None) -> Article:
    page: HtmlPage = extract_html(source, markup, url)
    return read_text(
        page.text,
        source_name=source,
        outlet=outlet or page.site_name,
        published=published or page.date,
        url=page.url or url,
        title=page.title,
        metadata=page.metadata,
        outlet_origin="given" if outlet else "html",
        published_origin="given" if published else "html",
    )
