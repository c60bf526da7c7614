"""General faults the hundred-and-sixty-ninth to hundred-and-seventy-second unseen question
sets showed (the second round of the forty-fifth session: a realistic mix, everyday words,
askers opening with their city and school or job, things described). Each test also
checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked_place import asked_region
from app.answer.question import analyze
from app.answer.story import whereabouts
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The chosen sentences over a one-document 南阳 corpus, joined; None when refused."""
    d = MadeUp.of({"p": ("某市人才工作综述", "南阳市", text)}).decide(question)
    return None if d.refused else "".join(c.sentence.text for c in d.chosen)


def test_a_word_cut_before_a_modal_is_joined_again() -> None:
    body = "对南阳籍毕业生，按照博士研究生1万元的标准发放一次性返乡留才补贴。"
    answer = _answers(body, "南阳本地人读完博士回南阳工作，一次性能给多少钱？")
    assert answer is not None and "1万元" in answer


def test_a_city_and_a_job_title_tell_who_asks() -> None:
    question = "赣州职校老师，论文里说企业导师和校内导师一起带学生，这个制度叫啥"
    assert whereabouts(question, ["赣州"]) == ("赣州",)
    # what they say after who they are refers to a paper: their city is not asked about
    assert asked_region(analyze(question), None, {"南阳市"}) == (None, None)
    # a job named as the topic is no introduction
    assert whereabouts("赣州老师的补贴标准是多少？", ["赣州"]) == ()


def test_how_long_an_approval_takes_is_the_same_for_every_degree() -> None:
    body = "南阳推出青年人才安居计划，租赁型人才住房将原有7个工作日的审批流程压缩至当日办结。"
    answer = _answers(body, "南充读研的，南阳人才住房审批现在要多久")
    assert answer is not None and "当日办结" in answer
    # what a benefit grants still has to name the asker's degree
    assert _answers("博士可免费入住人才公寓5天。", "南充读研的，南阳人才公寓免费住几天") is None


def test_an_event_pointed_at_has_its_own_place() -> None:
    regions = {"青岛高新技术产业开发区"}
    q = analyze("长春本科大四，青软集团那场专场招聘会来了多少家企业？")
    assert asked_region(q, None, regions) == (None, None)
    # with nothing pointed at, the place the asker is in stays the place asked about
    assert asked_region(analyze("长春本科大四，招聘会来了多少家企业？"), None, regions)[0] == "长春"


def test_everyday_words_for_ministries_and_zones() -> None:
    assert fold_synonyms("哪个部委发布的") == "哪个部门发布的"
    assert fold_synonyms("冷门地带") == "冷门区域"
