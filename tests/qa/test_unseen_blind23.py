"""General faults the twenty-third unseen question set showed, each on a made-up notice:
a figure checked after a verb of paying (「一个月给8000？」) was no claim while the rate's
period (一个月) was read as a span of time, so a sentence holding 8000 people answered; a
question asking as of which year (截至哪年) was read as asking the day, and no sentence
stating only a year could answer; a thing the documents never mention that the
segmenter fused with a verb (交个税) was not seen as missing; what papers an
application needs is a kind of fact a sentence must state; and a refusal quoted a
Chinese question with its English words cut out (「我是 ，…」). Each test also checks
the case that must still be answered or left alone."""

from __future__ import annotations

from app.answer.claims import claims
from app.answer.plan import read_question
from app.answer.question import find_kinds
from app.answer.refusal import refusal_subject
from app.answer.terms import words
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_a_figure_paid_out_is_the_claim_and_the_rate_period_is_not() -> None:
    assert [(c.text, c.kind) for c in claims("听说博士一个月给8000？")] == [("8000", "amount")]
    # a span the asker checks is still a span, and the asker's own pay is no claim
    assert [c.kind for c in claims("补贴只发一年吗？")] == ["duration"]
    assert [c.text for c in claims("我月薪8000，听说硕士补2000吧")] == ["2000"]
    made = _made("按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴。"
                 "人才公寓投入使用5300多套，入住青年人才8000多名。")
    d = made.decide("听说博士一个月给8000？")
    assert not d.refused, d.reason
    assert "5000元" in d.chosen[0].sentence.text


def test_as_of_which_year_asks_a_date_a_year_states() -> None:
    assert find_kinds("截至哪年的数") == ("year",)
    assert find_kinds("截至哪天") == ("day",)
    made = _made("截至2020年底，全国科技人力资源总量已超过1.1亿人，规模为世界第一。"
                 "人才质量是发展的重要基础。")
    d = made.decide("听说全国科技人力资源总量才5000万？截至哪年的数")
    assert not d.refused, d.reason
    assert "2020年" in d.chosen[0].sentence.text


def test_a_never_mentioned_thing_fused_with_a_verb_is_still_a_word() -> None:
    """The segmenter guesses 交个/税 for 交个税; 个税 is the dictionary's noun, and a
    thing the documents may never mention (then read as missing, as 学历 or 户口 are)."""
    assert words("要不要交个税") == ("不要", "个税")
    made = _made("对返乡的毕业生，按照博士1万元、硕士5000元的标准发放一次性返乡补贴。")
    assert made.view.unseen(read_question("返乡补贴要不要交个税？", (), made.view)) == ("个税",)
    # a word the documents use is no missing thing however it is cut
    assert made.view.unseen(read_question("返乡补贴要不要申请？", (), made.view)) == ()


def test_the_papers_an_application_needs_are_a_kind_of_fact() -> None:
    assert find_kinds("申请人才住房要准备哪些材料？") == ("materials",)
    assert find_kinds("What documents do I need?") == ("materials",)
    # what a party provides is no list of papers
    assert "materials" not in find_kinds("高校负责给人才提供什么？")
    made = _made("人才可提出产权型人才住房的申请，已有5031人入住。")
    d = made.decide("申请产权型人才住房要准备哪些材料？")
    assert d.refused, d.reason
    assert "所需材料" in d.missing
    made = _made("申请产权型人才住房，需提交以下材料：身份证、学历证书和劳动合同复印件。")
    d = made.decide("申请产权型人才住房要准备哪些材料？")
    assert not d.refused, d.reason


def test_a_refusal_quotes_the_english_words_of_a_chinese_question() -> None:
    made = _made("对企业新引进的高端紧缺人才，可以采取按薪定才的方式发放人才服务绿卡。")
    question = "我是HR，新来的同事学历一般，他老婆的户口能迁过来吗"
    info = read_question(question, (), made.view)
    d = made.decide(question)
    assert d.refused, d.reason
    subject = refusal_subject(info, d.missing)
    assert subject == "能回答「我是HR，新来的同事学历一般，他老婆的户口能迁过来吗」的内容", subject
    # a question written all in Chinese is quoted as read (slips respelled)
    info = read_question("新来的同事学历一般，他老婆的户口能迁过来吗", (), made.view)
    subject = refusal_subject(info, made.decide(info.text).missing)
    assert subject.startswith("能回答「新来的同事"), subject
