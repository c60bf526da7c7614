"""What the asker takes back: a message that says one thing, then 不对，我是说… (打错了, 哦不是,
不是海南，是宝鸡, sorry I meant) and says it again. The words of taking back are data
(``question_words.tsv``, kind=correction); this module finds where they split a message.

>>> retraction("青岛今年引聚多少青年人才…不对，我是说成安县，成安的目标是多少人")
('青岛今年引聚多少青年人才…不对，', '成安县，成安的目标是多少人')
>>> retraction("海南新建培训基地补助多少我知道了，不是海南，是宝鸡麟游县，麟游补多少")
('海南新建培训基地补助多少我知道了，', '是宝鸡麟游县，麟游补多少')
>>> retraction("判断一下：崂山给人才办了景点年票，对不对？") is None
True
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.answer.script import simplified
from lexicon import correction_words

# what may open a clause before a word of taking back: the text's start, a mark, or a
# space, then an interjection (哦, 啊, 呃)
_OPENS = r"(?:^|(?<=[，,。.！!？?；;…～~、：:\s]))(?:[哦噢喔啊呃额嗯唔]\s*)?"


@cache
def _pattern() -> re.Pattern[str]:
    """A word of taking back opening a clause (not 对不对, not 不对吗), or the turn
    「不是X，是Y」 (「不是海南，是宝鸡」, 「不是青岛是威海」) up to the 是 that says it again."""
    words = "|".join(re.escape(w) for w in correction_words())
    return re.compile(
        rf"{_OPENS}(?:{words})(?![吗吧么的劲头])"
        rf"|{_OPENS}不是[^，,。？?！!；;]{{1,12}}?[，,]?\s*(?=(?:而)?是[^不否])",
        re.IGNORECASE)


@lru_cache(maxsize=4096)
def retraction(text: str) -> tuple[str, str] | None:
    """(taken back, kept): what ``text`` says before its last word of taking back that
    opens a clause, and what it says after that word (from the 是 of 「不是X，是Y」); None
    when the asker takes nothing back or says nothing after it."""
    last = None
    for m in _pattern().finditer(text):
        last = m
    if last is None or not text[last.end():].strip("，,。.：:；;？?！! "):
        return None
    return text[:last.start()], text[last.end():]


# a guess ending what is taken back: the thing after the last 是 of a yes-or-no question
# (「…共建的是“人工智能学院”吗」, 「说的是西藏和甘肃吗」), or a quoted name (「搞“双学位”…」)
_GUESS = re.compile(r"是([^是，,。？?！!；;…]{1,24}?)(?:吗|吧|么|嘛)[？?！!。，,…\s]*$"
                    r"|[“「\"]([^”」\"]{1,24})[”」\"][？?！!。，,…\s]*$")


def without_guess(text: str) -> str:
    """``text`` with the guess the asker takes back blanked (see :func:`retraction`): the
    thing after the last 是 of the yes-or-no question that ends what is taken back, or the
    quoted name that ends it (「文章建议搞“双学位”…不对，是那个…叫什么」). It
    names what the asker no longer asks about; the rest of that clause still names the
    topic (「青岛技工院校跟企业共建的是“人工智能学院”吗？不对，文件里写的是共建哪两个学院」).

    >>> without_guess("冷点区域说的是西藏和甘肃吗？不对，文章里说哪两个地区是冷点")
    '冷点区域说的是 ？不对，文章里说哪两个地区是冷点'
    >>> without_guess("文章建议搞“双学位”…不对，是导师联合的那个制度叫什么")
    '文章建议搞 …不对，是导师联合的那个制度叫什么'
    >>> without_guess("冷点区域说的是西藏和甘肃吗？")
    '冷点区域说的是西藏和甘肃吗？'
    """
    read = simplified(text)
    split = retraction(read)
    if split is None or len(read) != len(text):
        return text
    guess = _GUESS.search(split[0])
    if guess is None:
        return text
    if guess.group(1) is not None:  # the 吗 after the guess goes with it
        start, end = guess.start(1), guess.end(1) + 1
    else:  # the quotation marks go with the name
        start, end = guess.start(), guess.end(2) + 1
    return f"{text[:start]} {text[end:]}"
