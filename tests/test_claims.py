"""Claims: each clause a statement of its own, without the words a removed clause or quote leaves dangling."""

from __future__ import annotations

from newsprism import read_text
from newsprism.annotate import Parser, annotate
from newsprism.extract import extract_article
from newsprism.extract.claims import _tidy


def _annotated_claims(resources, text: str) -> list:
    (annotated,) = annotate([read_text(text)], Parser(resources.nlp))
    return list(extract_article(annotated).claims)


def _claims(resources, text: str) -> list[str]:
    return [c.text for c in _annotated_claims(resources, text)]


def test_claims_leave_no_participle_or_comment_dangling(resources):
    assert _claims(resources, "The council approved the budget on Monday, saying that the new bridge would be finished "
                              "by May.") == ["The council approved the budget on Monday", "the new bridge would be finished by May"]
    assert _claims(resources, "Rescuers pulled 12 miners from the pit on Saturday, a number the governor confirmed.") == [
        "Rescuers pulled 12 miners from the pit on Saturday"]
    assert _claims(resources, "The company released its accounts in March, the month it closed the plant.")[0] == (
        "The company released its accounts in March")


def test_claims_mend_the_marks_a_cut_leaves():
    assert _tidy("the senator urged regulators to ”") == "the senator urged regulators to"
    assert _tidy("he called it “a sham”") == "he called it “a sham”"
    assert _tidy("I did” spend the harbour funds badly") == "“I did” spend the harbour funds badly"
    assert _tidy("the mayor was invited by Senator Ann Ruiz (D-Maine.") == "the mayor was invited by Senator Ann Ruiz (D-Maine)"


def test_claims_leave_out_the_dateline_that_opens_an_article(resources):
    def first_claim(opening: str) -> tuple[str, tuple[str, ...]]:
        (annotated,) = annotate([read_text(f"{opening}\n\nThe strike is the first at the port in ten years.")],
                                Parser(resources.nlp))
        claim = extract_article(annotated).claims[0]
        return claim.text, claim.actors

    for dateline in ("KELBY — ", "KELBY (AP) - ", "PORT KELBY, Ore. — ", "KELBY—", "(Kelby Ledger) – "):
        text, actors = first_claim(f"{dateline}Dock workers at the Marlow terminal walked out on Monday.")
        assert text == "Dock workers at the Marlow terminal walked out on Monday", dateline
        assert not {"kelby", "port-kelby", "ap", "kelby-ledger"} & set(actors), dateline
    assert first_claim("U.S.-Kelby talks on the dock workers' wages resumed on Monday.")[0] == (
        "U.S.-Kelby talks on the dock workers' wages resumed on Monday")


def test_claims_keep_capitals_and_a_dash_later_in_an_article(resources):
    text = ("Dock workers walked out on Monday.\nThe port lost two ships to rival harbors.\nTrucks queued for a day.\n"
            "NATO — whose ships use the port — asked the union for talks on Tuesday.")
    assert "NATO asked the union for talks on Tuesday" in _claims(resources, text)


def test_claims_end_without_the_full_stop_of_a_paragraph(resources):
    assert _claims(resources, "Dock workers walked out on Monday.\n\nTrucks queued at the gate for a day.") == [
        "Dock workers walked out on Monday", "Trucks queued at the gate for a day"]


def test_claims_keep_a_quote_they_cannot_stand_without(resources):
    assert _claims(resources, "The mayor called the harbor plan “a costly mistake” on Tuesday.")[0] == (
        "The mayor called the harbor plan “a costly mistake” on Tuesday")
    assert _claims(resources, "Lind called the crane plan “a disgrace” on Monday.")[0] == (  # parsed as an apposition
        "Lind called the crane plan “a disgrace” on Monday")
    assert _claims(resources, "The new harbour chief pledged “loyalty” to the dock union on Friday.")[0] == (
        "The new harbour chief pledged “loyalty” to the dock union on Friday")
    assert _claims(resources, "Lind threatened to “spill the beans” about the harbour chief's plans.") == [
        "Lind threatened to “spill the beans” about the harbour chief's plans"]
    assert _claims(resources, "He did pledge to “drive out of the port for good” the harbour gangs.")[0] == (
        "He did pledge to “drive out of the port for good” the harbour gangs")
    assert _claims(resources, "Lind was “pressed by senior harbour officials to report on future contracts” by the union, "
                              "according to the letter.")[0] == ("Lind was “pressed by senior harbour officials to report on "
                                                                  "future contracts” by the union, according to the letter")
    assert _claims(resources, "The union chief said the pier is a “floating hazard,” the paper reported.")[0] == (
        "the pier is a “floating hazard”")
    # a tweet's words are the quote's claim, not the frame's
    assert _claims(resources, "The council tweeted: “The ferry will run every hour from Monday.”") == [
        "The ferry will run every hour from Monday."]


def test_claims_leave_out_the_frame_of_reported_speech(resources):
    assert _claims(resources, "Mayor Lind hinted on Tuesday that she may leave the harbour board before the "
                              "election.") == ["she may leave the harbour board before the election"]
    assert _claims(resources, "As criticism swelled, Mayor Lind came to believe that a councillor had called her a "
                              "liar.") == ["a councillor had called her a liar"]


def test_a_frame_set_in_what_it_reports_is_no_claim_and_leaves_it_reported(resources):
    assert _claims(resources, "Demand for ferries is expected to grow 15 percent a year, Lind said, faster than demand "
                              "for trains.") == ["Demand for ferries is expected to grow 15 percent a year"]
    (claim,) = _annotated_claims(resources, "The crane, officials said, has been out of service since March.")
    assert claim.text == "The crane has been out of service since March"
    assert claim.reported and claim.stated and claim.attributed_to == "officials"


def test_a_hyphenated_word_stays_whole_in_one_clause(resources):
    """The parse splits "re-entering" into "re", "-" and "entering" and may hang the parts in two clauses."""
    assert _claims(resources, "Radio host Tom Vale closed a two-day rally on Sunday by demanding that members put their "
                              "own affairs in order before re-entering the race.") == [
        "Radio host Tom Vale closed a two-day rally on Sunday",
        "members put their own affairs in order before re-entering the race"]


def test_claims_keep_what_is_called_for_or_demanded_in_the_clause_that_asks_for_it(resources):
    assert _claims(resources, "The 40-page report also called for ports to run a safety check every year.") == [
        "The 40-page report also called for ports to run a safety check every year"]
    assert _claims(resources, "The council demanded that the harbour chief resign over the collapse.") == [
        "The council demanded that the harbour chief resign over the collapse"]
    long = _claims(resources, "The 40-page report on the collapse of the crane at the harbour last winter also called "
                              "for 12 ports to run a safety check every year.")
    assert not any(claim.endswith("called") for claim in long) and any(c.endswith("to run a safety check") for c in long)


def test_claims_keep_a_relative_clause_missing_its_object_in_its_clause(resources):
    assert _claims(resources, "The crowd cheered the speech Mayor Lind gave at the harbour on Monday.") == [
        "The crowd cheered the speech Mayor Lind gave at the harbour on Monday"]
    claims = _claims(resources, "The ministry published ten standards that ports need to uphold if they intend to keep "
                                "their licences.")
    assert not [c for c in claims if c.startswith("ports need to uphold")], claims


def test_claims_know_what_their_speaker_denies(resources):
    (annotated,) = annotate([read_text("Lind over the weekend denied that she had pressed the harbour chief to drop "
                                       "the inspection. She said that the harbour chief had asked for more time.")],
                            Parser(resources.nlp))
    claims = {c.text: c for c in extract_article(annotated).claims}
    assert claims["she had pressed the harbour chief to drop the inspection"].denied
    assert not claims["the harbour chief had asked for more time"].denied


def test_claims_know_whether_their_speaker_states_them(resources):
    """Said, warned, promised, told or "according to": stated. Urged, not said, not denied: only reported. Asked
    whether: the outlet tells that she asked."""
    texts = ["Mayor Lind said that the harbour crane had failed its safety test in March.",
             "According to Mayor Lind, the harbour crane failed its safety test in March.",
             "Harbour master Nadia Okafor warned that the crane could collapse in a storm.",
             "Okafor promised that every inspection record would be published this week.",
             "“The crane failed its test in March,” Okafor told reporters.",
             "Okafor pointed out that the crane had not been inspected since March.",
             "Lind did not say that the harbour crane had failed its safety test.",
             "The union's letter does not deny that the guards are open to longer shifts."]
    annotated = annotate([read_text(t) for t in texts], Parser(resources.nlp))
    claims = [c for a in annotated for c in extract_article(a).claims]
    assert len(claims) == len(texts) and all(c.reported for c in claims)
    assert [c.stated for c in claims] == [True] * 6 + [False] * 2
    for text in ("Lind announced her plans to close the harbour crane in a letter to the council.",
                 "Okafor asked whether the crane had been inspected since March."):  # a question asserts nothing
        (act,) = _annotated_claims(resources, text)
        assert act.attributed_to and not act.reported and not act.stated  # the outlet tells that she spoke


def test_claims_denied_are_only_the_clause_a_denial_governs(resources):
    """The clause denied is; rejecting a veto, not denying, words of one's own, a claim that holds its own denial,
    what is said of the reports denied and what the speaker says beside a denial are not."""
    texts = ["The harbour council rejected the mayor's veto of the dredging bill on Wednesday.",
             "The union's letter does not deny that the guards are open to longer shifts.",
             "“I never asked anyone to stop the inspection,” Lind denied on Sunday.",
             "Lind denied asking the harbour chief to stop the inspection.",
             "Okafor denied the reports, which spread through the harbour on Friday.",
             "Okafor denied that the harbour crane had failed its safety test in March, telling the board that every later "
             "test had been passed."]
    annotated = annotate([read_text(t) for t in texts], Parser(resources.nlp))
    claims = [c for a in annotated for c in extract_article(a).claims]
    denied = [c.text for c in claims if c.denied]
    assert len(claims) >= len(texts) and denied == ["the harbour crane had failed its safety test in March"]


def test_claims_of_numbers_have_a_predicate_only_as_clauses_with_a_tense(resources):
    claims = [c for t in ("The harbour board plans to tap 25 million dollars from the reserve fund to rebuild the pier "
                          "and replace the crane before the winter storms arrive.",
                          "Firefighters from three towns rescued 40 workers from the burning warehouse on the pier in the "
                          "early hours of Tuesday morning while 12 crews kept the flames away from the fuel tanks.")
              for c in _annotated_claims(resources, t) if c.kind == "number"]
    assert {c.text: c.predicate for c in claims} == {
        "to tap 25 million dollars from the reserve fund to rebuild the pier": None,
        "Firefighters from three towns rescued 40 workers": "rescue"}


def test_claims_of_a_subordinate_clause_leave_out_what_times_it(resources):
    assert _claims(resources, "The harbour chief quit on Friday, a day after the mayor resigned over the crane collapse.") == [
        "The harbour chief quit on Friday", "the mayor resigned over the crane collapse"]


def test_claims_keep_a_question_or_a_condition_in_the_clause_around_it(resources):
    assert _claims(resources, "It is unclear whether the harbour ferry will run on Friday.") == [
        "It is unclear whether the harbour ferry will run on Friday"]
    assert _claims(resources, "If the old pier closes next month, the island ferries will stop running.") == [
        "If the old pier closes next month, the island ferries will stop running"]
    assert "the harbour board had known about the leak" not in _claims(
        resources, "Reporters wondered whether the harbour board had known about the leak.")
