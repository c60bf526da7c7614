"""Facts stored with each generation: round-trip, checksum and tamper detection."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.answer.engine import QAEngine
from index import IndexConfig, Retriever, build_index, update_index
from index.errors import IndexError_
from index.facts_store import FACTS, read_facts, select_facts, write_facts
from index.store import read_current, sha256_file
from ingest.facts import extract_facts


def _gen_dir(index_dir: Path) -> Path:
    return index_dir / f"gen-{read_current(index_dir)}"


def test_round_trip_is_exact(tmp_path: Path, fixture_engine: QAEngine) -> None:
    docs = fixture_engine.retriever.documents
    facts = [f for d in docs.values() for f in extract_facts(d)]
    write_facts(tmp_path / FACTS, facts)
    assert list(read_facts(tmp_path / FACTS, docs)) == facts


def test_a_quote_that_no_longer_matches_is_refused(
    tmp_path: Path, fixture_engine: QAEngine
) -> None:
    docs = fixture_engine.retriever.documents
    fact = extract_facts(next(iter(docs.values())))[0]
    row = fact.to_json() | {"char_start": fact.char_start + 1, "char_end": fact.char_end + 1}
    (tmp_path / FACTS).write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=fact.fact_id):
        read_facts(tmp_path / FACTS, docs)


def test_build_writes_checksummed_facts_and_the_retriever_loads_them(
    fixture_index: Path,
) -> None:
    gen = _gen_dir(fixture_index)
    manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][FACTS] == sha256_file(gen / FACTS)
    retriever = Retriever.load(fixture_index)
    expected = [f for d in retriever.documents.values() for f in extract_facts(d)]
    assert sorted(retriever.facts, key=lambda f: f.fact_id) == sorted(
        expected, key=lambda f: f.fact_id)
    weihai = retriever.facts_for(region="威海", beneficiary="博士", kind="amount")
    assert [f.amount_text for f in weihai] == ["3000元"]
    assert retriever.facts_for(kind="department") == ()
    with pytest.raises(ValueError, match="amount"):
        retriever.facts_for(kind="salary")
    hainan = select_facts(retriever.facts, retriever.documents, region="海南")
    assert [f.beneficiary for f in hainan] == ["本科"]


def test_tampered_facts_file_fails_the_checksum(tmp_path: Path, fixture_index: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(fixture_index, copy)
    facts = _gen_dir(copy) / FACTS
    facts.write_text(facts.read_text(encoding="utf-8").replace("3000", "9000"), encoding="utf-8")
    with pytest.raises(IndexError_, match=r"facts\.jsonl"):
        Retriever.load(copy)


def test_update_rewrites_facts_for_a_changed_corpus(tmp_path: Path, fixture_corpus: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    (corpus / "hainan_current.txt").unlink()
    update_index(corpus, index_dir)
    retriever = Retriever.load(index_dir)
    assert retriever.facts and all(f.region != "海南" for f in retriever.facts)
