"""`corpus serve`: the stories page, a story's report and the failures, in a real browser (Debian's chromium
driven by Playwright) against the real server on a free port."""

from __future__ import annotations

import html
import http.client
import json
import re
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from newsprism.corpus import Corpus
from newsprism.corpus.web import make_server
from newsprism.demo import demo_paths

pytestmark = pytest.mark.browser

QUAY = ("Quay workers in Port Selden walked out on Monday over a new shift rota, the dockers' union said. Cranes "
        "stood idle at all four berths, and two container ships waited offshore.\n\nThe port authority said talks "
        "would resume on Wednesday.")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A served corpus of the demo story, one other article and a broken line; yields its address."""
    folder = tmp_path_factory.mktemp("site")
    feed = folder / "more.jsonl"
    feed.write_text(json.dumps({"text": QUAY, "source": "Selden Post"}) + '\n{"text": "never closed\n', encoding="utf-8")
    corpus = Corpus(f"sqlite:///{folder / 'corpus.db'}")
    corpus.ingest([str(demo_paths()[0].parent), str(feed)], progress=False)
    server = make_server(corpus, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", corpus
    server.shutdown()
    server.server_close()


def test_corpus_web_lists_the_stories_and_opens_a_report(browser, site):
    address, corpus = site
    page = browser.new_page()
    page.goto(address + "/")
    rows = page.locator("tr.story")
    expect(rows).to_have_count(2)
    demo = corpus.stories()[0]
    assert len(demo.article_ids) == 3
    expect(rows.nth(0)).to_contain_text(demo.headline)
    page.click(f"text={demo.headline}")
    expect(page).to_have_url(address + f"/story/{demo.id}")
    expect(page).to_have_title(re.compile("The Harbor Ledger"))
    expect(page.locator("body")).to_contain_text(demo.headline)
    page.click("text=All stories")
    expect(page.locator("tr.story")).to_have_count(2)


def test_corpus_web_finds_stories_by_the_words_of_their_headline(browser, site):
    address, corpus = site
    quay = next(s for s in corpus.stories() if len(s.article_ids) == 1)
    word = max(quay.headline.split(), key=len).strip(".,")
    page = browser.new_page()
    page.goto(address + "/")
    page.fill("input[name=q]", word)
    page.click("button[type=submit]")
    expect(page.locator("tr.story")).to_have_count(1)
    expect(page.locator("tr.story")).to_contain_text(quay.headline)
    page.fill("input[name=min]", "2")
    page.click("button[type=submit]")
    expect(page.locator("body")).to_contain_text("No story matches")
    expect(page.locator("tr.story")).to_have_count(0)


def test_corpus_web_lists_the_failures(browser, site):
    address, _ = site
    page = browser.new_page()
    page.goto(address + "/")
    page.click("text=1 item(s) could not be stored")
    expect(page.locator("tr.failure")).to_contain_text("more.jsonl")
    expect(page.locator("tr.failure")).to_contain_text("line 2")


@pytest.mark.parametrize(("path", "status", "said"), [
    ("/?min=two", 400, "min='two'"), ("/?page=0", 400, "page='0'"), ("/story/s-none", 404, "s-none"),
    ("/stories", 404, "/stories"),
])
def test_corpus_web_answers_a_bad_address_with_what_is_wrong(site, path, status, said):
    address, _ = site
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(address + path)
    assert answer.value.code == status and said in html.unescape(answer.value.read().decode("utf-8"))


def test_corpus_web_sends_the_page_of_a_merged_story_to_the_story_it_is_part_of_now(site):
    address, corpus = site
    (kept, _), *_ = corpus.store.story_ids()
    corpus.store.write_batch([], [], [], merged={"s-merged-earlier": kept})  # as an ingest batch records a merge
    connection = http.client.HTTPConnection(urlsplit(address).netloc)
    connection.request("GET", "/story/s-merged-earlier")
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("Location")) == (301, f"/story/{kept}")
    followed = urllib.request.urlopen(address + "/story/s-merged-earlier")
    assert followed.url == f"{address}/story/{kept}" and followed.read() == urllib.request.urlopen(followed.url).read()


def test_corpus_web_pages_through_a_long_list(site, monkeypatch):
    address, _ = site
    monkeypatch.setattr("newsprism.corpus.web.PAGE_SIZE", 1)
    first = urllib.request.urlopen(address + "/").read().decode("utf-8")
    second = urllib.request.urlopen(address + "/?page=2").read().decode("utf-8")
    assert first.count('class="story"') == second.count('class="story"') == 1
    assert 'rel="next"' in first and 'rel="prev"' in second and 'rel="next"' not in second
