"""Metadata inference from display text."""

from __future__ import annotations

import pytest

from ingest.metadata import find_doc_number, infer_metadata, parse_date
from ingest.regions import infer_region


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025年4月7日", "2025-04-07"),
        ("2025 年 12 月 1 日", "2025-12-01"),
        ("2025-04-07", "2025-04-07"),
        ("2025.4.7", "2025-04-07"),
        ("2025/4/7", "2025-04-07"),
        ("2025年2月30日", None),
        ("没有日期", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_doc_number() -> None:
    assert find_doc_number("青人社发〔2025〕5号") == "青人社发〔2025〕5号"
    assert find_doc_number("国卫办医函〔2020〕83号 各省") == "国卫办医函〔2020〕83号"
    assert find_doc_number("没有文号的通知") is None


def test_preamble_of_a_traditional_notice() -> None:
    text = (
        "各區市人力資源社會保障局,局屬各單位:\n"
        "現將《關于強化人才引領支撐的實施方案》印發給你們,請認真貫徹落實。\n"
        "青島市人力資源和社會保障局\n2025年4月7日\n(公開屬性:此件主動公開)\n"
        "關于強化人才引領支撐賦能創新型產業體系建設實施方案\n一、目標任務\n內容。"
    )
    meta = infer_metadata(text, "fallback")
    assert meta.title == "關于強化人才引領支撐賦能創新型產業體系建設實施方案"
    assert meta.issuer == "青島市人力資源和社會保障局"
    assert meta.date == "2025-04-07"
    assert meta.region == "青岛市"


def test_single_line_notice_title_and_issuer() -> None:
    text = "国家卫生健康委办公厅关于进一步加强医疗救治工作的通知\n各省卫生健康委：现通知如下。"
    meta = infer_metadata(text, "fallback")
    assert meta.title == "国家卫生健康委办公厅关于进一步加强医疗救治工作的通知"
    assert meta.issuer == "国家卫生健康委办公厅"
    assert meta.region == "全国"


@pytest.mark.parametrize(
    ("texts", "region"),
    [
        (("崂山区2023年度人才工作综述",), "崂山区"),
        (("威海火炬高新区着眼发挥驻区高校优势",), "威海火炬高技术产业开发区"),
        (("海南省宣布新建一批省级高技能人才培训基地",), "海南省"),
        (("人力资源社会保障部关于做好就业工作的通知",), "全国"),
        (("没有地名", "青岛市人社局"), "青岛市"),
        (("没有地名",), None),
    ],
)
def test_region(texts: tuple[str, ...], region: str | None) -> None:
    assert infer_region(*texts) == region
