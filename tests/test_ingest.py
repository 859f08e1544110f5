"""Ingest: every kind of input becomes an Article, inferences are marked, bad input names itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import json
import socket
import threading
import time

import pytest

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism.errors import InputError
from newsprism.ingest import read_input, read_text

STORY = "The harbour authority closed the north pier on Monday after a crane collapsed. " * 3
SECOND = "Engineers said the crane's base had corroded over several winters and would be inspected."
PAGE = f"""<!doctype html><html><head><title>Crane collapse closes pier</title>
<meta property="og:site_name" content="The Example Courier">
<meta property="article:published_time" content="2025-06-02T08:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Crane collapse closes pier</h1><p>{STORY}</p><p>{SECOND}</p>
<script>window.injected = true</script></article>
<div class="comments"><p>Great article, thanks for sharing it with all of us here!</p></div>
<footer>Share this</footer></body></html>"""
PLAIN_PAGE = f"<html><head><title>Pier</title></head><body><article><p>{STORY}</p><p>{SECOND}</p></article></body></html>"


def test_ingest_infers_outlet_from_seed_dateline():
    require_shared(SEED_NEWS)
    article = read_input(str(SEED_NEWS))
    assert (article.outlet, article.outlet_origin, article.outlet_inferred) == ("CNSNews.com", "dateline", True)
    assert article.language == "en" and article.input == str(SEED_NEWS)
    assert article.text == SEED_NEWS.read_text(encoding="utf-8")  # as read; cleaning comes later


def test_ingest_blog_seed_has_no_outlet():
    require_shared(SEED_BLOG)
    blog = read_input(str(SEED_BLOG), published=dt.date(2020, 1, 1))
    assert (blog.outlet, blog.outlet_origin, blog.outlet_inferred) == (None, "none", False)
    assert (blog.published, blog.published_origin, blog.published_inferred) == (dt.date(2020, 1, 1), "given", False)


def test_ingest_given_outlet_wins_over_dateline():
    require_shared(SEED_NEWS)
    article = read_input(str(SEED_NEWS), outlet="Somebody")
    assert (article.outlet, article.outlet_origin, article.outlet_inferred) == ("Somebody", "given", False)


@pytest.mark.parametrize(
    ("first_line", "outlet"),
    [
        ("WASHINGTON (Reuters) - Lawmakers met on Monday to debate the harbour bill.", "Reuters"),
        ("BAGHDAD, Iraq (AP) — Crowds gathered outside the ministry on Monday morning.", "AP"),
        ("(Example News) – Crowds gathered outside the ministry on Monday morning.", "Example News"),
        ("The report (PDF) - released on Monday - says the pier is unsafe to use.", None),
        ("Crowds gathered outside the ministry (Reuters reported) on Monday.", None),
    ],
)
def test_ingest_dateline_outlet(first_line, outlet):
    article = read_text(f"{first_line}\n{SECOND}")
    assert article.outlet == outlet and article.outlet_origin == ("dateline" if outlet else "none")


def test_ingest_id_is_sha1_of_text_and_deterministic():
    article = read_text(STORY)
    assert article.id == "a" + hashlib.sha1(STORY.encode("utf-8")).hexdigest()[:8] == read_text(STORY).id
    assert read_text(STORY + "More.").id != article.id


def test_ingest_language_detected_only_with_enough_text():
    assert read_text(STORY).language == "en"
    french = "Le maire a fermé le port lundi après l'effondrement d'une grue, selon les autorités locales."
    assert read_text(french).language == "fr"
    assert read_text("Crane falls.").language is None


def test_ingest_read_text_infers_outlet_and_date_from_url():
    article = read_text(STORY, url="https://www.courier.example/2025/06/02/pier-closed", title="Pier")
    assert (article.outlet, article.outlet_origin) == ("courier.example", "url")
    assert (article.published, article.published_origin, article.published_inferred) == (dt.date(2025, 6, 2), "url", True)
    assert article.title == "Pier" and article.url.endswith("pier-closed")


def test_ingest_read_text_rejects_empty_text():
    with pytest.raises(InputError, match="snippet: the article has no text"):
        read_text("  \n ", source_name="snippet")


def test_ingest_reads_json_record(tmp_path):
    path = tmp_path / "a.json"
    record = {"text": STORY, "title": "Pier", "source": "Courier", "url": "https://c.example/x", "published": "2025-06-02"}
    path.write_text(json.dumps(record), encoding="utf-8")
    article = read_input(str(path))
    assert (article.title, article.outlet, article.published) == ("Pier", "Courier", dt.date(2025, 6, 2))
    assert (article.outlet_origin, article.published_origin) == ("given", "given")
    assert article.url == "https://c.example/x" and article.text == STORY


def test_ingest_reads_a_news_please_record(tmp_path):
    path = tmp_path / "c.example-x.json"
    record = {"maintext": STORY, "title": "Pier", "url": "https://www.c.example/x", "date_publish": "2025-06-02 13:10:00",
              "source_domain": "www.c.example", "language": "en", "authors": ["A. Writer"], "image_url": None}
    path.write_text(json.dumps(record), encoding="utf-8")
    article = read_input(str(path))
    assert (article.text, article.title, article.published, article.published_origin) == (STORY, "Pier", dt.date(2025, 6, 2), "given")
    assert (article.outlet, article.outlet_origin) == ("c.example", "url")
    path.write_text(json.dumps(record | {"date_publish": "last week"}), encoding="utf-8")
    with pytest.raises(InputError, match='"date_publish" is not a date'):
        read_input(str(path))


@pytest.mark.parametrize(("declaration", "encoding"), [
    ('<meta charset="iso-8859-1">', "latin-1"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
])
def test_ingest_reads_a_page_in_the_charset_it_declares(tmp_path, declaration, encoding):
    page = PAGE.replace("<head>", f"<head>{declaration}").replace("Crane collapse", "Café crane collapse")
    path = _write(tmp_path, "old-site.html", page.encode(encoding))  # "é" is not UTF-8 there
    article = read_input(str(path))
    assert article.title == "Café crane collapse closes pier" and STORY.strip() in article.text


def test_ingest_extracts_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_input(str(path))
    assert STORY.strip() in article.text and SECOND in article.text.splitlines()  # paragraphs kept as lines
    assert "World" not in article.text and "injected" not in article.text and "Great article" not in article.text
    assert (article.title, article.title_origin) == ("Crane collapse closes pier", "html")
    assert (article.outlet, article.outlet_origin) == ("The Example Courier", "html")
    assert (article.published, article.published_origin) == (dt.date(2025, 6, 2), "html")
    assert article.metadata["html_date"] == "2025-06-02"


def test_ingest_html_dateline_outranks_site_name(tmp_path):
    path = tmp_path / "wire.html"
    path.write_text(PAGE.replace(f"<p>{STORY}", f"<p>LONDON (Example Wire) - {STORY}"), encoding="utf-8")
    article = read_input(str(path))
    assert (article.outlet, article.outlet_origin) == ("Example Wire", "dateline")


def test_ingest_sniffs_html_without_extension(tmp_path):
    path = tmp_path / "saved_page"
    path.write_text(PAGE, encoding="utf-8")
    assert "<p>" not in read_input(str(path)).text


def test_ingest_reads_a_plain_text_title_and_address_from_its_opening_lines():
    """A short line set off by a blank line opens the text: the headline, marked as read from the text, which is
    kept whole. Not a label, a date line, a sentence, nor the first line of a wrapped paragraph. A line before it
    holding only an address is the page's URL, unless one is given."""
    saved = f"https://harbour.example/2025/06/02/pier\n\nCrane Collapse Closes North Pier\n\nJune 2, 2025 8:10 AM\n\n{STORY}"
    article = read_text(saved)
    assert (article.title, article.title_origin, article.title_inferred) == ("Crane Collapse Closes North Pier", "text", True)
    assert article.text == saved
    assert (article.url, article.metadata["url_origin"]) == ("https://harbour.example/2025/06/02/pier", "text")
    assert (article.outlet, article.outlet_origin, article.published) == ("harbour.example", "url", dt.date(2025, 6, 2))
    assert read_text(saved, url="https://other.example/pier").metadata == {}
    assert read_text(f"Will the north pier reopen before the summer season?\n\n{STORY}").title.endswith("season?")
    for opening in ("Source:", "June 2, 2025 8:10 AM", "The harbour authority closed the north pier on Monday.",
                    "The harbour authority closed the north pier on Monday after a crane\ncollapsed on it"):
        untitled = read_text(f"{opening}\n\n{STORY}")
        assert (untitled.title, untitled.title_origin) == (None, "none"), opening
    given = read_text(f"Crane Collapse Closes North Pier\n\n{STORY}", title="Pier shut")
    assert (given.title, given.title_origin) == ("Pier shut", "given")


def test_ingest_plain_text_is_kept_as_read(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(("\ufeff" + STORY + "\n\n" + SECOND + "\n").encode("utf-8"))
    assert read_input(str(path)).text == STORY + "\n\n" + SECOND + "\n"


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"   \n", "is empty"),
        ("nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it contains NUL bytes)"),
        ("controls.txt", bytes(range(1, 9)) * 20, "binary file (mostly control characters)"),
        ("latin1.txt", "Café owners protested.".encode("latin-1"), "not UTF-8 text (invalid byte 0xe9 at offset 3)"),
        ("bad.json", b'{\n  "text": "x",\n  "title": }', "malformed JSON at line 3, column 12"),
        ("list.json", b'[{"text": "x"}]', 'JSON is a list, not a record with a "text" field (`newsprism corpus ingest` reads a file holding a list of records)'),
        ("notext.json", b'{"title": "no body"}', 'needs a non-empty "text" string'),
        ("blank.json", b'{"text": "   "}', 'needs a non-empty "text" string'),
        ("baddate.json", json.dumps({"text": STORY, "published": "last week"}).encode(), '"published" is not a date'),
        ("badtitle.json", json.dumps({"text": STORY, "title": 3}).encode(), '"title" must be a string'),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text found in the HTML page"),
    ],
)
def test_ingest_bad_file_names_the_input_and_the_problem(tmp_path, name, content, problem):
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError) as error:
        read_input(str(path))
    assert str(error.value).startswith(f"{path}: ") and problem in str(error.value)
    assert error.value.source == str(path)


def test_ingest_missing_file_directory_and_size_limit(tmp_path):
    for source, problem in ((tmp_path / "missing.txt", "no such file"), (tmp_path, "is a directory")):
        with pytest.raises(InputError, match=f"^{source}: {problem}"):
            read_input(str(source))
    big = _write(tmp_path, "big.txt", STORY.encode())
    with pytest.raises(InputError, match="more than the 100 byte limit"):
        read_input(str(big), max_bytes=100)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {
        "/2025/06/02/pier": ("text/html; charset=utf-8", PAGE.encode()),
        "/2025/06/03/plain": ("text/html", PLAIN_PAGE.encode()),
        "/story.txt": ("text/plain; charset=iso-8859-1", f"Café {STORY}".encode("latin-1")),
        "/record": ("application/json", json.dumps({"text": STORY, "source": "Wire"}).encode()),
        "/logo": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    }

    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/2025/06/02/pier")
            self.end_headers()
        elif self.path in ("/big", "/big-declared"):
            self._send("text/plain", b"x" * 5000, declare=self.path == "/big-declared")
        elif self.path in self.routes:
            self._send(*self.routes[self.path])
        else:
            self.send_error(404, "Not Found")

    def _send(self, content_type, body, declare=True):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if declare:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout test) is expected


@pytest.fixture(scope="module")
def server():
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_fetches_html_url(server):
    article = read_input(f"{server}/2025/06/02/pier")
    assert STORY.strip() in article.text and article.url == f"{server}/2025/06/02/pier"
    assert (article.outlet, article.outlet_origin) == ("The Example Courier", "html")
    assert article.metadata["content_type"] == "text/html"


def test_ingest_url_metadata_marks_what_came_from_the_url(server):
    article = read_input(f"{server}/2025/06/03/plain")
    assert (article.outlet, article.outlet_origin) == ("127.0.0.1", "url")
    assert (article.published, article.published_origin) == (dt.date(2025, 6, 3), "url")


def test_ingest_follows_redirects_and_records_final_url(server):
    article = read_input(f"{server}/moved")
    assert article.input == f"{server}/moved" and article.metadata["final_url"] == f"{server}/2025/06/02/pier"
    assert article.published == dt.date(2025, 6, 2)


def test_ingest_url_plain_text_uses_declared_charset(server):
    assert read_input(f"{server}/story.txt").text.startswith("Café The harbour")


def test_ingest_url_json_record(server):
    article = read_input(f"{server}/record")
    assert (article.text, article.outlet, article.outlet_origin) == (STORY, "Wire", "given")


@pytest.mark.parametrize(
    ("path", "options", "problem"),
    [
        ("/missing", {}, "HTTP error 404 (Not Found)"),
        ("/big", {"max_bytes": 1000}, "response is larger than the 1,000 byte limit"),
        ("/big-declared", {"max_bytes": 1000}, "response is 5,000 bytes, more than the 1,000 byte limit"),
        ("/slow", {"timeout": 0.3}, "timed out after 0.3 s"),
        ("/logo", {}, "is not a text page (content type image/png)"),
    ],
)
def test_ingest_bad_url_names_it_and_the_problem(server, path, options, problem):
    with pytest.raises(InputError) as error:
        read_input(server + path, **options)
    assert str(error.value).startswith(f"{server}{path}: ") and problem in str(error.value)


def test_ingest_refused_connection_names_the_url():
    with socket.socket() as probe:  # a port that was free a moment ago has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(InputError, match=f"^{url}: could not be fetched .*refused"):
        read_input(url, timeout=2)
