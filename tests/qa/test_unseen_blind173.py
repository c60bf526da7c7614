"""General faults the hundred-and-seventy-third to hundred-and-seventy-sixth unseen
question sets showed (the forty-sixth session: a realistic mix, everyday words, askers
opening with their city and school or job, things described). Each test also checks the
case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_sum
from app.answer.asked_place import asked_region
from app.answer.clauses import asides
from app.answer.programmes import asked_names, find_programmes
from app.answer.question import analyze
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The chosen sentences over a one-document 南阳 corpus, joined; None when refused."""
    d = MadeUp.of({"p": ("某区人才工作综述", "南阳市", text)}).decide(question)
    return None if d.refused else "".join(c.sentence.text for c in d.chosen)


def test_a_name_asked_is_the_same_for_every_degree() -> None:
    body = ("全方位升级改造白河苑人才公寓，打造青年人才工作品牌；"
            "对标先进地区，在人才聚集区域打造了20个人才家园。")
    answer = _answers(body, "苏州读研一的，南阳升级改造的那个人才公寓叫什么名字？")
    assert answer is not None and answer.startswith("全方位升级改造白河苑")
    # what a benefit grants still has to name the asker's degree
    assert _answers("博士可免费入住人才公寓5天。", "苏州读研一的，南阳人才公寓免费住几天") is None


def test_the_field_the_asker_studies_is_no_programme() -> None:
    assert find_programmes("洛阳读软件工程的，那场招聘会是哪个部门举办的") == ()
    assert find_programmes("念土木工程的，有什么补贴") == ()
    # a programme named where something is asked of it is still one
    assert find_programmes("南阳人才引育工程的补贴标准") == ("南阳人才引育工程",)


def test_the_trade_the_asker_is_in_is_an_aside() -> None:
    question = "银川做数控的，提出这个观点的委员叫什么名字？"
    assert asides(question) == ("银川做数控的",)
    assert asides("在深圳搞销售的，南阳有什么补贴？") == ("在深圳搞销售的",)
    # whom a measure is for is what is asked about
    assert asides("对做研发的，南阳有什么补贴？") == ()


def test_a_quotation_with_words_left_out_is_no_name() -> None:
    assert asked_names("“以科技创新推动产业创新……发展新质生产力”这句话是谁说的") == ()
    assert asked_names("那个“汇智崂山”政策兑现了多少") == ("汇智崂山",)


def test_words_quoted_have_their_own_place() -> None:
    regions = {"南阳市"}
    q = analyze("重庆读研二的，要以科技创新推动产业创新这句话是哪个会议指出的？")
    assert asked_region(q, None, regions) == (None, None)
    # with nothing quoted, the place the asker is in stays the place asked about
    assert asked_region(analyze("重庆读研二的，有什么补贴？"), None, regions)[0] == "重庆"


def test_the_most_one_may_borrow_asks_a_sum() -> None:
    assert asks_sum("What is the maximum amount I can borrow through the talent loan?")
    assert asks_sum("How much can I borrow up to?")
    assert asks_sum("What is the most a talent can borrow through the talent loan?")
    # a count is no sum
    assert not asks_sum("What is the maximum number of companies on the list?")
