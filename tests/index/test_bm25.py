"""BM25 parameters: what the index records is what it scores with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.bm25 import K1, B, Bm25Index
from index.build import BM25_DIR


def test_repeated_term_saturates_before_a_second_query_term() -> None:
    # Bigram chunks repeat boilerplate; a chunk covering both query terms must win.
    filler = ["其他"] * 4
    repeated = ["疫情"] * 6 + filler
    covering = ["疫情", "补贴"] + filler + ["另外"] * 4
    corpus = [repeated, covering, ["无关"] * 10, ["别的"] * 10]
    lex = Bm25Index.build(corpus)
    assert [row for row, _score in lex.search(["疫情", "补贴"], 2)] == [1, 0]


def test_manifest_records_the_bm25_parameters_the_index_uses(built_index: Path) -> None:
    gen = built_index / (built_index / "CURRENT").read_text().strip()
    manifest = json.loads((gen / "manifest.json").read_text())
    assert (manifest["bm25"]["k1"], manifest["bm25"]["b"]) == (K1, B)
    loaded = Bm25Index.load(gen / BM25_DIR, manifest["n_chunks"])
    assert (loaded._model.k1, loaded._model.b) == (K1, B)


@pytest.mark.parametrize("block", [1 << 22, 37])
def test_streamed_build_scores_exactly_as_bm25s(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our streamed index holds bm25s's own Lucene weights, bit for bit (whatever the
    block its weights are computed in)."""
    import random

    import bm25s
    import numpy as np

    import index.bm25

    monkeypatch.setattr(index.bm25, "_BLOCK_ENTRIES", block)
    monkeypatch.setattr(index.bm25, "_BLOCK_DOCS", 50)
    rng = random.Random(0)
    words = [chr(0x4E00 + i) + chr(0x4E00 + j) for i in range(30) for j in range(20)]
    words += ["hukou", "3.5"]
    corpus = [[rng.choice(words) for _ in range(rng.randint(0, 60))] for _ in range(400)] + [[]]
    ours = Bm25Index.build(iter(corpus))  # any iterable, consumed once
    ref = bm25s.BM25(k1=K1, b=B, method="lucene")
    ref.index(corpus, show_progress=False)
    for _ in range(40):
        query = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        want = np.asarray(ref.get_scores(ref.get_tokens_ids(query)), dtype=np.float32)
        np.testing.assert_array_equal(ours.scores(query), want)
    assert ours.n_docs == len(corpus) and Bm25Index.build([]).search(["人才"], 3) == []


def test_document_frequencies_count_rows_and_give_zero_for_unknown_tokens() -> None:
    lex = Bm25Index.build([["社保", "补贴", "补贴"], ["补贴", "公寓"], ["公寓"]])
    assert lex.document_frequencies(["补贴", "公寓", "社保", "老公"]) == [2, 2, 1, 0]
    assert Bm25Index.build([]).document_frequencies(["补贴"]) == [0]


def test_document_frequencies_survive_save_and_load(tmp_path: Path) -> None:
    lex = Bm25Index.build([["社保", "补贴"], ["补贴", "公寓"], ["公寓"]])
    lex.save(tmp_path / "bm25")
    loaded = Bm25Index.load(tmp_path / "bm25", 3)
    assert loaded.document_frequencies(["补贴", "公寓", "无"]) == [2, 2, 0]


def test_half_precision_weights_keep_the_ranking(tmp_path: Path) -> None:
    import random

    import numpy as np

    rng = random.Random(1)
    words = [chr(0x4E00 + i) + chr(0x4E80 + j) for i in range(40) for j in range(25)]
    corpus = [[rng.choice(words) for _ in range(rng.randint(5, 80))] for _ in range(2000)]
    Bm25Index.build(corpus).save(tmp_path / "bm25")
    exact = Bm25Index.load(tmp_path / "bm25", len(corpus))
    half = Bm25Index.load(tmp_path / "bm25", len(corpus), half=True)
    assert half._model.scores["data"].nbytes * 2 == exact._model.scores["data"].nbytes
    for _ in range(50):
        query = [rng.choice(words) for _ in range(rng.randint(2, 10))]
        want, got = exact.scores(query), half.scores(query)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=2e-3, atol=1e-3)
        assert half.search(query, 1) == [] or half.search(query, 1)[0][0] in {
            r for r, s in exact.search(query, 3) if s >= exact.search(query, 1)[0][1] * 0.998}


@pytest.mark.parametrize("half", [False, True])
def test_scores_of_some_rows_equal_the_full_scores_at_those_rows(tmp_path: Path,
                                                                 half: bool) -> None:
    """The re-scoring path (scores of the candidate rows only) is bit-identical to
    scoring every chunk and picking the rows, for unsorted, repeated and empty rows."""
    import random

    import numpy as np

    rng = random.Random(2)
    words = [chr(0x4E00 + i) + chr(0x4E80 + j) for i in range(30) for j in range(20)]
    corpus = [[rng.choice(words) for _ in range(rng.randint(0, 60))] for _ in range(1500)]
    Bm25Index.build(corpus).save(tmp_path / "bm25")
    lex = Bm25Index.load(tmp_path / "bm25", len(corpus), half=half)
    for trial in range(60):
        query = [rng.choice(words) for _ in range(rng.randint(1, 9))] + ["未知词"] * (trial % 2)
        rows = np.array([rng.randrange(len(corpus)) for _ in range(rng.randint(0, 300))],
                        dtype=np.int64)
        if len(rows) > 3:
            rows[-1] = rows[0]  # a row asked for twice
        got = lex.scores_at(query, rows)
        assert got.dtype == np.float32 and got.shape == rows.shape
        np.testing.assert_array_equal(got, lex.scores(query)[rows])
    assert Bm25Index.build([]).scores_at(["人才"], np.array([], dtype=np.int64)).shape == (0,)


def test_the_build_writes_each_posting_list_in_ascending_row_order() -> None:
    """``scores_at`` looks rows up in the posting lists by binary search."""
    import random

    import numpy as np

    rng = random.Random(3)
    words = [chr(0x4E00 + i) + chr(0x4E80 + j) for i in range(20) for j in range(10)]
    corpus = [[rng.choice(words) for _ in range(rng.randint(0, 40))] for _ in range(800)]
    matrix = Bm25Index.build(corpus)._model.scores
    indices, indptr = matrix["indices"], matrix["indptr"]
    for token in range(len(indptr) - 1):
        posting = indices[indptr[token]:indptr[token + 1]]
        assert np.all(np.diff(posting) > 0), token
