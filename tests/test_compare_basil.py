"""compare on real three-outlet stories from BASIL (a few here; all 60 in benchmarks/bench_basil.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SHARED, require_shared
from newsprism import compare, read_text

STORIES = SHARED / "data" / "basil" / "stories.jsonl"
SAMPLE = (0, 29, 59)


def _story(index: int) -> dict:
    require_shared(STORIES)
    with STORIES.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == index:
                return json.loads(line)
    raise IndexError(index)


def basil_articles(story: dict):
    return [
        read_text(a["text"], source_name=a["id"], outlet=a["source"], title=a["title"], url=a["url"],
                  published=dt.date.fromisoformat(a["published"]) if a.get("published") else None)
        for a in story["articles"]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("index", SAMPLE)
def test_compare_runs_on_basil_story(resources, index):
    story = _story(index)
    report = compare(basil_articles(story), resources)
    assert [a.outlet for a in report.articles] == [a["source"] for a in story["articles"]]
    assert any(len(g.article_ids) >= 2 for g in report.claims), "no claim shared by two outlets"
    assert report.entities and report.sentences and report.quotes
    spans = [c.span for g in report.claims for c in g.claims]
    assert all(report.article(s.article_id).text[s.start : s.end].strip() for s in spans)
