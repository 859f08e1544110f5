"""A local web page over a corpus: its stories (searchable, page by page), each story's report, and what could
not be stored. One request at a time, on this machine's address unless told otherwise.

    server = make_server(Corpus("sqlite:///crawl.db"), port=8000)
    server.serve_forever()                                   # then open http://127.0.0.1:8000/
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit

from newsprism.corpus import Corpus, ReportFailed, UnknownStory
from newsprism.report import render_html
from newsprism.report.html import render_corpus_page

PAGE_SIZE = 50


class BadQuery(ValueError):
    """A page asked for with a query it cannot answer ("min=two")."""


def make_server(corpus: Corpus, host: str = "127.0.0.1", port: int = 8000) -> HTTPServer:
    """A server of the corpus's pages at host:port (port 0: any free port); `serve_forever()` runs it."""

    class Pages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            moved = _moved(corpus, self.path)
            if moved:
                self.send_response(301)
                self.send_header("Location", moved)
                self.end_headers()
                return
            status, page = _page(corpus, self.path)
            body = page.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
            """Quiet: a page a click would print a line."""

    return HTTPServer((host, port), Pages)


def _moved(corpus: Corpus, address: str) -> str | None:
    """Where the page of a story merged into another is now: that story's page; None for any other address."""
    story_id = _story_id(urlsplit(address).path)
    if story_id is None:
        return None
    current = corpus.current_id(story_id)
    return f"/story/{quote(current)}" if current != story_id else None


def _story_id(path: str) -> str | None:
    """The story a story's page ("/story/ID") shows; None for any other page."""
    return unquote(path.removeprefix("/story/")) if path.startswith("/story/") else None


def _page(corpus: Corpus, address: str) -> tuple[int, str]:
    """The HTTP status and HTML of the page at `address`."""
    url = urlsplit(address)
    try:
        if url.path == "/":
            return 200, _story_list(corpus, parse_qs(url.query))
        if url.path == "/failures":
            return 200, render_corpus_page("What could not be stored", failures=corpus.failures())
        if (story_id := _story_id(url.path)) is not None:
            return 200, render_html(corpus.story(story_id), home="/")
    except BadQuery as error:
        return 400, render_corpus_page("Bad request", message=str(error))
    except UnknownStory as error:
        return 404, render_corpus_page("No such story", message=str(error))
    except ReportFailed as error:
        return 500, render_corpus_page("The report failed", message=str(error))
    return 404, render_corpus_page("No such page", message=f"there is no page {url.path!r}: the stories are at /")


def _story_list(corpus: Corpus, query: dict[str, list[str]]) -> str:
    """One page of the stories, largest first, with the search form and links to the pages beside it."""
    min_articles, page = _number(query, "min", 1), _number(query, "page", 1)
    words = query.get("q", [""])[-1].strip()
    stories = corpus.stories(min_articles, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE, words)
    return render_corpus_page(
        "Stories", stories=stories[:PAGE_SIZE], words=words, min_articles=min_articles, page=page,
        more=len(stories) > PAGE_SIZE, failure_count=corpus.store.failure_count(),
    )


def _number(query: dict[str, list[str]], name: str, default: int) -> int:
    """A whole number of 1 or more given in the query ("page=2"), else `default`."""
    value = query.get(name, [str(default)])[-1].strip() or str(default)
    if not value.isdigit() or int(value) < 1:
        raise BadQuery(f"{name}={value!r}: give a whole number of 1 or more")
    return int(value)
