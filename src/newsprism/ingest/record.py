"""An article stored as a JSON record: `text` required; `title`, `source`, `url`, `published` optional.

The records the news-please crawler writes are read as well: its `maintext` and `date_publish` stand in for
`text` and `published`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from newsprism.errors import InputError


@dataclass(frozen=True)
class JsonRecord:
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None


def parse_record(source: str, document: str) -> JsonRecord:
    """The fields of a JSON article record, checked."""
    try:
        record = json.loads(document)
    except json.JSONDecodeError as error:
        raise InputError(source, f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    if not isinstance(record, dict):
        many = " (`newsprism corpus ingest` reads a file holding a list of records)" if isinstance(record, list) else ""
        raise InputError(source, f'JSON is a {type(record).__name__}, not a record with a "text" field{many}')
    text = record.get("text", record.get("maintext"))
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, 'JSON record needs a non-empty "text" string (or news-please\'s "maintext")')
    published = "published" if "published" in record else "date_publish"
    return JsonRecord(
        text=text,
        title=_optional_str(source, record, "title"),
        source=_optional_str(source, record, "source"),
        url=_optional_str(source, record, "url"),
        published=_date(source, published, record.get(published)),
    )


def _optional_str(source: str, record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(source, f'JSON field "{key}" must be a string, not {type(value).__name__}')
    return (value.strip() or None) if value else None


def _date(source: str, key: str, value: Any) -> dt.date | None:
    """An ISO date, or a timestamp whose first ten characters are one."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, str) and len(value) >= 10 and value[4] == "-":
            return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    raise InputError(source, f'JSON field "{key}" is not a date (YYYY-MM-DD): {value!r}')
