"""Story grouping on labelled data: BASIL (180 articles, 60 stories) and ECB+ (644 articles, 56 stories).

    .venv/bin/python benchmarks/eval_stories.py [--batch 50] [--seed 1 | --five] [--cache DIR] [--pairs]

Each dataset's articles go through the pipeline (clean, annotate, extract, story features), are
shuffled (seeded) and fed to `StoryGrouper` in batches, with the same settings for both datasets.
B-cubed precision, recall and F1 are printed beside the baseline the issue names: TF-IDF vectors of
the texts, average-link agglomerative clustering on cosine distance, its threshold tuned on the same
dataset (the best F1 over a grid). Features are cached under `--cache` (default /tmp) between runs. `--five`
groups each dataset in the five orders RESULTS quotes (`ORDERS`) and prints their mean.
`--pairs` also prints, for every pair of ECB+ articles of one topic, how well each likeness signal tells
a pair of one event from a look-alike pair (ROC AUC; 1.0 separates them all, 0.5 is chance).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ORDERS = [(1, 50), (2, 10), (3, 200), (4, 50), (5, 32)]  # (seed, batch size): order and batching both move ECB+


def basil() -> list[dict]:
    rows = []
    for line in (DATA / "basil" / "stories.jsonl").open(encoding="utf-8"):
        story = json.loads(line)
        for a in story["articles"]:
            rows.append({"id": a["id"], "story": story["story_id"], "text": a["text"], "title": a.get("title"),
                         "source": a.get("source"), "published": a.get("published"), "url": a.get("url")})
    return rows


def ecbplus() -> list[dict]:
    rows = []
    for line in (DATA / "ecbplus" / "documents.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        rows.append({"id": doc["doc_id"], "story": doc["subtopic"], "text": doc["text"], "url": doc.get("url")})
    return rows


def features(name: str, rows: list[dict], cache: Path):
    """Story features of every row, computed through the pipeline once and cached."""
    from newsprism.models import StoryFeatures

    path = cache / f"newsprism-story-features-{name}.jsonl"
    if path.exists():
        return [StoryFeatures.model_validate_json(line) for line in path.open(encoding="utf-8")]
    import datetime as dt

    from newsprism.annotate import Parser, annotate, load_resources
    from newsprism.annotate.embed import StaticEmbedder
    from newsprism.clean import clean_article
    from newsprism.extract import extract_article
    from newsprism.ingest import read_text
    from newsprism.stories import story_features

    resources, lead_embedder = load_resources(), StaticEmbedder()
    parser = Parser(resources.nlp)
    found = []
    for row in rows:
        published = dt.date.fromisoformat(row["published"][:10]) if row.get("published") else None
        article = clean_article(read_text(row["text"], source_name=row["id"], title=row.get("title"),
                                          outlet=row.get("source"), published=published, url=row.get("url")))
        (annotated,) = annotate([article], parser)
        (features,) = story_features([article], [extract_article(annotated)], lead_embedder)
        found.append(features.model_copy(update={"article_id": row["id"]}))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f.model_dump_json() + "\n" for f in found), encoding="utf-8")
    return found


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold one."""
    members_gold, members_pred = defaultdict(set), defaultdict(set)
    for item, label in gold.items():
        members_gold[label].add(item)
    for item, label in predicted.items():
        members_pred[label].add(item)
    precision = recall = 0.0
    for item in gold:
        same_pred, same_gold = members_pred[predicted[item]], members_gold[gold[item]]
        shared = len(same_pred & same_gold)
        precision += shared / len(same_pred)
        recall += shared / len(same_gold)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def grouped(found, order: list[int], batch: int) -> dict[str, str]:
    from newsprism.stories import StoryGrouper

    grouper = StoryGrouper()
    assigned: dict[str, str] = {}
    items = [found[i] for i in order]
    for start in range(0, len(items), batch):
        assigned |= grouper.add(items[start : start + batch])
        merged, moved = grouper.take_merged(), grouper.take_moved()
        assigned = {article: moved.get(article, merged.get(story, story)) for article, story in assigned.items()}
    return assigned


def baseline(rows: list[dict]) -> tuple[float, tuple[float, float, float]]:
    """TF-IDF average-link clustering with its threshold tuned on the data itself: (threshold, P/R/F1)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r["text"] for r in rows]).toarray()
    gold = {r["id"]: r["story"] for r in rows}
    best = (0.0, (0.0, 0.0, 0.0))
    for step in range(50, 100):
        threshold = step / 100
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=threshold).fit_predict(vectors)
        score = bcubed(gold, {r["id"]: str(l) for r, l in zip(rows, labels)})
        if score[2] > best[1][2]:
            best = (threshold, score)
    return best


def pair_separation(rows: list[dict], found) -> dict[str, float]:
    """ROC AUC of each likeness signal (their weighted sum, and the baseline's TF-IDF cosine of the whole texts)
    over same-topic article pairs: same event or not."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import roc_auc_score

    from newsprism.stories import StoryGrouper, _Article, _number_gap, _Story

    grouper, found = StoryGrouper(), [_Article.of(f) for f in found]
    for f in found:
        grouper._count(f.terms())
    tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r["text"] for r in rows])
    by_topic = defaultdict(list)
    for n, (row, f) in enumerate(zip(rows, found)):
        by_topic[row["story"].split("_")[0]].append((row["story"], f, n))
    same, signals = [], []
    for members in by_topic.values():
        for i, (story_a, a, n_a) in enumerate(members):
            for story_b, b, n_b in members[i + 1 :]:
                story = _Story(b.id)
                story.absorb(b)
                incoming = grouper._weighed(a)
                names = grouper._cosine(incoming.names, story, "names")
                pairs = grouper._cosine(incoming.pairs, story, "pairs")
                vector = float(a.vector @ b.vector)
                same.append(story_a == story_b)
                signals.append((names, pairs, vector, -_number_gap(a, story), grouper._likeness(incoming, story),
                                (tfidf[n_a] @ tfidf[n_b].T).toarray()[0, 0]))
    labels = ("names", "word pairs", "lead vector", "lead numbers", "likeness", "TF-IDF")
    return {label: roc_auc_score(same, [s[k] for s in signals]) for k, label in enumerate(labels)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp"))
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--pairs", action="store_true")
    parser.add_argument("--five", action="store_true")
    args = parser.parse_args()
    for name, rows in (("basil", basil()), ("ecbplus", ecbplus())):
        found = features(name, rows, args.cache)
        gold = {r["id"]: r["story"] for r in rows}
        scores = []
        for seed, batch in ORDERS if args.five else [(args.seed, args.batch)]:
            order = list(range(len(rows)))
            random.Random(seed).shuffle(order)
            predicted = grouped(found, order, batch)
            scores.append(bcubed(gold, predicted))
            p, r, f = scores[-1]
            print(f"{name}: {len(rows)} articles, {len(set(gold.values()))} stories; seed {seed}, batches of {batch}: "
                  f"newsprism {len(set(predicted.values()))} stories, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if args.five:
            p, r, f = (sum(score[k] for score in scores) / len(scores) for k in range(3))
            print(f"{name}: mean of the {len(scores)} orders P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if not args.no_baseline:
            threshold, (bp, br, bf) = baseline(rows)
            print(f"{name}: TF-IDF average-link (threshold {threshold:.2f}, tuned on it) P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
        if args.pairs and name == "ecbplus":
            aucs = pair_separation(rows, found)
            print("ecbplus same-topic pairs, ROC AUC of same event: " + ", ".join(f"{k} {v:.3f}" for k, v in aucs.items()))


if __name__ == "__main__":
    main()
