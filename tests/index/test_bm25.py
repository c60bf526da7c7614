"""BM25 parameters: what the index records is what it scores with."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_document_frequencies_count_rows_and_give_zero_for_unknown_tokens() -> None:
    lex = Bm25Index.build([["社保", "补贴", "补贴"], ["补贴", "公寓"], ["公寓"]])
    assert lex.document_frequencies(["补贴", "公寓", "社保", "老公"]) == [2, 2, 1, 0]
    assert Bm25Index.build([]).document_frequencies(["补贴"]) == [0]


def test_document_frequencies_survive_save_and_load(tmp_path: Path) -> None:
    lex = Bm25Index.build([["社保", "补贴"], ["补贴", "公寓"], ["公寓"]])
    lex.save(tmp_path / "bm25")
    loaded = Bm25Index.load(tmp_path / "bm25", 3)
    assert loaded.document_frequencies(["补贴", "公寓", "无"]) == [2, 2, 0]
