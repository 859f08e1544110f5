"""Renderers: every section shown, conflicts first, text escaped, output deterministic."""

from __future__ import annotations

import json

import pytest

from newsprism import compare, read_text
from newsprism.demo import demo_paths
from newsprism.ingest import read_input
from newsprism.report import render_html, render_markdown, render_terminal

HOSTILE = ("The mayor <b>Jo Ames</b> opened the bridge on Monday. <script>window.pwned = true</script> "
           "Officials said 40 cars crossed it in the first hour.")
PLAIN = "Mayor Jo Ames opened the bridge on Monday, and officials said 400 cars crossed it in the first hour."


@pytest.fixture(scope="module")
def demo_report(resources):
    return compare([read_input(str(p)) for p in demo_paths()], resources)


@pytest.fixture(scope="module")
def hostile_report(resources):
    return compare([read_text(HOSTILE, outlet="<i>Evil</i> Times"), read_text(PLAIN, outlet="Plain Post")], resources)


def test_report_html_escapes_article_markup(hostile_report):
    page = render_html(hostile_report)
    assert "<script>window.pwned" not in page and "&lt;script&gt;window.pwned" in page
    assert "&lt;b&gt;Jo Ames&lt;/b&gt;" in page and "&lt;i&gt;Evil&lt;/i&gt; Times" in page
    assert "<i>Evil</i>" not in page
    assert page.count("<script>") == 1  # the page's own navigation script only


def test_report_html_shows_every_section_with_conflicts_first(demo_report):
    page = render_html(demo_report)
    order = [page.index(f'id="{section}"') for section in
             ("summary", "conflicts", "corroborated", "single", "coverage", "timeline", "quotes", "labels", "framing", "articles")]
    assert order == sorted(order)
    conflict = next(g for g in demo_report.claims if g.verdict == "conflicting")
    assert page.index(f'id="{conflict.id}"') < page.index('id="corroborated"')
    for claim in conflict.claims:
        assert f'id="m-{claim.id}"' in page and f'href="#m-{claim.id}"' in page


def test_report_html_highlights_sit_on_their_text(demo_report):
    page = render_html(demo_report)
    quote = demo_report.quotes[0]
    anchor = page.index(f'id="m-{quote.id}"')
    first_words = quote.text.split()[0]
    assert first_words in page[anchor : anchor + 400]


def test_report_markdown_and_terminal_name_outlets_and_conflicts(demo_report):
    markdown = render_markdown(demo_report)
    terminal = render_terminal(demo_report, width=90)
    for text in (markdown, terminal):
        assert "The Harbor Ledger" in text and "Coastline Daily" in text and "The Beacon Report" in text
        assert "thousands" in text
    assert markdown.index("## Where the sources conflict") < markdown.index("## What two or more sources report")
    assert all(len(line) <= 90 for line in terminal.splitlines())


def test_report_terminal_shows_the_first_warnings_and_counts_the_rest(demo_report):
    many = demo_report.model_copy(update={"warnings": tuple(f"copy number {n} is not independent" for n in range(8))})
    terminal = render_terminal(many, width=90)
    assert "copy number 4 is" in terminal and "copy number 5" not in terminal and "... and 3 more" in terminal


def test_report_renderers_are_deterministic(resources, demo_report):
    again = compare([read_input(str(p)) for p in demo_paths()], resources)
    assert render_html(again) == render_html(demo_report) and render_markdown(again) == render_markdown(demo_report)
    assert json.loads(again.to_json()) == json.loads(demo_report.to_json())
