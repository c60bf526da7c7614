"""General faults the hundred-and-eighty-first to hundred-and-eighty-eighth unseen question
sets showed (both rounds of the forty-seventh session: a realistic mix, everyday words,
askers opening with their city and school or job, things described). Each test also
checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.english import english_query
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.programmes import find_programmes
from app.answer.story import whereabouts
from tests.qa.made_up import MadeUp

_QUOTE = "“在公司初创期，区里给我们投入500万元的引导资金，使我们顺利完成成果转化。”"


def _missing(heading: str, question: str) -> tuple[str, ...]:
    made = MadeUp.of({"n": ("某区人才工作综述", "南阳市", f"{heading}\n{_QUOTE}")})
    _, cands = made.candidates(question)
    return next(c.missing for c in cands if "500万元" in c.sentence.text)


def test_a_photo_caption_heads_nothing() -> None:
    question = "南京读研的，那家公司初创时南阳投了多少引导资金？"
    # the caption's 高端人才 are not whom the quotation after it is about
    assert _missing("■海洋高端人才交流活动现场。", question) == ()
    # a heading does say whom its paragraph is about
    assert _missing("一、高端人才", question) == ("硕士",)


def test_an_english_introduction_says_who_asks_as_a_chinese_aside_does() -> None:
    question = ("Master's student in Nanjing. How much guidance funding did Nanyang "
                "provide to the company?")
    assert _missing("■海洋高端人才交流活动现场。", question) == ()
    assert _missing("一、高端人才", question) == ("硕士",)


def test_a_year_of_study_introduces_the_asker() -> None:
    assert told_terms("Sophomore in Xiamen. How big was China's talent pool?") == ("厦门",)
    assert "厦门" in told_terms("Job seeker in Xiamen. What does the paper say?")
    assert told_terms("How big is Xiamen's talent pool?") == ()


def test_a_preposition_opens_no_programme_name() -> None:
    assert find_programmes("按万名大学生聚集计划每个月能拿多少") == ("万名大学生聚集计划",)
    assert find_programmes("向阳行动计划每个月能拿多少") == ("向阳行动计划",)
    assert find_programmes("按需培训计划每个月能拿多少") == ("按需培训计划",)


def test_who_said_it_asks_no_department() -> None:
    assert "department" not in find_kinds("文章里是谁建议紧贴产业发展脉搏？")
    assert "department" in find_kinds("人才住房是谁负责审核？")
    # with no document pointed at, a body may well have proposed it
    assert "department" in find_kinds("这项政策是谁提出的？")


def test_what_the_items_stand_for_is_no_count() -> None:
    assert "count" not in find_kinds("几个带“专”字的具体指什么？")
    assert "count" in find_kinds("一共有几个工作室？")


def test_exams_and_study_sessions_are_glossed() -> None:
    assert "免试" in english_query("Can they stay on at the firm without an exam?").split()
    assert set(english_query("At which Politburo group study session?").split()) >= {
        "政治局", "集体学习"}


def test_a_field_of_study_and_year_tell_who_asks() -> None:
    # round two (blind185-188): 「济南读软件工程大四的，…」, the year before 的
    assert find_programmes("济南读软件工程大四的，那场招聘会提供了多少个岗位") == ()
    assert find_programmes("软件工程人才计划提供了多少个岗位") == ("软件工程人才计划",)


def test_a_student_of_a_trade_tells_where_they_are() -> None:
    question = "保定技校焊工专业学生，人社部最新数据说我国技能人才总量超过多少人？"
    assert whereabouts(question, ["保定"]) == ("保定",)
    assert whereabouts("保定的技能人才总量有多少？", ["保定"]) == ()


def test_which_years_asks_the_year() -> None:
    assert "year" in find_kinds("这份方案是为落实哪个年份区间的方案而制定的？")
    assert "year" not in find_kinds("这份方案是为落实哪个方案而制定的？")
