"""Collections: directories, JSONL, WARC and feeds read item by item; a bad item costs only itself."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json
import lzma
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest.collection import count_items, read_collection
from newsprism.models import Read, Unreadable

STORY = ("The harbour crane collapsed on Monday morning, and two workers were hurt, the port authority said. "
         "Engineers will inspect every crane on the quay before work resumes.")
PAGE = f"<html><head><title>Crane collapses</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>"


def _places(items):
    return [(type(i).__name__, i.place.position) for i in items]


def test_collection_jsonl_keeps_good_lines_and_names_the_bad_ones(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": STORY, "title": "Crane", "source": "Wire", "published": "2026-03-02"}),
        "",
        '{"text": "unterminated',
        json.dumps({"title": "no text"}),
        json.dumps({"text": STORY + " Later update.", "url": "https://news.example/2026/03/03/crane"}),
    ]), encoding="utf-8")
    items = list(read_collection([str(path)]))
    assert _places(items) == [("Read", "line 1"), ("Unreadable", "line 3"), ("Unreadable", "line 4"), ("Read", "line 5")]
    first, last = items[0].article, items[3].article
    assert (first.outlet, first.outlet_origin, first.published) == ("Wire", "given", dt.date(2026, 3, 2))
    assert last.published_origin == "url" and first.input == f"{path}:line 1"
    assert "malformed JSON" in items[1].reason and '"text"' in items[2].reason


def test_collection_compressed_jsonl_is_read_and_a_cut_one_keeps_its_first_lines(tmp_path):
    lines = "".join(json.dumps({"text": f"{STORY} Update {n}.", "title": f"Crane {n}"}) + "\n" for n in range(40))
    for suffix, compress in ((".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)):
        (tmp_path / f"wire.jsonl{suffix}").write_bytes(compress(lines.encode()))
    whole = gzip.compress(lines.encode())
    (tmp_path / "cut" / "wire.jsonl.gz").parent.mkdir()
    (tmp_path / "cut" / "wire.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    for suffix in (".gz", ".bz2", ".xz"):
        items = list(read_collection([str(tmp_path / f"wire.jsonl{suffix}")]))
        assert [i.article.title for i in items] == [f"Crane {n}" for n in range(40)]
    cut = list(read_collection([str(tmp_path / "cut")]))
    assert all(isinstance(i, Read) for i in cut[:-1]) and isinstance(cut[-1], Unreadable)
    assert cut[-1].place.position == f"line {len(cut)}" and "EOFError" in cut[-1].reason


def test_collection_json_list_is_read_record_by_record_and_a_cut_one_keeps_its_first_records(tmp_path):
    records = [{"text": f"{STORY} Update {n}.", "title": f"Crane {n}"} for n in range(3)] + [{"title": "no text"}]
    (tmp_path / "items.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(records, indent=1).encode())  # with a BOM
    whole = json.dumps(records[:3])
    (tmp_path / "cut.json").write_text(whole[: whole.rindex("Update")], encoding="utf-8")  # cut in the third record
    items = list(read_collection([str(tmp_path / "items.json")]))
    assert _places(items) == [("Read", "record 1"), ("Read", "record 2"), ("Read", "record 3"), ("Unreadable", "record 4")]
    assert [i.article.title for i in items[:3]] == ["Crane 0", "Crane 1", "Crane 2"] and '"text"' in items[3].reason
    cut = list(read_collection([str(tmp_path / "cut.json")]))
    assert _places(cut) == [("Read", "record 1"), ("Read", "record 2"), ("Unreadable", "record 3")]
    assert cut[2].reason == "cannot be read from this record on (malformed JSON: parse error: premature EOF)"
    assert count_items([str(tmp_path / "items.json")]) is None  # a list is counted only by reading it


def test_collection_directory_reads_articles_and_records_bad_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b" / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x01binary")
    (tmp_path / "notes.md").write_text("not an article format", encoding="utf-8")
    (tmp_path / "b" / "story.php?id=3").write_text(PAGE, encoding="utf-8")  # as a mirroring crawler names pages
    (tmp_path / "b" / "style.css").write_text("body { margin: 0 }", encoding="utf-8")
    items = list(read_collection([str(tmp_path), str(tmp_path / "missing")]))
    assert [(type(i).__name__, i.place.input.replace(str(tmp_path), "")) for i in items] == [
        ("Read", "/a.txt"), ("Unreadable", "/b/broken.json"), ("Read", "/b/page.html"), ("Read", "/b/story.php?id=3"),
        ("Unreadable", "/photo.txt"), ("Unreadable", "/missing"),
    ]
    assert "binary" in items[4].reason and "no such file" in items[5].reason
    assert items[2].article.title == "Crane collapses"


def _warc(records: list[tuple[str, str, bytes]], compressed: bool = True) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=compressed)
    for kind, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Server", "test")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://ledger.example/news/crane", kind, payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2026-03-04T10:00:00Z"},
        )
        writer.write_record(record)
    return stream.getvalue()


def test_collection_warc_reads_html_responses_with_crawl_metadata(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([
        ("response", "text/html; charset=utf-8", PAGE.encode()),
        ("response", "image/png", b"\x89PNG"),
        ("response", "text/html", b"<html><body><p>Too short.</p></body></html>"),
    ]))
    items = list(read_collection([str(path)]))
    assert _places(items) == [("Read", "record 1"), ("Unreadable", "record 3")]
    article = items[0].article
    assert article.url == "https://ledger.example/news/crane"
    assert (article.published, article.published_origin) == (dt.date(2026, 3, 4), "crawl")
    assert article.metadata["http_server"] == "test" and article.metadata["warc_date"].startswith("2026-03-04")


def test_collection_damaged_warc_keeps_the_records_before_the_damage(tmp_path):
    whole = _warc([("response", "text/html", PAGE.encode())] * 3)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3] + b"garbage that is not gzip")
    items = list(read_collection([str(path)]))
    assert isinstance(items[0], Read) and items[0].place.position == "record 1"
    assert isinstance(items[-1], Unreadable) and "WARC record could not be read" in items[-1].reason
    assert len(items) <= 3


def test_collection_warc_cut_short_reports_its_last_record(tmp_path):
    whole = _warc([("response", "text/html", PAGE.encode())] * 3)
    one = len(_warc([("response", "text/html", PAGE.encode())]))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: 2 * one + 300])  # a crawl stopped while writing the third record
    items = list(read_collection([str(path)]))
    assert _places(items) == [("Read", "record 1"), ("Read", "record 2"), ("Unreadable", "record 3")]
    assert "ends inside this record" in items[-1].reason


def test_collection_warc_cut_inside_a_record_header_reports_that_record(tmp_path):
    members = [_warc([("response", "text/html", PAGE.encode())]) for _ in range(3)]  # gzip members, one a record
    start, path = len(members[0]) + len(members[1]), tmp_path / "cut.warc.gz"
    for cut in range(1, 200, 3):  # the header takes the first hundred-odd compressed bytes of its member
        path.write_bytes(b"".join(members)[: start + cut])
        items = list(read_collection([str(path)]))
        assert _places(items) == [("Read", "record 1"), ("Read", "record 2"), ("Unreadable", "record 3")], cut
        assert "ends inside this record" in items[-1].reason, (cut, items[-1].reason)


def test_collection_warc_record_shorter_than_its_header_says_is_read_without_console_noise(tmp_path, capsys):
    data = _warc([("response", "text/html", PAGE.encode())] * 2, compressed=False)
    length = data.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0]
    path = tmp_path / "lengths.warc"
    path.write_bytes(data.replace(b"Content-Length: " + length, b"Content-Length: %d" % (int(length) - 2), 1))
    items = list(read_collection([str(path)]))
    assert _places(items) == [("Read", "record 1"), ("Read", "record 2")]
    assert capsys.readouterr().err == ""


def test_collection_file_named_warc_that_is_not_one_is_a_failure(tmp_path):
    (tmp_path / "junk.warc").write_text("hello, this is not an archive\n", encoding="utf-8")
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not gzip either")
    items = list(read_collection([str(tmp_path / "junk.warc"), str(tmp_path / "junk.warc.gz")]))
    assert [type(i) for i in items] == [Unreadable, Unreadable]
    assert _places(items) == [("Unreadable", "record 1")] * 2
    assert "not WARC" in items[0].reason and "could not be read" in items[1].reason


def test_collection_items_are_counted_beforehand_where_a_quick_look_can(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "pages" / "style.css").write_text("body { margin: 0 }", encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(f"{json.dumps({'text': STORY})}\n\n{{broken\n", encoding="utf-8")
    sources = [str(tmp_path / "pages"), str(tmp_path / "wire.jsonl"), str(tmp_path / "missing.txt")]
    counts = count_items(sources)
    assert counts == {str(tmp_path / "pages" / "a.txt"): 1, str(tmp_path / "wire.jsonl"): 2, str(tmp_path / "missing.txt"): 1}
    assert sum(counts.values()) == len(list(read_collection(sources)))
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([("response", "text/html", PAGE.encode())]))
    assert count_items([*sources, str(tmp_path / "crawl.warc.gz")]) is None


def test_collection_counts_a_file_under_the_name_its_places_have(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("wire.jsonl").write_text(f"{json.dumps({'text': STORY})}\n", encoding="utf-8")
    assert {i.place.input for i in read_collection(["./wire.jsonl"])} == set(count_items(["./wire.jsonl"])) == {"./wire.jsonl"}


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Ledger</title>
<item><title>Crane collapses</title><link>https://ledger.example/crane</link>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate><description><![CDATA[<p>{STORY}</p><p>{STORY}</p>]]></description></item>
<item><title>Empty</title><link>https://ledger.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coastline Daily</title>
<entry><title>Crane inquiry</title><link href="https://coast.example/inquiry"/><updated>2026-03-05T09:00:00Z</updated>
<content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""


def test_collection_feeds_give_entries_with_links_dates_and_outlet(tmp_path):
    (tmp_path / "ledger.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "coast.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "broken.xml").write_text("plain words, not a feed", encoding="utf-8")
    items = list(read_collection([str(tmp_path / "ledger.rss"), str(tmp_path / "coast.atom"), str(tmp_path / "broken.xml")]))
    assert _places(items) == [("Read", "entry 1"), ("Unreadable", "entry 2"), ("Read", "entry 1"), ("Unreadable", "")]
    rss, atom = items[0].article, items[2].article
    assert (rss.title, rss.url, rss.published, rss.published_origin) == ("Crane collapses", "https://ledger.example/crane", dt.date(2026, 3, 3), "feed")
    assert (rss.outlet, rss.outlet_origin) == ("Harbor Ledger", "feed")
    assert (atom.url, atom.published) == ("https://coast.example/inquiry", dt.date(2026, 3, 5))
    assert "no text" in items[1].reason and "feed" in items[3].reason


def test_collection_gzip_damage_in_a_plain_file_is_one_unreadable(tmp_path):
    path = tmp_path / "story.json"
    path.write_bytes(gzip.compress(b'{"text": "x"}'))
    (item,) = read_collection([str(path)])
    assert isinstance(item, Unreadable) and item.place.input == str(path)
