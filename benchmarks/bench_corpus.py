"""Corpus-mode speed and scaling (figures in benchmarks/RESULTS.md).

    python benchmarks/generate_corpus.py --size 10000 --out /tmp/corpus-10k.jsonl
    python benchmarks/bench_corpus.py ingest  /tmp/corpus-10k.jsonl --workers 1 --db sqlite:////tmp/bench-1.db
    python benchmarks/bench_corpus.py floor   /tmp/corpus-10k.jsonl --processes 1
    python benchmarks/bench_corpus.py scaling --db sqlite:////tmp/bench-1.db --sizes 10000,20000,50000,100000
    python benchmarks/generate_corpus.py --size 10000 --out /tmp/corpus-10k.jsonl --labels /tmp/labels-10k.jsonl
    python benchmarks/bench_corpus.py grouping --db sqlite:////tmp/bench-1.db --labels /tmp/labels-10k.jsonl

`ingest` times `Corpus.ingest` (reading, cleaning, one spaCy parse, extraction, dedupe, grouping, storage and
the story reports) from an empty database. `floor` times what it cannot beat: spaCy's `nlp.pipe` alone over
the same texts (`n_process` = processes). `scaling` times dedupe (MinHash LSH over generated texts) and story
grouping (the story features of the ingested corpus, repeated with their dates moved on by a few years a
copy, the way a longer crawl grows) at growing sizes, with the process's peak memory so far (sizes run in increasing order);
up to `--check-copies` articles it also gives the copy finder's recall against comparing every pair.
`grouping` scores the stories of an ingested corpus against the stories `generate_corpus.py --labels` wrote
(B-cubed; an exact duplicate counts once, under the first line it came from).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


def ingest(args) -> None:
    from newsprism.corpus import Corpus

    started = time.perf_counter()
    summary = Corpus(args.db).ingest([args.corpus], workers=args.workers, batch=args.batch, progress=True)
    elapsed = time.perf_counter() - started
    print(json.dumps({"workers": args.workers, "seconds": round(elapsed, 1), "lines": summary.read,
                      "articles_per_second": round(summary.read / elapsed, 2), **summary.model_dump()}))


def floor(args) -> None:
    from newsprism.annotate import load_pipeline

    texts = []
    for line in Path(args.corpus).open(encoding="utf-8"):
        try:
            texts.append(json.loads(line)["text"])
        except (ValueError, KeyError):
            continue
    started = time.perf_counter()
    nlp = load_pipeline()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    elapsed = time.perf_counter() - started
    print(json.dumps({"processes": args.processes, "seconds": round(elapsed, 1), "texts": len(texts),
                      "texts_per_second": round(len(texts) / elapsed, 2)}))


def scaling(args) -> None:
    from generate_corpus import corpus

    from newsprism.dedupe import CopyFinder, copy_signature
    from newsprism.store import Store

    stored = list(Store(args.db).story_features())
    texts = [line["text"] for line in corpus(max(args.sizes), seed=7) if isinstance(line, dict)]
    for size in args.sizes:
        signatures = [(str(n), copy_signature(texts[n % len(texts)] + f" copy {n // len(texts)}")) for n in range(size)]
        found: dict[str, str] = {}
        dedupe_seconds = _timed(lambda: found.update(_dedupe(CopyFinder(), signatures)))
        recall = {"copy_recall": _copy_recall(signatures, found)} if size <= args.check_copies else {}
        features = [_moved(f, n // len(stored)) for n, (f, _) in zip(range(size), _cycle(stored))]
        group_seconds = _timed(lambda: _group(features))
        print(json.dumps({"articles": size, "dedupe_seconds": round(dedupe_seconds, 2), **recall,
                          "grouping_seconds": round(group_seconds, 2),
                          "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}), flush=True)


def grouping(args) -> None:
    from eval_stories import bcubed

    from newsprism.store import Store

    labels = {row["line"]: row["story"] for row in map(json.loads, Path(args.labels).open(encoding="utf-8"))}
    store = Store(args.db)
    gold, predicted = {}, {}
    for features, story_id in store.story_features():
        first = min(int(place.position.split()[1]) for place in store.places_of(features.article_id))
        if labels.get(first):
            gold[features.article_id], predicted[features.article_id] = labels[first], story_id
    precision, recall, f1 = bcubed(gold, predicted)
    print(json.dumps({"articles": len(gold), "stories": len(set(predicted.values())), "labelled_stories": len(set(gold.values())),
                      "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}))


def _cycle(items):
    while True:
        yield from items


def _moved(features, copy: int):
    """The features of a stored article as a new article `copy` repeats later (dates moved on 3 years a copy)."""
    day = features.published + dt.timedelta(days=3 * 365 * copy) if features.published else None
    return features.model_copy(update={"article_id": f"{features.article_id}-{copy}", "published": day})


def _dedupe(finder, signatures) -> dict[str, str]:
    """{article id: original id} of the copies the finder links."""
    links = (finder.add(article_id, signature) for article_id, signature in signatures)
    return {link.article_id: link.original_id for link in links if link is not None}


def _copy_recall(signatures, found: dict[str, str]) -> float:
    """The share of the articles that have an earlier copy by an exhaustive comparison of their MinHashes
    (every pair, the finder's own containment rule) that the finder links to one."""
    from newsprism.dedupe import COPY_CONTAINMENT, _unpack, containment

    unpacked = [_unpack(signature) for _, signature in signatures]
    sizes = np.array([size for size, _ in unpacked], dtype=float)
    hashes = np.stack([minhash.hashvalues for _, minhash in unpacked])
    copies = []
    for n in range(1, len(signatures)):
        resemblance = (hashes[:n] == hashes[n]).mean(axis=1)
        if containment(sizes[n], sizes[:n], resemblance).max() >= COPY_CONTAINMENT:
            copies.append(signatures[n][0])
    return round(sum(article_id in found for article_id in copies) / max(len(copies), 1), 4)


def _group(features) -> None:
    from newsprism.stories import StoryGrouper

    grouper = StoryGrouper()
    for start in range(0, len(features), 32):
        grouper.add(features[start : start + 32])
        grouper.take_merged(), grouper.take_moved()  # as an ingest run does, to move the articles of merges and splits


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("ingest")
    run.add_argument("corpus")
    run.add_argument("--db", required=True)
    run.add_argument("--workers", type=int, default=1)
    run.add_argument("--batch", type=int, default=32)
    base = commands.add_parser("floor")
    base.add_argument("corpus")
    base.add_argument("--processes", type=int, default=1)
    grow = commands.add_parser("scaling")
    grow.add_argument("--db", required=True)
    grow.add_argument("--check-copies", type=int, default=20_000,
                      help="up to this size, also compare every pair of articles to measure the copy finder's recall")
    grow.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 20_000, 50_000, 100_000])
    score = commands.add_parser("grouping")
    score.add_argument("--db", required=True)
    score.add_argument("--labels", required=True)
    args = parser.parse_args()
    {"ingest": ingest, "floor": floor, "scaling": scaling, "grouping": grouping}[args.command](args)


if __name__ == "__main__":
    main()
