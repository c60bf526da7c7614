"""Embedding ensembles: vectors side by side, and re-scoring that weighs each member."""

from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np
import pytest

from index import EmbedderError, IndexConfig, Retriever, SearchConfig, build_index, members
from index.embedder import EnsembleEmbedder, HashEmbedder, load_embedder, member_slices
from index.members import member_weights, minmax_columns, mix_members

from .conftest import SMALL_CHUNKS


class Salted(HashEmbedder):
    """A hash embedder with its own hashing (a second, different member)."""

    def _embed(self, texts):  # type: ignore[no-untyped-def]
        return super()._embed([f"#{t}" for t in texts])


def _ensemble() -> EnsembleEmbedder:
    return EnsembleEmbedder((HashEmbedder(64), Salted(128)))


def test_ensemble_vectors_are_members_side_by_side_at_equal_length() -> None:
    e = _ensemble()
    texts = ["人才公寓申请条件", "社会保险补贴"]
    v = e.embed_documents(texts)
    assert v.shape == (2, 192) and e.dim == 192 and e.member_dims == (64, 128)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-6)
    first, second = e.member_slices
    assert np.allclose(v[:, first] * np.sqrt(2), HashEmbedder(64).embed_documents(texts))
    assert np.allclose(v[:, second] * np.sqrt(2), Salted(128).embed_documents(texts))
    # the full inner product is the members' mean cosine
    q = e.embed_queries(["人才公寓"])[0]
    cos = [HashEmbedder(64).embed_queries(["人才公寓"])[0] @ HashEmbedder(64).embed_documents(
        texts).T, Salted(128).embed_queries(["人才公寓"])[0] @ Salted(128).embed_documents(
        texts).T]
    assert np.allclose(v @ q, (cos[0] + cos[1]) / 2, atol=1e-6)


def test_single_models_have_one_slice_and_names_join_with_plus() -> None:
    assert member_slices(HashEmbedder(32)) == (slice(0, 32),)
    e = load_embedder("hash+hash")
    assert e.name == "hash+hash" and e.dim == 512
    for bad in ("hash+", "+hash"):
        with pytest.raises(EmbedderError, match="empty member"):
            load_embedder(bad)
    with pytest.raises(ValueError, match="at least two"):
        EnsembleEmbedder((HashEmbedder(8),))


def test_member_weights_and_mix() -> None:
    assert member_weights(2, 0.0) == (1.0, 0.0) and member_weights(2, 1.0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        member_weights(2, 1.5)
    with pytest.raises(ValueError):
        member_weights(0, 0.3)
    scores = np.array([[0.9, 0.1], [0.8, 0.9], [0.85, 0.5]])
    # weight 0 for the second member: the first member's order; weight 1: the second's
    assert np.argsort(-mix_members(scores, (1.0, 0.0))).tolist() == [0, 2, 1]
    assert np.argsort(-mix_members(scores, (0.0, 1.0))).tolist() == [1, 2, 0]
    # scale-free: each member is min-max normalised before it is weighed
    assert np.allclose(mix_members(scores * [10.0, 0.01], (0.5, 0.5)),
                       mix_members(scores, (0.5, 0.5)), atol=1e-6)
    assert minmax_columns(np.array([[2.0], [2.0]])).tolist() == [[1.0], [1.0]]
    with pytest.raises(ValueError, match="one column per weight"):
        mix_members(scores, (1.0,))


@pytest.fixture
def ensemble_retriever(corpus_dir: Path, tmp_path: Path) -> Retriever:
    e = _ensemble()
    build_index(corpus_dir, tmp_path / "idx", IndexConfig(model=e.name, chunking=SMALL_CHUNKS),
                embedder=e)
    return Retriever.load(tmp_path / "idx", embedder=e)


def test_rescoring_weighs_each_member_by_ensemble_weight(ensemble_retriever: Retriever) -> None:
    r = ensemble_retriever
    query = "硕士 人才公寓 申请"
    rows = np.arange(len(r.chunks))
    texts = [c.text for c in r.chunks]
    own = [m.embed_documents(texts) @ m.embed_queries([query])[0]
           for m in (HashEmbedder(64), Salted(128))]
    qvec = r.embed_query(query)
    for weight in (0.0, 0.3, 1.0):
        got = r.dense_evidence(rows, qvec, SearchConfig(ensemble_weight=weight))
        want = mix_members(np.stack(own, axis=1), member_weights(2, weight))
        assert np.allclose(got, want, atol=1e-5)
    # weight 0 and 1 order the candidates exactly as each member alone does
    first = r.dense_evidence(rows, qvec, SearchConfig(ensemble_weight=0.0))
    second = r.dense_evidence(rows, qvec, SearchConfig(ensemble_weight=1.0))
    assert np.argsort(-first, kind="stable").tolist() == np.argsort(-own[0], kind="stable").tolist()
    assert np.argsort(-second, kind="stable").tolist() == np.argsort(-own[1],
                                                                     kind="stable").tolist()
    # and the weight reaches the ranking search returns
    hits = {w: [h.chunk.chunk_id for h in r.search(query, k=6, config=SearchConfig(
        fusion="dense", ensemble_weight=w))] for w in (0.0, 1.0)}
    assert hits[0.0] != hits[1.0]


def test_members_doctests() -> None:
    result = doctest.testmod(members)
    assert result.attempted > 0 and result.failed == 0


def test_a_build_large_enough_for_ivfpq_warns_what_the_ensemble_costs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from index.build import warn_ensemble_at_scale

    with caplog.at_level("WARNING", logger="index.build"):
        warn_ensemble_at_scale(HashEmbedder(64), 1_000_000, 250_000)  # one model: silent
        warn_ensemble_at_scale(_ensemble(), 1_000, 250_000)  # small corpus: silent
        assert not caplog.records
        warn_ensemble_at_scale(_ensemble(), 2**30 // 128, 250_000)
    (record,) = caplog.records
    assert "1.00 GiB more than hash alone" in record.getMessage()
    assert "--model hash" in record.getMessage()
