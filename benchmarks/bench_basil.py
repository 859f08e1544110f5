"""compare on all 60 BASIL stories (Fox News, NYT, HuffPost): errors, time, what it finds.

    .venv/bin/python benchmarks/bench_basil.py [--limit N] [--show K]

Prints one line per story (claims shared by 2+ outlets, conflicts, quotes) and totals; `--show K`
prints story K's conflicts and corroborated claims, to read it as a journalist would. The headline a corpus
gives the story is scored against the annotators' one-line name of its main event: the share of that name's
content words (lemmas, stop words left out) the headline holds, averaged over the stories.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import traceback
from pathlib import Path


from newsprism import compare, load_resources, read_text
from newsprism.corpus import _headline

STORIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil" / "stories.jsonl"


def articles_of(story: dict):
    return [
        read_text(a["text"], source_name=a["id"], outlet=a["source"], title=a["title"], url=a["url"],
                  published=dt.date.fromisoformat(a["published"]) if a.get("published") else None)
        for a in story["articles"]
    ]


def words_held(name: str, headline: str, nlp) -> float:
    """The share of the content words of `name` that `headline` holds, by lemma."""
    content = lambda text: {t.lemma_.lower() for t in nlp(text) if t.is_alpha and not t.is_stop}  # noqa: E731
    wanted = content(name)
    return len(wanted & content(headline)) / len(wanted) if wanted else 0.0


def show(report) -> None:
    for group in report.claims:
        if group.verdict == "single-source":
            continue
        print(f"  [{group.verdict}] {group.text}")
        for claim in group.claims:
            outlet = report.article(claim.span.article_id).outlet
            print(f"      {outlet}: {report.article(claim.span.article_id).snippet(claim.span)[:160]}")
        for conflict in group.conflicts:
            print(f"      CONFLICT {conflict.kind} ({conflict.about}): " + " | ".join(v.text for v in conflict.values))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--show", type=int, action="append", default=[])
    args = parser.parse_args()
    stories = [json.loads(line) for line in STORIES.open(encoding="utf-8")][: args.limit]
    resources = load_resources()
    failures, seconds, shared, conflicts, headline_words = 0, [], 0, 0, []
    for n, story in enumerate(stories):
        start = time.perf_counter()
        try:
            report = compare(articles_of(story), resources)
        except Exception:  # a benchmark counts every failure and goes on
            failures += 1
            print(f"{n:2d} FAILED {story['main_event']}\n{traceback.format_exc()}")
            continue
        seconds.append(time.perf_counter() - start)
        multi = sum(len(g.article_ids) >= 2 for g in report.claims)
        conf = sum(g.verdict == "conflicting" for g in report.claims)
        shared += multi
        conflicts += conf
        headline_words.append(words_held(story["main_event"], _headline(report), resources.nlp))
        print(f"{n:2d} {seconds[-1]:5.2f}s shared={multi:3d} conflicting={conf:2d} quotes={len(report.quotes):3d}  {story['main_event'][:60]}")
        if n in args.show:
            show(report)
    print(f"\nstories {len(stories)}, failures {failures}, mean {sum(seconds) / max(len(seconds), 1):.2f} s/story, "
          f"claim groups shared by 2+ outlets {shared}, conflicting {conflicts}, "
          f"main-event words in the headline {sum(headline_words) / max(len(headline_words), 1):.3f}")


if __name__ == "__main__":
    main()
