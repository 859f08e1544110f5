"""Fetching an article by URL, with a timeout and a size limit enforced while reading."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

from newsprism.errors import InputError

CHUNK = 65536
USER_AGENT = "newsprism/0.1 (+https://example.invalid/newsprism)"


def fetch(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str]:
    """The body, content type and final URL (after redirects) of an http(s) URL."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain, */*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, f"response is {int(declared):,} bytes, more than the {max_bytes:,} byte limit")
            body = _read_limited(url, response, max_bytes)
            return body, response.headers.get_content_type(), response.geturl()
    except urllib.error.HTTPError as error:
        raise InputError(url, f"HTTP error {error.code} ({error.reason})") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"could not be fetched ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise InputError(url, f"timed out after {timeout:g} s") from None


def _read_limited(url: str, response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"response is larger than the {max_bytes:,} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)
