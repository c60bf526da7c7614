"""An embedder wrapper that caches document vectors on disk by text hash.

Lets the benchmark try many fusion settings and chunk sizes without
re-embedding the same text twice.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embedder import ENSEMBLE_SEP, Embedder, EnsembleEmbedder, load_embedder

logger = logging.getLogger(__name__)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachingEmbedder:
    """Delegates to ``inner``; document vectors are cached in ``path`` (``.npz``)."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.path = path
        self.embedded = 0
        self.embed_seconds = 0.0
        self._saved_at = 0
        self._cache: dict[str, np.ndarray] = {}
        if path.is_file():
            data = np.load(path, allow_pickle=False)
            if data["vecs"].shape[1:] == (self.dim,):
                self._cache = dict(zip(data["keys"].tolist(), data["vecs"], strict=True))
        logger.info("embedding cache %s: %d vectors", path, len(self._cache))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Queries are never cached (their latency is measured)."""
        return self.inner.embed_queries(texts)

    def embed_documents(
        self, texts: Sequence[str], *, progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        """Cached vectors where known; the rest embedded by ``inner`` and saved."""
        keys = [_key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._cache]
        if missing:
            t0 = time.perf_counter()
            fresh = self.inner.embed_documents([texts[i] for i in missing], batch_size=batch_size)
            self.embed_seconds += time.perf_counter() - t0
            self.embedded += len(missing)
            for row, i in enumerate(missing):
                self._cache[keys[i]] = fresh[row]
            if self.embedded - self._saved_at >= 512:
                self.save()
                self._saved_at = self.embedded
        return np.stack([self._cache[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        """Write the cache atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp.npz")
        keys = np.array(list(self._cache), dtype="U64")
        vecs = np.stack(list(self._cache.values())) if self._cache else np.zeros((0, self.dim))
        np.savez(tmp, keys=keys, vecs=vecs.astype(np.float32))
        tmp.replace(self.path)


class CachedEnsemble(EnsembleEmbedder):
    """An ensemble whose members each cache their document vectors (one file a member).

    A new ensemble of known members reuses what each member already embedded.
    """

    def __init__(self, members: Sequence[CachingEmbedder]) -> None:
        super().__init__(members)
        self.members: tuple[CachingEmbedder, ...] = tuple(members)
        self.inner = EnsembleEmbedder([m.inner for m in members])  # uncached, for timing

    @property
    def embedded(self) -> int:
        """Texts embedded (not found in a cache), counted once per text."""
        return max(c.embedded for c in self.members)

    @property
    def embed_seconds(self) -> float:
        """Seconds spent embedding, all members together."""
        return sum(c.embed_seconds for c in self.members)

    def save(self) -> None:
        """Write every member's cache."""
        for cache in self.members:
            cache.save()


def cached_embedder(model: str, cache_dir: Path) -> CachingEmbedder | CachedEnsemble:
    """``model`` with its document vectors cached in ``cache_dir`` (per member for an ensemble)."""
    names = model.split(ENSEMBLE_SEP)
    caches = [CachingEmbedder(load_embedder(n), cache_dir / f"{n.replace('/', '_')}.npz")
              for n in names]
    return caches[0] if len(caches) == 1 else CachedEnsemble(caches)
