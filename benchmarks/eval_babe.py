"""Opinion sentences and loaded words against BABE's expert labels (../shared/data/babe/).

    .venv/bin/python benchmarks/eval_babe.py

Each sentence is classified on its own (no paragraph context). Prints opinion-vs-factual macro F1 (opinion and
mixed against factual, as the dataset README defines it), loaded-word token precision and recall against
`biased_words`, and the sentence bias flag (has a loaded word) macro F1 against `label_bias`, with the README's
baselines beside them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsprism.annotate import load_pipeline
from newsprism.extract.loaded import find_loaded_words
from newsprism.extract.sentences import classify_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "babe" / "sentences.jsonl"


def macro_f1(gold: list[bool], predicted: list[bool]) -> float:
    scores = []
    for positive in (True, False):
        tp = sum(g == positive and p == positive for g, p in zip(gold, predicted))
        fp = sum(g != positive and p == positive for g, p in zip(gold, predicted))
        fn = sum(g == positive and p != positive for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 2


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text.lower()))


def main() -> None:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    nlp = load_pipeline()
    opinion_gold, opinion_pred, bias_gold, bias_pred = [], [], [], []
    tp = fp = fn = 0
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        sentences = classify_sentences(doc, "s", ())
        loaded = find_loaded_words(doc, "s", ())
        if row["label_opinion"] in ("factual", "mixed", "opinion"):
            opinion_gold.append(row["label_opinion"] != "factual")
            opinion_pred.append(any(s.kind == "opinion" for s in sentences))
        if row["label_bias"] in ("biased", "non-biased"):
            bias_gold.append(row["label_bias"] == "biased")
            bias_pred.append(bool(loaded))
        found = {w for item in loaded for w in words(item.text)}
        gold = {w for phrase in row.get("biased_words") or [] for w in words(phrase)}
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    print(f"sentences: {len(rows)}")
    print(f"opinion vs factual macro F1: {macro_f1(opinion_gold, opinion_pred):.3f} "
          f"(baselines: TF-IDF+LR 0.770, majority 0.348) on {len(opinion_gold)} sentences")
    print(f"loaded words, token precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f}")
    print(f"bias flag (has a loaded word) macro F1: {macro_f1(bias_gold, bias_pred):.3f} "
          f"(baselines: TF-IDF+LR 0.707, majority 0.339) on {len(bias_gold)} sentences")


if __name__ == "__main__":
    main()
