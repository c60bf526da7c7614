"""General faults the hundred-and-seventy-seventh to hundred-and-eightieth unseen question
sets showed (the second round of the forty-sixth session: a realistic mix, everyday words,
askers opening with their city and school or job, things described). Each test also
checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked_place import asked_region
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.plan import read_question
from app.answer.programmes import find_programmes
from app.answer.question import QuestionInfo, analyze
from app.answer.story import only_aside, whereabouts
from lexicon import gazetteer
from tests.qa.made_up import MadeUp

_REGIONS = {"南阳市"}


def test_a_year_of_study_and_a_student_tell_who_asks() -> None:
    assert whereabouts("西宁大三学生，南阳的人才公寓免费住几天？", ["西宁", "南阳"]) == ("西宁",)
    assert whereabouts("西宁的大学生补贴有多少？", ["西宁"]) == ()


def test_what_the_asker_does_and_is_tell_who_asks() -> None:
    question = "贵阳备考公务员的应届生，习近平总书记主持中共中央政治局集体学习是在哪年哪月？"
    assert whereabouts(question, ["贵阳"]) == ("贵阳",)
    # a central body named after the self-description: the asker's city is not asked about
    assert asked_region(analyze(question), None, _REGIONS) == (None, None)
    # with none named, the place the asker is in stays the place asked about
    q = analyze("贵阳备考公务员的应届生，有什么补贴？")
    assert asked_region(q, None, _REGIONS)[0] == "贵阳"


def test_an_article_citing_a_survey_is_a_document_pointed_at() -> None:
    q = analyze("西宁大三学生，文章引用的调查里，哪两个地区被视为冷点区域？")
    assert asked_region(q, None, _REGIONS) == (None, None)


def test_an_apprentice_or_undergraduate_introduces_the_asker() -> None:
    assert told_terms("Welding apprentice in Tianjin. How many skilled workers does China "
                      "have in total now?") == ("天津",)
    assert told_terms("Sociology undergrad in Chengdu. How large was China's pool?") == ("成都",)
    # a question that asks about the place tells nothing of the asker
    assert told_terms("How many skilled workers does Tianjin have?") == ()


def test_the_field_studied_may_name_the_year_too() -> None:
    assert find_programmes("聊城读软件工程的大四学生，那场招聘会提供了多少岗位") == ()


def test_the_asker_s_trade_ties_the_question_to_no_document() -> None:
    assert only_aside("上海做猎头的，崂山区人才住房包括哪四种？", "猎头")
    assert not only_aside("上海做猎头的，猎头补贴有多少？", "猎头")


def test_an_everyday_word_in_quotation_marks_is_no_name() -> None:
    body = "调查显示，在国内人力资源分布中，甲地与乙地被视为冷点区域，属于人力资源较为匮乏的地区。"
    view = MadeUp.of({"p": ("某文", None, body)}).view
    assert view.renamed("哪俩地方是“冷门”地区？") == ("哪俩地方是冷门地区？", ())
    # a name the documents never use stays quoted, and so required
    assert view.renamed("“青苗计划”覆盖哪俩地方？") == ("“青苗计划”覆盖哪俩地方？", ())


def test_a_neighbourhood_is_no_unknown_place() -> None:
    assert [m.text for m in gazetteer().find("高校毕业生，住青年社区人才公寓能免多久房租")
            if not m.known] == []
    assert [m.text for m in gazetteer().find("毕业去临江新区工作") if not m.known] == ["临江新区"]


def test_a_firm_only_one_document_names_has_its_own_place() -> None:
    view = MadeUp.of({
        "a": ("南阳人才政策", "南阳市", "对高校毕业生每月发放1000元生活补贴。"),
        "b": ("技能人才培养", "北京经济技术开发区",
              "开发区企业北汽新能源发布培养计划，三年内将培育超过2500名高技能人才。"),
    }).view

    def ties(q: QuestionInfo) -> bool:
        return bool(view.anchors(q, 1))

    q = read_question("株洲做汽车装配的，北汽新能源三年要培育多少名高技能人才？", (), view)
    assert asked_region(q, None, view.regions, ties=ties) == (None, None)
    # without a name of one document's, the place the asker is in stays the place asked about
    q = read_question("株洲做汽车装配的，有什么生活补贴？", (), view)
    assert asked_region(q, None, view.regions, ties=ties)[0] == "株洲"


def test_the_most_one_may_borrow_is_a_sum_asked() -> None:
    assert "amount" in find_kinds("What is the most a talent can borrow through the loan?")
    assert "amount" not in find_kinds("Which loans can a talent borrow through?")
