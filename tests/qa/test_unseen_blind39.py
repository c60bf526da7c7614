"""General faults the thirty-ninth unseen question set showed (typed fast on a pinyin
keyboard): pinyin initials for the domain's words (rc 人才, bs 博士, ss 硕士) were read as
English and dropped, leaving 「崂山23年有多少rc安下家了」 without its topic. Each test also
checks the case that must still be read the old way. And one from blind40: a sentence naming
the threshold (门槛) asked for states a condition."""

from __future__ import annotations

from app.answer.english import english_in_chinese
from app.answer.plan import read_question
from app.answer.scoring import normalise
from app.answer.terms import TermWeights
from app.answer.wordclass import initials
from tests.qa.made_up import MadeUp

_SENTENCES = [normalise(s) for s in (
    "2023年共有5031名人才在本区安家。", "博士每月发放5000元生活补贴。",
    "对高层次人才给予住房补贴。", "人才公寓投入使用500套。", "本文的研究资源（resource）有限。")]


def test_initials_are_the_first_letters_of_each_syllable() -> None:
    assert initials("博士后") == "bsh"
    assert initials("补贴") == "bt"


def test_letters_abbreviate_a_domain_word_the_documents_use() -> None:
    terms = TermWeights(_SENTENCES)
    assert terms.spellings.abbreviated("rc") == "人才"
    assert terms.spellings.abbreviated("bs") == "博士"
    assert terms.spellings.abbreviated("bt") == "补贴"
    assert terms.spellings.abbreviated("ss") is None  # 硕士: no sentence holds it
    assert terms.spellings.abbreviated("vr") is None  # v begins no syllable
    assert terms.spellings.abbreviated("rcbsh") is None  # longer than any abbreviation read


def test_a_chinese_question_reads_its_initials() -> None:
    # the last sentence writes rc inside resource: the initials are read all the same
    corpus = MadeUp.of({"r": ("某区人才工作综述", "南阳市", "".join(_SENTENCES))})
    q = read_question("南阳23年有多少rc安家了", (), corpus.view)
    assert "人才" in q.query, q.query
    q = read_question("做VR方向的创业有什么补贴", (), corpus.view)
    assert "人才" not in q.query and "补贴" in q.query  # VR abbreviates nothing
    # a glossary word stays a glossary word
    assert english_in_chinese("我是phd", lambda _: False, lambda _: "人才")[0] == "我是博士"


def test_a_sentence_naming_the_threshold_states_a_condition() -> None:
    paper = MadeUp.of({"p": ("某文", None,
                             "我国对科研人才的评价体系存在问题，采用外语能力作为统一的门槛标准。"),
                       "n": ("某市方案", "南阳市",
                             "支持有意愿且符合条件的企业自主开展人才职称评审。")})
    d = paper.decide("文章说国内科研人才评价拿什么当统一门槛？")
    assert not d.refused, d.reason
    assert "外语能力" in d.chosen[0].sentence.text
