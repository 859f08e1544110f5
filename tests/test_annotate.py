"""The parse: line by line, a line met again parsed once; sentence vectors that do not depend on their batch."""

from __future__ import annotations

import numpy as np

from newsprism.annotate import Parser
from newsprism.annotate.embed import Embedder

WIRE = (
    "Flood water reached the old mill in Harrowgate on Monday, officials said.\n\n"
    "Mayor Ellen Voss said 14 families had left their homes.\n\n"
    "“We will rebuild the bridge before winter,” Voss said."
)
REPUBLISHED = "Tomas Brill contributed to this report.\n\n" + WIRE + "\n\nShare this article."


class CountingPipeline:
    """The real spaCy pipeline, counting the texts it is given to parse."""

    def __init__(self, nlp) -> None:
        self.nlp, self.parsed = nlp, []

    def pipe(self, texts):
        texts = list(texts)
        self.parsed += texts
        return self.nlp.pipe(texts)


def test_parser_keeps_each_text_and_parses_a_repeated_line_once(nlp):
    counting = CountingPipeline(nlp)
    wire, republished = Parser(counting).parse([WIRE, REPUBLISHED])
    assert (wire.text, republished.text) == (WIRE, REPUBLISHED)
    wire_lines = [line + "\n\n" for line in WIRE.split("\n\n")]
    # the wire's first two lines are parsed once; its last line, followed by a footer in the copy, is another line
    assert counting.parsed == [*wire_lines[:2], WIRE.split("\n\n")[2], "Tomas Brill contributed to this report.\n\n",
                               wire_lines[2], "Share this article."]
    offset = REPUBLISHED.index(WIRE)
    shifted = [(e.start_char + offset, e.end_char + offset, e.label_) for e in wire.ents]
    assert shifted == [(e.start_char, e.end_char, e.label_) for e in republished.ents if e.start_char >= offset and e.end_char <= offset + len(WIRE)]
    assert "Voss" in {e.text for e in republished.ents}
    assert [s.text.strip() for s in republished.sents][:2] == ["Tomas Brill contributed to this report.", WIRE.split("\n\n")[0]]


def test_parser_forgets_the_oldest_lines_past_its_size(nlp):
    counting = CountingPipeline(nlp)
    parser = Parser(counting, recent=2)
    for text in ("First line.", "Second line.", "Third line.", "Third line.", "First line."):
        parser.parse([text])
    assert counting.parsed == ["First line.", "Second line.", "Third line.", "First line."]


def test_an_embedder_leaves_its_inference_free_to_run_on_any_core():
    # Pinned, the one-thread embedders of two corpus workers would both run on the first core.
    assert Embedder(threads=1)._model.get_property("ENABLE_CPU_PINNING") is False


def test_a_sentence_vector_does_not_depend_on_its_batch_nor_on_the_threads(resources):
    sentence = "Mayor Ellen Voss said families had left their homes."
    others = ["Flood water reached the old mill.", "Rain.",
              "A much longer sentence about the bridge that the council promised to rebuild before the winter storms."]
    alone = Embedder(threads=1).embed([sentence])[0]
    among_others = resources.embedder.embed([others[0], sentence, *others[1:]])
    assert np.array_equal(alone, among_others[1])
    again = Embedder(threads=2).embed(others[::-1] + [sentence])
    assert np.array_equal(again[::-1][1:], among_others[[0, 2, 3]]) and np.array_equal(again[-1], alone)
    assert abs(float(np.linalg.norm(alone)) - 1) < 1e-3  # a unit vector, to the precision of float16
    council = "The council voted 7 to 2 on Tuesday to close the harbour road until the repairs are finished."
    alike = [council.replace("7", str(n)) for n in range(10, 30)]  # as many tokens: run with it, in a run of many
    assert np.array_equal(resources.embedder.embed([*alike, council])[-1], Embedder(threads=1).embed([council])[0])


def test_sentences_that_say_the_same_are_closer_than_sentences_that_do_not(resources):
    fire, reworded, other = resources.embedder.embed([
        "The fire destroyed the warehouse on Tuesday night.",
        "On Tuesday night a blaze burned down the warehouse.",
        "The council approved the budget for the new school.",
    ])
    assert float(fire @ reworded) > 0.7 > 0.3 > float(fire @ other)
