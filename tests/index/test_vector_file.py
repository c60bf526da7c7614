"""Vectors read in blocks with their checksum; int8 vectors and float16 BM25 weights
beside IVF-PQ, float32 for reuse."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from bench.synthetic import LazyVectors, SyntheticCorpus
from index import IndexConfig, build_from_chunks
from index.embedder import HashEmbedder
from index.generation import load_generation
from index.tokenise import query_tokens
from index.vector_file import Int8Rows, VectorFileError, read_vectors

CLAUSES = ["高校毕业生到基层工作可按规定享受生活补贴", "企业吸纳就业困难人员给予社会保险补贴",
           "博士研究生每月发放生活津贴五千元", "人才公寓租金按市场价的百分之五十收取",
           "职业技能培训合格后按规定给予培训补贴"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_vectors_read_in_blocks_equal_numpy_and_quantise_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.vector_file

    monkeypatch.setattr(index.vector_file, "_BLOCK_BYTES", 48 * 4 * 700)  # 8 blocks
    path = tmp_path / "v.npy"
    x = np.random.default_rng(0).standard_normal((5000, 48)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x[7] = 0.0  # a zero row stays zero
    np.save(path, x)
    exact = read_vectors(path, _sha(path))
    assert isinstance(exact, np.ndarray) and exact.dtype == np.float32
    assert np.array_equal(exact, x)
    codes = read_vectors(path, _sha(path), int8=True)
    assert isinstance(codes, Int8Rows) and codes.shape == x.shape
    assert codes.nbytes < x.nbytes / 3.5
    decoded = codes[np.arange(5000)]
    step = np.abs(x).max(axis=1, keepdims=True) / 127
    assert np.all(np.abs(decoded - x) <= step / 2 + 1e-7)  # half a step, nothing clipped
    assert not decoded[7].any()
    queries = x[:20]
    np.testing.assert_allclose(decoded @ queries.T, x @ queries.T, atol=5e-3)


@pytest.mark.parametrize("damage", ["float64", "truncated", "trailing", "changed"])
def test_damaged_vector_files_are_refused(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "v.npy"
    x = np.ones((100, 8), dtype=np.float64 if damage == "float64" else np.float32)
    np.save(path, x)
    sha = _sha(path)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[:-40])
    elif damage == "trailing":
        path.write_bytes(data + b"\0" * 8)
    elif damage == "changed":
        path.write_bytes(data[:-4] + b"\0\0\0\0")
    message = {"float64": "not a float32 matrix", "truncated": "ends after",
               "trailing": "bytes after", "changed": "changed while"}[damage]
    with pytest.raises(VectorFileError, match=message):
        read_vectors(path, sha)


def test_ivfpq_generation_keeps_int8_vectors_and_reuses_exact_ones(tmp_path: Path) -> None:
    corpus = SyntheticCorpus(CLAUSES, seed=3, dim=64)
    docs, chunks = corpus.corpus_of(3000)
    vectors = LazyVectors(corpus, chunks)
    config = IndexConfig(model="hash", hnsw_threshold=500, ivfpq_threshold=1000)
    build_from_chunks(list(docs.values()), chunks, tmp_path / "idx", config,
                      embedder=HashEmbedder(dim=64), reuse=vectors)
    gen = load_generation(tmp_path / "idx")
    assert isinstance(gen.vectors, Int8Rows) and gen.vectors.shape == (3000, 64)
    for lexical in (gen.lexical, gen.doc_lexical):  # BM25 weights halved too
        assert lexical._model.scores["data"].dtype == np.float16
    for chunk in chunks[::500]:  # a span of a chunk still finds a chunk holding it first
        span = chunk.text[2:14]
        assert span in gen.chunks[gen.lexical_top(query_tokens(span), 1)[0][0]].text
    stored = np.load(gen.folder / "vectors.npy")
    rng = np.random.default_rng(4)
    found = 0
    for row in rng.integers(0, 3000, 20):
        query = stored[row] + rng.normal(0, 0.05, 64).astype(np.float32)
        query /= np.linalg.norm(query)
        want = set(np.argsort(-(stored @ query))[:10].tolist())
        found += len(want & {r for r, _ in gen.dense_top(query, 10)})
    assert found / 200 >= 0.95
    some = {chunks[0].doc_id, chunks[-1].doc_id}
    reused = gen.reusable_vectors(some)
    rows = [i for i, c in enumerate(chunks) if c.doc_id in some]
    assert len(reused) == len(rows)
    for i in rows:  # bit for bit the float32 on disk, not the int8 codes in memory
        assert reused[chunks[i].chunk_id].dtype == np.float32
        assert np.array_equal(reused[chunks[i].chunk_id], stored[i])
