"""Clauses in which the asker tells of themselves rather than of a topic: how they feel,
what they are paid, where they mean to go. Such a clause is an aside of the question
(:func:`app.answer.clauses.asides`)."""

from __future__ import annotations

import re

from lexicon import feeling_words, move_words, pay_words, whereabouts_words


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


def plans_move(clause: str) -> bool:
    """True when ``clause`` tells where the asker means to go and do what anyone does there
    (想去威海找工作, 海归回国想去崂山发展): their plan names the place, no topic.

    >>> plans_move("想去威海找工作"), plans_move("我在威海工作"), plans_move("想申请人才公寓")
    (True, False, False)
    """
    plain = clause.strip().rstrip("的啊呀吧了")
    return plain.endswith(move_words()) and any(w in plain for w in whereabouts_words()[1])
