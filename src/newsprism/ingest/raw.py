"""Bytes from a file, and bytes to text, refusing what is not a text article."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from newsprism.errors import InputError

SNIFF_CHARS = 10_000
MAX_CONTROL_SHARE = 0.02
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_DECLARATION = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I)


def read_file(source: str, max_bytes: int) -> bytes:
    """The bytes of a file, or an InputError saying why it cannot be an article."""
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
        raise InputError(source, f"cannot be read ({error.strerror or error})") from None


def decode(source: str, body: bytes, charset: str = "utf-8") -> str:
    """Bytes as text in `charset` (UTF-8 unless a server said otherwise); a page that is not UTF-8 is read in the
    charset its own markup declares (an older site's `<meta charset="iso-8859-1">`); binary data is refused."""
    if not body.strip():
        raise InputError(source, "is empty")
    if b"\x00" in body[:SNIFF_CHARS]:
        raise InputError(source, "is a binary file (it contains NUL bytes), not text")
    encoding = _known(charset)
    try:
        text = body.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        text = _in_declared_charset(body) if encoding == "utf-8" else None
        if text is None:
            raise InputError(
                source, f"is not {_name(encoding)} text (invalid byte 0x{body[error.start]:02x} at offset {error.start}); "
                "convert it to UTF-8"
            ) from None
    if _control_share(text[:SNIFF_CHARS]) > MAX_CONTROL_SHARE:
        raise InputError(source, "is a binary file (mostly control characters), not text")
    return text


def _in_declared_charset(body: bytes) -> str | None:
    """The text in the charset that a page or an XML file declares in its first bytes, if it reads so."""
    match = _DECLARATION.search(body[:SNIFF_CHARS])
    encoding = _known((match.group(1) or match.group(2)).decode("ascii")) if match else "utf-8"
    try:
        return body.decode(encoding) if encoding != "utf-8" else None
    except UnicodeDecodeError:
        return None


def _known(charset: str) -> str:
    """The codec's canonical name, or utf-8 when the charset is unknown."""
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return "utf-8"


def _name(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else encoding


def _control_share(text: str) -> float:
    controls = sum(1 for char in text if char not in _TEXT_CONTROLS and unicodedata.category(char) == "Cc")
    return controls / max(len(text), 1)
