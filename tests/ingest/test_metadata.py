"""Metadata inference from display text."""

from __future__ import annotations

import pytest

from ingest.metadata import find_doc_number, infer_metadata, parse_date
from ingest.regions import infer_document_region, infer_region


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


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # filed from 北京 on three ministries' notice: national, not 北京市
        ("三部门：用于疫情防控的进口物资可享税收优惠\n新华社北京2月1日电（记者 申铖）"
         "记者1日从财政部了解到，财政部、海关总署、税务总局联合发布公告。", "全国"),
        # filed from 兰州 on the province's own rules: the province
        ("助力贫困劳动力就地就业\n新华社兰州2月17日电（记者 王朋）记者从甘肃省人力资源和"
         "社会保障厅获悉，甘肃今年新增2万个乡村公益性岗位。", "甘肃省"),
        # filed from 武汉, naming a place of another province in passing: still 武汉
        ("长江干线航运建设项目陆续复工\n新华社武汉2月17日电（记者 王贤）继13日长江上游"
         "九龙坡至朝天门河段航道整治工程复工后，武汉至安庆段工程也已复工。", "武汉市"),
        # a dateline and nothing else: the city it was filed from, as before
        ("铁路客流平稳\n新华社北京2月1日电 春节假期即将结束，客流将迎来高峰。", "北京市"),
    ],
)
def test_region_past_a_news_dateline(text: str, region: str) -> None:
    assert infer_metadata(text, "fallback").region == region


def test_opening_with_a_national_body_is_national() -> None:
    # a ministry's notice under a title read from its contact line: the provinces it is
    # addressed to (新疆生产建设兵团 among them) do not place it
    body = ("人力资源社会保障部办公厅关于免费开放培训平台的通知\n"
            "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）：")
    assert infer_document_region("联系人：兰洁", "", body) == "全国"
