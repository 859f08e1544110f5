"""Clean: boilerplate out (and listed), prose kept, one paragraph per block, idempotent."""

from __future__ import annotations

import pytest

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism.clean import boilerplate_reason, clean_article, paragraphs
from newsprism.ingest import read_input, read_text

CRAWLED = """Share this
Advertisement
The council approved the new budget on Thursday after a long debate.
Critics said the plan would cut library hours, and the mayor promised a review
of the cuts before the summer.
Click here to read the full budget.
Related: Council names new treasurer
We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
Sign up for our daily newsletter
Posted by Jane Doe at 10:31 AM
Email ThisBlogThis!Share to TwitterShare to Facebook
Labels: budget, council
3 comments:
Post a Comment
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)"""
CRAWLED_KEPT = [
    "The council approved the new budget on Thursday after a long debate.",
    "Critics said the plan would cut library hours, and the mayor promised a review of the cuts before the summer.",
]

PROSE_THAT_LOOKS_LIKE_LABELS = [
    "Share prices fell sharply on Monday.",
    "Source: the company's own filing showed losses.",
    "Recommended doses were exceeded, officials said.",
    "Posted by the ministry at noon, the video showed troops.",
    "Print editions were delayed by the strike.",
    "The mayor urged residents to sign up for the city's free newsletter.",
    "“We use cookies to track visitors,” the company said.",
    "Related charges were dropped last year.",
    "The ministry will update this report next spring, officials said.",
    "Developing stories like this one rarely end well, the mayor said.",
]


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("seed", "boilerplate"), [(SEED_NEWS, ["Source:"]), (SEED_BLOG, ["No comments:", "Post a Comment"])])
def test_clean_removes_seed_boilerplate_and_keeps_every_paragraph(seed, boilerplate):
    require_shared(seed)
    raw = read_input(str(seed))
    cleaned = clean_article(raw)
    assert [r.text for r in cleaned.removed] == boilerplate
    assert cleaned.text.split("\n\n") == [line for line in _lines(raw.text) if line not in boilerplate]
    assert cleaned.id == raw.id and cleaned.outlet == raw.outlet  # only text and removed change


def test_clean_removes_crawl_widgets_with_reasons():
    cleaned = clean_article(read_text(CRAWLED, source_name="crawl.txt"))
    assert cleaned.text.split("\n\n") == CRAWLED_KEPT
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert len(cleaned.removed) == len(_lines(CRAWLED)) - 3  # three lines make the two paragraphs
    assert reasons["Share this"] == "share prompt" and reasons["3 comments:"] == "comment widget"
    assert reasons["Click here to read the full budget."] == "click prompt"
    assert reasons["Sign up for our daily newsletter"] == "newsletter prompt"
    assert reasons["Labels: budget, council"] == "blog post footer"
    assert reasons["Newer Post Older Post Home"] == "navigation"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Source:", "stray source label"),
        ("No comments:", "comment widget"),
        ("View all 12 comments", "comment widget"),
        ("Share | Tweet | Email", "share prompt"),
        ("Print", "share prompt"),
        ("Follow us on Instagram", "share prompt"),
        ("ADVERTISEMENT - Story continues below", "advertisement"),
        ("Read more: Council names new treasurer", "related-content link"),
        ("Also on The Example Post:", "related-content link"),
        ("Skip to main content", "navigation"),
        ("Accept all cookies", "cookie notice"),
        ("Get our free morning newsletter delivered to your inbox every day.", "newsletter prompt"),
        ("This is a developing story.", "update notice"),
        ("This story was updated at noon to add the port authority's reply.", "update notice"),
        ("The Harbour Ledger will update this report as more becomes known.", "update notice"),
        ("We will update this story when we learn more.", "update notice"),
        ("@media screen and (max-width: 600px) {", "style or script code"),
        ("text-align: center;", "style or script code"),
        ("* * *", "stray punctuation"),
    ],
)
def test_clean_boilerplate_kinds(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", PROSE_THAT_LOOKS_LIKE_LABELS)
def test_clean_keeps_prose_that_looks_like_boilerplate(line):
    assert boilerplate_reason(line) is None
    assert clean_article(read_text(f"{line}\n{CRAWLED_KEPT[0]}")).removed == ()


def test_clean_single_newlines_become_blank_line_paragraphs():
    text = "First paragraph of the story, ending here.\nSecond paragraph, ending here.\n"
    assert clean_article(read_text(text)).text == "First paragraph of the story, ending here.\n\nSecond paragraph, ending here."


def test_clean_blank_line_paragraphs_and_hard_wrapping():
    text = (
        "Crane collapse closes pier\n\n"
        "The harbour authority closed the north pier on Monday after a crane\n"
        "collapsed onto the quay, and engineers were called in to examine what\n"
        "was left of it.\n\n\n"
        "Engineers said   the base had\tcorroded.\r\n"
    )
    assert paragraphs(text) == (
        "Crane collapse closes pier",
        "The harbour authority closed the north pier on Monday after a crane collapsed onto the quay, "
        "and engineers were called in to examine what was left of it.",
        "Engineers said the base had corroded.",
    )


def test_clean_does_not_join_a_list_of_headlines():
    headlines = "Harbour Reopens After Crane Inquiry\nCouncil Names New Treasurer For The Port\nWhat The Budget Means For You"
    assert paragraphs(headlines) == tuple(headlines.split("\n"))


def test_clean_never_joins_boilerplate_to_a_wrapped_paragraph():
    text = "The harbour authority closed the north pier on Monday after a crane\ncollapsed onto the quay.\nShare this"
    assert paragraphs(text) == (
        "The harbour authority closed the north pier on Monday after a crane collapsed onto the quay.",
        "Share this",
    )


def test_clean_keeps_the_dateline():
    text = "WASHINGTON (Reuters) - Lawmakers met on Monday.\nSource:\nThey agreed on a budget."
    assert clean_article(read_text(text)).text.startswith("WASHINGTON (Reuters) - Lawmakers met")


def test_clean_repairs_mojibake_and_leaves_input_unchanged():
    broken = "The caf\u00c3\u00a9 reopened \u00e2\u0080\u009cquickly\u00e2\u0080\u009d after the storm."
    article = read_text(broken)
    cleaned = clean_article(article)
    assert cleaned.text == "The café reopened “quickly” after the storm."
    assert article.text == broken and article.removed == ()


@pytest.mark.parametrize("text", [CRAWLED, "Para one.\n\n\nPara two\nwrapped.", "  \u00e2\u0080\u0094 odd   spacing \u00a0here\n"])
def test_clean_is_idempotent(text):
    once = clean_article(read_text(text))
    assert clean_article(once) == once


def test_clean_is_idempotent_on_seeds():
    require_shared(SEED_NEWS)
    for seed in (SEED_NEWS, SEED_BLOG):
        once = clean_article(read_input(str(seed)))
        assert clean_article(once) == once
