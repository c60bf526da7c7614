"""A noun the documents never use may be the asker's everyday word for one they do: 薪水
for 薪资, 工坊 for 工作室. The dictionary glosses both with the same English sense, and
the two share a character; the question is read with the notice's word. A word with no
such partner stays unseen, and the question is refused as before."""

from __future__ import annotations

from app.answer.plan import read_question
from lexicon.dictionary import shared_senses
from tests.qa.made_up import MadeUp


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作办法", "某区", body)})


def test_an_everyday_word_is_read_as_the_notice_word_for_the_same_thing() -> None:
    made = _made("对新建的省级技能大师工作室，给予一次性建设经费补助10万元。"
                 "顶尖人才可实行年薪制，薪资由用人单位自主确定。")
    d = made.decide("某区新建一个省级大师工坊能补多少钱")
    assert not d.refused and "10万元" in d.chosen[0].sentence.text
    d = made.decide("某区的顶尖人才薪水怎么发")
    assert not d.refused and "年薪制" in d.chosen[0].sentence.text
    assert "工作室" in read_question("大师工坊能补多少", (), made.view).query


def test_a_word_with_no_partner_in_the_documents_stays_unseen() -> None:
    """公积金 has no sense shared with a word of this notice, and 卡脖子 has 「critical」
    only as a third sense (严重 as a fourth): neither is rewritten, and a question about
    the first is refused."""
    made = _made("对新建的省级技能大师工作室，给予一次性建设经费补助10万元。问题严重的，取消资格。")
    assert made.decide("某区的住房公积金缴存比例是多少").refused
    assert "卡脖子" in read_question("卡脖子技术有哪些", (), made.view).query
    assert "严重" not in shared_senses("卡脖子")


def test_a_sense_many_words_share_makes_no_two_alike() -> None:
    """「method」 glosses dozens of words: too general to make 路子 one of them; nor does an
    action (「to refer to」) make 指代 参照, nor a secondary sense (大会 「convention」) make
    大会 传统 unless the words share a character."""
    assert "方法" not in shared_senses("路子", most=5)
    assert "方法" in shared_senses("路子")
    assert "参照" not in shared_senses("指代", anywhere=True)
    assert "传统" not in shared_senses("大会")
    assert "传统" in shared_senses("大会", anywhere=True)


def test_two_characters_the_segmenter_guessed_are_no_unseen_noun() -> None:
    """「这样的人能评上个啥称号」: the segmenter joins 人 and 能 into 人能, a pair its
    dictionary lacks; that is no thing the documents lack, and the question is answered
    from the notice that names the title."""
    made = _made("对技艺精湛的一线技能人才，授予“崂山工匠”称号，每人奖励1万元。")
    d = made.decide("我爸是一线的技能人才 某区这样的人能评上个啥称号")
    assert not d.refused and "崂山工匠" in d.chosen[0].sentence.text
    assert "人能" not in made.view.unseen(read_question("这样的人能评上个啥称号", (), made.view))
