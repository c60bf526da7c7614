"""General faults a seventh unseen question set showed, each on a made-up notice: a
salary word (年薪) not read as money, a deadline (截止到什么时候) answered by the day a
plan was announced, and 能算 (counts as) read as a thing the documents lack. Each test
also checks the case that must still answer."""

from __future__ import annotations

from app.answer.config import AnswerConfig
from app.answer.question import analyze, find_kinds
from tests.qa.made_up import MadeUp

ONLY_UNSEEN = AnswerConfig(min_coverage=0.0, min_support=0.0)


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", "某市", body)})


def _answered_only_with(question: str, without: str, fact: str, needle: str) -> None:
    """``question`` is refused over a notice of ``without`` alone and answered once
    ``fact`` is added, its first sentence holding ``needle``."""
    assert _made(without).decide(question).refused
    d = _made(without + fact).decide(question)
    assert not d.refused and needle in d.chosen[0].sentence.text


def test_a_salary_asks_an_amount() -> None:
    """「年薪要到多少」 asks money: a sentence naming the scheme without a figure does not
    answer it, one with the threshold does."""
    assert find_kinds("按薪定才发人才绿卡，年薪要到多少才够？") == ("amount",)
    _answered_only_with("按薪定才发人才绿卡，年薪要到多少才够？",
                        "对企业新引进的高端紧缺人才，可以采取按薪定才的方式发放人才服务绿卡。",
                        "按薪定才的年薪标准为50万元以上。", "50万元")


def test_a_deadline_asks_a_day() -> None:
    """「申报截止到什么时候」 needs the closing day, not 「今年2月底，…宣布…」."""
    assert find_kinds("工作室申报截止到什么时候") == ("day",)
    assert find_kinds("什么时候开始申报") == ("date",)
    _answered_only_with("技能大师工作室申报截止到什么时候？",
                        "今年2月底，本省宣布今年将新建一批技能大师工作室。",
                        "技能大师工作室申报截止到2025年4月30日。", "4月30日")


def test_counts_as_is_phrasing() -> None:
    q = analyze("学历不高，有技术绝活，能算人才吗？")
    assert all("能算" not in segment for segment in q.content)
    made = _made("现在论人才不是只看重学历，只要有技术绝活，就是人才。")
    d = made.decide("学历不高，有技术绝活，能算人才吗？", ONLY_UNSEEN)
    assert not d.refused and "技术绝活" in d.chosen[0].sentence.text


def test_a_slip_with_several_homophones_takes_the_far_commonest() -> None:
    """人材 sounds like 人才 (in ten sentences) and 人财 (in one): a keyboard offers the
    common word first, so 人材 is read as 人才; with two spellings about as common, the
    slip is left as typed."""
    body = "".join(f"第{i}批人才到岗。" for i in range(10)) + "人财物统一调度。"
    assert _made(body).view.correct("引进多少青年人材？") == "引进多少青年人才？"
    even = "名单向社会公示。公示期五天。公事公办。处理公事。"
    assert _made(even).view.correct("名单公式几天？") == "名单公式几天？"
    assert _made("名单向社会公示。公示期五天。").view.correct("名单公式几天？") == "名单公示几天？"
    # a real word is read as another word only, not as two characters meeting in the
    # corpus (人财 of 人财物 is none)
    mixed = "人才到岗。人才服务。人财物统一调度。人财两空。"
    assert _made(mixed).view.correct("引进多少青年人材？") == "引进多少青年人才？"
