"""End to end on the two founding articles: what the story report must show (issue 3's floor)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism import compare, read_input
from newsprism.models import StoryReport

DATE = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def report(resources) -> StoryReport:
    require_shared(SEED_NEWS)
    articles = [read_input(str(p), published=DATE) for p in (SEED_NEWS, SEED_BLOG)]
    return compare(articles, resources)


@pytest.fixture(scope="module")
def news(report):
    return report.articles[0]


@pytest.fixture(scope="module")
def blog(report):
    return report.articles[1]


def _snippet(report: StoryReport, span) -> str:
    return report.article(span.article_id).snippet(span)


def test_compare_removes_crawl_boilerplate(news, blog):
    assert "Source:" in {r.text.strip() for r in news.removed}
    removed_blog = {r.text.strip() for r in blog.removed}
    assert {"No comments:", "Post a Comment"} <= removed_blog
    assert "Post a Comment" not in blog.text and not news.text.startswith("Source:")


def test_compare_infers_outlet_from_dateline(news, blog):
    assert news.outlet == "CNSNews.com" and news.outlet_origin == "dateline" and news.outlet_inferred
    assert news.published == DATE and news.published_origin == "given"
    assert blog.outlet is None


def _groups_with(report, verdict, *words):
    found = []
    for group in report.claims:
        texts = " ".join(_snippet(report, c.span) for c in group.claims).casefold()
        if group.verdict == verdict and all(w in texts for w in words):
            found.append(group)
    return found


def test_compare_corroborates_the_25_militiamen_killed(report):
    groups = [g for g in _groups_with(report, "corroborated", "25") if len(g.article_ids) == 2]
    assert groups, "no group of both articles about the 25 killed"
    numbers = {q.text for g in groups for c in g.claims for q in c.quantities}
    assert any("25" in n for n in numbers)


def test_compare_corroborates_the_contractor_killed(report):
    groups = [g for g in _groups_with(report, "corroborated", "contractor") if len(g.article_ids) == 2]
    assert groups


def test_compare_corroborates_trump_blaming_iran(report):
    groups = [g for g in _groups_with(report, "corroborated", "trump", "blame", "iran") if len(g.article_ids) == 2]
    assert groups


def test_compare_finds_the_crowd_size_conflict(report):
    conflicts = [c for g in report.claims if g.verdict == "conflicting" for c in g.conflicts if c.kind == "quantity"]
    values = [{v.text.casefold() for v in c.values} for c in conflicts]
    assert any(any("dozens" in v for v in vs) and any("thousands" in v for v in vs) for vs in values)


def _quotes_by(report, name):
    entity_ids = {e.id for e in report.entities if name in e.name}
    return [q for q in report.quotes if q.speaker in entity_ids]


@pytest.mark.parametrize(
    ("speaker", "channel"),
    [("Khamenei", "mehr"), ("Trump", "twitter"), ("Pompeo", "fox news"), ("Pompeo", "cbs"), ("Dietz", None)],
)
def test_compare_attributes_quotes_to_their_speakers(report, speaker, channel):
    quotes = _quotes_by(report, speaker)
    assert quotes, f"no quote by {speaker}"
    if channel is not None:
        assert any(channel in (q.channel or "").casefold() for q in quotes)


def test_compare_marks_the_blogs_editorial_frame_as_opinion(report, blog):
    sentences = [s for s in report.sentences if s.span.article_id == blog.id]
    paragraphs = sorted({s.paragraph for s in sentences})
    first, last = paragraphs[0], paragraphs[-1]
    opening = [s for s in sentences if s.paragraph == first]
    closing = [s for s in sentences if s.paragraph == last]
    assert "impeachment" in " ".join(blog.snippet(s.span) for s in closing)
    assert sum(s.kind == "opinion" for s in opening) >= len(opening) - 1
    assert all(s.kind == "opinion" for s in closing)


def test_compare_keeps_the_news_report_mostly_reporting(report, news):
    sentences = [s for s in report.sentences if s.span.article_id == news.id]
    factual = sum(s.kind in ("reporting", "attributed") for s in sentences)
    assert factual / len(sentences) >= 0.8


def test_compare_lists_labels_for_kataib_hezbollah(report, news, blog):
    entity = next(e for e in report.entities if "hezbollah" in e.name.casefold())
    labels = next(l for l in report.framing.entities if l.entity == entity.id).labels
    by_article = {a: [l.text for l in labels if l.article_id == a] for a in (news.id, blog.id)}
    assert all(by_article.values()), by_article
    assert any("proxy" in t for t in by_article[news.id])


def test_compare_dates_the_strikes_and_the_storming(report):
    def dated(word, day):
        return [e for e in report.timeline if e.start <= day <= e.end and any(word in ev.text.casefold() for ev in e.events)]

    assert dated("strike", dt.date(2019, 12, 29))
    assert dated("storm", dt.date(2019, 12, 31))


def test_compare_report_round_trips_through_json(report):
    data = json.loads(report.to_json())
    assert data["schema_version"] and {"articles", "entities", "quotes", "claims", "coverage", "framing",
                                        "sentences", "timeline", "summary"} <= set(data)
    assert StoryReport.model_validate_json(report.to_json()) == report


def test_compare_every_span_points_into_its_article(report):
    spans = [c.span for g in report.claims for c in g.claims] + [q.span for q in report.quotes]
    spans += [s.span for s in report.sentences] + [l.span for e in report.framing.entities for l in e.labels]
    for span in spans:
        text = report.article(span.article_id).text
        assert 0 <= span.start < span.end <= len(text)


def test_compare_summary_uses_only_corroborated_claims(report):
    verdicts = {g.id: g.verdict for g in report.claims}
    assert report.summary
    assert all(verdicts[s.claim_group] == "corroborated" for s in report.summary)


def test_compare_summary_tells_the_ayatollahs_charges_as_his(report):
    """The first seed reports what Khamenei charged, and the blog copies it: corroborated that he said it, not
    that it is so."""
    groups = {g.id: g for g in report.claims}
    his = [s for s in report.summary if all(c.attributed_to for c in groups[s.claim_group].claims)]
    assert his and all(s.text.endswith(", Ali Khamenei said.") for s in his)
    assert any(not s.text.endswith(" said.") for s in report.summary)  # what both state in their own voice


def test_compare_is_deterministic(resources, report):
    again = compare([read_input(str(p), published=DATE) for p in (SEED_NEWS, SEED_BLOG)], resources)
    assert again.to_json() == report.to_json()
