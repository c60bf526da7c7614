"""General faults the eighty-ninth to ninety-second unseen question sets showed (things
described instead of named, complaints and sarcasm, practical applicants, students
planning ahead). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asked_measure, asks_people
from app.answer.clauses import asides
from app.answer.plan import read_question
from app.answer.programmes import find_programmes, quote_recalled
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp

_RETURN = {"r": ("某区人才政策", "南阳市",
                 "对回南阳工作的南阳籍毕业生，按照博士研究生1万元、硕士研究生5000元的标准发放一次性返乡补贴。")}


def test_a_local_is_no_thing_the_documents_lack() -> None:
    q = read_question("南阳本地人博士毕业回南阳工作 一次性能拿多少钱", (), MadeUp.of(_RETURN).view)
    assert not any("本地" in c for c in q.content), q.content
    d = MadeUp.of(_RETURN).decide("南阳本地人博士毕业回南阳工作 一次性能拿多少钱")
    assert not d.refused and "1万元" in d.chosen[0].sentence.text, d.reason


def test_a_space_between_two_questions_parts_them_and_a_measure_word_counts_things() -> None:
    two = "南阳登记了多少家企业缺人\u3000一共多少个岗位"
    assert not asks_people(two, ("count",))
    assert not asks_people("南阳有多少家企业缺人", ("count",))
    assert asks_people("南阳今年引进了多少青年人才", ("count",))


_PLAN = {"p": ("某企业人才计划", None,
               "近日，某新能源企业发布技能人才培养“青领计划”，未来3年内将合作百所技能院校。")}


def test_a_name_recalled_unsure_without_quotation_marks_is_a_hint() -> None:
    asked = "那个要跟一百所技校合作的计划，好像叫青年领航计划来着，到底叫啥？"
    assert quote_recalled(asked) == asked.replace("青年领航计划", "“青年领航计划”")
    assert quote_recalled("这个计划叫什么") == "这个计划叫什么"
    d = MadeUp.of(_PLAN).decide(asked)
    assert not d.refused and "青领计划" in d.chosen[0].sentence.text, d.reason


def test_what_a_programme_does_counted_is_a_description_not_a_name() -> None:
    assert find_programmes("三年送一万个技术工人的计划叫什么") == ()
    assert find_programmes("青年人才集聚的行动计划是几年的") == ("青年人才集聚的行动计划",)


def test_telling_the_listener_off_is_an_aside() -> None:
    said = "南阳的人才政策，别光发文件啊，真金白银到底兑现了多少？"
    assert "别光发文件啊" in asides(said)
    # 别的 is "other": the clause still names what is asked about
    assert "别的地方" not in asides("别的地方，有没有人才公寓？")


_PARK = {"k": ("某区就业综述", "南阳市",
               "鼓励高校毕业生留区就业，加强人才交流人员培训。")}


def test_no_slip_is_read_inside_a_listed_place_nor_a_real_word_taken_for_a_rarer_one() -> None:
    view = MadeUp.of(_PARK).view
    assert "下陆区" in view.correct("以后在下陆区创业的话，有创业导师带吗？")
    assert "留人" in view.correct("那套招人留人的政策叫啥？")


_MECHANISM = {"m": ("某产教融合研究", None,
                    "促进企业与高校实现共同招生、共同培养和师资互通、课程融通的“四共”“四通”机制。")}


def test_a_quoted_list_of_half_remembered_names_is_read_name_by_name() -> None:
    made = MadeUp.of(_MECHANISM)
    text, renamed = made.view.renamed("那套“四个共同、四个通”的机制，四个通是啥？")
    assert "四共" in text and renamed == (("四个共同", "四共"), ("四个通", "四通")), renamed
    d = made.decide("那套“四个共同、四个通”的机制，四个通分别是啥？")
    assert not d.refused and "师资互通" in d.chosen[0].sentence.text, d.reason


_FAIR = {"f": ("某区招聘会", "南阳市",
               "南阳高新区举办青软集团专场招聘会。提供岗位300余个。"
               "招聘会吸引包括科捷智能等20余家重点企业参与，共提供优质岗位300余个。")}


def test_a_fuller_sentence_answers_before_the_caption_that_repeats_part_of_it() -> None:
    d = MadeUp.of(_FAIR).decide("南阳高新区青软集团那场招聘会，来了多少家企业、一共有多少个岗位？")
    assert not d.refused and "20余家" in d.chosen[0].sentence.text, d.reason


def test_a_share_asked_is_answered_by_a_percentage() -> None:
    assert asked_measure("高级技工占技能人才的几成", ("count",)) == "%"
    assert asked_measure("高级技工有多少万人", ("count",)) is None
    share = {"s": ("某报道", None, "我国高技能人才超过6000万人。高技能人才占技能人才总量的30%。")}
    d = MadeUp.of(share).decide("高级技工占技能人才的百分之几？")
    assert not d.refused and "30%" in d.chosen[0].sentence.text, d.reason


def test_the_askers_year_at_school_is_no_thing_the_documents_lack() -> None:
    skills = {"s": ("某市技能人才综述", "南阳市",
                    "截至2024年末，南阳市高技能人才总量突破17.52万人。")}
    asked = "高三准备报南阳的技师学院，南阳那边到2024年底高技能人才一共有多少？"
    d = MadeUp.of(skills).decide(asked)
    assert not d.refused and "17.52万人" in d.chosen[0].sentence.text, d.reason


def test_everyday_names_of_skilled_workers_and_of_the_year_end_read_as_the_notices() -> None:
    assert fold_synonyms("高级技工") == fold_synonyms("高技能人才")
    assert fold_synonyms("2024年底") == fold_synonyms("2024年末")
    assert fold_synonyms("留人") == fold_synonyms("留才")
    assert fold_synonyms("招人才的项目") == fold_synonyms("引才的项目")
    assert fold_synonyms("带徒弟") == fold_synonyms("师带徒")
    assert fold_synonyms("工作间") == fold_synonyms("工作室")
