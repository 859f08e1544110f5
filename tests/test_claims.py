"""Claims: each clause a statement of its own, without the words a removed clause or quote leaves dangling."""

from __future__ import annotations

from newsprism import read_text
from newsprism.annotate import Parser, annotate
from newsprism.extract import extract_article
from newsprism.extract.claims import _tidy


def _claims(resources, text: str) -> list[str]:
    (annotated,) = annotate([read_text(text)], Parser(resources.nlp))
    return [c.text for c in extract_article(annotated).claims]


def test_claims_leave_no_participle_or_comment_dangling(resources):
    assert _claims(resources, "The council approved the budget on Monday, saying that the new bridge would be finished "
                              "by May.") == ["The council approved the budget on Monday", "the new bridge would be finished by May"]
    assert _claims(resources, "Rescuers pulled 12 miners from the pit on Saturday, a number the governor confirmed.") == [
        "Rescuers pulled 12 miners from the pit on Saturday"]
    assert _claims(resources, "The company released its accounts in March, the month it closed the plant.")[0] == (
        "The company released its accounts in March")


def test_claims_drop_the_closing_mark_of_a_quote_cut_out():
    assert _tidy("the senator urged regulators to ”") == "the senator urged regulators to"
    assert _tidy("he called it “a sham”") == "he called it “a sham”"
