"""General faults the hundred-and-eighty-ninth to hundred-and-ninety-sixth unseen question
sets showed (both rounds of the forty-eighth session: a realistic mix, everyday words,
askers opening with their city and school or job, things described). Where a rule could
fire too widely, the test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright
from app.answer.asked_place import asked_region
from app.answer.english import english_query
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.question import analyze
from tests.qa.made_up import MadeUp

#: a 南阳 notice that grants a sum by degree, then a heading, then a flat's free nights for
#: any graduate (which say nothing of the sum asked, yet share the heading's words)
_BY_DEGREE = {"d": ("某区人才政策", "南阳市",
                    "对南阳籍毕业生，按照博士研究生1万元、硕士研究生5000元、本科毕业生3000元的标准"
                    "发放一次性返乡留宛补贴。（二）以精准对接引导毕业生留在南阳工作。打造人才公寓，"
                    "对求职面试的大学生提供5天免费住宿，对确定就职的高校毕业生减免1年房租。")}


def _chosen(made: MadeUp, question: str) -> str:
    decision = made.decide(question)
    assert not decision.refused, decision.reason
    return " ".join(c.sentence.text for c in decision.chosen)


def test_who_said_a_quotation_asks_no_department() -> None:
    assert "department" not in find_kinds("是谁说“高技能人才评价激励机制亟待完善”的？")
    # with nothing quoted, or a name quoted, a body may well have proposed it
    assert "department" in find_kinds("这项政策是谁提出的？")
    assert "department" in find_kinds("是谁提出“人才强市”战略的？")


def test_a_quoted_clause_is_read_as_the_askers_words() -> None:
    made = MadeUp.of({"s": ("某区校地合作", "南阳市",
                            "南阳市以南阳理工学院为试点，学校为人才提供编制和岗位，"
                            "企业为人才提供平台和薪资。南阳企业发展迅速。高校联合培养人才。")})
    question = "南阳那个“学校给编制和岗位、企业给平台和薪资”的做法，是拿哪所学校做试点的？"
    assert "南阳理工学院" in _chosen(made, question)
    # a quoted clause whose words no sentence holds together is a name, still required
    assert made.decide("南阳那个“企业和高校联合培养”，是拿哪所学校做试点的？").refused


def test_a_time_asked_needs_a_sentence_that_states_one() -> None:
    question = "南阳白河片区的人才公园什么时候建成开放？"
    park = ("某区人才工作", "南阳市", "南阳市在白河片区打造人才公园，表达对人才的最高礼遇。")
    # a dated sentence far weaker than the park's is no reason to quote the park's, undated
    dated_elsewhere = ("某市统计公报", "南阳市", "2023年，白河街道新增就业岗位3000个。")
    assert MadeUp.of({"p": park, "q": dated_elsewhere}).decide(question).refused
    opened = "南阳市白河片区人才公园于2024年5月建成开放。"
    dated = MadeUp.of({"p": ("某区人才工作", "南阳市", opened)})
    assert "2024年5月" in _chosen(dated, question)


def test_a_sum_stated_for_other_degrees_only_is_not_answered() -> None:
    made = MadeUp.of(_BY_DEGREE)
    decision = made.decide("我是大专毕业的，回南阳工作能拿多少返乡留宛补贴？")
    assert decision.refused and decision.missing == ("专科",)
    assert "5000元" in _chosen(made, "我是硕士毕业的，回南阳工作能拿多少返乡留宛补贴？")


def test_which_one_was_done_is_the_same_whoever_asks() -> None:
    made = MadeUp.of({"a": ("某区人才工作", "南阳市",
                            "南阳市全方位升级改造白河人才公寓，打造“正午青年”人才工作品牌。"
                            "在人才聚集区域打造了20个人才家园。")})
    assert "白河人才公寓" in _chosen(made, "大连读研的，南阳全方位升级改造的是哪个人才公寓？")
    # which one the asker may have depends on who they are
    by_degree = MadeUp.of({"a": ("某区人才公寓", "南阳市",
                                 "博士可申请入住白河人才公寓。本科可申请入住卧龙人才公寓。")})
    decision = by_degree.decide("我是硕士，能申请入住的是哪个人才公寓？")
    assert decision.refused or not any("博士" in c.sentence.text for c in decision.chosen)


def test_everyday_english_policy_words_are_glossed() -> None:
    def words(question: str) -> set[str]:
        return set(english_query(question).split())

    assert words("Which office handles the professional title reform?") >= {"职称", "改革"}
    assert words("How many firms are in its shortage-talent register?") >= {"紧缺人才", "登记"}
    assert words("Which technical schools will build with key industries?") >= {
        "技工院校", "重点产业"}
    assert "科技人力资源" in words("How big is the science and technology human resources?")
    assert {"引导资金", "贴息贷款"} <= words(
        "How much guidance funding and discounted-interest loan did they get?")
    assert {"职业院校", "合作"} <= words("How many vocational schools will they team up with?")


def test_a_quoted_passage_is_no_place_of_the_asker_asked() -> None:
    regions = ("南阳市",)
    quoted = analyze("九江中职老师，是谁说“高技能人才评价激励机制亟待完善”的？")
    assert asked_region(quoted, None, regions) == (None, None)
    place, _ = asked_region(analyze("九江中职老师，九江有什么人才补贴？"), None, regions)
    assert place == "九江"
    # a name quoted, asked of whether they may have it, is still asked where they are
    place, _ = asked_region(analyze("九江中职老师，我能申请“青年人才安居工程”吗？"), None, regions)
    assert place == "九江"


def test_studying_at_a_graduate_school_in_taiwanese_usage_tells_who_asks() -> None:
    # round two (blind193-196): 念研究所 is studying for a master's, 文中 points at a document
    question = "台北念研究所的，文中建议推广的人才服务模式包括哪几个「专」？"
    assert analyze(question).degrees == ("硕士",)
    assert asked_region(analyze(question), None, ("南阳市",)) == (None, None)
    place, _ = asked_region(analyze("台北念研究所的，台北有什么人才补贴？"), None, ("南阳市",))
    assert place == "台北"
    # a research institute is no degree
    assert analyze("在研究所工作的，有什么人才补贴？").degrees == ()


def test_an_english_introduction_may_say_what_the_asker_is_working_on() -> None:
    question = ("PhD candidate in Beijing, working on magnetic imaging. How much guidance "
                "funding did Nanyang put in?")
    assert {"博士", "北京"} <= set(told_terms(question))
    assert told_terms("How much do PhDs working in Beijing get?") == ()


def test_an_english_question_quoting_a_chinese_name_tells_who_asks_too() -> None:
    made = MadeUp.of({"p": ("某区招聘服务", "南阳市",
                            "依托“南阳人才招聘服务平台”实现岗位信息智能匹配，凡园区企业均可免费使用。")})
    question = ("Software graduate in Jinan. Who is allowed to use the "
                "南阳人才招聘服务平台 free of charge?")
    assert "园区企业" in _chosen(made, question)


def test_a_chinese_name_in_brackets_in_english_is_quoted_as_a_name() -> None:
    question = "Final-year student in Xi'an. What is the most Nanyang's talent loan (人才贷) lends?"
    assert analyze(question).programmes == ("人才贷",)
    # a place's name in brackets stays a place, and a degree a degree
    assert analyze("How much does Huailai County (怀来县) give to PhDs?").programmes == ()
    assert analyze("What do master's graduates (硕士) get in Nanyang?").programmes == ()


def test_together_names_nothing() -> None:
    assert "一起" not in "".join(analyze("“双导师”是哪两种导师一起带学生？").content)


def test_english_words_in_quotation_marks_are_no_chinese_name() -> None:
    made = MadeUp.of({"l": ("某区人才金融", "南阳市", "推出“人才贷”“人才险”等金融产品。"
                                                  "研究采用“qualitative”方法。")})
    q, _ = made.candidates('What is the most I can borrow with the "talent loan" (人才贷)?')
    assert q.programmes == ("人才贷",) and q.renamed == ()


def test_a_time_asked_beside_a_count_of_people_asks_the_count() -> None:
    question = "南阳青年人才截止现在有多少人？"
    assert asks_outright(question, find_kinds(question)) == "people"
    question = "南阳人才公园什么时候建成开放？"
    assert asks_outright(question, find_kinds(question)) == "date"
