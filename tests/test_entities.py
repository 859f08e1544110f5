"""Actors of one article and the labels it gives them."""

from __future__ import annotations

from newsprism.extract.entities import _trim, extract_entities


def _labels(nlp, text):
    doc = nlp(text)
    return {e.name: sorted((d.kind, d.text) for d in e.descriptors) for e in extract_entities(doc, "a")}


def test_a_noun_a_name_modifies_labels_it_only_when_it_names_that_actor(nlp):
    labels = _labels(nlp, "Police said the Harbour Front militia had attacked the Delmar Shipping depot, "
                          "and lawyers met the Rosa Lind campaign.")
    assert ("modifier", "militia") in labels["Harbour Front"]
    assert not [d for d in labels.get("Delmar Shipping", []) if d[0] == "modifier"]
    assert not [d for d in labels.get("Rosa Lind", []) if d[0] == "modifier"]


def test_a_label_keeps_the_bracket_it_closes(nlp):
    labels = _labels(nlp, "Harbour Front, a militia backed by the Coastal Defence League (CDL), took the pier.")
    assert ("apposition", "a militia backed by the Coastal Defence League (CDL)") in labels["Harbour Front"]


def test_a_label_keeps_its_closing_bracket_when_the_parser_hung_it_outside(nlp):
    doc = nlp("a militia backed by the Coastal Defence League (CDL) took the pier")
    close = next(t.i for t in doc if t.text == ")")
    assert _trim(doc[0:close]).text == "a militia backed by the Coastal Defence League (CDL)"
