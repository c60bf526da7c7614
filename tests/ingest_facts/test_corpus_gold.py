"""Regression test over the real sample corpus against the hand-checked gold list.

This can fail: it runs the real ingest pipeline and the extractor, then
scores them with bench/bench_facts.py against eval/data/amount_facts_gold.jsonl.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_facts import DEFAULT_GOLD, load_gold, locate, run
from ingest import ingest_corpus
from ingest.facts import extract_facts
from tests.paths import SAMPLE_CORPUS


@pytest.fixture(scope="module")
def report() -> dict:
    return run(SAMPLE_CORPUS, DEFAULT_GOLD)


def test_money_amounts_meet_the_target(report: dict) -> None:
    score = report["scores"]["amount"]
    assert score["n_gold"] >= 20
    assert score["precision"] >= 0.95, score["spurious"]
    assert score["recall"] >= 0.85, score["missed"]


def test_targets_meet_the_target(report: dict) -> None:
    score = report["scores"]["target"]
    assert score["precision"] >= 0.95, score["spurious"]
    assert score["recall"] >= 0.85, score["missed"]


def test_every_gold_row_is_found_in_the_display_text(report: dict) -> None:
    for score in report["scores"].values():
        assert score["unlocated"] == []


def test_gold_rows_are_well_formed() -> None:
    for row in load_gold(DEFAULT_GOLD):
        assert row.kind in ("amount", "target")
        assert (row.unit == "元") == (row.kind == "amount")
        assert row.value_min is not None or row.value_max is not None
        assert "".join(row.amount_text.split()) in row.context


def test_corpus_facts_have_verbatim_spans_and_departments() -> None:
    docs = ingest_corpus(SAMPLE_CORPUS).documents
    for doc in docs:
        for fact in extract_facts(doc):
            assert doc.text[fact.char_start : fact.char_end] == fact.quote
            assert doc.text[fact.amount_start : fact.amount_end] == fact.amount_text
    traditional = next(d for d in docs if Path(d.source).name.startswith("004_"))
    departments = [f for f in extract_facts(traditional) if f.kind == "department"]
    assert len(departments) == 14
    assert all(f.programme and f.departments for f in departments)


def test_locate_ignores_whitespace() -> None:
    assert locate("每月 1000\n元", "每月1000元", "1000元") == (3, 9)
    assert locate("每月1000元", "每年1000元", "1000元") is None
