"""Fetching an article by URL, with a timeout and a size limit enforced while reading."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

from newsprism.errors import InputError

CHUNK = 65_536
USER_AGENT = "newsprism/0.1 (article comparison)"
TEXT_TYPES = ("application/xhtml+xml", "application/xml", "application/json", "application/ld+json")


@dataclass(frozen=True)
class Fetched:
    """A response body with what the server said about it."""

    body: bytes
    content_type: str
    charset: str
    final_url: str


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """The body of an http(s) URL; HTTP errors, timeouts, non-text and oversized bodies raise InputError."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain, */*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            _check_text(url, content_type)
            _check_declared_size(url, response.headers.get("Content-Length"), max_bytes)
            body = _read_limited(url, response, max_bytes)
            charset = response.headers.get_content_charset() or "utf-8"
            return Fetched(body, content_type, charset, response.geturl())
    except urllib.error.HTTPError as error:
        raise InputError(url, f"HTTP error {error.code} ({error.reason})") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"could not be fetched ({error.reason})") from None
    except TimeoutError:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise InputError(url, f"could not be fetched ({type(error).__name__}: {error})") from None


def _check_text(url: str, content_type: str) -> None:
    if not (content_type.startswith("text/") or content_type in TEXT_TYPES):
        raise InputError(url, f"is not a text page (content type {content_type})")


def _check_declared_size(url: str, declared: str | None, max_bytes: int) -> None:
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, f"response is {int(declared):,} bytes, more than the {max_bytes:,} byte limit")


def _read_limited(url: str, response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"response is larger than the {max_bytes:,} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)
