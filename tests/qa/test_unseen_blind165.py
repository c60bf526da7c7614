"""General faults the hundred-and-sixty-fifth to hundred-and-sixty-eighth unseen question
sets showed (a realistic mix, everyday words, askers opening with their city and school,
things described instead of named). Each test also checks the case that must still be
read the old way."""

from __future__ import annotations

from app.answer.asked_place import asked_region
from app.answer.clauses import asides
from app.answer.kinds import find_kinds
from app.answer.programmes import find_programmes
from app.answer.question import analyze
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The chosen sentences over a one-document 南阳 corpus, joined; None when refused."""
    d = MadeUp.of({"p": ("某市人才工作综述", "南阳市", text)}).decide(question)
    return None if d.refused else "".join(c.sentence.text for c in d.chosen)


def test_a_student_noun_or_school_year_ending_the_opening_is_who_asks() -> None:
    assert asides("泉州技校生，南阳全年新增评价人数目标是多少？") == ("泉州技校生",)
    assert asides("长春本科大四，招聘会来了多少家企业？") == ("长春本科大四",)
    assert asides("高雄读大学的，想问高技能人才占比是多少？") == ("高雄读大学的",)
    # a graduate is whom a measure is for: the clause names the topic
    assert asides("大专毕业生，每月生活津贴多少？") == ()
    body = "鼓励企业开展社会培训评价，全年新增评价人数2.6万人次。"
    assert "2.6万人次" in (_answers(body, "泉州技校生，南阳全年新增评价人数目标是多少？") or "")


def test_the_mainland_is_the_whole_country() -> None:
    regions = {"南阳市"}
    q = analyze("高雄读大学的，想问大陆高技能人才占技能人才总量的比例是多少？")
    assert asked_region(q, None, regions) == (None, None)
    # without a word for the country, the asker's city stays the place asked about
    assert asked_region(analyze("高雄读大学的，高技能人才占比多少？"), None, regions)[0] == "高雄"
    body = "当前，我国高技能人才队伍已壮大至6000多万人，占技能人才总量的30%。"
    answer = _answers(body, "高雄讀大學的，想問大陸高技能人才占技能人才總量的比例是多少？")
    assert answer is not None and "30%" in answer


def test_a_programme_described_at_length_has_no_name() -> None:
    assert find_programmes("青岛高新区那个让年轻人租人才房更快的新计划，审批要几天") == ()
    assert find_programmes("青岛那个青年人才集聚的行动计划是几年的") == ("青年人才集聚的行动计划",)


def test_everyday_words_for_housing_allocation_and_pay() -> None:
    assert fold_synonyms("分房有几种方式") == "住房分配有几种方式"
    assert fold_synonyms("给大牛发薪水") == "给大牛发薪酬"
    # wages are not a package of pay: 最低工资 stays itself
    assert fold_synonyms("最低工资多少") == "最低工资多少"


def test_the_writer_as_the_head_of_a_clause_asks_the_author() -> None:
    assert find_kinds("写威海高新区招大学生这篇经验文章的是哪个单位的人？") == ("author",)
    assert "author" not in find_kinds("写了什么内容的是哪篇文章")
