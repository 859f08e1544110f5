"""Quotes and reported speech against PolNeAR's attributions (../shared/data/polnear/).

    .venv/bin/python benchmarks/eval_quotes_polnear.py [--limit N] [--textacy]

A predicted quote matches a gold attribution when their content spans overlap by at least half the shorter
one (the dataset README's rule). Figures: precision of all predicted quotes and of direct ones; recall of
gold contents holding a quotation mark (direct) and of all gold contents; the speaker is right when the
predicted speaker mention, or a mention of the entity it resolves to (the README's "or resolves to the same
person as it"; a pronoun or role newsprism resolved to that entity as the speaker of another quote counts as
such a mention, so a gold source "he" is checked through newsprism's own resolution of it), overlaps the gold
source span of an attribution it matches (quotes matching only
attributions with no stated source are left out of that figure); the cue is right when the predicted cue
overlaps the gold cue of an attribution it matches. `--textacy` adds textacy's `direct_quotations` on the
same texts (installed by `pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "articles.jsonl"
MARKS = "“”\""


@dataclass
class Tally:
    predicted: int = 0
    predicted_right: int = 0
    direct_predicted: int = 0
    direct_right: int = 0
    gold: int = 0
    gold_found: int = 0
    gold_direct: int = 0
    gold_direct_found: int = 0
    matched: int = 0
    speaker_right: int = 0
    cued: int = 0
    cue_right: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            if name != "failures":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures

    def figures(self) -> dict[str, float]:
        ratio = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
        return {
            "precision": ratio(self.predicted_right, self.predicted),
            "direct_precision": ratio(self.direct_right, self.direct_predicted),
            "direct_recall": ratio(self.gold_direct_found, self.gold_direct),
            "all_recall": ratio(self.gold_found, self.gold),
            "speaker_right": ratio(self.speaker_right, self.matched),
            "cue_right": ratio(self.cue_right, self.cued),
        }


def load(limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def _bounds(pieces: list[dict]) -> list[tuple[int, int]]:
    return [(p["start"], p["end"]) for p in pieces]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return shorter > 0 and shared >= shorter / 2


def _touches(a: list[tuple[int, int]] | None, b: list[tuple[int, int]]) -> bool:
    return bool(a) and any(max(s1, s2) < min(e1, e2) for s1, e1 in a for s2, e2 in b)


def score(article: dict, predictions: list[tuple[str, list, list | None, list | None]]) -> Tally:
    """`predictions`: (kind, content spans, speaker spans or None, cue spans or None) for one article."""
    tally = Tally()
    gold = [a for a in article["attributions"] if a["content"]]
    direct_gold = [any(m in p["text"] for p in a["content"] for m in MARKS) for a in gold]
    found = [False] * len(gold)
    for kind, content, speaker, cue in predictions:
        hits = [i for i, a in enumerate(gold) if _overlap(content, _bounds(a["content"]))]
        tally.predicted += 1
        tally.predicted_right += bool(hits)
        tally.direct_predicted += kind == "direct"
        tally.direct_right += kind == "direct" and bool(hits)
        for i in hits:
            found[i] = True
        sources = [_bounds(gold[i]["source"]) for i in hits if gold[i]["source"]]
        if sources:  # a quote matching only unsourced attributions has no speaker to check
            tally.matched += 1
            tally.speaker_right += any(_touches(speaker, source) for source in sources)
        cues = [_bounds(gold[i]["cue"]) for i in hits if gold[i]["cue"]]
        if cues:
            tally.cued += 1
            tally.cue_right += any(_touches(cue, gold_cue) for gold_cue in cues)
    tally.gold, tally.gold_found = len(gold), sum(found)
    tally.gold_direct = sum(direct_gold)
    tally.gold_direct_found = sum(f for f, d in zip(found, direct_gold) if d)
    return tally


def parsed(parser, articles: list[dict], batch: int = 50):
    """Each article with its Doc, parsed as newsprism parses it (line by line)."""
    for start in range(0, len(articles), batch):
        chunk = articles[start : start + batch]
        yield from zip(chunk, parser.parse([a["text"] for a in chunk]))


def newsprism_predictions(parser, articles: list[dict]):
    from newsprism.extract.entities import extract_entities
    from newsprism.extract.quotes import extract_quotes

    for article, doc in parsed(parser, articles):
        entities = extract_entities(doc, "a")
        quotes = extract_quotes(doc, "a", entities)
        mentions = {e.key: [(m.span.start, m.span.end) for m in e.mentions] for e in entities}
        for q in quotes:  # a pronoun or role newsprism resolved to an entity is a mention of it too
            if q.speaker_key and q.speaker_span:
                mentions[q.speaker_key].append((q.speaker_span.start, q.speaker_span.end))
        yield article, [
            (q.kind, [(q.span.start, q.span.end)], _speaker_spans(q, mentions),
             [(q.cue_span.start, q.cue_span.end)] if q.cue_span else None)
            for q in quotes
        ]


def _speaker_spans(quote, mentions: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]] | None:
    """The speaker mention, and every mention of the entity it resolves to ("he" -> "Mr. Christie")."""
    if quote.speaker_span is None:
        return None
    return [(quote.speaker_span.start, quote.speaker_span.end), *mentions.get(quote.speaker_key, [])]


def textacy_predictions(parser, articles: list[dict]):
    from textacy.extract import direct_quotations

    for article, doc in parsed(parser, articles):
        try:
            found = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on the whole article when marks do not pair up
            yield article, []
            continue
        yield article, [
            ("direct", [(q.content.start_char, q.content.end_char)],
             [(t.idx, t.idx + len(t)) for t in q.speaker], [(t.idx, t.idx + len(t)) for t in q.cue]) for q in found
        ]


def evaluate(predictions) -> Tally:
    total = Tally()
    for article, predicted in predictions:
        total.add(score(article, predicted))
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int)
    parser.add_argument("--textacy", action="store_true")
    args = parser.parse_args()
    from newsprism.annotate import Parser, load_pipeline

    text_parser = Parser(load_pipeline())
    articles = load(args.limit)
    systems = {"newsprism": newsprism_predictions}
    if args.textacy:
        systems["textacy 0.13 direct_quotations"] = textacy_predictions
    print(f"{len(articles)} articles, {sum(len(a['attributions']) for a in articles)} attributions")
    for name, system in systems.items():
        tally = evaluate(system(text_parser, articles))
        print(name, json.dumps(tally.figures()), f"(gold direct {tally.gold_direct}, gold all {tally.gold})")


if __name__ == "__main__":
    main()
