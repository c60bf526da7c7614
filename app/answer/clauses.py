"""A question's clauses and what each does: which clauses ask (a question word, 吗, an
A-not-A form), which are the asker's asides (background, errands, hearsay, what
happened to them), what a question asks about by name, and its predicate.

>>> clauses("我是硕士，去威海工作，每月有多少补贴？")
('我是硕士', '去威海工作', '每月有多少补贴')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from app.answer.asked import ASKING_JI as _ASKING_JI
from app.answer.asked import SPACE_BREAK as _SPACE_BREAK
from app.answer.self_told import feels, own_pay, plans_move, tells_trade, tells_work
from lexicon import ask_words, degree_aliases

#: an A-not-A form (能不能, 有没有): it asks, and as phrasing it names nothing
A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")
#: a question asking yes or no (吗, 是否, or an A-not-A form: 能不能)
YES_NO = re.compile(r"吗|是否|" + A_NOT_A.pattern)

# Clause breaks of a question, and what makes a clause ask (a question word, 吗, an
# A-not-A form such as 能不能 or 有没有).
# a space between two runs of Chinese of a clause's length (asked.SPACE_BREAK) breaks a
# clause as a comma does
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?\n…]+|" + _SPACE_BREAK)


@cache
def _asking() -> re.Pattern[str]:
    words = sorted({*ask_words(), "多少", "多久", "多长", "吗", "是否"} - {"几"}, key=len,
                   reverse=True)
    # 几 asks, but not in 好几年, 十几年 or 几乎; an A-not-A form asks as it is phrasing;
    # nothing asks after 没 (没什么头衔, 没多少钱)
    return re.compile("(?<!没)(?:" + "|".join(map(re.escape, words))
                      + rf"|{_ASKING_JI}(?!乎)|{A_NOT_A.pattern})")


# A clause in which the asker describes themselves or what someone lacks: it starts with
# 我, 本人 or a negation and wants, plans or asks nothing (我是…, 我在北京读研, 我月薪8000,
# 没什么头衔; not 我想…, 我打算…, 我能…, 没有社保能领吗).
_SELF = re.compile(r"(?:我们?|本人|(?:也|从来?|并|还)?没)"
                   r"(?!.*(?:想|要|打算|准备|计划|能|可以|需|该|问|申请))")


# A clause about the asking itself, ending on a verb of asking with nothing asked after
# it (老板让我先问清楚, 帮我儿子问问, a letter's 现就住房一事咨询如下): an errand, not a topic
# (not 想了解一下安家费).
_ERRAND = re.compile(r"(?:问|了解|打听|咨询|请教|核实|核对|确认)(?:问|一下|下|清楚|明白|如下)?$")


# The asker's task for the people they ask for (给毕业生整理一下崂山的人才政策, 帮学生梳理,
# 给技校学生做个宣讲): the audience named is who will read the answer, not who a measure
# must name, and the task is no topic (not 给毕业生介绍工作的机构有哪些, which asks).
_AUDIENCE = re.compile(r"^(?:给|帮|替|为)([^，]{1,8}?)(?:整理|汇总|梳理|归纳|讲解|讲一讲|讲讲|介绍"
                       r"|宣讲|科普|解释|做(?:个|一次|一场)?(?:宣讲|讲座|课件|材料|汇报|PPT))",
                       re.IGNORECASE)


# Hearsay and recollection (听说以前要一个礼拜, 以前好像得等一个礼拜): after the clause that
# asks it is what the asker heard or remembers, not what they ask; before it, it may name
# the topic (听说有个一次性补贴，本科能拿多少).
_HEARSAY = re.compile(r"(?:听说|据说|听人说|听别人说"
                      r"|(?:以前|之前|原来|我)?(?:好像|似乎|记得|印象中))")


# What happened to the asker, told before the question (被一家公司录用了, 孩子今年毕业了): a
# passive with the asker left out, or a clause that ends on 了, reports an event and
# names no topic of its own (not 听说有个一次性补贴, 威海的人才公寓).
_NARRATIVE = re.compile(r"^被|了$")

# Where the asker stands in their studies, ending the clause (汽修专业在读的, 银川本科在读,
# 技校毕业的, 福州读博的, 高雄读大学的, 泉州技校生, 长春本科大四): who they are, not what
# they ask about (not 大专毕业生 or 应届生: whom a measure is for). The degrees, the
# students of one (技校生) and the aliases of studying for one (读研, 念研究所) are the lexicon's.
_SCHOOLS = {re.sub(r"(?:生|毕业|学历)$", "", a) for a, _ in degree_aliases()} - {""}
_STUDY_ALIASES = "|".join(sorted((a for a, _ in degree_aliases() if a[0] in "读念"), key=len,
                                 reverse=True))
YEAR_OF_STUDY = r"[大研博][一二三四五]"  #: a year of study (大四, 研二, 博一)
_DEGREE_WORDS = "|".join(sorted(_SCHOOLS | {"大学"}, key=len, reverse=True))
STUDY_STATUS = (r"(?:在读|在校|毕业|" + _STUDY_ALIASES + "|(?:读|念|上)(?:" + _DEGREE_WORDS
                + ")|(?:" + "|".join(sorted((w for w in _SCHOOLS if len(w) == 2), key=len)) + ")生"
                + "|" + YEAR_OF_STUDY + r"(?:学生|生)?|专业(?:学生|生))")
_STUDYING = re.compile(STUDY_STATUS + r"的?$")


def tells_studies(clause: str) -> bool:
    """True when ``clause`` ends on where the asker stands in their studies (本科在读,
    福州读博的; not 看病和孩子上学).

    >>> tells_studies("泉州读研的"), tells_studies("看病和孩子上学")
    (True, False)
    >>> tells_studies("泉州技校生"), tells_studies("长春本科大四"), tells_studies("高雄读大学的")
    (True, True, True)
    """
    return _STUDYING.search(clause.strip()) is not None

# What the asker already knows and leaves out (「除了看病和孩子上学，还有啥福利」, 「供需错配、
# 机制僵化之外，另外两个是什么」): a clause of exclusion names no thing asked.
_EXCLUDED = re.compile(r"^(?:除了|除去|除开)|(?:之外|以外)$")


# A guess the asker expects to be wrong, before the clause that asks (「总共搞了多少个」 after
# 「不是只有一两个吧」, 「到底补多少」 after 「每一个不是只补几十万吧」): it names the figure they
# doubt, not the thing asked; a double negative (不是没有人才公寓吧) affirms its topic.
_DOUBTED = re.compile(r"(?:不是|不会)(?!没).*吧$")


# A telling-off before what is asked (「崂山的人才政策别光发文件啊，到底兑现了多少」, 「别跟我说
# 全国都缺人」): the asker says what they do not want to hear, which is no thing asked; 别的,
# 别人, 别处 are "other".
_SCOLDING = re.compile(r"^(?:别|甭)(?![的人处家样])")


def clauses(query: str) -> tuple[str, ...]:
    """The question's clauses, between commas, stops and question marks.

    >>> clauses("我是硕士，去威海工作，每月有多少补贴？")
    ('我是硕士', '去威海工作', '每月有多少补贴')
    """
    return tuple(c for c in _CLAUSE_BREAK.split(query) if c.strip())


def marked(query: str, clause: str) -> bool:
    """True when a question mark closes ``clause`` in ``query``."""
    at = query.find(clause)
    rest = query[at + len(clause):] if at >= 0 else ""
    return bool(re.match(r"\s*[”’」』）)]*\s*[？?]", rest))


_STOP = re.compile(r"[。！!]")  # a full stop or an exclamation mark: a statement
_MARK = re.compile(r"[？?]")
_CLOSING = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]*")


def _statements(query: str) -> frozenset[int]:
    """Indices of the clauses of ``query`` lying in sentences closed by a full stop, when
    another sentence is closed by a question mark: there the asker states
    (「我改进过几道工序，给厂里省了钱。能评个什么称号？」: 几 is 「a few」), the marked
    sentence asks. Empty when no sentence carries a question mark.

    >>> q = "我是工人，改进过几道工序。能评什么称号？"
    >>> sorted(_statements(q))
    [0, 1]
    """
    return _sentences(query)[0] if _MARK.search(query) else frozenset()


@lru_cache(maxsize=4096)
def _sentences(query: str) -> tuple[frozenset[int], tuple[int, ...]]:
    """The clauses of ``query`` in sentences a full stop closes, and for each clause the
    index of its sentence's first clause (a question mark or a full stop ends one); read
    once per question."""
    stated: set[int] = set()
    opening: list[int] = []
    sentence: list[int] = []
    at = 0
    for i, part in enumerate(clauses(query)):
        at = query.find(part, at) + len(part)
        closing = _CLOSING.match(query, at).group()
        opening.append(sentence[0] if sentence else i)
        sentence.append(i)
        if _MARK.search(closing):
            sentence = []
        elif _STOP.search(closing):
            stated.update(sentence)
            sentence = []
    return frozenset(stated), tuple(opening)


@lru_cache(maxsize=4096)
def asking_clauses(query: str) -> tuple[int, ...]:
    """Indices of the clauses of ``query`` that ask: a question word, 吗 or an A-not-A form
    outside a sentence stated with a full stop (see :func:`_statements`); read once per
    question for :func:`asides` and :func:`told_before` alike."""
    parts = clauses(query)
    stated = _statements(query)
    asking = [i for i, c in enumerate(parts) if i not in stated and _asking().search(c)]
    # a doubted guess (「不是才几万人吧」) or an exclusion (「除了只数发了多少篇论文」) before
    # the clause that asks only seems to ask
    return tuple(i for i in asking if i == asking[-1] or not (
        _DOUBTED.search(parts[i].strip()) or _EXCLUDED.search(parts[i].strip())))


@lru_cache(maxsize=4096)
def doubted(query: str) -> tuple[str, ...]:
    """The guesses the asker doubts (see ``_DOUBTED``) before the clause that asks.

    >>> doubted("蚌埠的高技能人才，不是才几万人吧？总量有多少？")
    ('不是才几万人吧',)
    >>> doubted("不是没有人才公寓吧？能住几天？"), doubted("总量有多少，不会吧")
    ((), ())
    """
    return _before_asking(query, _DOUBTED)


@lru_cache(maxsize=4096)
def excluded(query: str) -> tuple[str, ...]:
    """The clauses of exclusion (除了…, …之外) before the clause that asks: what the asker
    already knows, whatever question word they hold.

    >>> excluded("评价科研人才，除了只数发了多少篇论文，文章还批评了哪些做法？")
    ('除了只数发了多少篇论文',)
    """
    return _before_asking(query, _EXCLUDED)


def audiences(query: str) -> tuple[str, ...]:
    """Those the asker does a task for, in a clause that does not ask (给毕业生整理一下…,
    帮技校学生梳理…): who will read the answer, not whom a measure must name.

    >>> audiences("给毕业生整理一下崂山区的人才政策：累计兑现了多少资金？")
    ('毕业生',)
    >>> audiences("给毕业生介绍工作的机构有哪些？")
    ()
    """
    asking = set(asking_clauses(query))
    return tuple(m.group(1) for i, c in enumerate(clauses(query))
                 if i not in asking and (m := _AUDIENCE.match(c.strip())))


def scolding(query: str) -> tuple[str, ...]:
    """The clauses that tell the asker's listener off (别光…, 别跟我说…) before the clause
    that asks.

    >>> scolding("崂山的人才政策别光发文件啊，真金白银到底兑现了多少？")
    ()
    >>> scolding("崂山的人才政策，别光发文件啊，真金白银到底兑现了多少？")
    ('别光发文件啊',)
    >>> scolding("别的地方，有没有人才公寓？")
    ()
    """
    return _before_asking(query, _SCOLDING)


def _before_asking(query: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    parts = clauses(query)
    asking = asking_clauses(query)
    return tuple(c for i, c in enumerate(parts) if asking and i < asking[-1]
                 and i not in asking and pattern.search(c.strip()))


def asides(query: str) -> tuple[str, ...]:
    """Clauses of a long question that neither ask nor lead into a clause that asks: the
    asker's own background (「我是山东大学的本科，老家是文登的，……，本科能拿多少？」).
    A clause asks when it holds a question word, 吗 or an A-not-A form (else the last
    one asks when a question mark ends the question); the clause just
    before one that asks states its topic (「听说有个一次性补贴，本科能拿多少」) and is
    kept, unless the asker describes themselves in it (「我是…」, 「我在…」, 「我46岁」:
    a clause that starts with 我 or 本人 and wants nothing) or their errand (「老板让我先
    问清楚」: it ends on a verb of asking); in a question of two clauses only such a
    description is one, or hearsay after the clause that asks (「…要等几天，听说以前要一个
    礼拜」), and a clause of exclusion wherever it stands.

    >>> asides("我是本科，老家是文登的，听说有个一次性补贴，本科能拿多少？")
    ('我是本科', '老家是文登的')
    >>> asides("威海的人才公寓，免费住几天？")
    ()
    >>> asides("我是学机械的应届生，重点岗位有多少个？")
    ('我是学机械的应届生',)
    >>> asides("人才房现在多久能批下来？以前好像得等一个礼拜")
    ('以前好像得等一个礼拜',)

    A clause of exclusion (除了…, …之外) names what the asker already knows:

    >>> asides("除了看病和孩子上学，崂山还给人才办了啥福利？")
    ('除了看病和孩子上学',)

    So is a guess the asker doubts (不是…吧), and the clause before it still names the topic:

    >>> asides("崂山的书记人才项目，不是只有一两个吧，总共搞了多少个？")
    ('不是只有一两个吧',)

    So is the asker's task for those they ask for (给毕业生整理…): its audience is who
    reads the answer, not who a measure must name:

    >>> asides("给毕业生整理一下崂山区的人才政策：累计兑现了多少资金？")
    ('给毕业生整理一下崂山区的人才政策',)
    """
    parts = clauses(query)
    if len(parts) < 2:
        return ()
    asking = list(asking_clauses(query))
    if not asking:  # 「…，还是也能申请产权房？」 asks by its mark alone, wherever it stands
        asking = [i for i, c in enumerate(parts) if marked(query, c)]
    if not asking:
        return ()
    # the asker's doubted guesses and exclusions before what is asked: the clause before
    # them still names its topic
    guesses = {i for i, c in enumerate(parts)
               if c in (*doubted(query), *excluded(query), *scolding(query))}
    kept = ({j for i in asking for j in (_topic_before(i, guesses), i)
             if j == i or _leads_into(query, parts, j, i)} if len(parts) > 2
            else set(range(len(parts))))
    return tuple(c for i, c in enumerate(parts) if i not in asking and (
        i not in kept or i in guesses or _SELF.match(c.strip()) or _ERRAND.search(c.strip())
        or _AUDIENCE.match(c.strip())
        or _NARRATIVE.search(c.strip()) or tells_studies(c)
        or _EXCLUDED.search(c.strip()) or feels(c)
        or own_pay(c) or plans_move(c) or tells_work(c) or tells_trade(c)
        or (i > asking[-1] and _HEARSAY.match(c.strip()))))


@lru_cache(maxsize=4096)
def asked_text(query: str) -> str:
    """The clauses of ``query`` that ask (:func:`asking_clauses`), joined by commas.

    >>> asked_text("我是工程师，在南阳上班，补贴多少？")
    '补贴多少'
    """
    parts = clauses(query)
    return "，".join(parts[i] for i in asking_clauses(query))


def _leads_into(query: str, parts: Sequence[str], before: int, asking: int) -> bool:
    """True when clause ``before`` may state the topic of clause ``asking`` that follows
    it: in the same sentence; across a full stop too (「湖北省可免征…，免征期限不超过5个月。
    不含什么单位？」), unless that sentence is the asker's story, told in the first person
    (「我今年28，在苏州做了四年质检，想换个节奏慢点的城市。想问问那边投用了多少套人才
    公寓？」), and the question names enough of its own (not 「…。多少钱？」). Hearsay
    the asker tells brings the topic in (「我听说威海有订单班，一入学就定了岗位。」)."""
    if (before not in _statements(query)
            or han_count(parts[asking]) < MIN_ASKED_CHARS):
        return True
    opening = parts[_sentences(query)[1][before]].strip()
    return not _TELLER.match(opening) or hearsay(opening)


# the asker telling of themselves or their own (我今年28, 我表姐在威海上班, 本人…)
_TELLER = re.compile(r"我|本人")


_HAN = re.compile(r"[\u4e00-\u9fff]")


def han_count(text: str) -> int:
    """The Chinese characters in ``text``."""
    return len(_HAN.findall(text))


def _topic_before(index: int, guesses: set[int]) -> int:
    """The clause before clause ``index`` that may state its topic, past the asker's doubted
    guesses and exclusions between them (``guesses``: see :func:`doubted`, :func:`excluded`)."""
    index -= 1
    while index in guesses:
        index -= 1
    return index


# Hearsay opening a clause before the question: it brings in the topic (听说有个补贴…).
_HEARD = re.compile(r"(?:我|又|也|还)?(?:听说|据说|听人说|听别人说)")
#: Han characters a question must hold before a remark after it can be told apart from it
#: (「多少钱？威海的博士生活补贴」 names its topic after the question word)
MIN_ASKED_CHARS = 6


def heard_of(clause: str) -> bool:
    """True when ``clause`` opens with hearsay that brings a topic in (听说有个补贴…)."""
    return bool(_HEARD.match(clause.strip()))


def hearsay(clause: str) -> bool:
    """True when ``clause`` opens with hearsay or recollection (听说…, 我记得…)."""
    return heard_of(clause) or bool(_HEARSAY.match(clause.strip()))


def after_asking(query: str) -> str:
    """The question after its last asking word, up to the end of that clause: the predicate
    asked (「这券会不会过期」 -> 过期, 「年薪至少要多少才够格」 -> 才够格); '' when nothing
    asks.

    >>> after_asking("这券会不会过期？"), after_asking("年薪至少要多少才够格"), after_asking("你好")
    ('过期', '才够格', '')
    >>> after_asking("现在多久能批下来")
    ''

    """
    found = list(_asking().finditer(query))
    if not found or found[-1][0] in ("多久", "多长"):  # 多久能批下来: the event timed, which
        return ""  # a sentence states in its own words (当日办结), is no predicate asked
    return _CLAUSE_BREAK.split(query[found[-1].end():])[0]


def only_stated(query: str, words: Sequence[str]) -> bool:
    """True when ``words`` occur in ``query`` only in clauses that do not ask, where some
    clause does: the asker says who they are (「我是研究生，文章里说哪些领域起步晚」),
    not whom the answer is about (「崂山区给博士后什么待遇」).

    >>> only_stated("我是研究生，文章里说哪些领域起步晚？", ["研究生"])
    True
    >>> only_stated("崂山区给博士后什么待遇", ["博士后"])
    False
    """
    parts = clauses(query)
    asking = [c for c in parts if _asking().search(c)]
    holding = [c for c in parts if any(w in c for w in words)]
    return bool(asking and holding) and not any(c in asking for c in holding)
