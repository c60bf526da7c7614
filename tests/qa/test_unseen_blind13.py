"""General faults a thirteenth unseen question set (and the twelfth's remaining failures)
showed: clauses typed with spaces instead of commas read as one clause, so hearsay after
the question weighed as much as the question; an input-slip fix that read a verb and its
negation (是不) or two function characters (各能) as a slip for a word that shares only a
rare reading (是否, 各大); a verb the segmenter joined to its object (评职称) weighed as a
word no document uses, where the object is a word they use; and 哪一 (哪一级) not
read as phrasing."""

from __future__ import annotations

from app.answer.clauses import asides, clauses
from app.answer.english import dictionary_terms, english_query
from app.answer.question import content_segments
from app.answer.wordclass import sounds_alike
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", "某区", body)})


def test_a_space_between_chinese_clauses_breaks_them() -> None:
    query = "某区给人才住的公寓叫什么名 听说最近重新装修了"
    assert clauses(query) == ("某区给人才住的公寓叫什么名", "听说最近重新装修了")
    assert asides(query) == ("听说最近重新装修了",)
    # a space between keywords, inside English or beside a figure is no clause break: a
    # keyword string (and an English question's Chinese query) is one clause
    assert clauses("某市 硕士 补贴多少") == ("某市 硕士 补贴多少",)
    assert clauses("How much is the rent") == ("How much is the rent",)
    assert clauses("月薪 8000 够不够") == ("月薪 8000 够不够",)
    body = "某区建成人才公寓午山馨苑，为青年人才提供拎包入住的住房。"
    d = _made(body).decide(query)
    assert not d.refused and "午山馨苑" in d.chosen[0].sentence.text


def test_a_negation_or_a_rare_reading_is_no_input_slip() -> None:
    """是不(是不要房租) is a verb and its negation, not 是否 (不 shares 否's rare reading
    fou); 各能(拿) is not 各大 (能 and 大 share only the rare reading tai)."""
    assert not sounds_alike("各能", "各大")
    assert sounds_alike("审皮", "审批") and sounds_alike("蚌部", "蚌埠")
    view = _made("各大高校是否提供人才公寓，由各区确定。审批时限为5个工作日。").view
    assert view.correct("人才公寓头一年是不是不要房租") == "人才公寓头一年是不是不要房租"
    assert view.correct("住房补贴和购房券最多各能拿多少") == "住房补贴和购房券最多各能拿多少"
    assert view.correct("人才公寓审皮要几天") == "人才公寓审批要几天"


def test_a_verb_joined_to_its_object_is_the_object() -> None:
    """评职称: the notice writes 职称, and the question asks about it; 哪一级 is phrasing."""
    body = "支持重点产业企业自主开展企业内部专业技术人才的中、初级职称评审。"
    d = _made(body).decide("某区的企业能不能自己给员工评职称 能评到哪一级")
    assert not d.refused and "初级职称" in d.chosen[0].sentence.text
    assert "一级" not in "".join(content_segments("能评到哪一级"))
    made = _made(body)
    weighed = made.view.terms(made.candidates("某区评职称有什么要求")[0])
    assert "职称" in weighed and "评职称" not in weighed


def test_a_name_ties_the_question_to_the_documents_that_use_it() -> None:
    """「北汽那个青领 学生去了实习一个月给多少钱」: only the notice about 北汽's 青领计划 can
    answer; another notice's monthly allowance for graduates answers something else, so
    with no figure in the first the question is refused, not answered from the second. An
    ordinary word (每月) that one notice alone uses ties nothing."""
    made = MadeUp.of({
        "a": ("技能人才工作综述", None,
              "企业北汽新能源发布技能人才培养“青领计划”，每年培养技能人才500名。"),
        "b": ("大学生聚集计划", "某区", "对来某区就业的本科毕业生，每月发放1000元生活补贴。"),
    })
    assert made.decide("北汽那个青领 学生去了实习一个月给多少钱").refused
    d = made.decide("北汽的青领计划每年培养多少技能人才")
    assert not d.refused and "500名" in d.chosen[0].sentence.text
    d = made.decide("某区本科毕业生去就业每月有多少补贴")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text


def test_a_span_asked_outright_needs_a_sentence_that_states_one() -> None:
    """「每月补助能领几年」 over a notice that gives the allowance but never how long it is
    paid: the allowance is no answer; where the notice states the period, it is."""
    body = "对来某区就业的本科毕业生，每月发放1000元生活补贴。"
    assert _made(body).decide("某区那个每月补助能领几年 有没有期限 我是本科").refused
    stated = body + "本科毕业生每月生活补贴最长发放3年。"
    d = _made(stated).decide("某区那个每月补助能领几年 我是本科")
    assert not d.refused and "3年" in " ".join(c.sentence.text for c in d.chosen)


def test_a_sum_asked_per_month_needs_a_monthly_sum() -> None:
    """「政府每月给大学生补多少」: a sentence naming a base and another sum (15.8亿元 of
    contracts) states no monthly sum and does not answer; a monthly allowance does."""
    title = "某区政府支持大学生见习工作综述"
    other = "探索校企共建，搭建高校院所成果转化基地，驻区高校院所共实现技术合同成交额15.8亿元。"
    question = "在某区那个见习基地实习 政府每月给大学生补多少"
    assert MadeUp.of({"d": (title, "某区", other)}).decide(question).refused
    monthly = other + "对在见习基地见习的大学生，每人每月发放见习补贴2000元。"
    d = MadeUp.of({"d": (title, "某区", monthly)}).decide(question)
    assert not d.refused and "2000元" in d.chosen[0].sentence.text


def test_english_phrases_quoted_or_phrasal() -> None:
    """A glossary term inside quotes ('cold spots') is read; a phrasal verb is looked up
    whole with its ending taken off (sets up: set up, 设立, not 一套 for "a set"); policy
    English (leading companies, R&D centres, enclave) is in the glossary."""
    assert "冷点" in english_query("Which regions are called 'cold spots'?")
    found = [w for _, w in dictionary_terms("a company that sets up a workstation",
                                            lambda w: w in {"设立", "一套", "工作站"})]
    assert "设立" in found and "一套" not in found
    query = english_query("Where have Weihai's leading companies set up 'enclave' R&D centres?")
    assert all(w in query for w in ("龙头企业", "飞地", "研发中心"))


def test_a_number_of_people_asked_needs_a_sentence_that_counts_people() -> None:
    """「某市今年打算吸引多少青年人才」: a sentence about young talents with another number
    (7个工作日) does not answer; the one that counts them (15万人以上) does."""
    body = ("某市推出青年人才安居计划，吸引青年人才，审批流程由7个工作日压缩至当日办结。"
            "推进青年人才集聚行动，全年集聚青年人才15万人以上。")
    d = _made(body).decide("某市今年打算吸引多少青年人才")
    assert not d.refused and "15万人" in d.chosen[0].sentence.text
