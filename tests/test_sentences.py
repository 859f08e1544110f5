"""Sentence voice and loaded words, on text we wrote and on the seeds."""

from __future__ import annotations

from newsprism.extract.loaded import find_loaded_words
from newsprism.extract.sentences import classify_sentences


def _kinds(nlp, text):
    doc = nlp(text)
    return [(doc.text[s.span.start : s.span.end], s.kind) for s in classify_sentences(doc, "a", ())]


def test_sentences_report_attribute_and_opine(nlp):
    kinds = dict(_kinds(nlp, "The council approved the budget on Thursday.\n\n"
                             "“It is a fair plan,” the mayor said.\n\n"
                             "Of course, nobody will ever read it. Who could blame them?"))
    assert kinds["The council approved the budget on Thursday."] == "reporting"
    assert kinds["“It is a fair plan,” the mayor said."] == "attributed"
    assert kinds["Of course, nobody will ever read it."] == "opinion"
    assert kinds["Who could blame them?"] == "opinion"


def test_sentences_opinion_paragraph_lends_weight_to_weak_cues(nlp):
    kinds = _kinds(nlp, "The strike is over, for now. Frankly, the union was outplayed.\n\n"
                        "The strike ended on Friday, for now.")
    assert [k for _, k in kinds] == ["opinion", "opinion", "reporting"]


def test_sentences_quoted_opinion_is_attributed_not_opinion(nlp):
    kinds = _kinds(nlp, "“This is an absurd, shameful decision!” the senator said.")
    assert kinds[0][1] == "attributed"


def test_loaded_words_found_outside_quotes_only(nlp):
    doc = nlp("The regime slammed the so-called reforms. “They are thugs,” he said.")
    words = [w.text for w in find_loaded_words(doc, "a", ())]
    assert words[:3] == ["regime", "slammed", "so-called"]
    from newsprism.extract.quotes import extract_quotes

    quoted = [w.text for w in find_loaded_words(doc, "a", extract_quotes(doc, "a", ()))]
    assert "thugs" not in quoted and "regime" in quoted
