"""Build-time and search-time settings (frozen dataclasses).

>>> IndexConfig(model="hash").model
'hash'
"""

from __future__ import annotations

from dataclasses import dataclass

from index.dense import HNSW_THRESHOLD, IVFPQ_THRESHOLD
from index.embedder import DEFAULT_MODEL
from ingest.config import ChunkingConfig
from ingest.dedup import DEFAULT_THRESHOLD as FOLD_THRESHOLD
from ingest.dedup import check_threshold

MAX_K = 50
#: Measured on NCP dev and the sample set: 500-character chunks keep more answers
#: whole (answer-in-top-5 0.92 vs 0.89 on NCP; sample Recall@5 0.968 vs 0.944).
DEFAULT_CHUNKING = ChunkingConfig(chunk_size=500, chunk_overlap=50)
FUSION_METHODS = ("rrf", "score", "bm25", "dense")
#: The longest query text the embedding model sees (BM25 still reads all of it).
#: The engine's cost grows with the text (a 500-character query costs about 20
#: short questions); every question of the sample, NCP and LeCoQA sets is at most
#: 106 characters, so none is cut.
MAX_EMBEDDED_QUERY_CHARS = 128
#: ``fixed``: the configured weights for every question; ``coverage``: BM25's share
#: (and the document prior) scaled per question by its vocabulary coverage.
WEIGHTINGS = ("fixed", "coverage")


@dataclass(frozen=True)
class IndexConfig:
    """What an index is built with; recorded in the manifest and checked on load.

    ``bm25_title_repeat`` indexes the document title (that many times) and the
    section path together with each chunk's text for BM25 (a field boost).
    ``fold_threshold`` folds republished near-identical copies into one
    document (``ingest.dedup``; None indexes every copy separately).
    """

    model: str = DEFAULT_MODEL
    chunking: ChunkingConfig = DEFAULT_CHUNKING
    bm25_title_repeat: int = 1
    hnsw_threshold: int = HNSW_THRESHOLD
    ivfpq_threshold: int = IVFPQ_THRESHOLD
    batch_size: int = 32
    fold_threshold: float | None = FOLD_THRESHOLD

    def __post_init__(self) -> None:
        if not self.model:
            raise ValueError("IndexConfig.model must name an embedding model, e.g. 'hash'")
        if self.bm25_title_repeat < 0:
            raise ValueError("IndexConfig.bm25_title_repeat must be >= 0")
        if self.batch_size < 1:
            raise ValueError("IndexConfig.batch_size must be >= 1")
        if self.fold_threshold is not None:
            check_threshold(self.fold_threshold, "IndexConfig.fold_threshold")


@dataclass(frozen=True)
class SearchConfig:
    """How dense and BM25 candidates are combined at query time.

    ``fusion`` is one of ``rrf``, ``score`` (weighted normalised scores),
    ``bm25`` or ``dense``. Queries without Chinese characters always use the
    dense list (BM25 bigrams cannot match them). ``region_boost`` multiplies the
    score of chunks whose document region matches the requested region.
    ``doc_weight`` adds a third RRF list: the rank of each chunk's document under
    a document-level BM25 (whole-document evidence; 0 disables it).
    ``rescore`` gives every candidate in the union both its exact dense and
    BM25 score before fusing (instead of nothing from the list that missed it).
    ``same_doc_penalty`` lowers a chunk's score by that much for each chunk of
    its document already ranked above it, so one long notice cannot fill the
    whole top k (score fusion of Chinese queries only, the scale it was measured
    on; 0 disables it). ``ensemble_weight`` applies to an index built with an
    ensemble of embedders (``model="a+b"``, the default): re-scoring min-max
    normalises each member's cosine over the candidates and gives the later
    members this share of the dense side together, the first member the rest
    (0 uses the first member alone). ``other_region_penalty`` lowers by that much the score of
    chunks whose notice is, by its own title or issuer, from another province
    than every place the question names (天津 asked, a 重庆 notice); national
    notices are never lowered (score fusion of Chinese queries only; 0 disables it).
    ``weighting`` ``coverage`` adapts the weights to how a question is worded:
    BM25's weight and ``doc_weight`` are multiplied by the IDF-weighted share of
    the question's bigrams that occur in the index at all, and the dense side
    takes what BM25 gives up (``index.query_signals``); a question in the
    notices' own words keeps the configured weights, one in everyday words leans
    on the dense side. ``fixed`` uses the configured weights for every question.

    Defaults were chosen on NCP dev and the sample question set together
    (``bench/bench_retrieval.py``, ``bench/bench_sample.py``): equal-weight RRF
    lost to BM25 alone on both; min-max score fusion with BM25 weighted above the
    dense side, plus whole-document evidence, was best or tied on both. Coverage
    weighting was added when LeCoQA's everyday questions showed those weights
    losing to the dense side alone (``bench/bench_ablation.py``: LeCoQA doc
    Recall@5 0.61 -> 0.65, NCP and the sample set within one question).
    """

    fusion: str = "score"
    dense_weight: float = 0.4
    bm25_weight: float = 0.6
    rrf_k: float = 60.0
    doc_weight: float = 0.3
    rescore: bool = True
    candidates: int = 100
    region_boost: float = 1.15
    same_doc_penalty: float = 0.05
    other_region_penalty: float = 0.1
    weighting: str = "coverage"
    ensemble_weight: float = 0.3

    def __post_init__(self) -> None:
        if self.fusion not in FUSION_METHODS:
            raise ValueError(f"fusion must be one of {FUSION_METHODS}, got {self.fusion!r}")
        if self.weighting not in WEIGHTINGS:
            raise ValueError(f"weighting must be one of {WEIGHTINGS}, got {self.weighting!r}")
        if self.candidates < MAX_K:
            raise ValueError(f"candidates must be at least {MAX_K}, got {self.candidates}")
        if min(self.dense_weight, self.bm25_weight, self.doc_weight, self.same_doc_penalty,
               self.other_region_penalty) < 0:
            raise ValueError("fusion weights and the penalties must be non-negative")
        if not 0.0 <= self.ensemble_weight <= 1.0:
            raise ValueError(f"ensemble_weight must be within [0, 1], got {self.ensemble_weight}")
        if self.region_boost < 1.0:
            raise ValueError("region_boost must be >= 1.0 (it re-ranks, it never filters)")
