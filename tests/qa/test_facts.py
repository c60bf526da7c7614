"""Key-fact lines come from the extracted fact rows, only from a general rule."""

from __future__ import annotations

from app.answer.engine import QAEngine
from app.answer.facts import amount_cell, benefit_label
from ingest.facts import extract_facts
from ingest.types import Document

GENERAL = ("落实“万名大学生聚集计划”引才政策，按照本科、硕士、博士学历分别给予每\n月 1000元、"
           "2000元、5000元的生活津贴；")
INLINE = ("按照博士研究生1万元、硕士研究生5000元、本科毕业生3000 元的标准发放"
          "一次性返乡留威补贴，提升收入。")


def _doc(text: str) -> Document:
    return Document("d", "a.txt", "t", None, None, None, "威海", text, "")


def test_respectively_lists_give_one_row_per_degree_with_period_and_label() -> None:
    doc = _doc(GENERAL)
    rows = {f.beneficiary: (amount_cell(f), benefit_label(f, doc.text))
            for f in extract_facts(doc)}
    assert rows == {"本科": ("每月1000元", "生活津贴"), "硕士": ("每月2000元", "生活津贴"),
                    "博士": ("每月5000元", "生活津贴")}


def test_inline_pairs_and_labels() -> None:
    doc = _doc(INLINE)
    facts = {f.beneficiary: f for f in extract_facts(doc)}
    assert {b: f.amount_text for b, f in facts.items()} == {
        "博士": "1万元", "硕士": "5000元", "本科": "3000 元"}
    assert benefit_label(facts["本科"], doc.text) == "一次性返乡留威补贴"


def test_key_line_uses_the_general_rule_not_a_narrower_group(engine: QAEngine) -> None:
    answer = engine.answer("我是硕士，去威海工作每个月有多少生活补贴？")
    assert answer.text.split("\n")[0] == "硕士：每月2000元生活津贴（威海火炬高技术产业开发区）[1]"
    assert "2000元" in answer.citations[0].quote
