"""General faults the fifteenth and sixteenth unseen question sets showed, each on a
made-up notice: a
programme name read where a suffix begins a longer word (评工程技术职称 is no
「…工程」); discourse words that ask nothing (总共, 其中) weighed as topics; a loan limit
asked outright (额度最高多少) answered with a sentence that states no sum; and English
questions whose words the glossary lacked (approval, rental housing, high-skilled workers)
or that ask an amount as "what monthly stipend"; what happened to the asker (被…录用了)
read as the question's topic; and a number of people asked outright (多少青年人才过来)
answered by a sentence that counts none because it matched the wording better. Each test
also checks the case that must still refuse or stay unchanged. Last, words a question
writes otherwise than the notice (总数 for 总量) earn part of their weight through a
dictionary partner, a numeral abbreviation (五专) is present where a sentence spells it
out, and a count (一家, 五个) is no topic."""

from __future__ import annotations

from app.answer.asked import asks_outright, asks_sum
from app.answer.clauses import asides
from app.answer.config import AnswerConfig
from app.answer.programmes import find_programmes
from app.answer.question import analyze
from app.answer.terms import words
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", "某市", body)})


def test_a_suffix_that_begins_a_longer_word_ends_no_programme() -> None:
    question = "我们是某市重点产业的企业，能不能自己给员工评工程技术职称？"
    assert find_programmes(question) == ()
    made = _made("支持重点产业企业自主开展工程技术中、初级职称评审。")
    d = made.decide(question)
    assert not d.refused and "职称评审" in d.chosen[0].sentence.text
    # a name that ends its word is still one, and still required
    assert find_programmes("泰山人才工程的申报条件") == ("泰山人才工程",)
    assert made.decide("某市泰山人才工程的申报条件").refused


def test_total_and_among_them_are_phrasing() -> None:
    question = "现在全国技能人才总共有多少？其中高技能人才有多少？"
    content = "".join(analyze(question).content)
    assert "总共" not in content and "其中" not in content
    made = _made("数据显示，目前我国技能人才总量超过2亿人，高技能人才超过6000万人。"
                 "某市为技能人才发放生活补贴，面向全国招聘。")
    d = made.decide(question)
    assert not d.refused and "2亿人" in d.chosen[0].sentence.text


def test_a_limit_asked_outright_needs_a_sum() -> None:
    assert asks_sum("崂山人才贷额度最高多少") and asks_sum("人才贷最高能贷多少")
    # a share of a sum is no sum
    assert not asks_sum("财政按上年补助额度的百分之多少拨付")
    made = _made("某市打造人才家园，表达对人才的最高礼遇，推出人才贷产品。")
    assert made.decide("某市 人才贷 额度 最高多少").refused
    made = _made("某市推出人才贷产品，额度最高500万元。")
    d = made.decide("某市 人才贷 额度 最高多少")
    assert not d.refused and "500万元" in d.chosen[0].sentence.text


def test_english_policy_words_and_amounts_asked_with_what() -> None:
    q = analyze("What monthly stipend do students get in the internship programme?")
    assert q.kinds == ("amount",)
    assert analyze("What skills are needed?").kinds == ()
    q = analyze("How long did approval for rental housing use to take?")
    assert {"审批", "租赁住房"} <= set(q.content)
    q = analyze("How many high-skilled workers does the city aim to add?")
    assert "高技能人才" in q.content


def test_what_happened_to_the_asker_is_background() -> None:
    question = "我是硕士，被某市一家冲千亿产值的龙头公司录用了，每月补助能提到多少？"
    assert asides(question) == ("我是硕士", "被某市一家冲千亿产值的龙头公司录用了")
    # a clause that names the topic before the question is kept
    assert asides("我是本科，听说有个一次性补贴，本科能拿多少？") == ("我是本科",)
    made = _made("对冲击千亿元目标企业引进的硕士研究生，生活补贴提高至每月5000元。")
    d = made.decide(question)
    assert not d.refused and "5000元" in d.chosen[0].sentence.text


def test_a_number_of_people_asked_outright_needs_a_count_of_people() -> None:
    question = "某市今年打算吸引多少青年人才过来？"
    assert asks_outright(question, ("count",)) == "people"
    made = _made("某市吸引青年人才来此实习见习，持续扩大青年人才储备规模。")
    assert made.decide(question).refused
    made = _made("某市吸引青年人才来此实习见习，持续扩大青年人才储备规模。"
                 "全年引聚青年人才达到15万人以上。")
    d = made.decide(question)
    assert not d.refused and "15万人" in d.chosen[0].sentence.text


def test_a_dictionary_partner_earns_part_of_a_words_weight() -> None:
    question = "某市高技能工人总数到2024年岁末是多少？比上年涨了多少？"
    # the question's words occur in the corpus, but not around the answer
    made = MadeUp.of({"d": ("人才工作综述", "某市",
                            "截至2024年末，某市高技能人才总量突破17.52万人，同比增长18.03%。"),
                      "e": ("工会工作简报", "某市", "全市工人总数和上年相比明显提高。")})
    # (a corpus this small weighs its words alike: a support threshold of one half shows
    # the partner's share where the real corpus's rarity weights do)
    d = made.decide(question, AnswerConfig(min_support=0.5))
    assert not d.refused and "17.52万人" in d.chosen[0].sentence.text
    # without the partner's share the same evidence covers too little
    assert made.decide(question, AnswerConfig(min_support=0.5, partner_credit=0.0)).refused


def test_an_abbreviation_spelled_out_is_present_and_a_count_is_no_topic() -> None:
    assert "五个" not in words("服务模式是哪五个专") and "一家" not in words("被一家公司录用了")
    assert "八个" in words("八个一措施具体指代什么")  # a numeral after it: part of a name
    question = "文章里建议的“五专”服务模式是哪五个专？"
    made = MadeUp.of({"d": ("人才工作综述", "某市",
                            "推广“专区、专窗、专线、专网、专员”人才服务模式，实现一网通办。"),
                      "e": ("工作简报", "某市", "专家建议完善模式。")})
    d = made.decide(question)
    assert not d.refused and "专区" in d.chosen[0].sentence.text
    # two of the five spell out nothing
    made = MadeUp.of({"d": ("人才工作综述", "某市", "推广“专区、专窗”人才服务模式，实现一网通办。"),
                      "e": ("工作简报", "某市", "专家建议完善模式。")})
    assert made.decide(question).refused
