"""Quotes: marks, reported speech, speakers through names, pronouns and roles, channels."""

from __future__ import annotations

import pytest

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism.clean import paragraphs
from newsprism.extract.entities import extract_entities
from newsprism.extract.quotes import extract_quotes, quoted_spans


def _quotes(nlp, text):
    doc = nlp(text)
    return extract_quotes(doc, "a", extract_entities(doc, "a"))


def _seed(nlp, path):
    require_shared(path)
    return _quotes(nlp, "\n\n".join(paragraphs(path.read_text(encoding="utf-8"))))


def _by_start(quotes, words):
    return next(q for q in quotes if q.text.startswith(words))


def test_quotes_split_by_cue_and_continued_by_pronoun(nlp):
    text = ("Harbour master Nadia Okafor inspected the pier on Monday.\n\n"
            "“First,” Okafor said, “we need divers under the crane.”\n\n"
            "“Then we will decide whether to reopen,” she added.")
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["First,", "we need divers under the crane.", "Then we will decide whether to reopen,"]
    assert all(q.speaker_name == "Nadia Okafor" and q.kind == "direct" for q in quotes)
    assert quotes[2].speaker_mention == "she" and quotes[2].cue == "added"


def test_quotes_multi_paragraph_quote_is_one_quote(nlp):
    text = ("The minister Pavel Horak spoke for an hour.\n\n"
            "“We inherited a broken system. Nobody had checked the books in years.\n\n"
            "“We are fixing it now,” Horak said.")
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("We inherited") and quotes[0].text.endswith("fixing it now,")
    assert quotes[0].speaker_name == "Pavel Horak"


def test_quotes_unbalanced_mark_costs_only_its_paragraph(nlp):
    text = ("Union leader Maria Lopez said “the deal is dead and the strike goes on.\n\n"
            "Talks collapsed on Thursday. “We will not go back,” Lopez told Channel Nine on Friday.")
    quotes = _quotes(nlp, text)
    last = _by_start(quotes, "We will not go back")
    assert last.speaker_name == "Maria Lopez" and last.channel == "Channel Nine"
    assert any(q.text.startswith("the deal is dead") for q in quotes)


def test_quotes_straight_marks_and_next_sentence_speaker(nlp):
    text = 'Officials were blunt. "The bridge is not safe," said engineer Tom Birch. "Nobody should cross it."'
    quotes = _quotes(nlp, text)
    assert [q.speaker_name for q in quotes] == ["Tom Birch", "Tom Birch"]


def test_quotes_reported_speech_and_according_to(nlp):
    text = ("Governor Ann Reyes said that the budget would be balanced by June. "
            "The deficit grew last year, according to the state auditor.")
    quotes = _quotes(nlp, text)
    said = _by_start(quotes, "the budget would be balanced")
    assert said.kind == "reported" and said.cue == "said" and said.speaker_name == "Ann Reyes"
    auditor = _by_start(quotes, "The deficit grew")
    assert auditor.cue == "according to" and auditor.speaker_mention == "the state auditor"


def test_quotes_scare_quotes_are_not_speech(nlp):
    quotes = _quotes(nlp, "The ferry group belongs to the so-called “Harbour Alliance,” a coalition formed in 2015.")
    assert quotes == ()


def test_quotes_channel_of_a_tweet_and_a_social_post(nlp):
    text = ("On Monday, Senator Joe Park tweeted, “The vote is rigged.”\n\n"
            "“This was avoidable,” activist Lee Chan wrote in a post on Facebook.")
    quotes = _quotes(nlp, text)
    assert _by_start(quotes, "The vote").channel == "Twitter"
    assert _by_start(quotes, "This was avoidable").speaker_name == "Lee Chan"


def test_quotes_two_apostrophes_are_a_double_mark(nlp):
    text = "''We will rebuild the pier by spring,'' the mayor, Rosa Lind, told reporters on Friday."
    quote = _quotes(nlp, text)[0]
    assert quote.kind == "direct" and quote.text == "We will rebuild the pier by spring,"
    assert quote.speaker_name == "Rosa Lind"


def test_quotes_topics_objects_and_infinitives_of_stance_verbs(nlp):
    text = ("Senator Ida Moss talked about the harbour budget for an hour. "
            "Moss also called for an inquiry into the crane collapse. "
            "Mayor Tom Brandt refused to comment on the report.")
    quotes = _quotes(nlp, text)
    assert _by_start(quotes, "the harbour budget").speaker_name == "Ida Moss"
    assert _by_start(quotes, "an inquiry into the crane collapse").cue == "called"
    refused = _by_start(quotes, "comment on the report")
    assert refused.kind == "reported" and refused.speaker_name == "Tom Brandt"


def test_quotes_stance_nouns_and_adjectives_need_their_holder(nlp):
    text = ("Governor Ann Reyes repeated her criticism of the port authority. "
            "Union leader Sam Ortiz is confident that the strike will end soon. "
            "Criticism of the plan grew all week.")
    quotes = _quotes(nlp, text)
    assert _by_start(quotes, "the port authority").speaker_name == "Ann Reyes"
    assert _by_start(quotes, "the strike will end soon").speaker_name == "Sam Ortiz"
    assert not any(q.text.startswith("the plan") for q in quotes)  # nobody holds this criticism


def test_quotes_a_name_and_colon_line_and_a_relative_pronoun(nlp):
    text = ("Mayor Rosa Lind: Port deal will create a thousand jobs\n\n"
            "Union leader Michael Brown, who believes the port will grow, welcomed the deal on Monday.")
    quotes = _quotes(nlp, text)
    headline = _by_start(quotes, "Port deal will create")
    assert headline.speaker_mention == "Mayor Rosa Lind" and headline.kind == "reported"
    believes = _by_start(quotes, "the port will grow")
    assert believes.speaker_mention == "who" and believes.speaker_name == "Michael Brown"


def test_quotes_bare_paragraph_after_the_person_named_and_a_colon_paragraph(nlp):
    text = ("Harbour master Michael Brown praised the divers who worked through the night.\n\n"
            "“Without them the crane would still be in the water.”\n\n"
            "Governor Ann Reyes stated:\n\n"
            "“The port will reopen on Monday, and every crane will be inspected first.”")
    quotes = _quotes(nlp, text)
    assert _by_start(quotes, "Without them").speaker_name == "Michael Brown"
    assert _by_start(quotes, "The port will reopen").speaker_name == "Ann Reyes"


def test_quotes_marks_inside_words_are_apostrophes():
    assert quoted_spans("Kata’ib Hezbollah’s men didn’t leave.") == []


@pytest.mark.parametrize(
    ("start", "speaker", "channel"),
    [
        ("First of all", "Khamenei", "Mehr"),
        ("Second, be reasonable", "Khamenei", None),
        ("Iran will be held", "Trump", "Twitter"),
        ("state-sponsored terror", "Pompeo", "CBS"),
        ("This is Iranian-backed", "Pompeo", None),
        ("What you saw", "Pompeo", "Fox News"),
        ("You saw President Trump", "Pompeo", None),
        ("The U.S. Marines guarding", "Associated Press", None),
        ("the U.S. had attacked", "Khamenei", None),
    ],
)
def test_quotes_seed_news_speakers_and_channels(nlp, start, speaker, channel):
    quote = _by_start(_seed(nlp, SEED_NEWS), start)
    assert speaker in (quote.speaker_name or "")
    if channel:
        assert channel in (quote.channel or "")


def test_quotes_seed_blog_speakers(nlp):
    quotes = _seed(nlp, SEED_BLOG)
    assert "Dietz" in _by_start(quotes, "Everyone is breathing").speaker_name
    assert "Dietz" in _by_start(quotes, "A situation that could").speaker_name
    mohyee = _by_start(quotes, "the prime minister")
    assert mohyee.kind == "reported" and mohyee.speaker_name == "Mohammed Mohyee"


def test_quotes_a_question_takes_the_cue_of_the_short_sentence_after_it(nlp):
    text = "“Who paid for the new bridge?” Councillor Ines Varga asked. “Nobody will tell us.”"
    question = _by_start(_quotes(nlp, text), "Who paid")
    assert question.cue == "asked" and "Ines Varga" in question.speaker_name


def test_quotes_a_relative_pronoun_naming_no_one_is_named_with_its_noun(nlp):
    quotes = _quotes(nlp, "Residents signed a petition that demands a new bridge over the river.")
    demands = _by_start(quotes, "a new bridge")
    assert demands.speaker_mention == "a petition that" and demands.speaker_name is None


def test_quotes_a_possessive_pronoun_speaker(nlp):
    text = ("Senator Omar Lind toured the flooded docks on Monday. "
            "His plan to raise the sea wall was welcomed by the union. "
            "Mayor Rosa Lind repeated her criticism of the ferry company.")
    quotes = _quotes(nlp, text)
    plan = _by_start(quotes, "raise the sea wall")
    assert plan.speaker_mention == "His" and plan.speaker_name == "Omar Lind"
    assert _by_start(quotes, "the ferry company").speaker_mention == "Mayor Rosa Lind"


def test_quotes_speech_reported_inside_other_speech_is_the_outer_speakers(nlp):
    quotes = _quotes(nlp, "Nothing the minister said “will calm the fishermen,” union leader Tom Birch said.")
    calm = _by_start(quotes, "will calm")
    assert calm.kind == "direct" and "Tom Birch" in calm.speaker_name


def test_quotes_what_is_said_according_to_a_source_is_that_sources_account(nlp):
    quotes = _quotes(nlp, "Mayor Rosa Lind said the pier would reopen in May, according to the Harbour Gazette.")
    pier = _by_start(quotes, "the pier would reopen")
    assert pier.cue == "according to" and pier.speaker_mention == "the Harbour Gazette"


def test_quotes_a_participle_cue_keeps_its_own_words(nlp):
    quote = _by_start(_quotes(nlp, "Mayor Rosa Lind spoke first, adding that “the ferry will run again.”"), "the ferry")
    assert quote.cue == "adding" and quote.speaker_name == "Rosa Lind"


def test_quotes_a_parenthetical_cue_reports_the_clause_around_it(nlp):
    quotes = _quotes(nlp, "Harbour master Ines Varga, officials said, has grown skeptical about the ferry plan.")
    clause = next(q for q in quotes if q.cue == "said")
    assert clause.speaker_mention == "officials" and "grown skeptical" in clause.text
    assert not any(q.cue == "skeptical" for q in quotes)  # the stance is the officials' account, not Varga's
    assert _quotes(nlp, "The ferry fare, you know, is far too high for the islanders.") == ()


def test_quotes_a_stance_verb_cues_a_quote_when_no_speech_verb_does(nlp):
    text = ("Councillor Ines Varga accused the port board of “hiding the real accounts from the public for years.” "
            "The board backed the “green pier” plan.")
    quotes = _quotes(nlp, text)
    hiding = _by_start(quotes, "hiding the real accounts")
    assert hiding.cue == "accused" and "Ines Varga" in hiding.speaker_name
    assert not any(q.text.startswith("green pier") for q in quotes)  # a short quote a stance verb holds is a scare quote


def test_quotes_a_voice_in_a_relative_clause_does_not_carry_on_speaking(nlp):
    text = "“The pier is unsafe,” said Tom Birch, whose union has warned about the cranes for years. “Nobody should work there.”"
    assert "Tom Birch" in _by_start(_quotes(nlp, text), "Nobody should").speaker_name


def test_quotes_a_colon_cue_past_extra_spaces(nlp):
    quote = _quotes(nlp, "The crowd went quiet. Mayor Rosa Lind held firm:  “The ferry stays, and so do the jobs.”")[0]
    assert quote.cue == ":" and quote.speaker_name == "Rosa Lind"


def test_quotes_words_read_out_or_chanted(nlp):
    text = ("“Closed until the spring storms pass,” read the sign on the harbour gate. "
            "Later the protesters chanted “Save our pier!” outside the town hall.")
    quotes = _quotes(nlp, text)
    assert _by_start(quotes, "Closed until").speaker_mention.startswith("the sign")
    assert _by_start(quotes, "Save our pier").speaker_mention == "the protesters"


def test_quotes_phrasal_speech_verbs(nlp):
    quotes = _quotes(nlp, "“We will not close the pier,” Mayor Rosa Lind shot back. “Nobody asked us,” she went on.")
    assert [q.cue for q in quotes] == ["shot", "went"]
    assert all(q.speaker_name == "Rosa Lind" for q in quotes)


def test_quotes_a_statement_speaks_for_whoever_put_it_out(nlp):
    quotes = _quotes(nlp, "The harbour board released a statement that accused the union of lying about the cranes.")
    assert _by_start(quotes, "the union of lying").speaker_mention == "The harbour board"
    quotes = _quotes(nlp, "The union attacked the newspaper story that claimed the harbour chief had hidden the crane reports.")
    assert _by_start(quotes, "the harbour chief had hidden").speaker_mention == "the newspaper story that"


def test_quotes_a_cue_in_a_prepositional_phrase_has_the_clause_subject_as_speaker(nlp):
    quotes = _quotes(nlp, "After months of refusing to comment on the audit, Mayor Rosa Lind spoke to reporters on Friday.")
    assert _by_start(quotes, "comment on the audit").speaker_name == "Rosa Lind"


def test_quotes_a_title_with_no_speech_cue_is_not_a_quote(nlp):
    assert _quotes(nlp, "Rosa Lind was a guest on “Harbour Morning With Tom Birch and Friends” last year.") == ()
    spoken = _quotes(nlp, "“Save Our Harbour Now,” the station manager said.")  # capitalised, but said
    assert spoken and spoken[0].kind == "direct"


def test_quotes_curly_marks_typed_the_wrong_way_round():
    text = "“The pier is unusual,“ said Noble. ”Very much so.”"
    assert [text[s:e] for s, e in quoted_spans(text)] == ["The pier is unusual,", "Very much so."]


def test_quotes_a_newspaper_reporting_what_someone_said(nlp):
    quotes = _quotes(nlp, "Varga “bristled” and said, “No comment at all,” the Island Herald reported.")
    assert _by_start(quotes, "No comment").speaker_mention == "the Island Herald"


def test_quotes_an_infinitive_relative_clause_speaks_for_its_noun(nlp):
    quotes = _quotes(nlp, "Rosa Lind was the first mayor to endorse Tom Birch in the primary.")
    assert _by_start(quotes, "Tom Birch").speaker_name == "Rosa Lind"


def test_quotes_a_participle_after_an_inverted_cue_has_the_same_speaker(nlp):
    text = ("''Is the mayor running against the harbour board?'' asked Mr. Birch, referring to the mayor's "
            "long campaign against the board.")
    assert "Birch" in _by_start(_quotes(nlp, text), "the mayor's long campaign").speaker_name


def test_quotes_words_quoted_inside_a_sentence_are_not_followed_by_their_speakers_name(nlp):
    text = "Rent keeps rising, Pavel Horak said. Tenants still pay too much, even for a “cheap” flat, he said."
    cheap = _by_start(_quotes(nlp, text), "cheap")
    assert cheap.speaker_mention == "he" and cheap.speaker_name == "Pavel Horak"


# Speaker rules for the parser's usual misreadings: rule -> (text, {words a quote starts with: its speaker's name}).
SPEAKER_NAMES = {
    "a time hung on the speaker's name is not part of it": (
        "Rosa Lind chairs the board. Lind over the weekend denied that the harbour chief had been told to stop the "
        "inspection.",
        {"the harbour chief had been told": "Rosa Lind"}),
    "a participle after a comma belongs to the main clause": (
        "Pavel Horak denied the claim that the mine is closing, explaining that the owners had only paused the work. "
        "Rosa Lind had a strong evening that could help her in the polls, forcefully denouncing the council's budget.",
        {"the owners had only paused": "Pavel Horak", "the council's budget": "Rosa Lind"}),
    "a verb joined to another shares its subject, not the noun before it": (
        "Mayor Rosa Lind slams the harbour board, praises the volunteers.", {"the volunteers": "Rosa Lind"}),
    "a finite verb parsed as describing a name has that name as speaker": (
        "Ines Varga, who has led the union since 2010, named three ferries as the worst in the fleet.",
        {"three ferries": "Ines Varga"}),
    "a quote inside reported speech with no speaker keeps its own": (
        "''The pier wants a few bold repairs that match how badly the winter storms have hurt it,'' "
        "said Tom Birch, who ran the ferry office under Ms. Lind's first council yet backed Ana Ruiz in the vote.",
        {"The pier wants": "Tom Birch"}),
    "of two subjects the one nearest before the cue speaks": (
        "WASHINGTON, Aug. 24 (UPI) — Harbour master Tom Birch called a report about the ferry “inaccurate.”",
        {"a report about the ferry": "Tom Birch"}),
    "a dateline parsed as the subject gives way to the name after its dash": (
        "BERLIN (Reuters) - Rosa Lind said on Monday that the ferry would not run.", {"the ferry would not run": "Rosa Lind"}),
    "an infinitive after a means or a time spent has the subject as speaker": (
        "Rosa Lind used her acceptance speech to call for an inquiry into the harbour deal. "
        "Tom Birch spent many hours reflecting on the vote.",
        {"an inquiry": "Rosa Lind", "the vote": "Tom Birch"}),
    "the object of a joined verb after a comma is not an inverted speaker": (
        "Tom Birch later hinted that pride was behind her stubborn plan, called her “second-best” and skipped two of the hearings.",
        {"second-best": "Tom Birch"}),
    "a subject right after the cue outranks one parsed before it": (
        "The closure of the pier signals “the end of an era” for the island, said Rosa Lind, the harbour master.",
        {"the end of an era": "Rosa Lind"}),
    "a quote with no cue after someone else is named is theirs": (
        "“The pier is unsafe,” Nadia Okafor said. Tom Birch disagreed. “It has never been safer.”",
        {"It has never": "Tom Birch"}),
    "a surname the tagger takes for a common word still names its speaker": (
        "Harbor chief Lena Price opened the new pier on Monday.\n\nPrice said the pier would take two ferries an hour.",
        {"the pier would": "Lena Price"}),
    "a quote with no cue takes the person last named as a subject": (
        "Harbour master Tom Birch opened the rally. At the end, Rosa Lind sang the old harbour song, "
        "“Row the boat home and keep the lantern lit for me.”",
        {"Row the boat": "Rosa Lind"}),
}

# The same, for the speaker mention as written: rule -> (text, {words a quote starts with: its speaker mention}).
SPEAKER_MENTIONS = {
    "a surname the tagger took for a verb, before a subjectless cue, is the speaker": (
        "Lind over the weekend denied that she had pressed the harbour chief to drop the inspection.",
        {"she had pressed the harbour chief": "Lind"}),
    "a participle on a thing someone made speaks for its maker": (
        "The Riverside tenants launched petitions calling for a rent freeze.", {"a rent freeze": "The Riverside tenants"}),
    "a name or number the parser hung on a subjectless cue speaks": (
        "About 3 in 10 say they hope the new council will buy a second ferry. "
        "In all, the harbour committee raised $5 million, port authority records show.",
        {"they hope": "About 3 in 10", "In all": "port authority records"}),
    "a word going on after two apostrophes is not the speaker's name": (
        "''Much of the muddle in the harbour books comes from trying to count exactly'' the fuel, he "
        "said, rather than from the fees themselves.",
        {"Much of the muddle": "he"}),
    "a time between a subjectless cue and the name before it is not the speaker": (
        "Okafor over the weekend denied that she pressed the harbour chief to stop investigating Flynt.",
        {"she pressed the harbour chief": "Okafor"}),
    "a noun phrase right before the cue is not an apposition of the name before it": (
        "In an interview with Morning Radio hosts Tom Birch and Ana Ruiz, the Harbour Party candidate stated that "
        "the council's “careless” and “unkind” remarks do not suit the island.",
        {"careless": "the Harbour Party candidate"}),
    "the subject of a passive cue is what is said about, not who says it": (
        "Residents are expected to be allowed back into their homes on Friday. "
        "Rosa Lind was told that the ferry would not run. Tom Birch was heard saying that the pier was unsafe.",
        {"be allowed back": None, "the ferry would not run": None, "the pier was unsafe": "Tom Birch"}),
}


@pytest.mark.parametrize("text, expected", SPEAKER_NAMES.values(), ids=list(SPEAKER_NAMES))
def test_quotes_speaker_rules_name_the_speaker(nlp, text, expected):
    quotes = _quotes(nlp, text)
    assert {start: _by_start(quotes, start).speaker_name for start in expected} == expected


@pytest.mark.parametrize("text, expected", SPEAKER_MENTIONS.values(), ids=list(SPEAKER_MENTIONS))
def test_quotes_speaker_rules_take_the_speaker_mention(nlp, text, expected):
    quotes = _quotes(nlp, text)
    assert {start: _by_start(quotes, start).speaker_mention for start in expected} == expected


def test_quotes_reported_speech_leaves_out_a_dateline(nlp):
    text = "PORT ELLIS (Harbour News) – A crane toppled onto the ferry pier on Monday, officials said."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "A crane toppled onto the ferry pier on Monday" and quote.speaker_mention == "officials"


def test_quotes_reported_speech_ends_at_a_semicolon_that_starts_another_clause(nlp):
    quotes = _quotes(nlp, "Organisers said thousands of dockers took part; police did not give a figure. "
                          "Lind said the plan had three parts: new cranes; a longer pier; and two more ferries.")
    assert [q.text for q in quotes] == ["thousands of dockers took part",
                                        "the plan had three parts: new cranes; a longer pier; and two more ferries"]


def test_quotes_reported_in_a_relative_clause_leave_out_the_pronoun_and_the_cue(nlp):
    quotes = _quotes(nlp, "The council approved the harbour plan, which the mayor said would cost 3 million dollars. "
                          "The ferry fee, which critics say is too high, starts in May.")
    assert [(q.text, q.speaker_mention) for q in quotes] == [("would cost 3 million dollars", "the mayor"),
                                                             ("is too high", "critics")]


def test_quotes_a_participle_naming_a_thing_is_not_speech(nlp):
    quotes = _quotes(nlp, "Ana Ruiz founded a group called Harbour First in 2010. The council hired a firm named Birch Partners.")
    assert quotes == ()


def test_quotes_a_colon_speaker_named_after_a_dash(nlp):
    quotes = _quotes(nlp, "The pollsters agree - Rosa Lind: “Nobody expected the islanders to turn out in such numbers.”")
    assert next(q for q in quotes if q.cue == ":").speaker_name == "Rosa Lind"


def test_quotes_an_interviewers_question_line_reports_nothing(nlp):
    text = ("Below is a shortened record of our talk with the mayor.\n\n"
            "Q: You keep telling islanders the harbour is doing better, yet the council sounds gloomy about it.\n\n"
            "A: The council is wrong.")
    assert not any(q.speaker_mention == "Q" for q in _quotes(nlp, text))


def test_quotes_a_participle_with_a_clause_of_its_own_is_a_finite_verb_of_the_name_before_it(nlp):
    text = ("Two harbour analysts, Tom Birch and Ana Ruiz, found in 2014 that the pier is “the weakest on the coast” "
            "and the crane is “a danger to all.”")
    assert _by_start(_quotes(nlp, text), "the weakest").speaker_mention.startswith("Two harbour analysts")


def test_quotes_an_inverted_speaker_the_parser_hung_lower_in_the_cues_clause(nlp):
    text = "''I am better at fixing engines than I am at fixing budgets,'' said Nadia Okafor, half joking. She runs the harbour."
    reported = next(q for q in _quotes(nlp, text) if q.kind == "reported")
    assert reported.speaker_name == "Nadia Okafor"


def test_quotes_a_stance_noun_in_a_prepositional_phrase_is_its_owners(nlp):
    quotes = _quotes(nlp, "Mayor Rosa Lind toured the pier. Councillor Ines Varga was vocal in her criticism of the ferry plan.")
    criticism = _by_start(quotes, "the ferry plan")
    assert criticism.speaker_mention == "her" and "Ines Varga" in criticism.speaker_name


def test_quotes_that_said_opening_a_sentence_reports_nothing(nlp):
    quotes = _quotes(nlp, "The ferry is late again. That said, islanders say they believe the new boat will help.")
    assert not any(q.cue == "said" for q in quotes)


def test_quotes_a_name_and_any_verb_right_after_a_quote_name_its_speaker(nlp):
    text = ("“The ferry is no longer safe,” Tom Birch claimed.\n\n"
            "“The ferry will always be the island's lifeline,” an angry Rosa Lind retaliated. “It never gives up.”")
    quotes = _quotes(nlp, text)
    lifeline = _by_start(quotes, "The ferry will always")
    assert lifeline.cue == "retaliated" and lifeline.speaker_name == "Rosa Lind"
    assert _by_start(quotes, "It never gives up").speaker_name == "Rosa Lind"


def test_quotes_a_speech_verb_tagged_as_a_noun_after_the_speakers_name(nlp):
    quote = _quotes(nlp, '"Our harbour is the safest on the whole coast," the islanders state in their report to the board.')[0]
    assert quote.cue == "state" and quote.speaker_mention == "islanders"


@pytest.mark.parametrize("marks", ["''", "“”", '""'])
def test_a_clause_whose_quote_is_cut_out_keeps_no_empty_quote_marks(nlp, marks):
    from newsprism.annotate import Parser, annotate
    from newsprism.extract import extract_article
    from newsprism.ingest import read_text

    text = f"Dock workers jeered {marks[0]}the worst negotiator{marks[1]} Tom Brandt after the pay deal on Monday, the union said."
    (annotated,) = annotate([read_text(text)], Parser(nlp))
    claims = [c.text for c in extract_article(annotated).claims]
    assert "the worst negotiator" in claims
    assert "Dock workers jeered Tom Brandt after the pay deal on Monday" in claims


def test_quotes_speaker_names_lose_a_persons_title_only(nlp):
    """"Gov." is a person's title; the "Justice" of "Justice Department" and the "General" of "General Motors" are not."""
    quotes = _quotes(nlp, "The Justice Department said the harbour bribes were paid over three years. "
                          "General Motors said the plant would close. Gov. Asa Hutchinson said the port would stay open.")
    assert [q.speaker_name for q in quotes] == ["Justice Department", "General Motors", "Asa Hutchinson"]
