"""Build into Milvus Lite and search it: the same hits as the FAISS backend, through
the library, the ``python -m index`` command line and ``update``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index import IndexConfig, MilvusLocation, Retriever, build_index, update_index
from index.cli import run
from index.sparse import query_weights
from index.types import Hit
from tests.index.conftest import DOCS

QUERIES = ("人才公寓", "社会保险补贴怎么申请", "公积金贷款额度", "臺北創業補助", "housing loan",
           "崂山区硕士")


def _same(a: list[Hit], b: list[Hit]) -> None:
    assert [h.chunk for h in a] == [h.chunk for h in b]
    assert [(h.rank, h.dense_rank, h.bm25_rank) for h in a] == [
        (h.rank, h.dense_rank, h.bm25_rank) for h in b
    ]
    np.testing.assert_allclose([h.score for h in a], [h.score for h in b], atol=1e-5)


def test_milvus_answers_exactly_as_faiss(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    build_index(corpus_dir, tmp_path / "faiss", hash_config)
    report = build_index(corpus_dir, lite_db, hash_config)
    assert report.backend == "milvus" and report.generation == 1 and report.n_embedded > 0
    faiss, milvus = Retriever.load(tmp_path / "faiss"), Retriever.load(lite_db)
    for query in QUERIES:
        _same(faiss.search(query, k=8), milvus.search(query, k=8))
    for f, m in ((faiss, milvus),):
        _same(f.search("人才公寓", k=5, region="青岛"), m.search("人才公寓", k=5, region="青岛"))
    assert dict(milvus.documents) == dict(faiss.documents)
    assert milvus.facts == faiss.facts
    assert list(milvus.chunks) == list(faiss.chunks)
    assert milvus.chunks[-1] == faiss.chunks[-1]
    assert list(milvus.chunks[1:3]) == list(faiss.chunks[1:3])
    info = milvus.info()
    assert (info["backend"], info["generation"]) == ("milvus", 1)
    assert info["n_chunks"] == len(faiss.chunks)
    assert info["collection"] == "policyqa_g1" and faiss.info()["backend"] == "faiss"


def test_lexical_weights_reproduce_bm25_scores(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    """The sparse vectors Milvus scores are the bm25s scores, query tokens counted twice too."""
    build_index(corpus_dir, tmp_path / "faiss", hash_config)
    build_index(corpus_dir, lite_db, hash_config)
    faiss, milvus = Retriever.load(tmp_path / "faiss"), Retriever.load(lite_db)
    tokens = ["人才", "公寓", "人才", "补贴", "不在词表"]
    rows = np.arange(len(faiss.chunks))
    np.testing.assert_allclose(
        milvus._gen.lexical_scores(rows, tokens), faiss._gen.lexical_scores(rows, tokens),
        rtol=1e-5,
    )
    assert milvus._gen.lexical_top(tokens, 5)[0][0] == faiss._gen.lexical_top(tokens, 5)[0][0]
    assert query_weights([]) == {} and milvus._gen.lexical_top([], 5) == []
    # the term table behind coverage weighting: the same document frequencies
    asked = ["人才", "公寓", "补贴", "不在词表", "公积"]
    assert milvus._gen.document_frequencies(asked) == faiss._gen.document_frequencies(asked)
    assert milvus._gen.document_frequencies(asked)[3] == 0 < milvus._gen.document_frequencies(
        asked)[0]
    for query in ("人才公寓", "刚毕业没工作有钱补助吗"):
        assert milvus.query_coverage(query) == faiss.query_coverage(query)


def test_cli_round_trip_prints_the_same_json(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.db")
    milvus_flags = ["--backend", "milvus", "--milvus-uri", db]
    assert run(["build", str(corpus_dir), *milvus_flags, "--model", "hash", "--no-progress",
                "--chunk-size", "80", "--chunk-overlap", "10"]) == 0
    assert "milvus flat" in capsys.readouterr().out
    assert run(["build", str(corpus_dir), "--index-dir", str(tmp_path / "f"), "--model", "hash",
                "--no-progress", "--chunk-size", "80", "--chunk-overlap", "10"]) == 0
    capsys.readouterr()
    outputs = []
    for flags in (milvus_flags, ["--index-dir", str(tmp_path / "f")]):
        assert run(["search", "社保补贴", *flags, "--k", "5", "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    milvus_hits, faiss_hits = outputs
    assert [set(h) for h in milvus_hits] == [set(h) for h in faiss_hits]
    for m, f in zip(milvus_hits, faiss_hits, strict=True):
        assert {k: v for k, v in m.items() if k != "score"} == {
            k: v for k, v in f.items() if k != "score"
        }
        assert m["score"] == pytest.approx(f["score"], abs=1e-5)


def test_update_reembeds_only_changed_documents(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    """``update`` on Milvus reuses stored vectors exactly as it does on FAISS."""
    build_index(corpus_dir, lite_db, hash_config)
    build_index(corpus_dir, tmp_path / "faiss-up", hash_config)
    (corpus_dir / "fund_loans.txt").write_text(
        DOCS["fund_loans.txt"].replace("六十万元", "八十万元"), encoding="utf-8"
    )
    (corpus_dir / "taipei_startup.txt").unlink()
    (corpus_dir / "new.txt").write_text("人才住房补贴发放通知\n硕士每月补贴一千五百元。\n",
                                        encoding="utf-8")
    build_index(corpus_dir, tmp_path / "faiss", hash_config)
    fresh = Retriever.load(tmp_path / "faiss")
    on_faiss = update_index(corpus_dir, tmp_path / "faiss-up")
    report = update_index(corpus_dir, lite_db)
    assert report.generation == 2 and report.n_removed_documents == on_faiss.n_removed_documents
    assert report.n_embedded == on_faiss.n_embedded > 0
    assert report.n_reused == on_faiss.n_reused > 0
    assert report.n_embedded + report.n_reused == len(fresh.chunks)
    updated = Retriever.load(lite_db)
    assert updated.info()["generation"] == 2
    for query in ("公积金贷款最高额度", "硕士住房补贴", "人才公寓"):
        _same(fresh.search(query, k=6), updated.search(query, k=6))


def test_update_refuses_another_model(
    corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    from index import IndexMismatchError

    build_index(corpus_dir, lite_db, hash_config)
    with pytest.raises(IndexMismatchError, match="--backend milvus --milvus-uri"):
        update_index(corpus_dir, lite_db, IndexConfig(model="other"))


def test_a_failed_build_publishes_nothing_and_is_cleaned_up(
    tmp_path: Path, corpus_dir: Path, hash_config: IndexConfig, lite_db: MilvusLocation
) -> None:
    """A chunk too large for a Milvus text field stops the build with a clear message;
    the alias never moves, and the next build drops the unfinished collections."""
    from index import current_generation
    from index.milvus.client import connect
    from ingest import ChunkingConfig

    big = tmp_path / "big"
    big.mkdir()
    text = "".join(f"第{i}条人才补贴政策说明。" for i in range(3000))
    (big / "long.txt").write_text("长文本通知\n" + text, encoding="utf-8")
    config = IndexConfig(model="hash", chunking=ChunkingConfig(chunk_size=30000, chunk_overlap=0))
    with pytest.raises(ValueError, match="smaller --chunk-size"):
        build_index(big, lite_db, config)
    assert current_generation(lite_db) is None
    assert "policyqa_g1" in connect(lite_db).list_collections()
    assert build_index(corpus_dir, lite_db, hash_config).generation == 2
    assert sorted(connect(lite_db).list_collections()) == ["policyqa_g2", "policyqa_g2_docs"]
    assert Retriever.load(lite_db).search("人才公寓", k=1)[0].chunk.source == "qingdao_housing.txt"
