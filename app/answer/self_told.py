"""Clauses in which the asker tells of themselves rather than of a topic: how they feel,
what they are paid, what they do, where they mean to go. Such a clause is an aside of the
question (:func:`app.answer.clauses.asides`). So is the figure they guess when they ask yes
or no (:func:`checked_thresholds`)."""

from __future__ import annotations

import re
from functools import cache

from lexicon import (
    feeling_words,
    move_words,
    occupation_words,
    pay_words,
    person_categories,
    whereabouts_words,
)
from lexicon.segmenter import dictionary_parts, dictionary_verb


def feels(clause: str) -> bool:
    """True when ``clause`` tells how the asker feels (压力好大, 好焦虑, 我怕只是口号): their
    state, no topic of the question.

    >>> feels("压力好大"), feels("感觉学技术的人越来越多，好焦虑"), feels("住房压力补贴")
    (True, True, False)
    """
    return any(w in clause for w in feeling_words())


_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+[块千万k]", re.I)


def own_pay(clause: str) -> bool:
    """True when ``clause`` states a figure of the asker's pay (月薪6k, offer年薪20万): their
    situation, no topic of the question.

    >>> own_pay("蚌埠一家厂offer月薪6k"), own_pay("月薪五千块"), own_pay("学徒工资怎么算")
    (True, True, False)
    """
    low = clause.lower()
    return any(w in low for w in pay_words()) and bool(_FIGURE.search(clause))


#: longest opening clause read as the asker's job title (九江中职老师, 深圳一家外企的HR)
WORK_CLAUSE_CHARS = 12


def tells_work(clause: str) -> bool:
    """True when a short ``clause`` ends on a job title with no verb before it (九江中职老师,
    深圳HR): who the asker is, no topic of the question (not 企业招技术工人: whom they hire).

    >>> tells_work("九江中职老师"), tells_work("深圳HR"), tells_work("老师的补贴标准")
    (True, True, False)
    >>> tells_work("江阴的企业招技术工人")
    False
    >>> tells_work("佛山数控技工"), tells_work("青岛高级技工")  # 高级技工: a category asked
    (True, False)
    """
    plain = clause.strip().lower()
    title = next((w for w in occupation_words() if plain.endswith(w)), None)
    if title is None or len(plain) > WORK_CLAUSE_CHARS:
        return False
    if any(plain.endswith(w) and len(w) > len(title) for w in category_names()):
        return False  # a category of people the documents speak of, not the asker's job
    return not any(dictionary_verb(w) for w in dictionary_parts(plain[:-len(title)]))


@cache
def category_names() -> tuple[str, ...]:
    """The names of the person categories and their aliases (高级技工, 技能人才)."""
    return tuple({w for c, aliases in person_categories().items() for w in (c, *aliases)})


#: a trade or field the asker works or studies in, closing a short clause (银川做数控的,
#: 在深圳搞销售的, 西安学医的): 做/搞/干/学 and a few characters, then 的
_TRADE = re.compile(r"(?:做|搞|干|学)[\u4e00-\u9fffA-Za-z]{1,6}的$")


def tells_trade(clause: str) -> bool:
    """True when a short ``clause`` ends on the trade the asker is in (银川做数控的, 在深圳搞
    销售的): who they are, no topic of the question (not 对做研发的: whom a measure is for).

    >>> tells_trade("银川做数控的"), tells_trade("在深圳搞销售的"), tells_trade("对做研发的")
    (True, True, False)
    """
    plain = clause.strip()
    return (len(plain) <= WORK_CLAUSE_CHARS and not plain.startswith(("对", "给", "为"))
            and bool(_TRADE.search(plain)))


def plans_move(clause: str) -> bool:
    """True when ``clause`` tells where the asker means to go and do what anyone does there
    (想去威海找工作, 海归回国想去崂山发展): their plan names the place, no topic.

    >>> plans_move("想去威海找工作"), plans_move("我在威海工作"), plans_move("想申请人才公寓")
    (True, False, False)
    """
    plain = clause.strip().rstrip("的啊呀吧了")
    return plain.endswith(move_words()) and any(w in plain for w in whereabouts_words()[1])


#: a threshold checked by a yes/no question (有没有超过15万, 是不是不到1000元, 是不是8000万出头)
_THRESHOLD = re.compile(r"(?:有没有|是不是|是否|有无|能不能|会不会|超没超|到没到)"
                        r"((?:超过|突破|达到|到|高于|低于|不到|少于|多于|过)?"
                        r"[0-9零〇一二两三四五六七八九十百千万亿.]+[万亿千百]?(?:人|元|家|个|套|名)?"
                        r"(?:出头|左右|上下|以上|以下)?)")


def checked_thresholds(query: str) -> tuple[str, ...]:
    """The thresholds the asker checks by a yes/no question: their guess, which the figure
    the documents give answers whatever it is.

    >>> checked_thresholds("蚌埠高技能人才有没有超过15万"), checked_thresholds("是不是8000万出头？")
    (('超过15万',), ('8000万出头',))
    >>> checked_thresholds("补贴15万")
    ()
    """
    return tuple(m[1] for m in _THRESHOLD.finditer(query))
