"""General faults the hundred-and-thirteenth to hundred-and-sixteenth unseen question sets
showed (typing quirks, askers who want the source, sums worked out from a figure, limits and
thresholds). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.kinds import find_kinds
from tests.qa.made_up import MadeUp

_TITLES = {"t": ("某市人才实施方案", "南阳市",
                 "支持有意愿且符合条件的重点产业企业自主开展工程技术中级、初级职称评审。")}
_RETURN = {"r": ("某区人才政策", "南阳市",
                 "对南阳籍毕业生，按照博士研究生1万元、硕士研究生5000元的标准发放一次性返乡补贴。")}


def test_asking_for_the_source_names_no_topic() -> None:
    made = MadeUp.of(_TITLES)
    for source in ("有没有文件依据", "原文怎么写", "出处在哪"):
        d = made.decide(f"南阳哪些企业可以自己搞工程技术中级职称评审？{source}")
        assert not d.refused and "有意愿" in d.chosen[0].sentence.text, (source, d.reason)
    # a document the question is about is still a topic
    d = made.decide("南阳职称评审的文件编号是多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_the_documents_to_bring_are_asked_outright() -> None:
    made = MadeUp.of(_RETURN)
    d = made.decide("南阳返乡补贴要去哪里申请？需要带什么材料？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    made = MadeUp.of({"m": ("某区人才政策", "南阳市",
                            "申请返乡补贴需提交身份证、毕业证书复印件和劳动合同。")})
    d = made.decide("南阳返乡补贴要去哪里申请？需要带什么材料？")
    assert not d.refused and "身份证" in d.chosen[0].sentence.text, d.reason


def test_the_year_of_the_clause_that_asks_is_the_year_asked() -> None:
    made = MadeUp.of({"y": ("人才研究", "南阳市",
                            "截至2020年底，南阳科技人力资源总量已超过1.1万人。")})
    d = made.decide("论文说截至2020年底南阳科技人力资源超过1.1万人，那截至2023年底是多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("截至2020年底南阳科技人力资源总量有多少？")
    assert not d.refused and "1.1万人" in d.chosen[0].sentence.text, d.reason


def test_an_english_question_for_the_rent_asks_a_sum() -> None:
    assert find_kinds("What is the monthly rent at the talent apartments?") == ("amount",)
    assert find_kinds("What's the monthly rent?") == ("amount",)
    assert find_kinds("What kinds of housing subsidy schemes are there?") == ()
    made = MadeUp.of({"a": ("某区人才综述", "南阳市",
                            "全方位升级改造南阳人才公寓，打造青年人才工作品牌。")})
    d = made.decide("What is the monthly rent at Nanyang's talent apartments?")
    assert d.refused, [c.sentence.text for c in d.chosen]
