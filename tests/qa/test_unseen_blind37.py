"""General faults the thirty-seventh and thirty-eighth unseen question sets showed (a
search-box set of keyword strings, and readers of the documents' analysis), each on a
made-up notice or the question alone: a keyword query ending in 总量 asked no count; a
count asked for a year was answered with a figure the document gives for its own time; a
year that names the document pointed at (「那篇2023年人才工作综述里」) was kept to; 「写的
联系窗口是哪个处」 was read as asking the author; 「向哪些单位开放」 as asking a department;
「那位…技术工人」, someone the document tells of, as a group the answer must name; a word
of the document's region (火炬 of 威海火炬…开发区) as a word the evidence lacks; and a
designation such as 「10+1」 as the count asked for. Each test also checks the case that
must still be read the old way."""

from __future__ import annotations

from app.answer.question import find_kinds, find_persons
from app.answer.scoring import holds_kind
from app.answer.years import asked_years
from tests.qa.made_up import MadeUp

_REVIEW = MadeUp.of({"r": ("某区人才工作综述", "南阳市",
                           "全区人才总量突破23万人，占常住人口的46%。"
                           "40名领导干部联系服务80名专家人才。"
                           "46岁的张刚是某某电缆公司一名工人，经他改造的引线，每年可为公司节约200余万元。")},
                    {"r": "2024-01-09"})


def test_a_keyword_query_ending_in_a_total_asks_a_count() -> None:
    assert "count" in find_kinds("某区 2022年 人才总量")
    assert "count" in find_kinds("高技能人才总数")
    assert "count" not in find_kinds("某区 人才政策 怎么申请")
    assert "count" not in find_kinds("实行用水总量控制吗")
    assert "count" not in find_kinds("成果转化奖励会不会占单位绩效工资总量？")


def test_a_count_without_a_year_is_the_documents_own() -> None:
    d = _REVIEW.decide("南阳 2021年 人才总量")
    assert d.refused, d.chosen[0].sentence.text if d.chosen else d.reason
    d = _REVIEW.decide("南阳 2023年 人才总量")
    assert not d.refused, d.reason
    assert "23万" in d.chosen[0].sentence.text


def test_a_year_naming_the_document_is_no_time_asked() -> None:
    assert asked_years("那篇2023年人才工作综述里，干部联系多少专家") == ()
    assert asked_years("2023年干部联系多少专家") == ((2023, 2023),)
    d = _REVIEW.decide("南阳那篇2021年人才工作综述里，多少名干部联系多少名专家？")
    assert not d.refused, d.reason
    assert "40名" in d.chosen[0].sentence.text


def test_the_office_a_document_names_is_no_author() -> None:
    assert find_kinds("那份人才方案，文件上写的联系窗口是哪个处") == ("department",)
    assert find_kinds("人才方案 联系单位") == ("department",)
    assert "author" in find_kinds("这篇文章是哪个单位写的")
    assert "author" in find_kinds("这篇是谁写的")


def test_those_a_service_is_open_to_ask_no_department() -> None:
    assert "department" not in find_kinds("那个招聘服务平台免费向哪些单位开放？")
    assert "department" not in find_kinds("哪些单位可以申请见习基地")
    assert "department" in find_kinds("人才公寓归哪个部门管")
    assert "department" in find_kinds("补贴要去哪个部门申请办理")
    assert "department" in find_kinds("向哪个部门申请")
    assert "department" in find_kinds("哪些部门负责审核")


def test_someone_the_document_tells_of_is_no_group_asked() -> None:
    assert find_persons("那位电缆公司的技术工人一年能替公司省多少钱") == ()
    assert find_persons("技术工人有什么补贴") == ("技能人才",)
    d = _REVIEW.decide("南阳那篇综述里，那位电缆公司的技术工人改良引线后一年省多少钱？")
    assert not d.refused, d.reason
    assert "200余万元" in d.chosen[0].sentence.text


def test_a_word_of_the_documents_region_is_covered() -> None:
    zone = MadeUp.of({"z": ("某某高质量发展观察", "某某火炬高技术产业开发区",
                            "打造青年社区人才公寓，目前已建设人才公寓50万平方米，投入使用5300多套。")})
    d = zone.decide("人才公寓 火炬 投入使用多少套")
    assert not d.refused, d.reason
    assert "5300" in d.chosen[0].sentence.text
    elsewhere = MadeUp.of({"z": ("某某高质量发展观察", "某某高新技术产业开发区",
                                 "打造青年社区人才公寓，目前已建设人才公寓50万平方米，投入使用5300多套。")})
    _, cands = elsewhere.candidates("人才公寓 火炬 投入使用多少套")
    here = zone.candidates("人才公寓 火炬 投入使用多少套")[1]
    assert max(c.support for c in here) > max(c.support for c in cands)


def test_a_designation_counts_nothing() -> None:
    notice = MadeUp.of({"n": ("某市人才方案", "南阳市",
                              "聚焦“10+1”重点产业优质企业，支持设立博士后站。")})
    _, cands = notice.candidates("南阳 10+1 产业 博士后站 新设几个")
    assert not any(c.kind_ok for c in cands)
    counted = MadeUp.of({"n": ("某市人才方案", "南阳市",
                               "聚焦“10+1”重点产业优质企业，新设博士后站12个。")})
    _, cands = counted.candidates("南阳 10+1 产业 博士后站 新设几个")
    assert any(c.kind_ok for c in cands)



def test_a_day_of_the_year_counts_nothing() -> None:
    assert not holds_kind("2023年9月，总书记在黑龙江考察时提出这一命题", "count")
    assert not holds_kind("12月5日，会议指出要发展新质生产力", "count")
    assert holds_kind("共新设博士后站12个", "count")
    assert holds_kind("3个月内新增2万人", "count")
