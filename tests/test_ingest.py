"""Ingest: every kind of input becomes an Article, inferences are marked, bad input names itself."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import time

import pytest

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism.errors import InputError
from newsprism.ingest import read_input, read_text

STORY = "The harbour authority closed the north pier on Monday after a crane collapsed. " * 3
PAGE = f"""<!doctype html><html><head><title>Crane collapse closes pier</title>
<meta property="og:site_name" content="The Example Courier">
<meta name="date" content="2025-06-02"></head><body>
<nav>Home | World | Sport</nav><article><h1>Crane collapse closes pier</h1>
<p>{STORY}</p><p>Engineers said the crane's base had corroded over several winters and would be inspected.</p>
<script>window.pwned = true</script></article><footer>Share this</footer></body></html>"""


def test_ingest_reads_plain_text_and_infers_outlet_from_dateline():
    require_shared(SEED_NEWS)
    article = read_input(str(SEED_NEWS))
    assert article.outlet == "CNSNews.com" and article.outlet_origin == "dateline" and article.outlet_inferred
    assert article.language == "en" and article.id.startswith("a")
    blog = read_input(str(SEED_BLOG), published=dt.date(2020, 1, 1))
    assert blog.outlet is None and blog.outlet_origin == "none"
    assert blog.published == dt.date(2020, 1, 1) and blog.published_origin == "given"


def test_ingest_given_outlet_wins_over_inference():
    require_shared(SEED_NEWS)
    article = read_input(str(SEED_NEWS), outlet="Somebody")
    assert article.outlet == "Somebody" and article.outlet_origin == "given" and not article.outlet_inferred


def test_ingest_reads_json_record(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": STORY, "title": "Pier", "source": "Courier", "url": "https://c.example/x",
                                "published": "2025-06-02"}), encoding="utf-8")
    article = read_input(str(path))
    assert (article.title, article.outlet, article.published) == ("Pier", "Courier", dt.date(2025, 6, 2))
    assert article.url == "https://c.example/x" and article.outlet_origin == "given"


def test_ingest_extracts_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_input(str(path))
    assert "crane collapsed" in article.text and "Home | World" not in article.text and "pwned" not in article.text
    assert article.title == "Crane collapse closes pier"
    assert article.outlet == "The Example Courier" and article.outlet_origin == "html"


def test_ingest_read_text_infers_outlet_and_date_from_url():
    article = read_text(STORY, url="https://www.courier.example/2025/06/02/pier-closed")
    assert (article.outlet, article.outlet_origin) == ("courier.example", "url")
    assert (article.published, article.published_origin) == (dt.date(2025, 6, 2), "url")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"   \n", "is empty"),
        ("binary.txt", b"\x00\x01\x02PNG", "binary"),
        ("latin1.txt", "Caf\u00e9 owners protested.".encode("latin-1"), "not UTF-8"),
        ("bad.json", b'{"text": "x",', "malformed JSON at line 1"),
        ("notext.json", b'{"title": "no body"}', '"text"'),
        ("baddate.json", json.dumps({"text": STORY, "published": "last week"}).encode(), "not a date"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_ingest_bad_file_names_the_input_and_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_input(str(path))
    assert str(path) in str(error.value) and problem in str(error.value)


def test_ingest_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        body = ("x" * 5000).encode() if self.path == "/big" else PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path != "/big":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_ingest_fetches_url(server):
    article = read_input(f"{server}/2025/06/02/pier")
    assert "crane collapsed" in article.text and article.url.endswith("/2025/06/02/pier")


@pytest.mark.parametrize(
    ("path", "options", "problem"),
    [("/missing", {}, "HTTP error 404"), ("/big", {"max_bytes": 1000}, "byte limit"), ("/slow", {"timeout": 0.5}, "timed out")],
)
def test_ingest_bad_url_names_it(server, path, options, problem):
    with pytest.raises(InputError) as error:
        read_input(server + path, **options)
    assert server + path in str(error.value) and problem in str(error.value)


def test_ingest_refused_connection():
    with pytest.raises(InputError, match="could not be fetched"):
        read_input("http://127.0.0.1:9/nothing", timeout=2)
