"""General faults the seventy-third to seventy-sixth unseen question sets showed, and the
place notes of documents that name no region. Each test also checks the case that must
still be read the old way."""

from __future__ import annotations

from app.answer.compose import note_kind
from app.answer.question import analyze
from tests.qa.made_up import MadeUp

_EVENT = {"e": ("某论文", None,
                "2023年9月，总书记在黑龙江考察调研期间提出新质生产力这个全新的命题。")}
_PLAN = {"p": ("某文集", None,
               "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴。")}
_TARGET = {"t": ("某市人才方案", "青岛市",
                 "按计划，全年集聚青年人才15万人以上，新增高技能人才2万人以上。")}


def test_no_missing_place_note_when_the_lead_sentence_speaks_of_the_place() -> None:
    d = MadeUp.of(_EVENT).decide("新质生产力是哪年在黑龙江考察时提出的？")
    assert d.outcome == "unknown_region" and not d.refused, d.reason
    assert note_kind(d, "黑龙江") is None
    # a document of no region that does not name the asked place still carries the note
    d = MadeUp.of(_PLAN).decide("硕士去黑龙江每月生活津贴多少？")
    assert d.outcome == "unknown_region", d.reason
    assert note_kind(d, "黑龙江") == "unknown"


def test_a_spoken_name_written_with_other_characters_of_its_sound_is_respelled() -> None:
    """Speech input writes 清岭计划 for 青领计划: no character shared, same syllables and
    tones. A real word is never respelled so (失业 is no slip for 事业, nor 青年 for 清廉)."""
    made = MadeUp.of({"q": ("某区校企合作", "南阳市",
                            "未来将通过“青领计划”，3年内搭建百校联盟。促进事业发展，坚持清廉。")})
    assert made.view.correct("那个清岭计划要搭几个学校") == "那个青领计划要搭几个学校"
    assert made.view.correct("失业了能领多少") == "失业了能领多少"
    assert made.view.correct("青年补贴多少") == "青年补贴多少"
    d = made.decide("那个清岭计划几年内搭建百校联盟？")
    assert not d.refused and "青领计划" in d.chosen[0].sentence.text


def test_a_time_before_the_verb_plan_is_no_programme_name() -> None:
    d = MadeUp.of(_TARGET).decide("青岛一整年计划集聚多少青年人才？")
    assert not d.refused and "15万人" in d.chosen[0].sentence.text, d.reason
    # a named programme is still required
    assert MadeUp.of(_TARGET).decide("青岛的青鸟计划集聚多少青年人才？").refused


def test_a_year_said_digit_by_digit_is_that_year() -> None:
    q = analyze("那个崂山区二零二三年 就是说去年啊 一共有多少个人才安家了")
    assert "2023年" in q.query
    assert "二〇二四年" not in analyze("二〇二四年的目标是多少").query


def test_young_people_and_the_factory_are_the_notices_words() -> None:
    made = MadeUp.of(_TARGET)
    d = made.decide("青岛今年打算引来多少年轻人？")
    assert not d.refused and "15万人" in d.chosen[0].sentence.text, d.reason
    works = MadeUp.of({"w": ("某区校企合作", "南阳市",
                             "推动企业与高校共建实训基地，实训结束后直接签订劳动合同。")})
    assert not works.decide("南阳在厂里实训完能直接签合同吗？").refused


def test_an_english_place_before_a_zone_term_is_that_zone() -> None:
    """Weihai high-tech zone is 威海高新区, one place, not 威海 and a topic 高新区 that any
    city's zone would match; learners' everyday English is read too."""
    from app.answer.english import english_query

    q = analyze("I have master degree. If I work in Weihai high-tech zone, how much money "
                "they give me every month for living?")
    assert q.places == ("威海高新区",) and "高新区" not in "".join(q.content)
    assert "每月" in q.query and "生活补贴" in analyze("Can I get the living money?").query
    # two places side by side stay two
    assert english_query("Compare Weihai and Qingdao") == "威海 青岛"
    assert english_query("Weihai Qingdao") == "威海 青岛"


def test_a_degree_word_does_not_pick_a_special_case_row() -> None:
    """本科毕业生 in the question is who is asked about, not a reason to prefer the clause
    that names 本科毕业生 as a condition of a special case."""
    from app.answer.tables import topic_terms

    terms = topic_terms(analyze("威海的生活补贴，本科毕业生每月多少？硕士呢？"))
    assert "每月" in terms and "毕业" not in terms and "业生" not in terms
    assert "千亿" in topic_terms(analyze("冲千亿企业引进的本科毕业生生活补贴每月多少？硕士呢？"))
