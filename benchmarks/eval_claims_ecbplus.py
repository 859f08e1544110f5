"""How often claims grouped as one fact tell one event, on ECB+'s event chains.

    .venv/bin/python benchmarks/eval_claims_ecbplus.py [--limit N] [--show K]

Each of ECB+'s 56 seminal events (its documents, 11 on average) goes through `compare` as one story. Two claims
of different documents tell the same event when their sentences share an annotated cross-document event chain
(an ACTION mention other than reporting, in sentences the annotators checked). Over the pairs of claims a claim
group puts together, both in checked sentences: the share that share an event (precision). Over the pairs of
such claims that share an event: the share put in one group (recall; two sentences about one event often state
different facts of it, so this stays low). `--show K` prints the groups of the K-th event whose claims share no
event.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from newsprism import compare, load_resources, read_text

DOCUMENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "documents.jsonl"


def events_by_sentence(document: dict) -> dict[int, set[str]]:
    """Checked sentence number -> its cross-document event chains (an empty set: checked, no event chain)."""
    events: dict[int, set[str]] = {n: set() for n in document["coref_checked_sentences"]}
    for mention in document["mentions"]:
        chain = mention["chain"]
        kind = mention["type"].removeprefix("NEG_")
        if (mention["sentence"] in events and kind.startswith("ACTION_") and kind != "ACTION_REPORTING"
                and chain and not chain.startswith("INTRA_")):
            events[mention["sentence"]].add(chain)
    return events


def sentence_number(document: dict, sentence_text: str) -> int | None:
    """The number of the document sentence holding `sentence_text`, if it is found there as written."""
    at = document["text"].find(sentence_text.strip())
    if at < 0:
        return None
    return next((n for n, (start, end) in enumerate(document["sentences"]) if start <= at < end), None)


def claim_events(report, documents: dict[str, dict]) -> dict[str, set[str]]:
    """Claim id -> the event chains of its checked sentence; claims outside checked sentences are left out."""
    events = {doc_id: events_by_sentence(document) for doc_id, document in documents.items()}
    found = {}
    for group in report.claims:
        for claim in group.claims:
            article = report.article(claim.span.article_id)
            number = sentence_number(documents[article.input], article.text[claim.sentence.start:claim.sentence.end])
            if number in events[article.input]:
                found[claim.id] = events[article.input][number]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=56)
    parser.add_argument("--show", type=int, action="append", default=[])
    args = parser.parse_args()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for line in DOCUMENTS.open(encoding="utf-8"):
        document = json.loads(line)
        by_event[document["subtopic"]].append(document)
    resources = load_resources()
    grouped = grouped_same = same = same_grouped = 0
    for n, (event, documents) in enumerate(sorted(by_event.items())[: args.limit]):
        report = compare([read_text(d["text"], source_name=d["doc_id"], outlet=d["doc_id"]) for d in documents], resources)
        events = claim_events(report, {d["doc_id"]: d for d in documents})
        group_of = {c.id: g.id for g in report.claims for c in g.claims}
        claims = {c.id: c for g in report.claims for c in g.claims if c.id in events}
        for a, b in combinations(sorted(claims), 2):
            if claims[a].span.article_id == claims[b].span.article_id:
                continue
            shares = bool(events[a] & events[b])
            together = group_of[a] == group_of[b]
            grouped += together
            grouped_same += together and shares
            same += shares
            same_grouped += shares and together
        if n in args.show:
            for g in report.claims:
                pairs = [(x, y) for x, y in combinations([c for c in g.claims if c.id in events], 2)
                         if x.span.article_id != y.span.article_id]
                if pairs and not any(events[x.id] & events[y.id] for x, y in pairs):
                    print(f"[{g.verdict}] " + " | ".join(c.text[:90] for c in g.claims))
        print(f"{n:2d} {event:12s} pairs grouped so far {grouped:5d}, sharing an event {grouped_same:5d}")
    print(f"\nclaim pairs grouped: {grouped}, of which share an event: {grouped_same} "
          f"(precision {grouped_same / max(grouped, 1):.3f}); pairs sharing an event: {same}, grouped: {same_grouped} "
          f"(recall {same_grouped / max(same, 1):.3f})")


if __name__ == "__main__":
    main()
