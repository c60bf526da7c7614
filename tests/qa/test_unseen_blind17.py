"""General faults the seventeenth unseen question set showed, each on a made-up notice: a
figure the asker states only to have it checked (「听说…引进10万人，对吗？」) was read as a
topic the notice must write, so the sentence that states the true figure lost to one
that only echoed the wording; and a synonym whose variant opens on a numeral (一次 for
一次性, 一年 for 每年) was folded inside an ordinal or a longer number (第一次 read as
第一次性), which made up a word the documents "never mention"."""

from __future__ import annotations

from app.answer.claims import Claim, claims, figures
from app.answer.question import analyze
from app.answer.terms import words
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_a_checked_figure_asks_its_kind_and_is_no_topic() -> None:
    question = "听说某市今年的目标是引进年轻人才10万人，对吗？"
    info = analyze(question)
    assert info.kinds == ("count",)
    assert not any("10万" in c for c in info.content)
    made = _made("某市的目标是引进年轻人才，让年轻人才在某市安居乐业、创新创业。"
                 "全年引聚青年人才达到15万人以上，新增高技能人才2万人以上。")
    d = made.decide(question)
    assert not d.refused and "15万人" in d.chosen[0].sentence.text


def test_a_checked_date_and_sum_ask_theirs() -> None:
    assert claims("这个方案是2024年发的吧？") == (Claim("2024年", "date"),)
    assert claims("听说博士每月补8000块，真的假的？") == (Claim("8000块", "amount"),)
    assert claims("Is it true that the subsidy is 3000元, right?") == (Claim("3000元", "amount"),)


def test_a_figure_in_a_question_that_asks_outright_is_background() -> None:
    # the asker's pay is who they are; what is asked is the sum
    assert claims("我月薪8000元，每月能领多少补贴？", ("amount",)) == ()
    assert analyze("我月薪8000元，每月能领多少补贴？").kinds == ("amount",)
    # no check: a figure in a plain statement-question is not a claim
    assert claims("某市引进10万人的计划什么时候开始") == ()
    assert figures("免费住5天，减免1年房租") == (Claim("5天", "duration"), Claim("1年", "duration"))


def test_a_numeral_synonym_is_not_folded_inside_an_ordinal_or_a_number() -> None:
    assert fold_synonyms("第一次提出") == "第一次提出"
    assert fold_synonyms("工作十一个月") == "工作十一个月"
    assert fold_synonyms("发放一次补贴") == "发放一次性补贴"
    assert "性提" not in words("总书记第一次提")


def test_english_terms_are_read_left_to_right_and_across_hyphens() -> None:
    # junior college | graduates, not junior | college graduates
    info = analyze("How much is the return subsidy for junior college graduates?")
    assert info.degrees == ("专科",)
    assert analyze("A subsidy for a junior-college (associate) diploma?").degrees == ("专科",)
    assert "继续教育" in analyze("How many continuing-education courses are planned?").query
    # a glossary term written with its hyphen still matches
    assert "高新区" in analyze("Which high-tech zone offers talent apartments?").query
