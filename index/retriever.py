"""Load a verified generation and search it (dense + BM25, fused).

>>> # r = Retriever.load(Path("indexes/main")); r.search("人才公寓怎么申请", k=5)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from index.backend import SearchBackend
from index.batcher import QueryBatcher
from index.config import MAX_EMBEDDED_QUERY_CHARS, MAX_K, SearchConfig
from index.embedder import ENSEMBLE_SEP, Embedder, load_embedder, member_slices
from index.errors import IndexMismatchError, rebuild_command
from index.facts_store import select_facts
from index.fusion import (
    Fused,
    add_rank_prior,
    add_score_prior,
    boost,
    demote,
    normalise_max,
    rrf_fuse,
    score_fuse,
    single_source,
    spread_documents,
)
from index.generation import changed_files, load_with_fallback
from index.location import IndexLocation, MilvusLocation
from index.members import member_weights, mix_members
from index.query_signals import fusion_weights, vocabulary_coverage
from index.regions import asked_provinces, document_provinces, from_elsewhere, region_matches
from index.tokenise import bigrams, has_chinese, query_tokens
from index.types import Hit
from ingest.facts import Fact
from ingest.script import to_simplified
from ingest.types import Chunk, Document


class Retriever:
    """Hybrid search over one loaded generation. Load once; ``search`` is thread-safe."""

    def __init__(
        self,
        generation: SearchBackend,
        embedder: Embedder,
        *,
        index_dir: IndexLocation,
        search_config: SearchConfig | None = None,
        fallback: str | None = None,
    ) -> None:
        self._gen = generation
        self._embedder = embedder
        self._index_dir = index_dir
        self.search_config = search_config or SearchConfig()
        self._fallback = fallback
        # per document row: the province its own heading names (other-region demotion)
        self._doc_province = document_provinces(generation.documents.values())
        self._doc_region = tuple(d.region for d in generation.documents.values())
        # the part of each vector every member of an embedding ensemble fills
        self._members = member_slices(embedder)
        named = str(generation.manifest.get("model", embedder.name)).count(ENSEMBLE_SEP) + 1
        if named != len(self._members):
            raise IndexMismatchError(
                f"{index_dir} was built with {named} embedding models "
                f"({generation.manifest.get('model')!r}) but the embedder {embedder.name!r} "
                f"shows {len(self._members)} (wrap an ensemble so it keeps member_slices)"
            )
        # Concurrent queries share one batched engine call (see index.batcher).
        self._queries = QueryBatcher(embedder.embed_queries)

    @classmethod
    def load(
        cls,
        index_dir: IndexLocation,
        *,
        model: str | None = None,
        search_config: SearchConfig | None = None,
        embedder: Embedder | None = None,
    ) -> Retriever:
        """Load and verify the live generation of ``index_dir`` (a folder, or a
        :class:`~index.location.MilvusLocation` for the Milvus backend).

        ``model`` (when given) must equal the model the index was built with.
        """
        gen: SearchBackend
        if isinstance(index_dir, MilvusLocation):
            from index.milvus.generation import load_milvus

            gen, fallback = load_milvus(index_dir)
        else:
            index_dir = Path(index_dir)
            gen, fallback = load_with_fallback(index_dir)
        built_with = gen.manifest.get("model")
        if model is not None and model != built_with:
            raise IndexMismatchError(
                f"{index_dir} was built with model {built_with!r} but {model!r} is configured; "
                f"rebuild with: {rebuild_command(index_dir)} --model {model}"
            )
        embedder = embedder or load_embedder(str(built_with))
        if embedder.dim != gen.manifest.get("dim") or embedder.name != built_with:
            raise IndexMismatchError(
                f"{index_dir} holds {gen.manifest.get('dim')}-d vectors from {built_with!r}, "
                f"the embedder {embedder.name!r} gives {embedder.dim}; "
                f"rebuild with: {rebuild_command(index_dir)}"
            )
        return cls(
            gen, embedder, index_dir=index_dir, search_config=search_config, fallback=fallback
        )

    @property
    def documents(self) -> Mapping[str, Document]:
        """All indexed documents by doc_id (read-only)."""
        return self._gen.documents

    @property
    def aliases(self) -> Mapping[str, str]:
        """Source paths of byte-identical files ingest dropped, mapped to the kept doc_id."""
        entries = self._gen.manifest.get("documents", {})
        return MappingProxyType(
            {alias: doc_id for doc_id, e in entries.items() for alias in e.get("aliases", ())}
        )

    @property
    def chunks(self) -> Sequence[Chunk]:
        """All indexed chunks in index order."""
        return self._gen.chunks

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Policy facts (amounts etc.) extracted at build time, checksummed with the generation."""
        return self._gen.facts

    def facts_for(
        self,
        *,
        region: str | None = None,
        beneficiary: str | None = None,
        kind: str | None = None,
    ) -> tuple[Fact, ...]:
        """Stored facts filtered by region, beneficiary and kind (see ``select_facts``)."""
        return select_facts(
            self._gen.facts, self._gen.documents,
            region=region, beneficiary=beneficiary, kind=kind,
        )

    def document(self, doc_id: str) -> Document:
        """The document with ``doc_id``; KeyError with a clear message if unknown."""
        try:
            return self._gen.documents[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r} in this index") from None

    def info(self) -> dict[str, Any]:
        """Generation number, counts, model, dimension, index type and fallback note."""
        m = self._gen.manifest
        return {
            **self._gen.describe(),
            "index_dir": str(self._index_dir),
            "generation": self._gen.number,
            "n_documents": len(self._gen.documents),
            "n_chunks": len(self._gen.chunks),
            "model": m.get("model"),
            "dim": m.get("dim"),
            "index_type": m.get("index_type"),
            "chunking": dict(m.get("chunking", {})),
            "tokeniser": m.get("tokeniser"),
            "created": m.get("created"),
            "fusion": self.search_config.fusion,
            "fallback": self._fallback,
        }

    def verify(self) -> list[str]:
        """Files of the served generation that changed on disk since they were loaded
        and checked (empty when all still match). Search is unaffected: it reads the
        copies made in memory at load. On Milvus: what changed in its collections."""
        if isinstance(self._index_dir, MilvusLocation):
            return self._gen.changed()  # type: ignore[attr-defined]
        return changed_files(Path(self._index_dir), self._gen)  # type: ignore[arg-type]

    def embed_query(self, query: str) -> np.ndarray:
        """The embedding of the query's first :data:`MAX_EMBEDDED_QUERY_CHARS` characters;
        queries arriving together share engine calls, fairly between clients."""
        return self._queries.embed(query[:MAX_EMBEDDED_QUERY_CHARS])

    def embed_queries(self, queries: Sequence[str]) -> np.ndarray:
        """The embeddings of several short queries in one engine call (rows in order),
        each cut as in :meth:`embed_query`: many words at once cost about as much as a
        few one by one."""
        if not queries:
            return np.zeros((0, self._embedder.dim), dtype=np.float32)
        return self._embedder.embed_queries([q[:MAX_EMBEDDED_QUERY_CHARS] for q in queries])

    def candidates(
        self, query: str, n: int, *, query_vector: np.ndarray | None = None
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Dense and BM25 candidate lists ``(row, score)`` for ``query``, best first."""
        qvec = self.embed_query(query) if query_vector is None else query_vector
        dense = self._gen.dense_top(qvec, n)
        simplified = to_simplified(query)
        lexical = (
            self._gen.lexical_top(query_tokens(simplified), n) if has_chinese(simplified) else []
        )
        return dense, lexical

    def rescore(
        self,
        query: str,
        query_vector: np.ndarray,
        dense: list[tuple[int, float]],
        lexical: list[tuple[int, float]],
        config: SearchConfig | None = None,
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Both exact scores for every candidate in the union of the two lists, best first.

        An item one retriever did not return gets its true (low) score instead of none.
        With an ensemble of embedders, the dense score weighs the members' cosines
        (``SearchConfig.ensemble_weight``).
        """
        union = np.array(sorted({i for i, _ in dense} | {i for i, _ in lexical}), dtype=np.int64)
        if not len(union):
            return [], []
        dense_scores = self.dense_evidence(union, query_vector, config or self.search_config)
        simplified = to_simplified(query)
        if has_chinese(simplified):
            lex_scores = self._gen.lexical_scores(union, query_tokens(simplified))
        else:
            lex_scores = np.zeros(len(union), dtype=np.float32)

        def ranked(scores: np.ndarray) -> list[tuple[int, float]]:
            order = np.argsort(-scores, kind="stable")
            return list(zip(union[order].tolist(), scores[order].tolist(), strict=True))

        return ranked(dense_scores), [p for p in ranked(lex_scores) if p[1] > 0]

    def dense_evidence(
        self, rows: np.ndarray, query_vector: np.ndarray, config: SearchConfig
    ) -> np.ndarray:
        """Dense scores of ``rows``: the cosine, or with an ensemble index each member's
        cosine normalised over ``rows`` and weighed (``index.members``)."""
        if len(self._members) == 1:
            return self._gen.dense_scores(rows, query_vector)
        weights = member_weights(len(self._members), config.ensemble_weight)
        queries = np.zeros((len(query_vector), len(self._members)), dtype=np.float32)
        for column, part in enumerate(self._members):
            queries[part, column] = query_vector[part]
        return mix_members(self._gen.dense_scores(rows, queries), weights)

    def fuse(
        self,
        query: str,
        dense: list[tuple[int, float]],
        lexical: list[tuple[int, float]],
        config: SearchConfig,
    ) -> list[Fused]:
        """Combine candidate lists per ``config``; non-Chinese queries use the dense list."""
        if not has_chinese(query) or config.fusion == "dense":
            return single_source(dense, lexical, source="dense")
        if config.fusion == "bm25":
            return single_source(dense, lexical, source="bm25")
        if config.fusion == "score":
            return score_fuse(
                dense, lexical, dense_weight=config.dense_weight, bm25_weight=config.bm25_weight
            )
        return rrf_fuse(
            dense, lexical, k=config.rrf_k,
            dense_weight=config.dense_weight, bm25_weight=config.bm25_weight,
        )

    def query_coverage(self, query: str) -> float:
        """IDF-weighted share of the query's distinct BM25 tokens that the index contains.
        A synonym the lexicon adds to the query and the index lacks (房子 added to a
        question about 住房) is not the asker's wording and is not counted."""
        text = to_simplified(query)
        own = set(bigrams(text))
        tokens = list(dict.fromkeys(query_tokens(text)))
        counts = self._gen.document_frequencies(tokens)
        frequencies = [n for t, n in zip(tokens, counts, strict=True) if n or t in own]
        return vocabulary_coverage(frequencies, len(self._gen.chunks))

    def adapt_weights(self, query: str, config: SearchConfig) -> SearchConfig:
        """``config`` with its fusion weights set for this query (``SearchConfig.weighting``)."""
        if config.weighting != "coverage" or config.fusion not in ("score", "rrf"):
            return config
        if not has_chinese(query):
            return config
        coverage = self.query_coverage(query)
        dense, bm25 = fusion_weights(
            coverage, dense_weight=config.dense_weight, bm25_weight=config.bm25_weight
        )
        return replace(config, dense_weight=dense, bm25_weight=bm25,
                       doc_weight=config.doc_weight * coverage)

    def document_ranking(self, query: str, n: int = MAX_K) -> list[tuple[int, float]]:
        """Top ``n`` ``(document row, BM25 score)`` under whole-document BM25, best first."""
        return self._gen.document_top(query_tokens(to_simplified(query)), n)

    def document_ranks(self, query: str, n: int = MAX_K) -> dict[int, int]:
        """Rank (1-based) of the top ``n`` documents under document-level BM25, by document row."""
        ranked = self.document_ranking(query, n)
        return {row: rank for rank, (row, _score) in enumerate(ranked, start=1)}

    def add_document_evidence(
        self, query: str, fused: list[Fused], config: SearchConfig
    ) -> list[Fused]:
        """Fuse in each chunk's document-level BM25 evidence (Chinese queries only).

        RRF adds the document's rank as a third list; score fusion adds its
        max-normalised document score.
        """
        if not has_chinese(query):
            return fused
        rows = self._gen.chunk_doc_row
        ranking = self.document_ranking(query)
        if config.fusion == "score":
            doc_score = normalise_max(ranking)
            prior = {f.item: doc_score[rows[f.item]] for f in fused if rows[f.item] in doc_score}
            return add_score_prior(fused, prior, weight=config.doc_weight)
        doc_rank = {row: rank for rank, (row, _s) in enumerate(ranking, start=1)}
        prior_rank = {f.item: doc_rank[rows[f.item]] for f in fused if rows[f.item] in doc_rank}
        return add_rank_prior(fused, prior_rank, weight=config.doc_weight, k=config.rrf_k)

    def demote_other_regions(self, query: str, fused: list[Fused], penalty: float) -> list[Fused]:
        """Lower chunks of notices from another province than the places ``query`` names."""
        asked = asked_provinces(query) if penalty else frozenset()
        if not asked:
            return fused
        rows, province = self._gen.chunk_doc_row, self._doc_province
        elsewhere = {f.item for f in fused if from_elsewhere(province[rows[f.item]], asked)}
        return demote(fused, elsewhere, penalty)

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        region: str | None = None,
        config: SearchConfig | None = None,
        query_vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """Top ``k`` (at most 50) chunks for ``query``; ``region`` mildly boosts its documents.

        ``query_vector`` (from :meth:`embed_query`) skips embedding, so several lexical
        variants of one question can share a single dense embedding.
        """
        if not isinstance(query, str):
            raise TypeError(f"query must be a string, got {type(query).__name__}")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        query = query.strip()
        if not query:
            return []
        k = min(k, MAX_K)
        config = self.adapt_weights(query, config or self.search_config)
        qvec = self.embed_query(query) if query_vector is None else query_vector
        dense, lexical = self.candidates(query, config.candidates, query_vector=qvec)
        if config.rescore:
            dense, lexical = self.rescore(query, qvec, dense, lexical, config)
        fused = self.fuse(query, dense, lexical, config)
        if config.doc_weight and config.fusion in ("rrf", "score"):
            fused = self.add_document_evidence(query, fused, config)
        if region:
            rows, doc_region = self._gen.chunk_doc_row, self._doc_region
            matching = {f.item for f in fused if region_matches(doc_region[rows[f.item]], region)}
            fused = boost(fused, matching, config.region_boost)
        if config.fusion == "score" and has_chinese(query):  # the scale it was tuned on
            fused = self.demote_other_regions(query, fused, config.other_region_penalty)
            fused = spread_documents(
                fused, self._gen.chunk_doc_row, penalty=config.same_doc_penalty, k=k
            )
        top = fused[:k]
        return [
            Hit(
                chunk=chunk,
                score=f.score,
                rank=rank,
                dense_rank=f.dense_rank,
                dense_score=f.dense_score,
                bm25_rank=f.bm25_rank,
                bm25_score=f.bm25_score,
            )
            for rank, (f, chunk) in enumerate(
                zip(top, self._gen.chunks_at([f.item for f in top]), strict=True), start=1
            )
        ]
