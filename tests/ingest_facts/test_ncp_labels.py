"""The NCP labelled amount clauses: reproducible sampling, well-formed labels, and the
issue's targets on documents the rules were not written for (regression check; the
figures themselves come from ``python bench/bench_facts.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_facts import run_ncp
from bench.facts_ncp import NCP_LABELS, load_labels, names_department, same_region
from bench.sample_fact_clauses import dev_documents, sample
from tests.paths import NCP_CORPUS

NCP = NCP_CORPUS.parent
needs_ncp = pytest.mark.skipif(not NCP_CORPUS.is_dir(), reason="NCP corpus is not present")


def test_labels_are_well_formed() -> None:
    labels = load_labels(NCP_LABELS)
    assert len(labels) >= 150 and len({r.id for r in labels}) == len(labels)
    assert sum(r.is_benefit for r in labels) >= 50
    for r in labels:
        assert "".join(r.mention.split()) in r.context
        assert r.value_min is not None or r.value_max is not None
        assert (r.beneficiary is not None) == r.is_benefit, r.id


def test_region_comparison() -> None:
    assert same_region("海淀区", "海淀区") and same_region(None, None)
    assert same_region("全国", "全国") and not same_region("北京市", "海淀区")
    assert not same_region(None, "北京市")


def test_department_detector_forms() -> None:
    assert names_department("措施如下。（责任单位：市卫生健康委、各相关区人民政府）")
    assert names_department("本办法由市人力资源和社会保障局负责解释。")
    assert not names_department("各区商务主管部门要统一思想。由专人负责。")


@pytest.fixture(scope="module")
def ncp_report() -> dict:
    return run_ncp(NCP)


@needs_ncp
def test_sampling_is_reproducible() -> None:
    dev, _ = dev_documents(NCP)
    drawn = sample(dev, 180, 16)
    stored = [json.loads(line) for line in NCP_LABELS.read_text(encoding="utf-8").splitlines()]
    assert [(m.id, m.doc, m.context) for m in drawn] == [
        (r["id"], r["doc"], r["context"]) for r in stored]


@needs_ncp
@pytest.mark.slow
def test_ncp_targets(ncp_report: dict) -> None:
    amount = ncp_report["amount"]
    assert amount["unlocated"] == []
    assert amount["precision"] >= 0.95, amount["spurious"]
    assert amount["recall"] >= 0.85, amount["missed"]
    assert amount["region_accuracy"] >= 0.95, amount["wrong_region"]
    departments = ncp_report["departments"]
    assert departments["n_naming_a_department"] >= 20
    assert departments["coverage"] >= 0.90, departments["not_found"]


@needs_ncp
@pytest.mark.slow
def test_ncp_facts_are_verbatim_and_never_valid_without_a_period(ncp_report: dict) -> None:
    from ingest import ingest_corpus
    from ingest.facts import extract_facts

    docs = ingest_corpus(NCP_CORPUS).documents[:120]
    for doc in docs:
        for f in extract_facts(doc):
            assert doc.text[f.char_start : f.char_end] == f.quote
            assert f.valid_until is None or f.valid_until[:2] in ("19", "20")
    assert Path(ncp_report["labels"]).name == NCP_LABELS.name
