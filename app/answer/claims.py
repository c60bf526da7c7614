"""Figures an asker states to have them checked: 「听说硕士每月补3000元，是真的吗？」.

In a yes/no question (one that ends on a confirmation tag such as 对吗, 是真的吗 or 吧,
or that opens on hearsay) and asks for no kind of fact outright, a figure with its unit
is the claim to check, not a topic the documents must write: they may well state
another figure, and that figure is the answer. The claim's unit says what kind of fact
is asked for (元 an amount, 人 or 家 a count, 2022年 a date, 5天 a duration).

>>> claims("听说硕士去威海每月补3000元，是真的吗？")
(Claim(text='3000元', kind='amount'),)
>>> claims("总书记第一次提新质生产力，是2022年去黑龙江调研时吧？")
(Claim(text='2022年', kind='date'),)
>>> claims("我月薪8000元，每月能领多少补贴？")
()
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.answer.clauses import asides, clauses
from lexicon import NUMERAL_CHARS, money_words

# The end of a yes/no question that checks what the asker believes (对吗, 是真的吗, 吧),
# or its opening on hearsay (听说, 据说); English: "is it true", "right?".
_CHECK_END = re.compile(
    r"(?:对吗|对不对|对么|是吗|是么|是不是|是真的吗|真的吗|真的假的|是真的|没错吧|没错吗|不会吧"
    r"|是这样吗|属实吗|靠谱吗|有这回事吗|有这事吗|吗|吧)[？?！!。.\s]*$"
    r"|\b(?:right|correct|true|is that so)\s*\?\s*$", re.I)
_CHECK_START = re.compile(r"^\s*(?:听说|据说|听人说|听别人说|有人说|网上说|i (?:have |'ve )?heard"
                          r"|is it true)", re.I)

# a number, not an ordinal (第一个) nor the end of a longer one
_NUMBER = rf"(?<![第\d.{NUMERAL_CHARS}百千])(?:\d+(?:\.\d+)?|[{NUMERAL_CHARS}百千]+)"
_SCALE = "(?:[十百千万亿]|个亿)?"
# 「2亿多人」, 「3000余元」: more than the figure, still one figure with its unit
_MORE = "(?:多|余)?"
# (kind, pattern) in the order tried at each position: a date before a duration (2022年
# is a year, 3年 a span), a sum before a count (3万元 is money, 3万人 people)
_MONEY = "|".join(map(re.escape, money_words()))
_PAID = "给发补拿领"  # verbs of paying out: the figure after them is money
_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?"
                        r"|\d{1,2}月\d{1,2}[日号]")),
    ("amount", re.compile(rf"{_NUMBER}{_SCALE}{_MORE}(?:元|块钱|块"
                          rf"|(?![人名位家所项套批个次年月天周日号小时%])(?=[^，。？?\d]{{0,4}}(?:{_MONEY})))"
                          # a bare figure paid out (「一个月给8000」) is a sum
                          rf"|(?<=[{_PAID}])\d+(?:\.\d+)?{_SCALE}(?![\d.人名位家所项套批个次年月天周日号小时%])")),
    ("duration", re.compile(rf"{_NUMBER}(?:个工作日|个月|天|周|年)(?!级)")),
    ("count", re.compile(rf"{_NUMBER}个?亿{_MORE}(?:人次|人|名|位|家|所|项|套|批|个)?"
                         rf"|{_NUMBER}{_SCALE}{_MORE}(?:人次|人|名|位|家|所|项|套|批|个)|\d+(?:\.\d+)?(?:[万亿]|%){_MORE}|{_NUMBER}成")),
)


@dataclass(frozen=True)
class Claim:
    """A figure as the question writes it and the kind of fact it is."""

    text: str
    kind: str


def checks(query: str) -> bool:
    """True when ``query`` is a yes/no question that checks a belief (对吗, 吧, 听说 …).

    >>> checks("听说青岛今年要引进10万人？"), checks("博士能拿多少？")
    (True, False)
    """
    return bool(_CHECK_END.search(query) or _CHECK_START.search(query))


def figures(query: str) -> tuple[Claim, ...]:
    """Every figure with a unit in ``query``, left to right, each with its kind.

    >>> figures("去年3万人，今年1个亿")
    (Claim(text='3万人', kind='count'), Claim(text='1个亿', kind='count'))
    """
    return tuple(c for _, c in _placed_figures(query))


def _placed_figures(query: str) -> list[tuple[int, Claim]]:
    """(start, figure) of every figure in ``query``, left to right."""
    found: list[tuple[int, Claim]] = []
    taken: set[int] = set()
    for kind, pattern in _FIGURES:
        for m in pattern.finditer(query):
            span = set(range(m.start(), m.end()))
            if span & taken:
                continue
            taken |= span
            found.append((m.start(), Claim(m.group(0), kind)))
    return sorted(found, key=lambda p: p[0])


# what the asker has done for so long (干了5年, 住了一周): their background, not a claim
_SPENT = re.compile(r"(?:干|做|工作|读|学|待|呆|住|上|念)了$")
# 一家, 一个 before a noun is an article (在青岛一家企业), not a count
_ARTICLE = re.compile(r"一[个家位名所项批套次]")
# 「一个月给8000」, 「一年能领多少」: a rate's period, not a span the asker claims
_PER = re.compile(r"一(?:个月|年|天|周)")
_PAID_NEXT = re.compile(rf"(?:能|可以|就|才|都|大概|大约)?[{_PAID}]")
# 这一块, 那一块: "this part" of a topic (住房这一块), not one yuan
_ASPECT = re.compile(r"[这那哪]$")


def claims(query: str, kinds: tuple[str, ...] = ()) -> tuple[Claim, ...]:
    """The figures a checking question states (none when it asks a kind outright:
    ``kinds`` non-empty, or when it checks nothing); not the asker's background (a
    figure in an aside, 「我在青岛一家厂里干了二十年」) nor an article (一家).

    >>> claims("我在一家厂里干了二十年，能算人才吗？")
    ()
    >>> claims("最高15万住房补贴要交个税吗")
    (Claim(text='15万', kind='amount'),)
    >>> claims("听说博士一个月给8000？")
    (Claim(text='8000', kind='amount'),)
    >>> claims("住房这一块有哪几种方式 好像是四种对吧")
    ()
    """
    if kinds or not (checks(query) or reported(query)):
        return ()
    background = asides(query)
    out = []
    for at, claim in _placed_figures(query):
        after = query[at + len(claim.text):]
        if (_ARTICLE.fullmatch(claim.text) or _SPENT.search(query[:at])
                or (claim.text == "一块" and _ASPECT.search(query[:at]))
                or (_PER.fullmatch(claim.text) and _PAID_NEXT.match(after))
                or any(claim.text in aside for aside in background)):
            continue
        out.append(claim)
    return tuple(out)


# A clause that reports what someone said or wrote (有人说…, 朋友圈说…, 截图里写着…): a claim
_REPORTED = re.compile(
    r"^\s*(?:听说|据说|听人说|听别人说|网传|传言"
    r"|(?:有人|别人|朋友|同事|同学|家里人|网上|新闻|报道|文章|老师|群里|公众号|朋友圈|截图|视频"
    r"|课件|投影片|帖子)[^，,。？?]{0,8}?(?:说|讲|称|写着|写的|写了|传))")
# what a question asks when it asks a fact of its own, not a bare 真的吗
_ASKS_FACT = re.compile(r"什么|多少|几|哪|谁|怎么|如何|何时")
# words by which the asker checks what was said against its source (「原文到底是多少」)
_CHECKING = re.compile(r"到底|原文|原话|真的|真假|靠谱|属实|是这样|这么写|这么说|对吗|对不对"
                       r"|出处|出自|实际上")


@lru_cache(maxsize=4096)
def reported(query: str) -> tuple[str, ...]:
    """The clauses reporting what someone said (「有人说他是全国人大代表」), before a clause
    that asks a fact of its own (「他到底是什么身份」) in a question that checks the claim
    against its source (到底, 原文, 靠谱吗): the documents may say otherwise, so its words
    are not all required. None when the question only asks whether the claim is true
    (「听说…，真的吗？」): then it is the topic; nor for what the document being read says
    (「文章说的四个难题里，另外两个是什么」).

    >>> reported("文章里那个张忠凯，有人说他是全国人大代表，他到底是什么身份？")
    ('有人说他是全国人大代表',)
    >>> reported("听说青岛给外籍人才发签证补贴，真的吗？")
    ()
    >>> reported("文章说的人才工作四个难题里，另外两个是什么？")
    ()
    """
    parts = clauses(query)
    asking = [i for i, c in enumerate(parts) if _ASKS_FACT.search(c)]
    if not asking or not _CHECKING.search(query):
        return ()
    return tuple(c for c in parts[:asking[-1]] if _REPORTED.match(c))
