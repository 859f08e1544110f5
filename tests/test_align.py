"""Alignment: entities merged across spellings, copies not counted as independent, verdicts."""

from __future__ import annotations

from itertools import combinations, product

import numpy as np

from newsprism import compare, read_text
from newsprism.align.claims import _cluster, _group, _match, _pairs_worth_checking, _Related
from newsprism.align.independence import copy_sources
from newsprism.align.summary import summarise
from newsprism.extract.names import filed_keys, same_actor, sought_keys
from newsprism.models import Claim, ClaimGroup, Quantity, Span

REPORT = ("Rescue teams pulled 12 miners from the flooded Dunmore pit on Saturday, the regional governor Olga Brandt said. "
          "Two miners are still missing, and pumps are running around the clock.")
REWRITE = ("Twelve miners were rescued from the flooded Dunmore mine at the weekend, according to governor Olga Brandt. "
           "Pumps are running day and night while two workers remain missing.")
OPINION_COPY = "What a disgrace for the owners. " + REPORT + " Will anyone be punished? Of course not."


def test_align_names_match_across_spellings():
    assert same_actor("Adel Abdul Mahdi", "Adil Abdul-Mahdi", person=True)
    assert same_actor("Kata’ib Hezbollah", "Kataib Hezbollah", person=False)
    assert same_actor("Pompeo", "Mike Pompeo", person=True) and not same_actor("Pompeo", "Mike Pompeo", person=False)
    assert same_actor("IRGC", "Islamic Revolutionary Guard Corps", person=False)
    assert not same_actor("United States", "United States Army", person=False)


def test_align_names_that_may_be_one_actor_are_filed_where_the_other_is_sought():
    """Entities are merged by checking only the names filed under a key the new name is sought by: every pair of
    names `same_actor` accepts must share one, and other pairs are ruled out unchecked."""
    names = ["Adel Abdul Mahdi", "Adil Abdul-Mahdi", "Islamic Revolutionary Guard Corps", "IRGC", "Mike Pompeo",
             "Pompeo", "U.S.", "United States", "Kata’ib Hezbollah", "Kataib Hezbollah", "Tamsin Orrell-Vance",
             "Vance", "Brackwater Council", "the Brackwater council", "Dr. Ines Falk", "Falk"]
    spelled = names[:4] + names[10:13]
    names += [n[:i] + n[i + cut :] for n in spelled for i in range(len(n)) for cut in (1, 3)]  # letters dropped
    names += [n[:i] + "q" + n[i + 1 :] for n in spelled for i in range(len(n))]  # a letter changed
    pairs = list(product(names, repeat=2))
    accepted = [(a, b) for a, b in pairs if same_actor(a, b, person=True)]
    missed = [(a, b) for a, b in accepted if not sought_keys(a) & filed_keys(b)]
    assert len(accepted) > 20 * len(names) and missed == []
    assert sum(1 for a, b in pairs if not sought_keys(a) & filed_keys(b)) > len(pairs) / 2


def test_align_copy_is_not_an_independent_source():
    articles = [read_text(REPORT, outlet="Wire"), read_text(OPINION_COPY, outlet="Blog"), read_text(REWRITE, outlet="Daily")]
    assert copy_sources(articles) == {articles[0].id: articles[0].id, articles[1].id: articles[0].id, articles[2].id: articles[2].id}


def test_align_copy_alone_corroborates_nothing(resources):
    report = compare([read_text(REPORT, outlet="Wire"), read_text(OPINION_COPY, outlet="Blog")], resources)
    shared = [g for g in report.claims if len(g.article_ids) == 2]
    assert shared and all(g.independent_sources == 1 and g.verdict != "corroborated" for g in shared)
    assert any("copies much of Wire" in w for w in report.warnings)


def test_align_independent_rewrite_corroborates_and_merges_entities(resources):
    report = compare([read_text(REPORT, outlet="Wire"), read_text(REWRITE, outlet="Daily")], resources)
    brandt = [e for e in report.entities if e.name == "Olga Brandt"]
    assert len(brandt) == 1 and {a for v in brandt[0].variants for a in v.article_ids} == {a.id for a in report.articles}
    assert any(g.verdict == "corroborated" and "miner" in g.text.lower() for g in report.claims)


def test_align_one_quote_in_other_words_and_in_another_mouth(resources):
    first = read_text("“The crane was never inspected, not once in ten years,” said dock worker Michael Brown on Monday. "
                      "Harbour master Nadia Okafor said, “We will publish every inspection record this week.”", outlet="Ledger")
    second = read_text("“The crane was never inspected, not once in ten years,” union leader Robert Wilson told reporters. "
                       "“We will publish the inspection records,” Okafor said.", outlet="Daily")
    report = compare([first, second], resources)
    conflicts = {c.kind: c for g in report.claims for c in g.conflicts}
    assert {v.text for v in conflicts["actor"].values} == {"Michael Brown", "Robert Wilson"}
    assert "Nadia Okafor" in conflicts["quote"].about and len(conflicts["quote"].values) == 2


def test_align_summary_leaves_out_attributions_and_phrases_without_a_verb(resources):
    confirmed = ", a figure the mayor's office confirmed. The river rose two metres overnight."
    report = compare([read_text("Floodwater forced 300 families from their homes in Kelton on Sunday" + confirmed, outlet="Ledger"),
                      read_text("Some 300 families left their homes in Kelton as the river rose" + confirmed, outlet="Daily")],
                     resources)
    summary = [s.text for s in report.summary]
    assert "Some 300 families left their homes in Kelton." in summary and "The river rose two metres overnight." in summary
    assert not any("confirmed" in s or "figure" in s for s in summary)
    phrases = [_corroborated(n, text, kind, verbs) for n, (text, kind, verbs) in enumerate((
        ("up to 20", "number", ()), ("175 people were treated for smoke", "number", ("treat",)),
        ("the death of a contractor", "event", ()), ("the dam held", "statement", ("hold",)),
        ("the mayor urged the companies to", "statement", ("urge",)), ("crews fought the fire and", "statement", ("fight",)),
        ("in which the mayor thanked the crews", "statement", ("thank",)), ("whose house was flooded", "statement", ("flood",)),
        ("Harbour Chief Should Resign After Crane Collapse", "statement", ("resign",)),
        ("HARBOUR CHIEF QUITS OVER CRANE COLLAPSE", "statement", ("quit",))))]
    infinitive = _corroborated(len(phrases), "to tap 25 million dollars", "number", ("tap",), finite=False)
    assert [s.text for s in summarise(phrases + [infinitive], {}, {})] == ["175 people were treated for smoke.", "The dam held."]


def test_align_summary_says_who_said_what_no_two_sources_state_in_their_own_voice(resources):
    report = compare([
        read_text("Floodwater closed the Kelton bridge on Sunday, cutting the town off from the coast road. The "
                  "bridge will reopen to traffic on Friday, officials said. It will cost the town about 40,000 "
                  "dollars, they said. Shops along the river stayed shut all week.", outlet="Ledger"),
        read_text("Volunteers filled sandbags outside the school on Monday. Floodwater shut the old bridge over the "
                  "Kel on Sunday morning. The bridge will reopen to traffic on Friday, officials said. Repairs will "
                  "cost the town about 40,000 dollars, they said.", outlet="Daily")], resources)
    summary = [s.text for s in report.summary]
    assert "The bridge will reopen to traffic on Friday, officials said." in summary
    assert any(s.startswith("Floodwater") and not s.endswith("said.") for s in summary)
    assert not any("40,000" in s for s in summary)  # said by "they", whom nobody names


def test_align_summary_sentence_opens_on_a_capital_inside_a_quote():
    quoted = _corroborated(0, "“rusted cranes” line the old harbour", "statement", ("line",))
    assert [s.text for s in summarise([quoted], {}, {})] == ["“Rusted cranes” line the old harbour."]


def test_align_summary_names_a_speaker_without_the_clause_set_off_after_it():
    said = _corroborated(0, "the harbour will reopen on Friday", "statement", ("reopen",), "An aide to the harbour board, who "
                         "would not give a name")
    assert [s.text for s in summarise([said], {}, {})] == ["The harbour will reopen on Friday, an aide to the harbour board said."]
    said = _corroborated(0, "the harbour will reopen on Friday", "statement", ("reopen",), "Several dock unions, such as "
                         "the crane drivers' guild")
    assert [s.text for s in summarise([said], {}, {})] == ["The harbour will reopen on Friday, several dock unions said."]
    said = _corroborated(0, "the harbour will reopen on Friday", "statement", ("reopen",), "e1")
    assert [s.text for s in summarise([said], {"e1": "Harbour Safety Board"}, {})] == [
        "The harbour will reopen on Friday, the Harbour Safety Board said."]


def test_align_summary_names_a_speaker_once():
    said = [_corroborated(n, text, "statement", ("send",), speaker) for n, (text, speaker) in enumerate((
        ("Ruiz asked the state for emergency money", "e1"), ("the state will send emergency money", "e1"),
        ("the money will come by Friday", "they")))]
    assert [s.text for s in summarise(said, {"e1": "Ana Ruiz"}, {})] == [
        "Ruiz asked the state for emergency money.", "The state will send emergency money, Ana Ruiz said."]


def test_align_summary_says_who_said_it_only_of_who_states_it():
    """"X urged ..." or "X asked whether ..." is no "X said": the words go to a speaker who states them, or are left out."""
    urged = _corroborated(0, "the port will stop the inspection", "statement", ("stop",), "e1", stated=False)
    said = urged.claims[0].model_copy(update={"id": "said", "attributed_to": "e2", "stated": True,
                                               "span": urged.claims[0].span.model_copy(update={"article_id": "b"})})
    names = {"e1": "Ana Ruiz", "e2": "Nadia Okafor"}
    assert summarise([urged], names, {}) == ()
    both = urged.model_copy(update={"claims": (urged.claims[0], said)})
    assert [s.text for s in summarise([both], names, {})] == ["The port will stop the inspection, Nadia Okafor said."]


def test_align_summary_leaves_out_what_someone_unfound_said():
    """"X denied that he asked ...", the speaker not found: the denied words are no fact, nor anyone's words."""
    denied = _corroborated(0, "the harbour chief asked the port to stop the inspection", "statement", ("ask",))
    claim = denied.claims[0].model_copy(update={"reported": True})
    assert summarise([denied.model_copy(update={"claims": (claim,)})], {}, {}) == ()
    assert [s.text for s in summarise([denied], {}, {})] == ["The harbour chief asked the port to stop the inspection."]


def test_align_summary_leaves_out_what_a_source_reports_as_denied():
    said = _corroborated(0, "the harbour chief asked the port to stop the inspection", "statement", ("ask",), "e1")
    denied = said.model_copy(update={"claims": (said.claims[0].model_copy(update={"denied": True}),)})
    assert [s.text for s in summarise([said], {"e1": "Ana Ruiz"}, {})] == [
        "The harbour chief asked the port to stop the inspection, Ana Ruiz said."]
    assert summarise([denied], {"e1": "Ana Ruiz"}, {}) == ()


def test_align_summary_tells_first_what_an_article_tells_first():
    """Of facts as widely reported, the one an outlet opens on comes before a detail, whichever outlet tells it."""
    def told_by_both(text: str, at_a: int, at_b: int) -> ClaimGroup:
        claims = tuple(Claim(id=f"{text}-{a}", kind="statement", span=Span(article_id=a, start=at, end=at + len(text)),
                             text=text, sentence=Span(article_id=a, start=at, end=at + len(text)), verbs=("x",),
                             predicate="x") for a, at in (("a", at_a), ("b", at_b)))
        return ClaimGroup(id=text, verdict="corroborated", text=text, claims=claims, article_ids=("a", "b"),
                          independent_sources=2)
    detail = told_by_both("the crane was built in 1990", 100, 900)
    lead = told_by_both("the harbour crane collapsed on Monday", 300, 0)
    assert [s.text for s in summarise([detail, lead], {}, {})] == [
        "The harbour crane collapsed on Monday.", "The crane was built in 1990."]


def _corroborated(position: int, text: str, kind: str, verbs: tuple[str, ...], speaker: str | None = None,
                  stated: bool = True, finite: bool = True) -> ClaimGroup:
    span = Span(article_id="a", start=100 * position, end=100 * position + len(text))
    predicate = verbs[0] if verbs and finite else None
    claim = Claim(id=text, kind=kind, span=span, text=text, sentence=span, verbs=verbs, predicate=predicate,
                  attributed_to=speaker, reported=speaker is not None, stated=stated and speaker is not None)
    return ClaimGroup(id=text, verdict="corroborated", text=text, claims=(claim,), article_ids=("a", "b"), independent_sources=2)


def test_align_group_speaks_in_the_words_of_the_original_not_of_a_cut_copy(resources):
    original = read_text(REPORT, outlet="Ledger")
    cut = read_text("Reprinted with permission. " + REPORT.replace("the flooded Dunmore", "the Dunmore"), outlet="Reprints")
    report = compare([original, cut], resources)
    assert copy_sources(report.articles) == {original.id: original.id, cut.id: original.id}
    rescue = next(g for g in report.claims if "miners" in g.text and len(g.article_ids) == 2)
    assert "the flooded Dunmore pit" in rescue.text


def test_align_names_a_copy_by_its_address_when_it_copies_its_own_outlet(resources):
    page = read_text(REPORT, outlet="Ledger", url="https://ledger.example/dunmore")
    amp = read_text(REPORT.replace("the flooded Dunmore", "the Dunmore"), outlet="Ledger", url="https://ledger.example/dunmore?amp")
    report = compare([page, amp], resources)
    assert report.warnings == ("Ledger (https://ledger.example/dunmore?amp) copies much of Ledger (https://ledger.example/dunmore): "
                               "it is not counted as an independent source",)


def test_align_summary_names_the_other_speaker_when_the_wording_has_none():
    """One source's speaker is not found; the other's is Okafor, whose name in the words does not make them hers."""
    unfound, okafor = (_corroborated(0, "the mayor asked Okafor to stop the inspection", "statement", ("ask",), s)
                       for s in (None, "e1"))
    group = unfound.model_copy(update={"claims": (unfound.claims[0].model_copy(update={"reported": True}),
                                                  okafor.claims[0].model_copy(update={"id": "other"}))})
    assert [s.text for s in summarise([group], {"e1": "Nadia Okafor"}, {})] == [
        "The mayor asked Okafor to stop the inspection, Nadia Okafor said."]


def test_align_pairs_left_unchecked_are_pairs_no_rule_accepts():
    """The cheap screen before the claim rules drops only pairs the rules would refuse, and drops some: claims
    of every kind the rules tell apart, each pair at a random closeness."""
    quote = "not one of those alarms rang and nobody came to look at the doors"
    quotes = [quote, quote[1:-1], quote[2:9], "one of the alarms rang but somebody came to see", "the doors were locked all night"]
    claims = [_claim(f"q{n}{speaker}", text, kind="quote", speaker=speaker) for n, text in enumerate(quotes) for speaker in ("Ferris", "Lind")]
    for n, (actors, verbs, numbers) in enumerate(product([(), ("e1",), ("e1", "e2")], [("rise",), ("fall",)], [(), (12,), (15,)])):
        claims.append(_claim(f"s{n}", f"the water rose {sum(numbers)} metres", actors=actors, verbs=verbs, numbers=numbers))
    random = np.random.default_rng(1).uniform(size=(len(claims), len(claims)))
    similarity = (random + random.T) / 2
    screened = {(int(a), int(b)) for a, b in _pairs_worth_checking(claims, similarity)}
    pairs = list(combinations(range(len(claims)), 2))
    accepted = {(a, b) for a, b in pairs if _match(claims[a], claims[b], similarity[a, b], _Related({}))}
    assert accepted <= screened < set(pairs)
    assert {claims[a].kind for pair in accepted for a in pair} == {"quote", "statement"}


def test_align_a_chain_of_matches_stops_where_its_ends_tell_different_facts():
    """Each claim matches the next (cosine 0.80), but the first and the last are far apart (0.28): two groups. A
    chain whose ends are as close as a rule can match (0.50) stays one."""
    def grouped(step_degrees: float) -> list[list[int]]:
        angles = np.radians([0, step_degrees, 2 * step_degrees])
        vectors = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        claims = [_claim(f"a{n}", f"the crane at pier {n} failed its inspection") for n in range(3)]
        return _cluster(claims, vectors, _Related({}))
    assert grouped(37) in ([[0, 1], [2]], [[0], [1, 2]])
    assert grouped(30) == [[0, 1, 2]]


def test_align_group_speaks_in_a_wording_that_says_whom_it_is_about():
    """A shorter wording opening on a pronoun does not say who; the group takes the one that names them."""
    claims = [_claim("a1", "she closed the north pier on Monday"), _claim("b1", "Harbour master Nadia Okafor closed the north pier")]
    assert _group("g1", claims, {}, {}, _Related({}), {}).text == "Harbour master Nadia Okafor closed the north pier"


def _claim(claim_id: str, text: str, kind: str = "statement", speaker: str | None = None, actors: tuple[str, ...] = (),
           verbs: tuple[str, ...] = (), numbers: tuple[int, ...] = ()) -> Claim:
    span = Span(article_id=claim_id, start=0, end=len(text))
    quantities = tuple(Quantity(span=span, text=str(n), low=n, high=n, precision="exact", counted="metre") for n in numbers)
    return Claim(id=claim_id, kind=kind, span=span, text=text, sentence=span, actors=actors, verbs=verbs,
                 quantities=quantities, attributed_to=speaker, reported=speaker is not None)


def test_align_claim_one_source_reports_as_denied_is_a_conflict(resources):
    denial = read_text("Lind denied on Sunday that she had pressed the harbour chief to drop the crane inspection.", outlet="Ledger")
    witness = read_text("Lind pressed the harbour chief to drop the crane inspection, two port clerks said.", outlet="Daily")
    (group,) = [g for g in compare([denial, witness], resources).claims if len(g.article_ids) == 2]
    (stance,) = [c for c in group.conflicts if c.kind == "stance"]
    assert group.verdict == "conflicting"
    assert sorted(v.text.startswith("denied: ") for v in stance.values) == [False, True]
    assert stance.about == "whether it is so: Lind denies it"
