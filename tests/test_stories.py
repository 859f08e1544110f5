"""Stories: reports of one event grouped, look-alike events kept apart, batches added incrementally."""

from __future__ import annotations

import base64
import datetime as dt

import numpy as np

from newsprism.annotate import Parser, annotate
from newsprism.clean import clean_article
from newsprism.extract import extract_article
from newsprism.ingest import read_text
from newsprism.models import StoryFeatures
from newsprism.annotate.embed import STATIC_DIMENSIONS
from newsprism.stories import INDEX_BUCKETS, NUMBER_PENALTY, PAIR_ROWS, StoryGrouper, _Article, _Story, _split_due, story_features

REHAB_A1 = ("Actress Clara Novak has begun treatment at a private clinic in Malibu, her publicist Jonas Weber "
            "confirmed on Tuesday. Novak, who starred in the comedy Summer Lanes, asked for privacy.")
REHAB_A2 = ("Summer Lanes star Clara Novak entered rehab in Malibu this week, according to her spokesman Jonas Weber. "
            "Novak has struggled with alcohol, friends said.")
REHAB_B1 = ("Singer Hugo Larsen has entered a rehabilitation clinic in Arizona, his manager Petra Silva said on Friday. "
            "Larsen cancelled the rest of his European tour.")
REHAB_B2 = ("Hugo Larsen is in rehab at a clinic near Phoenix, Arizona, manager Petra Silva told reporters. "
            "The singer's tour dates in Europe have been called off.")


def _features(resources, lead_embedder, text: str, day: dt.date):
    article = clean_article(read_text(text, published=day))
    (annotated,) = annotate([article], Parser(resources.nlp))
    return story_features([article], [extract_article(annotated)], lead_embedder)[0]


def test_stories_group_reports_of_one_event_and_keep_look_alikes_apart(resources, lead_embedder):
    day = dt.date(2026, 3, 3)
    a1, b1, a2, b2 = (_features(resources, lead_embedder, t, day) for t in (REHAB_A1, REHAB_B1, REHAB_A2, REHAB_B2))
    grouper = StoryGrouper()
    first = grouper.add([a1, b1])
    assert first == {a1.article_id: "s" + a1.article_id, b1.article_id: "s" + b1.article_id}
    second = grouper.add([a2, b2])
    assert second == {a2.article_id: "s" + a1.article_id, b2.article_id: "s" + b1.article_id}


def test_stories_far_apart_in_time_are_different_stories(resources, lead_embedder):
    early = _features(resources, lead_embedder, REHAB_A1, dt.date(2020, 1, 5))
    late = _features(resources, lead_embedder, REHAB_A2, dt.date(2026, 6, 1))
    grouper = StoryGrouper()
    grouper.add([early])
    assert grouper.add([late])[late.article_id] == "s" + late.article_id


def test_stories_grouper_rebuilt_from_stored_assignments_continues_them(resources, lead_embedder):
    day = dt.date(2026, 3, 3)
    a1, b1, a2 = (_features(resources, lead_embedder, t, day) for t in (REHAB_A1, REHAB_B1, REHAB_A2))
    grouper = StoryGrouper()
    grouper.load([(a1, "s-novak"), (b1, "s-larsen")])
    assert grouper.add([a2]) == {a2.article_id: "s-novak"}


def test_stories_undated_article_joins_the_latest_story_it_belongs_to(resources, lead_embedder):
    a1, b1 = (_features(resources, lead_embedder, t, dt.date(2026, 3, 3)) for t in (REHAB_A1, REHAB_B1))
    old = _features(resources, lead_embedder, REHAB_A1.replace("Tuesday", "Monday"), dt.date(2019, 5, 6))
    undated = _features(resources, lead_embedder, REHAB_A2, None)
    grouper = StoryGrouper()
    grouper.add([old, a1, b1])
    assert grouper.add([undated]) == {undated.article_id: "s" + a1.article_id}


QUAKE_A1 = ("A magnitude 4.4 earthquake shook Corran County near the town of Bellhaven early on Sunday, the Geological "
            "Survey said. No injuries were reported.")
QUAKE_A2 = ("The 4.4 quake centred near Bellhaven in Corran County woke residents on Sunday, according to the "
            "Geological Survey. Officials reported no damage.")
QUAKE_B1 = ("Corran County was rattled by a 5.7 tremor on Thursday afternoon, seismologists at the Geological Survey "
            "reported. Shelves toppled in shops and two people were hurt by falling glass.")


def test_stories_an_article_sharing_no_lead_number_with_the_story_is_held_back(resources, lead_embedder):
    day = dt.date(2026, 3, 3)
    a1, b1, a2 = (_features(resources, lead_embedder, t, day) for t in (QUAKE_A1, QUAKE_B1, QUAKE_A2))
    other_quake = _features(resources, lead_embedder, QUAKE_A2.replace("4.4", "5.7"), day)
    assert a1.numbers == ("4.4",) and other_quake.numbers == ("5.7",)
    grouper = StoryGrouper()
    grouper.load([(a1, "s-sunday"), (b1, "s-thursday")])
    sunday = grouper._stories["s-sunday"]
    like = [grouper._likeness(grouper._weighed(_Article.of(f)), sunday) for f in (a2, other_quake)]
    assert like[0] - like[1] > NUMBER_PENALTY / 2


def test_stories_count_an_actor_once_an_article_however_often_it_is_named(resources, lead_embedder):
    often = REHAB_A1 + " Novak thanked her fans. Novak will return to Summer Lanes in spring, Weber said."
    features = _features(resources, lead_embedder, often, dt.date(2026, 3, 3))
    assert {"malibu", "weber"} <= set(features.names) and len(set(features.names)) == len(features.names)


def test_stories_key_an_actor_the_article_calls_by_surname_alone_by_that_surname(resources, lead_embedder):
    # the tagger takes this boxer for an organisation, which would key him by his whole name
    fight = ("Champion Wladek Novotny stopped Rocco Brandt in the sixth round to keep his WBA and IBF belts on Saturday. "
             "Novotny floored Brandt twice. Brandt, 40, never recovered.")
    other_report = "Rocco Brandt, the challenger, was floored twice before the referee stopped the fight in Bern."
    names = [set(_features(resources, lead_embedder, text, dt.date(2026, 3, 3)).names) for text in (fight, other_report)]
    assert "brandt" in names[0] & names[1] and "rocco brandt" not in names[0]


def test_stories_lead_numbers_leave_out_those_of_a_page_address(resources, lead_embedder):
    saved = "https://news.example.org/2026/03/01/quake-bellhaven-4781236\n\n" + QUAKE_A1
    assert _features(resources, lead_embedder, saved, dt.date(2026, 3, 3)).numbers == ("4.4",)


def test_stories_word_pairs_are_neighbouring_content_words_as_often_as_the_text_has_them(resources, lead_embedder):
    saved = "https://news.example.org/2026/03/01/quake-corran-county-4781236\n\n" + QUAKE_A1 + " Corran County schools open."
    pairs = _features(resources, lead_embedder, saved, dt.date(2026, 3, 3)).pairs
    assert {"earthquake shook", "town bellhaven", "geological survey"} <= set(pairs)  # "the town of" is "town bellhaven"
    assert pairs.count("corran county") == 2  # the address's words are no pair, the text's are each time
    assert not any(word in {"the", "of", "on", "example", "4781236"} for pair in pairs for word in pair.split())


def test_stories_of_articles_with_thousands_of_names_are_told_apart():
    vector = base64.b64encode(np.full(STATIC_DIMENSIONS, 1 / 16, np.float16).tobytes()).decode()
    crowd = [f"person {n}" for n in range(3000)]  # more terms than the grouper first makes room for
    other = [f"other {n}" for n in range(3000)]
    first, second, third = (StoryFeatures(article_id=f"a{n}", names=tuple(names), vector=vector)
                            for n, names in enumerate((crowd, other, crowd[:2000])))
    grouper = StoryGrouper()
    assert grouper.add([first, second]) == {"a0": "sa0", "a1": "sa1"}
    assert grouper.add([third]) == {"a2": "sa0"}


def test_stories_grouper_memory_does_not_grow_with_the_word_pairs_a_crawl_meets():
    vector = base64.b64encode(np.full(STATIC_DIMENSIONS, 1 / 16, np.float16).tobytes()).decode()
    reports = [StoryFeatures(article_id=f"a{n}", names=("ashford", f"reporter {n}"), vector=vector,
                             pairs=("harbour budget", *(f"word{n} word{m}" for m in range(2000)))) for n in range(20)]
    grouper = StoryGrouper()
    assert set(grouper.add(reports).values()) == {"sa0"}  # one story, found through the pairs they share
    assert len(grouper._vocabulary) == 21 and len(grouper._frequency) == PAIR_ROWS + 1024  # the names, not 40,000 pairs
    pair_keys = [key for key in grouper._index if isinstance(key, int)]
    assert pair_keys and max(pair_keys) < INDEX_BUCKETS  # pairs are indexed by bucket, not one entry a pair


def _handmade(article_id: str, names: tuple[str, ...], pairs: tuple[str, ...], axes: tuple[int, ...]) -> StoryFeatures:
    vector = np.zeros(STATIC_DIMENSIONS, np.float32)
    vector[list(axes)] = 1 / np.sqrt(len(axes))
    return StoryFeatures(article_id=article_id, names=names, pairs=pairs,
                         vector=base64.b64encode(vector.astype(np.float16).tobytes()).decode())


def test_stories_opened_apart_are_merged_once_articles_show_them_one_event():
    place = ("ashford",)
    budget = ("budget vote", "council budget", "harbour budget", "council vote")
    strike = ("dock strike", "strike vote", "union pay", "dock workers")
    council = _handmade("council", (*place, "budget", "council"), budget, (0,))
    union = _handmade("union", (*place, "strike", "union"), strike, (1,))
    both = [_handmade(f"both{n}", (*place, "budget", "council", "strike", "union"), budget[:1] + strike[:1], (0, 1))
            for n in range(3)]
    quake = _handmade("quake", ("bellhaven", "quake"), ("quake struck", "struck bellhaven"), (5,))
    grouper = StoryGrouper()
    assert grouper.add([quake, council, union]) == {"quake": "squake", "council": "scouncil", "union": "sunion"}
    assert grouper.add(both[:1]) == {"both0": "sunion"} and grouper.take_merged() == {}
    assert grouper.add(both[1:]) == {"both1": "sunion", "both2": "sunion"}
    assert grouper.take_merged() == {"scouncil": "sunion"}  # the smaller story's id goes
    assert grouper.take_merged() == {}
    assert set(grouper._stories) == {"squake", "sunion"} and grouper._stories["sunion"].size == 5
    later = _handmade("later", (*place, "budget", "council"), budget, (0,))
    assert grouper.add([later]) == {"later": "sunion"}  # found through the terms the merged story brought


def _arrests(player: str, pairs: tuple[str, ...], axis: int, count: int) -> list[StoryFeatures]:
    """Reports of one player's arrest: they share with another player's only the team."""
    return [_handmade(f"{player}{n}", ("hawks", player), pairs, (axis,)) for n in range(count)]


def test_stories_a_story_of_two_events_told_alike_splits_once_it_has_grown():
    lenz = _arrests("lenz", ("dario lenz", "wide receiver", "lenz arrested"), 0, 6)
    berg = _arrests("berg", ("tomas berg", "nose tackle", "berg arrested"), 1, 5)
    grouper = StoryGrouper()
    grouper.load([(f, "s-both") for pair in zip(lenz[:4], berg[:4]) for f in pair])  # as a run stored them
    assert grouper.add(lenz[4:5]) == {"lenz4": "s-both"}  # nine articles: the story is looked at
    new_id = "sberg0-9"  # named after its first article and the count of articles so far
    assert grouper.take_moved() == {f"berg{n}": new_id for n in range(4)} and grouper.take_moved() == {}
    assert grouper.take_merged() == {}
    assert {s.id: s.size for s in grouper._stories.values()} == {"s-both": 5, new_id: 4}  # the larger keeps its id
    assert grouper.add([berg[4], lenz[5]]) == {"berg4": new_id, "lenz5": "s-both"}
    assert grouper.take_moved() == {}


def test_stories_one_odd_article_does_not_split_a_story():
    lenz = _arrests("lenz", ("dario lenz", "wide receiver", "lenz arrested"), 0, 8)
    odd = _arrests("berg", ("tomas berg", "nose tackle", "berg arrested"), 1, 1)
    grouper = StoryGrouper()
    grouper.load([(f, "s-lenz") for f in (*lenz[:7], *odd)])
    assert grouper.add(lenz[7:]) == {"lenz7": "s-lenz"}
    assert grouper.take_moved() == {} and grouper._stories["s-lenz"].size == 9


def test_stories_a_split_weighs_two_articles_as_an_article_against_a_story_of_the_other(resources, lead_embedder):
    day = dt.date(2026, 3, 3)
    found = [_features(resources, lead_embedder, t, day) for t in (REHAB_A1, REHAB_B1, REHAB_A2, REHAB_B2)]
    grouper = StoryGrouper()
    grouper.load([(f, "s-all") for f in found])
    members = grouper._stories["s-all"].members
    likeness = grouper._likeness_matrix(members)
    for i, article in enumerate(members):
        for j, other in enumerate(members):
            alone = _Story(other.id)
            alone.absorb(other)
            if i != j:
                assert abs(likeness[i, j] - grouper._likeness(grouper._weighed(article), alone)) < 1e-3
    assert likeness[0, 2] > likeness[0, 1]  # Novak's two reports are more alike than Novak's and Larsen's


def test_stories_are_looked_at_for_a_split_at_six_articles_then_each_time_they_grow_by_half():
    looked_at = [size for size in range(1, 60) if _split_due(size - 1, size)]
    assert looked_at == [6, 9, 14, 21, 32, 48]
    assert _split_due(5, 20) and not _split_due(6, 8)  # a batch that passes a step is looked at once
    assert not _split_due(1500, 2500)  # a story beyond 2,000 articles is not looked at (every two of them weighed)
