"""The parse: line by line, a line met again parsed once; sentence vectors that do not depend on their batch."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.annotate import Parser
from newsprism.annotate.embed import Embedder
from newsprism.errors import CacheError

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


def test_a_sentence_vector_does_not_depend_on_its_batch(resources):
    sentence = "Mayor Ellen Voss said families had left their homes."
    alone = resources.embedder.embed([sentence])[0]
    others = ["Flood water reached the old mill.", "A much longer sentence about the bridge that the council promised to rebuild."]
    batched = Embedder().embed([others[0], sentence, others[1]])[1]
    assert np.allclose(alone, batched, atol=1e-6)
    assert float(alone @ batched) > 0.9999


def test_the_int8_model_is_derived_once_into_the_cache_folder(tmp_path, monkeypatch, resources):
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    sentence = "Mayor Ellen Voss said families had left their homes."
    derived = Embedder(threads=1).embed([sentence])[0]
    [model] = tmp_path.glob("*.onnx")
    made = model.stat().st_mtime_ns
    again = Embedder(threads=1).embed([sentence])[0]
    assert model.stat().st_mtime_ns == made and list(tmp_path.iterdir()) == [model]
    assert np.allclose(derived, again, atol=1e-6)
    assert np.allclose(derived, resources.embedder.embed([sentence])[0], atol=1e-6)


def test_a_cache_folder_that_cannot_be_made_is_named_in_the_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSPRISM_CACHE", str(blocker / "newsprism"))
    with pytest.raises(CacheError, match="a-file/newsprism: cannot keep the sentence model there.*NEWSPRISM_CACHE"):
        Embedder(threads=1)
