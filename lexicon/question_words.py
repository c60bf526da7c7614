"""Words of asking rather than of topic (``question_words.tsv``, one row per word and
kind), the conversational messages that ask nothing (``social_phrases.tsv``) and the
general stop words: what a question is made of besides the thing it asks about.

>>> "比例" in kind_words(), "哪些" in list_words()
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from lexicon.tables import rows


@cache
def _table() -> tuple[tuple[str, str], ...]:
    """(word, kind) rows of ``question_words.tsv``, read once."""
    return tuple((r["word"], r["kind"]) for r in rows("question_words.tsv"))


def _words(*kinds: str) -> list[str]:
    """The words of ``kinds``, in the file's order."""
    return [word for word, kind in _table() if kind in kinds]


@cache
def question_phrases() -> tuple[str, ...]:
    """Phrasing that names no topic (and umbrella words, which name no benefit in
    particular; the asker's hedges and the asking of a name), longest first."""
    # ties keep the file's order: cutting 人数 before 数目 must not depend on a set's
    # order (that varied with the process's hash seed: 「评价人数目标是多少」 read two ways)
    return tuple(sorted(dict.fromkeys(_words("phrase", "kind", "unsure", "naming")), key=len,
                        reverse=True))


@cache
def hedge_words() -> tuple[str, ...]:
    """Words by which the asker says a name they quote may be wrong (好像, 记反) or asks
    what it is really called (全称, 原话): such a name is a hint, not a requirement."""
    return tuple(_words("unsure", "naming"))


@cache
def naming_words() -> tuple[str, ...]:
    """Words that ask what a thing is called (叫什么, 名字, 全称): a name is the same for
    whoever asks it."""
    return tuple(_words("naming"))


@cache
def unsure_words() -> tuple[str, ...]:
    """Words by which the asker says they are not sure of what follows (好像, 貌似, 记不清),
    longest first."""
    return _longest_first("unsure")


@cache
def kind_words() -> frozenset[str]:
    """Question words that only say which kind of fact is asked (条件, 比例, 期限 …)."""
    return frozenset(_words("kind"))


@cache
def social_phrases() -> Mapping[str, str]:
    """Conversational messages (谢谢, 你好 …) -> their kind (thanks, greeting, bye, ack)."""
    return MappingProxyType({r["phrase"].lower(): r["kind"] for r in rows("social_phrases.tsv")})


@cache
def money_words() -> tuple[str, ...]:
    """Words that make 「…多少」 a question about money (补贴, 工资, 租金 …), longest first."""
    words = set(_words("money"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def umbrella_words() -> frozenset[str]:
    """Words that name any benefit and none in particular (资金, 待遇, 扶持 …)."""
    return frozenset(_words("umbrella"))


@cache
def general_stop_words() -> frozenset[str]:
    """General Chinese function and filler words (专门, 全部, 以便 …): the Chinese
    stop-word list that ships with bm25s (841 words, MIT; a dependency of the index
    already). Such a word never names a thing a question could ask about, whatever a
    tagger calls it.

    >>> "专门" in general_stop_words(), "养老金" in general_stop_words()
    (True, False)
    """
    from bm25s.stopwords import STOPWORDS_CHINESE

    return frozenset(STOPWORDS_CHINESE)


@cache
def ask_words() -> tuple[str, ...]:
    """Words that ask (哪, 什么, 何 …): a phrase holding one is a question, not a name."""
    return tuple(_words("ask"))


@cache
def list_words() -> tuple[str, ...]:
    """Words that ask for several things (哪些, 包括 …): a listing sentence answers them."""
    return tuple(_words("list"))


@cache
def localizers() -> frozenset[str]:
    """Place words after a noun (里, 内, 中, 上): 局里 is about the 局."""
    return frozenset(_words("localizer"))


@cache
def determiner_pattern() -> re.Pattern[str]:
    """A determiner before a measure word, a numeral between them or not (那场, 这次, 几家,
    哪所, 哪四个): it points at or counts what follows and names nothing itself.

    >>> determiner_pattern().sub(" ", "春季那场招聘会来了几家企业")
    '春季 招聘会来了 企业'
    >>> determiner_pattern().sub(" ", "四共是哪四个")
    '四共是 '
    """
    heads = "".join(_words("determiner"))
    measures = "".join(_words("measure"))
    return re.compile(f"[{re.escape(heads)}][{NUMERAL_CHARS}]?[{re.escape(measures)}]")


#: the Chinese numerals a count or a numeral abbreviation is written with (五个, 五专)
NUMERAL_CHARS = "一二三四五六七八九十两"


@cache
def counted_pattern() -> re.Pattern[str]:
    """A numeral and a measure word, the whole of a word (一家, 五个, 三位): it counts what
    follows and names nothing itself.

    >>> bool(counted_pattern().fullmatch("五个")), bool(counted_pattern().fullmatch("一次性"))
    (True, False)
    """
    measures = "".join(_words("measure"))
    return re.compile(f"[{NUMERAL_CHARS}]{{1,2}}[{re.escape(measures)}]")


def _longest_first(*kinds: str) -> tuple[str, ...]:
    """The ``question_words.tsv`` words of ``kinds``, longest first."""
    return tuple(sorted(_words(*kinds), key=len, reverse=True))


@cache
def cohort_words() -> tuple[str, ...]:
    """Words a year before which dates the asker (毕业, 入职 …: 2023年毕业), longest first."""
    return _longest_first("cohort")


@cache
def aggregate_words() -> tuple[str, ...]:
    """Words marking a sum as the total over everyone (累计, 合计, 总额), longest first."""
    return _longest_first("aggregate")


@cache
def total_words() -> tuple[str, ...]:
    """Words asking a figure for the whole of the asked place (全省, 全市, 人才总量)."""
    return _longest_first("total", "whole")


@cache
def whole_place_words() -> tuple[str, ...]:
    """Words naming the whole of a place (全省, 全市): a sentence saying one speaks for it."""
    return _longest_first("whole")


@cache
def whole_year_words() -> tuple[str, ...]:
    """Words asking a figure for a whole year (全年, 全年度), longest first."""
    return _longest_first("whole_year")


@cache
def part_year_words() -> tuple[str, ...]:
    """Words naming part of a year (上半年, 前三季度, 一季度), longest first."""
    return _longest_first("part_year")


@cache
def writer_words() -> tuple[str, ...]:
    """Who speaks in a document (作者, 笔者), longest first."""
    return _longest_first("writer")


@cache
def chat_placeholders() -> tuple[str, ...]:
    """What a chat app writes in brackets for what it cannot show as text ([图片], [语音],
    [转发])."""
    return _longest_first("placeholder")


@cache
def field_words() -> tuple[str, ...]:
    """Words after a discipline's name that make it a field of study (专业 of 软件工程专业)."""
    return _longest_first("field")


@cache
def anaphor_words() -> tuple[str, ...]:
    """Words pointing back at a place already named (该 of 该区, 本 of 本市), longest first."""
    return _longest_first("anaphor")


@cache
def letter_formulas() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A written inquiry's salutation openers (尊敬的), greetings (您好) and closing
    formulas (盼复, 此致敬礼, 烦请告知), each longest first."""
    return (_longest_first("salutation"), _longest_first("greeting"),
            _longest_first("closing"))


@cache
def price_words() -> tuple[str, ...]:
    """Words for what something costs (售价, 价格), longest first."""
    return _longest_first("price")


@cache
def frame_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """How an asker frames a question for a chat model: verbs of taking a role (扮演, act
    as), nouns of a role or voice (口吻, advisor), what the reply should look like (分点,
    in one sentence) and the words that only carry such a request (请, 回答), each longest
    first."""
    return (_longest_first("role_verb"), _longest_first("role_noun"),
            _longest_first("reply_form"), _longest_first("frame_filler"))


@cache
def chat_calls() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an asker calls the assistant (小助手, 机器人) and the faces typed in characters
    (^_^, QAQ), each longest first."""
    return _longest_first("addressee"), _longest_first("emoticon")


@cache
def feeling_words() -> tuple[str, ...]:
    """Words by which the asker tells how they feel (压力好大, 焦虑, 迷茫, 我怕), longest first."""
    return _longest_first("feeling")


@cache
def pay_words() -> tuple[str, ...]:
    """Words for the asker's pay (月薪, 年薪, offer), longest first."""
    return _longest_first("pay")


@cache
def procedure_words() -> tuple[str, ...]:
    """Steps of handling an application (审批, 受理, 办结), longest first."""
    return _longest_first("procedure")


@cache
def occupation_words() -> tuple[str, ...]:
    """Common job titles (老师, 会计, 程序员), longest first."""
    return _longest_first("occupation")


@cache
def whereabouts_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Words right before a place by which the asker tells where they are or come from (在,
    老家, 来自), words of a wish that make a place after them a destination instead (想,
    打算, 去), and words by which a question asks about the whole country (我国, 全国,
    China's); each longest first."""
    return (_longest_first("whereabouts"), _longest_first("intent"),
            _longest_first("nationwide"))


@cache
def you_words() -> tuple[str, ...]:
    """The second person (你们, 您们), longest first."""
    return _longest_first("you")


@cache
def move_words() -> tuple[str, ...]:
    """What anyone does at a place they mean to go to (工作, 发展, 找工作), longest first."""
    return _longest_first("move")


@cache
def compare_words() -> tuple[str, ...]:
    """Verbs of taking a place as a model (学, 对标, 借鉴 …), longest first."""
    return _longest_first("compare")


@cache
def correction_words() -> tuple[str, ...]:
    """Words by which the asker takes back what they just wrote (不对, 打错了, 我是说, sorry
    I meant), longest first."""
    return _longest_first("correction")


@cache
def saying_words() -> tuple[str, ...]:
    """Verbs of saying (认为, 指出, 说 …), longest first."""
    return _longest_first("saying")


@cache
def document_words() -> tuple[str, ...]:
    """Kinds of document (论文, 文件, 通知 …), longest first."""
    return _longest_first("document")


@cache
def person_words_en() -> tuple[str, ...]:
    """English nouns an asker introduces themselves by (student, researcher …), longest
    first."""
    return _longest_first("person_en")


@cache
def document_words_en() -> tuple[str, ...]:
    """English kinds of document an asker points at (paper, notice …), longest first."""
    return _longest_first("document_en")


@cache
def _mentioning() -> str:
    """The one-character verbs of mentioning (kind ``mention``: 文章提的), each with the
    characters that would make a dictionary word of it after it (提供, 提纲, 提要) ruled
    out, as one alternation."""
    from lexicon.segmenter import dictionary_tag  # jieba: loaded on first use only

    out = []
    for verb in _words("mention"):
        starts = "".join(chr(c) for c in range(0x4E00, 0x9FA6) if dictionary_tag(verb + chr(c)))
        out.append(re.escape(verb) + (f"(?![{starts}])" if starts else ""))
    return "|".join(out)


@cache
def document_reference_pattern() -> re.Pattern[str]:
    """A kind of document with a place word after it (论文里, 通知中, 文件上; and a verb of
    saying after that: 论文里提到), or a document or its writer with a verb of saying
    (作者认为, 文章说): the asker points at
    the document being read, which names no topic of the question.

    >>> document_reference_pattern().sub(" ", "那篇论文里建议搞什么导师制度")
    '那篇 搞什么导师制度'
    >>> document_reference_pattern().sub(" ", "作者建议怎么做？文件说明了什么")
    ' 怎么做？文件说明了什么'
    >>> document_reference_pattern().sub(" ", "论文里提到培养人才可以依托哪些平台")
    ' 培养人才可以依托哪些平台'
    >>> document_reference_pattern().sub(" ", "看到文章提冷点区域，文件提供了什么，论文提要")
    '看到 冷点区域，文件提供了什么，论文提要'
    """
    kinds = document_words()
    # 中 before 小, 国 or 央 starts a word of its own (通知中小企业…, 报道中国…)
    places = "".join(sorted(localizers() - {"中"}))
    kind = "|".join(map(re.escape, kinds))
    speakers = "|".join(map(re.escape, (*kinds, *writer_words())))
    # a one-character verb of saying may begin a word of its own (说明, 讲话, 称号)
    saying = "|".join([*(re.escape(w) + ("(?![明法话座号])" if len(w) == 1 else "")
                         for w in saying_words()), _mentioning()])
    return re.compile(f"(?:{kind})(?:[{re.escape(places)}]|中(?![小国央]))(?:{saying})?"
                      f"|(?:{speakers})(?:{saying})")


@cache
def function_chars() -> frozenset[str]:
    """Characters of question phrasing (的, 吗, 能, 多少 …)."""
    return frozenset("".join(_words("function")))


@cache
def complements() -> frozenset[str]:
    """Directional complements (过来, 下来, 出来): after a verb or a noun they tell a
    direction, never a thing a policy names (「吸引多少青年人才过来」)."""
    return frozenset(_words("complement"))


@cache
def people_words() -> frozenset[str]:
    """People in the asker's own world (员工, 同事, 同学, 老板, 儿子): whom a question is
    told about, not a category a policy names."""
    return frozenset(_words("people"))


@cache
def measure_chars() -> frozenset[str]:
    """Measure words (家, 所, 套, 项 …): what 多少 or 几 before one counts (多少套)."""
    return frozenset(_words("measure"))


@cache
def short_measure_chars() -> frozenset[str]:
    """The short forms of 一点, 一些, 一个, 一下 written after a one-character verb (搞点,
    办个, 问下)."""
    return frozenset("".join(_words("measure_short")))


@cache
def modal_chars() -> frozenset[str]:
    """Modal verbs written before a verb (能, 可, 会, 要, 想): 能带 in 每年能带出来 is
    能 + 带, whatever a segmenter makes of it."""
    return frozenset("".join(_words("modal")))
