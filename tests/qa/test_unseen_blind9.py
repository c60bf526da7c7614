"""General faults a ninth unseen question set showed, each on a made-up notice: the asker
describing themselves (「我是学机械的应届生，…」) taken for what is asked, a figure the asker
guesses or states (「是不是能免两年」, 月薪8000) weighed as a topic the documents lack, a
measure word (那张卡) read as a noun, 「用那个高新区」 read as a zone's name, and a
comparison with a place the library lacks answered with the other side alone, and 「能拿多少钱」
answered by a sentence that names the reward but not its sum. Each test
also checks the case that must still refuse or answer otherwise."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.plan import asked_region
from app.answer.question import analyze, content_segments, find_places
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", "某市", body)})


def test_the_asker_describing_themselves_is_background() -> None:
    """A clause that starts with 我 and wants nothing is background, even just before the
    clause that asks or in a question of two clauses; one that wants something is not."""
    assert asides("我是学机械的应届生，重点岗位有多少个？") == ("我是学机械的应届生",)
    assert asides("我想落户某市，需要什么条件？") == ()
    assert asides("听说有个一次性补贴，本科能拿多少") == ()
    body = "目前已收录179家企业1970个重点岗位。企业参与人才培养。高校毕业生可享受生活补贴。"
    d = _made(body).decide("我是学机械的应届生，重点岗位一共有多少个？")
    assert not d.refused and "1970个" in d.chosen[0].sentence.text
    # the asker's category, said in the clause that asks, is still demanded
    assert _made(body).decide("应届生的重点岗位一共有多少个？").refused


def test_a_guessed_figure_is_no_topic() -> None:
    """「是不是能免两年房租」: the documents state 1年, so 两年 is the asker's guess."""
    body = "人才公寓对就职的毕业生减免1年房租。人才公寓共5000套，入住8000人。"
    d = _made(body).decide("人才公寓是不是能免两年房租？")
    assert not d.refused and "1年" in d.chosen[0].sentence.text
    q, _ = _made(body).candidates("人才公寓是不是能免两年房租？")
    assert "两年" not in "".join(q.content)
    # a year is no guess: 2019年, which the documents lack, stays asked
    q, _ = _made(body).candidates("2019年人才公寓入住了多少人？")
    assert "2019" in "".join(q.content)


def test_a_measure_word_after_a_determiner_names_nothing() -> None:
    assert content_segments("那张卡正式叫什么") == ("卡正式",)  # 叫什么 is phrasing
    assert "那张" not in "".join(content_segments("给高端人才发的那张卡叫什么"))


def test_who_the_asker_is_stays_asked() -> None:
    """「我是残疾人大学生，…有什么扶持」: a category the documents never name is what makes
    the question unanswerable, though the asker says it of themselves."""
    body = "对高校毕业生给予就业扶持，每人补贴1000元。企业参与人才培养。"
    assert _made(body).decide("我是残疾人大学生，在某市就业有什么专门的扶持？").refused
    assert not _made(body).decide("我是大学生，在某市就业有什么专门的扶持？").refused


def test_a_name_that_points_is_no_place() -> None:
    """「用那个高新区平台」 names no zone 「用那个高新区」; 「去临江新区」 still does."""
    assert find_places("我们公司在青岛高新区，用那个高新区平台要收费吗") == ("青岛高新区",)
    assert find_places("想去临江新区工作") == ("临江新区",)


def test_a_comparison_with_a_place_the_library_lacks_asks_that_place() -> None:
    """「遵义和威海比，哪边…」 cannot be compared when the library holds nothing for one
    side: that side is the asked place, so the answer says it has no rules for it."""
    q = analyze("拉萨跟威海比，哪边的人才公寓更好？")
    assert asked_region(q, None, {"威海市"})[0] == "拉萨"
    assert asked_region(q, None, {"威海市", "拉萨市"}) == (None, None)


def test_a_sum_asked_in_so_many_words_needs_the_sum() -> None:
    """「…奖励能拿多少钱？」 over a sentence naming the reward without its sum is refused, the
    sum named missing; not once a sentence states it."""
    reward = "依托中介引才奖励等政策，集聚领军人才。"
    other = ("园区综述", "某市", "园区去年各类奖励合计200万元。")
    made = MadeUp.of({"a": ("人才工作综述", "某市", reward), "b": other})
    d = made.decide("某市的中介引才奖励能拿多少钱？")
    assert d.refused and "金额" in d.missing
    made = MadeUp.of({"a": ("人才工作综述", "某市", reward + "中介引才奖励为每人5000元。"),
                      "b": other})
    d = made.decide("某市的中介引才奖励能拿多少钱？")
    assert not d.refused and "5000元" in d.chosen[0].sentence.text
