"""Time expressions resolved against the article date, events and the timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.extract.events import extract_events
from newsprism.extract.timex import extract_times

WEDNESDAY = dt.date(2020, 1, 1)
D = dt.date


def _times(nlp, text, published=WEDNESDAY):
    return {t.text: (t.start, t.end) for t in extract_times(nlp(text), "a", published)}


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The council met on Tuesday.", "Tuesday", (D(2019, 12, 31), D(2019, 12, 31))),
        ("The council will meet on Friday.", "Friday", (D(2020, 1, 3), D(2020, 1, 3))),
        ("Jets struck the depot at the weekend.", "the weekend", (D(2019, 12, 28), D(2019, 12, 29))),
        ("Crowds gathered on New Year's Day.", "New Year's Day", (D(2020, 1, 1), D(2020, 1, 1))),
        ("The report came out on Dec. 30.", "Dec. 30", (D(2019, 12, 30), D(2019, 12, 30))),
        ("It was signed on March 3, 2018.", "March 3, 2018", (D(2018, 3, 3), D(2018, 3, 3))),
        ("The vote was held yesterday.", "yesterday", (D(2019, 12, 31), D(2019, 12, 31))),
        ("The plant closed three days ago.", "three days ago", (D(2019, 12, 29), D(2019, 12, 29))),
    ],
)
def test_timex_resolves_against_article_date(nlp, text, expression, expected):
    assert _times(nlp, text)[expression] == expected


@pytest.mark.parametrize(
    ("text", "weekday", "expected"),
    [
        ("Residents are expected to be allowed back on Friday.", "Friday", D(2020, 1, 3)),
        ("Residents should be able to return home on Friday, officials said.", "Friday", D(2020, 1, 3)),
        ("The talks are due to resume on Monday.", "Monday", D(2020, 1, 6)),
        ("The minister plans to visit the site on Friday.", "Friday", D(2020, 1, 3)),
        ("The ferry may dock on Saturday.", "Saturday", D(2020, 1, 4)),
        ("The suspect should have reported to police on Monday.", "Monday", D(2019, 12, 30)),
        ("The minister was expected to visit the site on Monday.", "Monday", D(2019, 12, 30)),
        ("Crews were able to reach the village on Monday.", "Monday", D(2019, 12, 30)),
    ],
)
def test_timex_weekday_of_a_clause_that_looks_ahead_is_the_next_one(nlp, text, weekday, expected):
    assert _times(nlp, text)[weekday] == (expected, expected)


def test_timex_relative_offset_follows_the_date_before(nlp):
    found = _times(nlp, "Troops landed on Sunday. The order had come two days earlier.")
    assert found["two days earlier"] == (D(2019, 12, 27), D(2019, 12, 27))


def test_timex_durations_and_unknown_dates_stay_unresolved(nlp):
    found = _times(nlp, "The group has been banned since 2009 and protests went on for months.")
    assert found["2009"] == (None, None) and found["months"] == (None, None)
    assert _times(nlp, "The council met on Tuesday.", published=None)["Tuesday"] == (None, None)


def test_events_attach_dates_to_what_happened(nlp):
    doc = nlp("Thousands of farmers blocked the motorway on Tuesday. The ministry had announced the cuts at the weekend.")
    events = extract_events(doc, "a", extract_times(doc, "a", WEDNESDAY))
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["block"].time.start == D(2019, 12, 31) and "motorway" in by_trigger["block"].text
    assert by_trigger["announce"].time.end == D(2019, 12, 29) and "cuts" in by_trigger["announce"].text


def test_events_dated_by_a_possessive_keep_no_clitic(nlp):
    doc = nlp("Tuesday's collapse at the harbour worried the port's insurers.")
    (event,) = extract_events(doc, "a", extract_times(doc, "a", WEDNESDAY))
    assert event.text == "collapse at the harbour"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials ordered 300 homes near the pier to be evacuated on Tuesday.",
         "Officials ordered 300 homes near the pier to be evacuated"),
        ("Residents should be able to return home on Friday.", "Residents should be able to return"),
        ("Residents are expected to be allowed back on Friday.", "Residents are expected to be allowed"),
    ],
)
def test_events_of_a_verb_that_completes_another_keep_who_and_what(nlp, text, expected):
    doc = nlp(text)
    (event,) = extract_events(doc, "a", extract_times(doc, "a", WEDNESDAY))
    assert event.text == expected


def test_a_day_and_a_time_of_day_side_by_side_are_one_time(nlp):
    doc = nlp("The depot caught fire on Tuesday night and burned for nine hours.")
    times = extract_times(doc, "a", WEDNESDAY)
    assert [(t.text, t.start) for t in times if t.start] == [("Tuesday night", D(2019, 12, 31))]
    (event,) = extract_events(doc, "a", times)
    assert event.text == "The depot caught fire"
