"""Quantities: value ranges with their precision, and which two can both be true."""

from __future__ import annotations

import pytest

from newsprism.extract.quantities import compatible, extract_quantities


def _quantities(nlp, text):
    return {q.text: q for q in extract_quantities(nlp(text), "a")}


def test_quantities_precision_and_counted_noun(nlp):
    found = _quantities(nlp, "At least 25 soldiers died, dozens of villagers fled and some 750 troops arrived. "
                             "Twenty-five boats and a 5,000-strong force waited.")
    assert (found["At least 25"].precision, found["At least 25"].low, found["At least 25"].counted) == ("bounded", 25, "soldier")
    assert (found["dozens"].precision, found["dozens"].counted) == ("vague", "villager")
    assert found["some 750"].precision == "bounded" and found["some 750"].low < 750 < found["some 750"].high
    assert found["Twenty-five"].low == 25 and found["Twenty-five"].precision == "exact"
    assert found["5,000-strong"].precision == "bounded"


def test_quantities_skip_names_ordinals_and_years(nlp):
    found = _quantities(nlp, "Two F-15 jets of the 82nd Airborne flew in 2019 with AH-64 helicopters.")
    assert set(found) == {"Two"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("25", "at least 25", True), ("dozens", "thousands", False), ("some 750", "750", True),
     ("25", "40", False), ("at least 40", "more than 200", False), ("dozens", "at least 40", True)],
)
def test_quantities_compatible(nlp, a, b, expected):
    qa = extract_quantities(nlp(f"Police said {a} people marched."), "a")[0]
    qb = extract_quantities(nlp(f"Police said {b} people marched."), "a")[0]
    assert compatible(qa, qb) is expected
