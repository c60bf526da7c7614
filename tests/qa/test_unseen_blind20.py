"""General faults the twentieth and twenty-first unseen question sets showed, each on a
made-up notice: a question asking which schooling a benefit needs (「要什么学历才能领」) was
answered by a sentence that names the benefit and no degree; a noun with a localizer after
it (人里 of 「从哪些人里选」) was respelled as a word it sounds like (人力); and a figure the
asker checks with 多 after it (「有2亿多人对吧」) left 多人 behind as a thing the documents
must write; a span of time stated for one thing answered how long another lasts (「减免1年
房租，到期后可半价续租」 asked how long the renewal runs); and the asking idiom 哪年哪月 was
read as a thing the documents lack; a sentence that counts what is asked for by name
(「合作百所技能院校」 for 「都有哪些院校」) was taken for the list; and an English question that
quotes a Chinese term lost what it asks (what salary) and was refused in its glossed
reading's words. Each test also checks the case that must still be answered or left
alone."""

from __future__ import annotations

from app.answer.claims import claims, figures
from app.answer.plan import read_question
from app.answer.question import analyze, find_kinds
from app.answer.refusal import refusal_subject
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_asking_which_degree_a_benefit_needs_is_a_kind_of_fact() -> None:
    assert "degree" in find_kinds("那个购房券要什么学历才能领")
    assert "degree" in find_kinds("生活补贴对学历有要求吗")
    assert "degree" in find_kinds("What degree do I need for the housing subsidy?")
    # the asker's own schooling is told, not asked
    assert "degree" not in find_kinds("我没什么学历，能评工匠吗")
    assert "degree" not in find_kinds("那个没啥学历的工人在哪家公司")


def test_a_sentence_naming_no_degree_does_not_say_which_one_is_needed() -> None:
    made = _made("青年人才到高新区可享受最高15万元的住房补贴，以及最高10万元的购房券。")
    d = made.decide("高新区那个最高10万元的购房券，要什么学历才能领")
    assert d.refused, d.reason
    assert "学历要求" in d.missing
    # a sentence that names the degrees says it
    made = _made("按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活补贴。")
    d = made.decide("生活补贴要什么学历才能领？")
    assert not d.refused, d.reason
    assert "硕士" in d.chosen[0].sentence.text


def test_a_noun_and_its_localizer_are_no_slip() -> None:
    made = _made("人力资源部门积极选聘优秀企业家为导师。人力资源服务机构提供人力资源服务。"
                 "推进人力资源市场建设。")
    assert made.view.correct("校外导师一般从哪些人里选") == "校外导师一般从哪些人里选"
    # a verb before the place word may be a slip: 管里 is 管理 typed with the wrong 里
    managed = _made("加强人才管理，完善管理制度。")
    assert managed.view.correct("人才管里办法") == "人才管理办法"


def test_more_than_a_figure_is_still_one_figure() -> None:
    assert [c.text for c in figures("总量有2亿多人对吧")] == ["2亿多人"]
    assert [c.text for c in figures("听说补3000多元")] == ["3000多元"]
    assert [c.text for c in figures("有20余家企业吧")] == ["20余家"]
    assert [c.text for c in figures("今年1个亿")] == ["1个亿"]
    made = _made("截至2020年底，全国科技人力资源总量已超过1.1亿人，规模为世界第一。"
                 "全国技能人才总量超过2亿人。")
    question = "文章说截至2020年底全国科技人力资源总量有2亿多人对吧"
    assert [c.kind for c in claims(question)] == ["date", "count"]
    d = made.decide(question)
    assert not d.refused, d.reason
    assert "1.1亿人" in d.chosen[0].sentence.text


def test_a_span_of_time_answers_only_beside_what_is_asked() -> None:
    """「减免1年房租，到期后可按市场价格半价续租」 says how long the rent is waived, not how
    long the half-price renewal lasts; asked the first, it answers, asked the second, not."""
    made = MadeUp.of({
        "d": ("人才工作方案", "某市", "打造青年社区人才公寓，对求职面试的大学生提供5天免费"
              "住宿，对确定就职的高校毕业生减免1年房租，到期后可按市场价格半价续租。"),
        # 人才公寓 is a common word here, 半价续租 a rare one
        "e": ("人才公寓建设", "某市", "人才公寓已建成50万平方米。人才公寓投入使用5300多套。"
              "人才公寓入住青年人才8000多名。")})
    d = made.decide("人才公寓半价续租最多能续几年")
    assert d.refused, d.reason
    d = made.decide("人才公寓房租能免多久")
    assert not d.refused, d.reason
    assert "1年房租" in d.chosen[0].sentence.text
    # a span stated in the clause after the one that names what is asked still answers
    made = _made("对引进的博士给予每月5000元生活补贴，最长发放3年。")
    d = made.decide("博士生活补贴能领几年")
    assert not d.refused, d.reason


def test_an_asking_idiom_is_no_missing_thing() -> None:
    """哪年哪月 is a word the dictionary holds (which year and month): it asks a date and
    is nothing the documents could lack."""
    made = _made("本文讨论新质生产力这一概念。2023年9月，首次提出新质生产力。")
    question = "新质生产力这个概念是哪年哪月提出来的？"
    assert made.view.unseen(analyze(question)) == ()
    d = made.decide(question)
    assert not d.refused, d.reason
    assert "2023年9月" in d.chosen[0].sentence.text


def test_a_sentence_that_counts_what_is_asked_by_name_names_none() -> None:
    """「合作的院校都有哪些」 asks which schools; 「将合作百所技能院校」 says only how many."""
    made = MadeUp.of({
        "d": ("技能人才培养计划", "某市", "某企业发布技能人才培养计划。根据规划，未来3年内将"
              "合作百所技能院校，为产业输送万名技能人才。"),
        "e": ("校企合作", "某市", "某区与青岛大学、青岛科技大学等院校开展校企合作。")})
    d = made.decide("那个技能人才培养计划合作的百所技能院校都有哪些？")
    assert d.refused, d.reason
    assert "具体名单" in d.missing
    # asked how many, the count answers
    d = made.decide("那个技能人才培养计划要合作多少所技能院校？")
    assert not d.refused, d.reason
    assert "百所" in d.chosen[0].sentence.text
    # a sentence that lists them answers which
    d = made.decide("某区校企合作的院校有哪些？")
    assert not d.refused, d.reason
    assert "青岛大学" in d.chosen[0].sentence.text


def test_an_english_question_quoting_chinese_is_read_for_its_kind() -> None:
    """An English question that quotes the notice's term (「按薪定才」) is read as Chinese
    with its English glossed; what it asks (what salary: an amount) is still read."""
    question = ("Under Qingdao's 'set talent level by salary' (按薪定才) rule, what annual "
                "salary do you need to get the green card?")
    made = _made("对企业新引进的高端紧缺人才，可以采取按薪定才的方式发放高层次人才服务绿卡。")
    assert "amount" in read_question(question, (), made.view).kinds
    d = made.decide(question)
    assert d.refused, d.reason
    # the refusal quotes the asker's own words, not the glossed reading (人才工资 …)
    subject = refusal_subject(read_question(question, (), made.view), d.missing)
    assert "set talent level by salary" in subject and "工资" not in subject, subject
    # a Chinese question with an English word is read as before
    assert read_question("想找intern，有没有补贴", (), made.view).kinds == ()
