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
from lexicon import region_relation
from tests.paths import SAMPLE_CORPUS


@pytest.fixture(scope="module")
def report() -> dict:
    return run(SAMPLE_CORPUS, DEFAULT_GOLD)


def test_money_amounts_meet_the_target(report: dict) -> None:
    score = report["scores"]["amount"]
    assert score["n_gold"] >= 12
    assert score["precision"] >= 0.95, score["spurious"]
    assert score["recall"] >= 0.85, score["missed"]


def test_targets_meet_the_target(report: dict) -> None:
    score = report["scores"]["target"]
    assert score["precision"] >= 0.95, score["spurious"]
    assert score["recall"] >= 0.85, score["missed"]


def test_economic_figures_are_not_amount_facts(report: dict) -> None:
    # savings, industry size, contract value, financing, policy funds paid out, and
    # one company's guidance fund and loan in a news story
    assert report["economic_as_amounts"] == []
    gold = load_gold(DEFAULT_GOLD)
    assert sum(g.kind in ("statistic", "report") for g in gold) == 7


def test_weihai_and_hainan_rows_keep_their_region() -> None:
    docs = {Path(d.source).name[:3]: d for d in ingest_corpus(SAMPLE_CORPUS).documents}
    weihai = [f for f in extract_facts(docs["000"]) if f.kind == "amount"]
    assert len(weihai) == 8 and all(f.region and "威海" in f.region for f in weihai)
    story = [f for f in extract_facts(docs["003"]) if f.kind == "amount"]
    by_text = {"".join(f.amount_text.split()): f.region for f in story}
    assert by_text["100万-300万元"] == by_text["10万-20万元"] == "海南省"
    assert region_relation("青岛高新区", by_text["最高15万元"]) == "same"


def test_every_gold_row_is_found_in_the_display_text(report: dict) -> None:
    for score in report["scores"].values():
        assert score["unlocated"] == []


def test_gold_rows_are_well_formed() -> None:
    for row in load_gold(DEFAULT_GOLD):
        assert row.kind in ("amount", "target", "statistic", "report")
        assert row.kind == "target" or row.unit == "元"
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
    assert len(departments) == 15  # 14 「（責任處室：…）」 lists and one 「由…負責」
    assert all(f.programme and f.departments for f in departments)


def test_locate_ignores_whitespace() -> None:
    assert locate("每月 1000\n元", "每月1000元", "1000元") == (3, 9)
    assert locate("每月1000元", "每年1000元", "1000元") is None
