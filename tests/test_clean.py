"""Clean: boilerplate out (and listed), prose kept, paragraphs one per block, idempotent."""

from __future__ import annotations

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism.clean import clean_article, paragraphs
from newsprism.ingest import read_input, read_text

CRAWLED = """Share this
Advertisement
The council approved the new budget on Thursday after a long debate.
Critics said the plan would cut library hours, and the mayor promised a review
of the cuts before the summer.
Posted by Jane at 10:31 AM
Labels: budget, council
3 comments:
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)"""


def test_clean_removes_seed_boilerplate_and_keeps_every_paragraph():
    require_shared(SEED_NEWS)
    for path, removed in ((SEED_NEWS, {"Source:"}), (SEED_BLOG, {"No comments:", "Post a Comment"})):
        raw = read_input(str(path))
        cleaned = clean_article(raw)
        assert {r.text for r in cleaned.removed} == removed
        kept = [p for p in paragraphs(raw.text) if p not in removed]
        assert cleaned.text.split("\n\n") == kept


def test_clean_removes_crawl_widgets_and_joins_wrapped_lines():
    cleaned = clean_article(read_text(CRAWLED, source_name="crawl.txt"))
    assert cleaned.text.split("\n\n") == [
        "The council approved the new budget on Thursday after a long debate.",
        "Critics said the plan would cut library hours, and the mayor promised a review of the cuts before the summer.",
    ]
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Share this"] == "share prompt" and reasons["3 comments:"] == "comment widget"
    assert len(cleaned.removed) == 7


def test_clean_keeps_short_prose_that_looks_like_a_label():
    text = "Share prices fell sharply on Monday.\nSource: the company's own filing showed losses."
    assert clean_article(read_text(text)).removed == ()


def test_clean_repairs_mojibake_and_is_idempotent():
    article = read_text("The caf\u00c3\u00a9 reopened \u00e2\u0080\u009cquickly\u00e2\u0080\u009d after the storm.")
    cleaned = clean_article(article)
    assert "café" in cleaned.text and "“quickly”" in cleaned.text
    assert clean_article(cleaned).text == cleaned.text
    assert article.text.startswith("The caf\u00c3")  # input unchanged
