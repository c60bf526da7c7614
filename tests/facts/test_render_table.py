"""Tables are data in the Answer; app.web.render escapes every cell."""

from __future__ import annotations

import html

from app.answer.types import Answer, Citation, FactTable, TableRow
from app.web.render import answer_markdown, plain_answer, table_html

EVIL = '<img src=x onerror="alert(1)">'


def _answer() -> Answer:
    rows = (TableRow(("硕士", EVIL, "[1]"), (1,)), TableRow(("博士", "5000元", "[1]"), (1,)))
    table = FactTable(("对象", "金额", "来源"), rows)
    cite = Citation(1, "c", "d", "a.txt", "办法", None, "2024-01-01", "", "每月5000元", 0, 6,
                    "已废止")
    text = "威海对比如下：\n• 硕士：x[1]\n• 博士：5000元[1]\n博士多[1]（已废止）。"
    return Answer(text, (cite,), (), False, table=table)


def test_cells_are_escaped_and_bullets_give_way_to_the_table() -> None:
    out = answer_markdown(_answer())
    assert "<img" not in out and "&#60;img" in out
    assert out.count("<tr>") == 3 and "• 硕士" not in out
    assert "已废止" in out and "博士多" in out


def test_history_text_drops_the_table_markup() -> None:
    text = plain_answer(answer_markdown(_answer()))
    assert "<table" not in text and text.startswith("威海对比如下：")


def test_table_json_shape() -> None:
    data = _answer().table.to_json()  # type: ignore[union-attr]
    assert data["columns"] == ["对象", "金额", "来源"]
    assert data["rows"][0] == {"cells": ["硕士", EVIL, "[1]"], "citations": [1]}
    assert html.unescape(table_html(_answer().table)).count(EVIL) == 1  # type: ignore[arg-type]
