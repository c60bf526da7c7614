"""A gold document that ingest dropped as a byte-identical copy still scores as found."""

from __future__ import annotations

from pathlib import Path

from eval.questions import Question
from eval.runner import gold_docs_not_indexed, run_retrieval
from index import IndexConfig, Retriever, build_index

TEXT = (
    "关于支持高校毕业生就业的通知\n"
    "一、补贴标准\n对在本市就业的高校毕业生，按每人每月800元发放就业补贴，最长12个月。\n"
)
OTHER = "关于企业稳岗返还的通知\n一、返还标准\n按企业上年度实际缴纳失业保险费的50%返还。\n"


def test_dropped_duplicate_counts_as_its_kept_copy(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "aaa_original.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "zzz_copy.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "other.txt").write_text(OTHER, encoding="utf-8")
    build_index(corpus, tmp_path / "idx", IndexConfig(model="hash"))
    retriever = Retriever.load(tmp_path / "idx")

    assert len(retriever.documents) == 2
    kept = {Path(d.source).stem for d in retriever.documents.values()}
    dropped = "zzz_copy" if "aaa_original" in kept else "aaa_original"
    assert retriever.aliases[f"{dropped}.txt"] in retriever.documents

    q = Question(id="q1", question="高校毕业生就业补贴每月多少钱？", doc=dropped,
                 answer="800元")
    assert gold_docs_not_indexed(retriever, [q]) == []
    metrics, records = run_retrieval(retriever, [q], progress=False)
    assert records[0]["doc_rank"] == 1
    assert metrics["doc_recall@1"] == 1.0
