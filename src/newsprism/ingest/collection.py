"""Read a collection: directories, JSONL files (plain or compressed), JSON lists of records, WARC files and RSS/Atom
feeds, item by item.

    for item in read_collection(["crawl/", "wire.jsonl", "items.json", "crawl.warc.gz", "feed.xml"]):
        item.place, item.article   # a Read
        item.place, item.reason    # an Unreadable: recorded and skipped, reading goes on

Every item says where it was found (`Place`: the input and a position such as "line 12", "record 3",
"entry 5"), stable across runs so that a resumed run can skip what it already stored. Nothing here
raises for bad input: one broken line, record or entry costs only itself, and a damaged file costs only
what comes after the damage.
"""

from __future__ import annotations

import bz2
import contextlib
import datetime as dt
import gzip
import io
import json
import lzma
import os
import time
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from newsprism.errors import InputError, first_line
from newsprism.ingest import MAX_BYTES, parse_article, read_input
from newsprism.ingest.html import looks_like_html
from newsprism.ingest.raw import decode
from newsprism.models import Place, Read, Unreadable

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".json")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSONL_OPENERS = {".jsonl": open, ".jsonl.gz": gzip.open, ".jsonl.bz2": bz2.open, ".jsonl.xz": lzma.open}
WARC_SUFFIXES = (".warc", ".warc.gz")
BOM = b"\xef\xbb\xbf"
HEADER_PEEK = 65_536  # bytes read to see whether a WARC file ends inside a record's header (a few hundred bytes)
CUT_SHORT = "the file ends inside this record (cut short while being written?) or is not WARC"

Item = Read | Unreadable


def read_collection(sources: Iterable[str]) -> Iterator[Item]:
    """Every article of every source, in a stable order, each as a `Read` or an `Unreadable`."""
    for source in map(os.fspath, sources):
        if not Path(source).exists():
            yield Unreadable(place=Place(input=source), reason="no such file or directory")
            continue
        for name, kind in _files(source):
            yield from _read_file(name, kind)


def count_items(sources: Iterable[str]) -> dict[str, int] | None:
    """How many items `read_collection` will give for each input file, counted without reading them as articles
    (a JSONL file's non-blank lines); None when a source is a WARC file, a feed, a compressed JSONL file or a JSON
    list, whose items only a full read can count."""
    counts: dict[str, int] = {}
    for source in map(os.fspath, sources):
        for name, kind in _files(source):
            if kind in ("warc", "feed", "json list") or (kind == "jsonl" and not name.lower().endswith(".jsonl")):
                return None
            counts[name] = _non_blank_lines(Path(name)) if kind == "jsonl" else 1
    return counts


def _non_blank_lines(path: Path) -> int:
    try:
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    except OSError:
        return 1  # read as one Unreadable


def _files(source: str) -> list[tuple[str, str]]:
    """The files a source names, each with its kind: a directory's files that are read, at any depth, in a stable
    order; or the file itself, named as given (the name its places are stored under)."""
    path = Path(source)
    if not path.is_dir():
        return [(source, _kind(source))]
    found = [(str(p), _kind(str(p))) for p in sorted(path.rglob("*")) if p.is_file()]
    return [(name, kind) for name, kind in found if kind != "other" or _starts_like_html(Path(name))]


def _starts_like_html(path: Path) -> bool:
    """A page a mirroring crawler saved under another name ("story.php?id=3", "2019/05/flood")."""
    try:
        with path.open("rb") as file:
            return looks_like_html(file.read(2000).decode("utf-8-sig", errors="replace"))
    except OSError:
        return False


def _kind(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(tuple(JSONL_OPENERS)):
        return "jsonl"
    if lowered.endswith(WARC_SUFFIXES):
        return "warc"
    if lowered.endswith(FEED_SUFFIXES):
        return "feed"
    if lowered.endswith(".json") and _holds_list(name):
        return "json list"
    return "article" if lowered.endswith(ARTICLE_SUFFIXES) else "other"


def _holds_list(name: str) -> bool:
    """Whether a JSON file starts a list (as Scrapy's JSON export writes) rather than one record."""
    try:
        with open(name, "rb") as file:
            return file.read(4096).removeprefix(BOM).lstrip().startswith(b"[")
    except OSError:
        return False


def _read_file(source: str, kind: str) -> Iterator[Item]:
    readers = {"jsonl": read_jsonl, "json list": read_json_list, "warc": read_warc, "feed": read_feed}
    reader = readers.get(kind)
    if reader is not None:
        yield from _guarded(source, reader(source))
    else:
        yield _one_article(source)


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one file; a file that cannot be opened at all becomes one Unreadable."""
    try:
        yield from items
    except OSError as error:
        yield Unreadable(place=Place(input=source), reason=f"cannot be read ({error.strerror or error})")


def _one_article(source: str) -> Item:
    place = Place(input=source)
    try:
        return Read(place=place, article=read_input(source))
    except InputError as error:
        return Unreadable(place=place, reason=error.problem)


def read_jsonl(source: str) -> Iterator[Item]:
    """One article a line: `text`, optional `title`, `source`, `url`, `published`; blank lines skipped. A file
    whose name ends in .gz, .bz2 or .xz is read through that compression; where it is damaged or cut short,
    the lines before are kept and the rest is one Unreadable."""
    opener = next(o for suffix, o in JSONL_OPENERS.items() if source.lower().endswith(suffix))
    number = 0
    with opener(source, "rb") as lines:
        try:
            for number, raw in enumerate(lines, 1):
                if raw.strip():
                    yield _json_item(Place(input=source, position=f"line {number}"), raw)
        except (OSError, EOFError, zlib.error, lzma.LZMAError) as error:
            yield Unreadable(place=Place(input=source, position=f"line {number + 1}"),
                             reason=f"cannot be read from this line on ({type(error).__name__}: {error})")


def read_json_list(source: str) -> Iterator[Item]:
    """The records of a JSON file holding a list of them, read one at a time, so that a large file is never held
    whole; where the file is malformed or cut short, the records before are kept and the rest is one Unreadable."""
    import ijson

    number = 0
    with open(source, "rb") as stream:
        if stream.read(len(BOM)) != BOM:
            stream.seek(0)
        try:
            for number, record in enumerate(ijson.items(stream, "item", use_float=True), 1):
                yield _json_item(Place(input=source, position=f"record {number}"), json.dumps(record).encode())
        except ijson.JSONError as error:
            yield Unreadable(place=Place(input=source, position=f"record {number + 1}"),
                             reason=f"cannot be read from this record on (malformed JSON: {first_line(error)})")


def _json_item(place: Place, raw: bytes) -> Item:
    try:
        return Read(place=place, article=parse_article(str(place), decode(str(place), raw).rstrip("\r\n"), "json"))
    except InputError as error:
        return Unreadable(place=place, reason=error.problem)


def read_warc(source: str) -> Iterator[Item]:
    """The HTML responses of a WARC file, with their URL, crawl date and HTTP headers as metadata.

    Records are numbered in file order, all kinds counted; requests, metadata and non-HTML responses
    are not articles and are passed over. A damaged file ends with one Unreadable at the damage, and so
    does one cut short (a crawl stopped while writing it), whose last record warcio gives back as it is,
    passes over in silence or fails to parse. What warcio prints of a record longer or shorter than its
    header says is not shown: the records are read all the same.
    """
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    passed_over = None  # the last record, when it was passed over: only once the file is read is it known whole
    with open(source, "rb") as stream:
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            place = Place(input=source, position=f"record {number + 1}")
            try:
                with contextlib.redirect_stderr(io.StringIO()):  # warcio's notes on lengths, over the progress bar
                    record = next(records, None)
                    if record is None:
                        break
                    number += 1
                    item = _warc_item(place, record)
            except Exception as error:  # warcio and zlib raise many kinds on a damaged archive
                reason = CUT_SHORT if _ends_in_header(stream, archive.offset) else \
                    f"WARC record could not be read ({type(error).__name__}: {error})"
                yield Unreadable(place=place, reason=reason)
                return
            passed_over = (place, record) if item is None else None
            if item is not None:
                yield item
        size = os.fstat(stream.fileno()).st_size
    if passed_over is not None and _cut_short(passed_over[1]):
        yield Unreadable(place=passed_over[0], reason=CUT_SHORT)
    elif archive.offset < size:  # bytes after the last record that warcio could not even start reading
        yield Unreadable(place=place, reason=CUT_SHORT)


def _ends_in_header(stream: BinaryIO, offset: int) -> bool:
    """Whether the file ends inside the WARC header of the record at `offset`, where warcio raises whatever the
    header's first missing line leads to (a bad first line, no target URI, ...). Moves the stream."""
    stream.seek(offset)
    raw = stream.read(HEADER_PEEK)
    try:
        head = zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(raw) if raw.startswith(b"\x1f\x8b") else raw
    except zlib.error:
        return False
    return (head.startswith(b"WARC/") or b"WARC/".startswith(head)) and b"\r\n\r\n" not in head


def _cut_short(record) -> bool:
    """Whether the file ended inside the record's header (which must give its length) or before the bytes
    that header promised."""
    length = record.rec_headers.get_header("Content-Length") or ""
    return not length.strip().isdigit() or getattr(record.raw_stream, "limit", 0) > 0


def _warc_item(place: Place, record) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date") or ""
    body = record.content_stream().read(MAX_BYTES + 1)
    metadata = {"warc_date": crawled, "http_status": record.http_headers.get_statuscode() or ""}
    metadata |= {f"http_{name.lower()}": value for name, value in record.http_headers.headers}
    try:
        if len(body) > MAX_BYTES:
            raise InputError(str(place), f"response is more than the {MAX_BYTES:,} byte limit")
        if _cut_short(record):
            raise InputError(str(place), CUT_SHORT)
        text = decode(str(place), body, _charset(content_type))
        article = parse_article(str(place), text, "html", url=url, metadata=metadata, other_date=(_day(crawled), "crawl"))
    except InputError as error:
        return Unreadable(place=place, reason=error.problem)
    return Read(place=place, article=article)


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def _day(timestamp: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(timestamp[:10])
    except ValueError:
        return None


def read_feed(source: str) -> Iterator[Item]:
    """The entries of an RSS or Atom feed: link, date, title, and the entry's content or summary as text."""
    import feedparser

    with open(source, "rb") as stream:
        feed = feedparser.parse(stream.read())
    if not feed.entries:
        problem = feed.get("bozo_exception") or "no entries"
        yield Unreadable(place=Place(input=source), reason=f"not a readable RSS or Atom feed ({problem})")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        yield _feed_item(Place(input=source, position=f"entry {number}"), entry, outlet)


def _feed_item(place: Place, entry, outlet: str | None) -> Item:
    contents = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    markup = max(contents, key=len)
    if not markup.strip():
        return Unreadable(place=place, reason="feed entry has no text")
    page = f"<html><head><title>{entry.get('title', '')}</title></head><body><article>{markup}</article></body></html>"
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    day = dt.date(*stamp[:3]) if isinstance(stamp, time.struct_time) else None
    metadata = {key: entry[key] for key in ("id", "author") if entry.get(key)}
    try:
        article = parse_article(
            str(place), page, "html", url=entry.get("link"), metadata=metadata,
            other_outlet=(outlet, "feed"), other_date=(day, "feed"),
        )
    except InputError as error:
        return Unreadable(place=place, reason=error.problem)
    titled = {"title": entry["title"], "title_origin": "feed"} if entry.get("title") else {}
    return Read(place=place, article=article.model_copy(update=titled))
