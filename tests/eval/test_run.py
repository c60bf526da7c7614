"""End-to-end: `eval run` over a small hash-embedder index of the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.answer.types import Answer, Citation
from eval.__main__ import main
from eval.questions import load_questions
from eval.report import write_report
from eval.runner import run_full
from tests.paths import SAMPLE_CORPUS

CORPUS = SAMPLE_CORPUS
QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "data" / "sample_questions.jsonl"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="sample corpus not available")


@pytest.fixture(scope="module")
def hash_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index import IndexConfig, build_index

    index_dir = tmp_path_factory.mktemp("idx")
    build_index(CORPUS, index_dir, IndexConfig(model="hash"))
    return index_dir


class FakeEngine:
    """Cites the start of the top hit; plants one wrong offset; refuses 落户 questions."""

    def __init__(self, retriever: Any) -> None:
        self.retriever = retriever

    def answer(self, question: str, history: Any = (), k: int = 5) -> Answer:
        hits = tuple(self.retriever.search(question, k=k))
        if "落户" in question:
            return Answer("政策库中没有找到相关规定。", (), hits, True, "no evidence")
        c = hits[0].chunk
        shift = 1 if "威海" in question and "面试" in question else 0  # the planted bad quote
        start = c.char_start + shift
        quote = c.text[:20]
        cit = Citation(1, c.chunk_id, c.doc_id, c.source, c.title, None, None,
                       c.section_path, quote, start, start + len(quote))
        return Answer(f"{quote}[1]", (cit,), hits, False)


def _subset(tmp_path: Path) -> Path:
    wanted = {"s001", "s007", "s026", "s066", "s105", "u003"}
    lines = [ln for ln in QUESTIONS.read_text(encoding="utf-8").splitlines()
             if json.loads(ln)["id"] in wanted]
    path = tmp_path / "subset.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_with_fake_engine_writes_report_and_flags_bad_quote(
    hash_index: Path, tmp_path: Path
) -> None:
    from index import Retriever

    retriever = Retriever.load(hash_index)
    questions = load_questions(_subset(tmp_path))
    result = run_full(retriever, questions, k=5, engine=FakeEngine(retriever), progress=False)
    paths = write_report(result, tmp_path / "report")
    m = result.metrics
    assert m["n_questions"] == 6 and m["n"] == 5 and m["n_excluded_unanswerable"] == 1
    assert m["n_citations"] == 5 and m["n_invalid_citations"] == 1  # only s007 is shifted
    assert m["citation_validity"] == pytest.approx(4 / 5)
    assert m["refusal_recall"] == 1.0 and m["refusal_precision"] == 1.0
    for key in ("recall_curve", "by_kind", "by_lang", "latency"):
        assert paths[key].read_bytes()[:8] == PNG_MAGIC
    html = paths["html"].read_text(encoding="utf-8")
    assert "plots/recall_at_k.png" in html and "Worst failures" in html
    rows = [json.loads(x) for x in paths["per_question"].read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == [q.id for q in questions]
    bad = [r["id"] for r in rows if r["n_invalid_citations"]]
    assert bad == ["s007"]


def test_eval_run_cli_every_citation_is_verbatim(hash_index: Path, tmp_path: Path) -> None:
    pytest.importorskip("app.answer.engine")
    from ingest import ingest_corpus

    out = tmp_path / "report"
    code = main(["run", "--index-dir", str(hash_index), "--questions", str(QUESTIONS),
                 "--out", str(out), "--k", "5"])
    assert code == 0
    for name in ("metrics.json", "per_question.jsonl", "report.md", "report.html"):
        assert (out / name).stat().st_size > 0
    for png in ("recall_at_k", "by_kind", "by_lang", "latency"):
        assert (out / "plots" / f"{png}.png").read_bytes()[:8] == PNG_MAGIC
    texts = {d.doc_id: d.text for d in ingest_corpus(CORPUS).documents}
    rows = [json.loads(x) for x in (out / "per_question.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == len(load_questions(QUESTIONS))
    n = 0
    for row in rows:
        for c in row["citations"]:
            n += 1
            span = texts[c["doc_id"]][c["char_start"] : c["char_end"]]
            assert span == c["quote"], f"{row['id']}: citation {c['n']} is not verbatim"
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    assert metrics["n_citations"] == n and metrics["n_invalid_citations"] == 0


def test_retrieval_cli_keys(hash_index: Path, tmp_path: Path) -> None:
    out = tmp_path / "ret.json"
    assert main(["retrieval", "--index-dir", str(hash_index), "--questions", str(QUESTIONS),
                 "--json", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    for key in ("n", "recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10",
                "doc_recall@1", "doc_recall@10", "doc_mrr@10", "doc_ndcg@10", "answer_in_top5"):
        assert 0.0 <= data[key] <= (data["n"] if key == "n" else 1.0)
    assert data["n_excluded_unanswerable"] == 21
    assert data["recall@1"] <= data["recall@3"] <= data["recall@5"] <= data["recall@10"]


def test_missing_index_dir_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["retrieval", "--index-dir", str(tmp_path / "none"), "--questions",
                 str(QUESTIONS), "--json", str(tmp_path / "x.json")])
    assert code == 2
    assert "python -m index build" in capsys.readouterr().err
