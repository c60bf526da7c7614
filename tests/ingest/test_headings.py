"""Heading markers and short heading labels."""

from __future__ import annotations

import pytest

from ingest.headings import heading_label, heading_level


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("第一章 总则", 1),
        ("第二节 申报", 2),
        ("第十条 本办法自发布之日起施行。", 3),
        ("第十條 本辦法自發布之日起施行。", 3),
        ("一、目标任务", 4),
        ("（一）实施企业人才保障行动", 5),
        ("(一)實施企業人才保障行動", 5),
        ("1.实施就业服务保障计划。", 6),
        ("2、加强宣传", 6),
        ("（3）其他", 7),
        ("1.1 人才赋能新质生产力发展理论溯源", 5),
        ("3 人才赋能新质生产力发展的现实困囿", 4),
    ],
)
def test_heading_levels(line: str, level: int) -> None:
    assert heading_level(line) == level


@pytest.mark.parametrize(
    "line",
    ["2025.4.7", "2025年4月7日", "15万人以上", "1.5万元补贴", "2 月 29 日统一延长", "第一批名单"],
)
def test_not_headings(line: str) -> None:
    assert heading_level(line) is None


def test_label_is_the_heading_not_the_paragraph() -> None:
    line = "2.实施重点项目引才计划。紧密对接“10+1”重点产业，遴选确定100个项目。"
    assert heading_label(line) == "2.实施重点项目引才计划"
    assert heading_label("第三条 本办法所称人才是指……") == "第三条"
    assert len(heading_label("一、" + "很长的标题" * 20)) <= 30
