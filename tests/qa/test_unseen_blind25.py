"""General faults the twenty-fifth and twenty-sixth unseen question sets showed, each on a
made-up notice: 作者 anywhere in a question was read as asking who wrote the text (「作者
建议…怎么做」 was answered by the byline); an English question whose words the glossary
lacked was met with a request to name a topic; a sum named by 额 (成交额有多少) was read
as a count; Cantonese particles (嘅, 喺) were left in the question; a two-character
category read across two words (科技工作者 holds 技工) counted as naming the category; and
a quoted term the segmenter ran into the copula (四共是) was lost; a pinyin apostrophe
(Ma'anshan) hid an English place name, so another city's rules came with no note; and a
verbal noun used as a verb (预计要吸引) was taken for a thing the documents lack. Each test
also checks the case that must still be read the old way."""

from __future__ import annotations

from dataclasses import replace

from app.answer.eligibility import person_in
from app.answer.english import english_query
from app.answer.question import analyze, find_kinds
from app.answer.wordclass import nouns, rejoined
from lexicon import document_reference_pattern
from tests.qa.made_up import MadeUp

_PAPER = ("当前人才评价以论文发表数量作为主要指标，轻视论文质量。建议为人才提供包括住房、"
          "子女教育、健康保障在内的全方位生活支持。（作者单位：某市高新区管委会）")


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才赋能发展", "某市", body)})


def test_what_the_author_says_is_no_question_about_the_author() -> None:
    assert find_kinds("作者说的给人才的生活保障还包括什么？") == ()
    assert find_kinds("作者主张多给哪些自主权") == ()
    assert "author" not in find_kinds("What does the author say about housing?")
    # who wrote it still asks the byline
    assert find_kinds("这篇文章的作者是谁") == ("author",)
    assert "author" in find_kinds("论文作者Lan Minxin是在哪个单位工作的？")
    assert "author" in find_kinds("Which institution is the author of the paper from?")
    # the writer before a verb of saying points at the text, as 论文里 does
    assert document_reference_pattern().sub(" ", "作者认为要怎么做") == " 要怎么做"
    d = _made(_PAPER).decide("作者说的给人才的生活保障，是不是只管住房？还包括什么？")
    assert not d.refused, d.reason
    assert "子女教育" in d.chosen[0].sentence.text


def test_an_english_question_with_words_only_the_dictionary_knows_is_asked() -> None:
    info = analyze("Does the plan let a senior expert delay retirement?")
    assert "延迟退休" in info.query
    assert info.asks
    # a question whose only Chinese is a place still asks what its dictionary words say
    bare = analyze("Can I put it off in Qingdao?")
    assert not bare.asks
    assert replace(bare, hints=("推迟",)).asks


def test_a_sum_named_by_e_is_an_amount_and_a_quota_a_count() -> None:
    assert find_kinds("2023年技术合同成交额有多少？") == ("amount",)
    assert find_kinds("贷款额度是多少") == ("amount",)
    assert find_kinds("博士后名额有多少") == ("count",)
    # funds asked are a sum: a sentence that only counts the schools does not answer it
    assert find_kinds("青领计划给每所合作院校多少经费？") == ("amount",)


def test_cantonese_particles_are_read_as_mandarin() -> None:
    info = analyze("嶗山區嘅技術合約成交額有幾多？")
    assert "嘅" not in info.query and "的技术" in info.query


def test_a_category_read_across_two_words_is_not_named() -> None:
    assert person_in("技能人才", "为企业培养技工")
    assert not person_in("技能人才", "评价科技工作者学术成就的主要指标")


def test_a_quoted_term_run_into_the_copula_is_kept() -> None:
    assert rejoined(["四共是", "哪"]) == ["四共", "是", "哪"]
    # a dictionary word ending in such a character is left whole
    assert rejoined(["可是"]) == ["可是"]


def test_a_pinyin_apostrophe_does_not_hide_a_place() -> None:
    assert english_query("In Ma'anshan, is the platform free?").startswith("马鞍山")
    assert english_query("In Ma’anshan?") == english_query("In Maanshan?") == "马鞍山"
    # an English contraction or possessive is no syllable mark
    assert "硕士" in english_query("What's a master's student paid in Weihai?")


def test_a_verbal_noun_before_a_verb_is_a_verb() -> None:
    assert "预计" not in nouns("今年预计要吸引多少青年人才")
    assert "预计" in nouns("预计成本是多少")
    d = MadeUp.of({"d": ("人才方案", "某市", "全年引聚青年人才达到15万人以上。")}).decide(
        "这份方案今年预计要吸引多少青年人才？")
    assert not d.refused, d.reason
