"""A question's clauses and what each does: which clauses ask (a question word, 吗, an
A-not-A form), which are the asker's asides (background, errands, hearsay, what
happened to them), what a question asks about by name, and its predicate.

>>> clauses("我是硕士，去威海工作，每月有多少补贴？")
('我是硕士', '去威海工作', '每月有多少补贴')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from app.answer.asked import ASKING_JI as _ASKING_JI
from app.answer.scoring import normalise
from lexicon import ask_words

#: an A-not-A form (能不能, 有没有): it asks, and as phrasing it names nothing
A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")

# Clause breaks of a question, and what makes a clause ask (a question word, 吗, an
# A-not-A form such as 能不能 or 有没有).
# a space between two runs of Chinese of a clause's length breaks a clause as a comma
# does: typed on a phone or dictated, 「公寓叫什么名 听说最近重新装修了」 has no other mark;
# between short words it only separates keywords (「威海 硕士 补贴多少」)
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?\n]+|(?<=[\u4e00-\u9fff]{5})[ \u3000\t]+"
                           r"(?=[\u4e00-\u9fff]{5})")


@cache
def _asking() -> re.Pattern[str]:
    words = sorted({*ask_words(), "多少", "吗", "是否"} - {"几"}, key=len, reverse=True)
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
# it (老板让我先问清楚, 帮我儿子问问): an errand, not a topic (not 想了解一下安家费).
_ERRAND = re.compile(r"(?:问|了解|打听|咨询|请教|核实|核对|确认)(?:问|一下|下|清楚|明白)?$")


# Hearsay and recollection (听说以前要一个礼拜, 以前好像得等一个礼拜): after the clause that
# asks it is what the asker heard or remembers, not what they ask; before it, it may name
# the topic (听说有个一次性补贴，本科能拿多少).
_HEARSAY = re.compile(r"(?:听说|据说|听人说|听别人说"
                      r"|(?:以前|之前|原来|我)?(?:好像|似乎|记得|印象中))")


# What happened to the asker, told before the question (被一家公司录用了, 孩子今年毕业了): a
# passive with the asker left out, or a clause that ends on 了, reports an event and
# names no topic of its own (not 听说有个一次性补贴, 威海的人才公寓).
_NARRATIVE = re.compile(r"^被|了$")

# What the asker already knows and leaves out (「除了看病和孩子上学，还有啥福利」, 「供需错配、
# 机制僵化之外，另外两个是什么」): a clause of exclusion names no thing asked.
_EXCLUDED = re.compile(r"^(?:除了|除去|除开)|(?:之外|以外)$")


# A guess the asker expects to be wrong, before the clause that asks (「总共搞了多少个」 after
# 「不是只有一两个吧」, 「到底补多少」 after 「每一个不是只补几十万吧」): it names the figure they
# doubt, not the thing asked; a double negative (不是没有人才公寓吧) affirms its topic.
_DOUBTED = re.compile(r"(?:不是|不会)(?!没).*吧$")


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


def _statements(query: str, parts: Sequence[str]) -> set[int]:
    """Indices of ``parts`` (the clauses of ``query``) lying in sentences closed by a full
    stop, when another sentence is closed by a question mark: there the asker states
    (「我改进过几道工序，给厂里省了钱。能评个什么称号？」: 几 is 「a few」), the marked
    sentence asks. Empty when no sentence carries a question mark.

    >>> q = "我是工人，改进过几道工序。能评什么称号？"
    >>> sorted(_statements(q, clauses(q)))
    [0, 1]
    """
    if not _MARK.search(query):
        return set()
    out: set[int] = set()
    sentence: list[int] = []
    at = 0
    for i, part in enumerate(parts):
        at = query.find(part, at) + len(part)
        closing = _CLOSING.match(query, at).group()
        sentence.append(i)
        if _MARK.search(closing):
            sentence = []
        elif _STOP.search(closing):
            out.update(sentence)
            sentence = []
    return out


@lru_cache(maxsize=4096)
def _asking_clauses(query: str) -> tuple[int, ...]:
    """Indices of the clauses of ``query`` that ask: a question word, 吗 or an A-not-A form
    outside a sentence stated with a full stop (see :func:`_statements`); read once per
    question for :func:`asides` and :func:`told_before` alike."""
    parts = clauses(query)
    stated = _statements(query, parts)
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


def _before_asking(query: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    parts = clauses(query)
    asking = _asking_clauses(query)
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
    """
    parts = clauses(query)
    if len(parts) < 2:
        return ()
    asking = list(_asking_clauses(query))
    if not asking:  # 「…，还是也能申请产权房？」 asks by its mark alone, wherever it stands
        asking = [i for i, c in enumerate(parts) if marked(query, c)]
    if not asking:
        return ()
    # the asker's doubted guesses and exclusions before what is asked: the clause before
    # them still names its topic
    guesses = {i for i, c in enumerate(parts) if c in (*doubted(query), *excluded(query))}
    kept = ({j for i in asking for j in (_topic_before(i, guesses), i)} if len(parts) > 2
            else set(range(len(parts))))
    return tuple(c for i, c in enumerate(parts) if i not in asking and (
        i not in kept or i in guesses or _SELF.match(c.strip()) or _ERRAND.search(c.strip())
        or _NARRATIVE.search(c.strip()) or _EXCLUDED.search(c.strip())
        or (i > asking[-1] and _HEARSAY.match(c.strip()))))


def _topic_before(index: int, guesses: set[int]) -> int:
    """The clause before clause ``index`` that may state its topic, past the asker's doubted
    guesses and exclusions between them (``guesses``: see :func:`doubted`, :func:`excluded`)."""
    index -= 1
    while index in guesses:
        index -= 1
    return index


@lru_cache(maxsize=4096)
def without_asides(query: str) -> str:
    """``query`` with its asides (see :func:`asides`) blanked: what it asks about.

    >>> without_asides("住房补贴最多能拿多少？我现在一个月工资去一半")
    '住房补贴最多能拿多少？ '
    """
    for aside in asides(query):
        query = query.replace(aside, " ")
    return query


_SENTENCE_BREAK = re.compile(r"[。！!；;\n]+")


def told_before(query: str) -> tuple[str, ...]:
    """The asides (see :func:`asides`) that lie in whole sentences told before the one that
    asks (「我在车企做工程师，单位要求修满学时。今年培训多少人次？」): closed by a full
    stop, they are the asker's story; a clause joined by a comma to what is asked
    (「我妹在厂里实习，表现好能不能留下」) may be the topic itself.

    >>> told_before("我是工程师，在车企上班，单位要求修学时。今年培训多少人次？")
    ('我是工程师', '在车企上班')
    >>> told_before("我是工程师，单位要求修学时，今年培训多少人次？")
    ()

    So is what comes before hearsay that leads into the question: the asker heard of the
    topic after telling their (or their family's) story (「我闺女在浙江参加招聘，听说浙江…提了个
    什么理念？」).

    >>> told_before("我闺女在浙江参加人才招聘，听说浙江开年第一个大会讲人才，提了个什么理念？")
    ('我闺女在浙江参加人才招聘',)
    """
    aside = set(asides(query))
    sentences = [p for p in _SENTENCE_BREAK.split(query) if p.strip()]
    parts = clauses(query)
    asking = _asking_clauses(query)
    asked = {parts[i] for i in asking}
    told: list[str] = []
    for sentence in sentences[:-1]:
        if any(c in asked for c in clauses(sentence)):
            break
        told.extend(c for c in clauses(sentence) if c in aside)
    heard = next((i for i, c in enumerate(parts) if _HEARD.match(c.strip())), None)
    if heard is not None and asking and heard < min(asking):
        told.extend(c for c in parts[:heard] if c in aside and c not in told)
    return tuple(told)


# Hearsay opening a clause before the question: it brings in the topic (听说有个补贴…).
_HEARD = re.compile(r"(?:我|又|也|还)?(?:听说|据说|听人说|听别人说)")


# a sentence's end: a question mark closes one too (what is said after a question)
_ANY_SENTENCE_BREAK = re.compile(r"[。！!？?；;\n…]+")
#: Han characters a question must hold before a remark after it can be told apart from it
#: (「多少钱？威海的博士生活补贴」 names its topic after the question word)
MIN_ASKED_CHARS = 6


@lru_cache(maxsize=4096)
def said_after(query: str) -> tuple[str, ...]:
    """Clauses that do not ask, in the sentences after the first sentence that asks: the
    asker's remarks on what they asked (「“四通”到底是哪四个通？？每次开会都念，没一个人讲得
    清楚」, 「哪些地方是“冷点”？要是我想去那边发展心里有个数」, 「…多少青年人才？？年年喊口号，
    今年的目标数到底是多少」), not its topic: that was named in the question already. Only
    when that question names something of its own (at least ``MIN_ASKED_CHARS`` Han
    characters): 「多少钱？威海的博士生活补贴」 names its topic after.

    >>> said_after("“四通”是哪四个通？？每次开会都念，没一个人讲得清楚")
    ('每次开会都念', '没一个人讲得清楚')
    >>> said_after("要引来多少青年人才？？年年喊口号，今年的目标数到底是多少")
    ('年年喊口号',)
    >>> said_after("博士补贴多少？住房怎么申请？"), said_after("多少钱？威海的博士生活补贴")
    ((), ())
    """
    sentences = [p for p in _ANY_SENTENCE_BREAK.split(query) if p.strip()]
    parts = clauses(query)
    asked = {parts[i] for i in _asking_clauses(query)}
    out: list[str] = []
    asking_seen = False
    for sentence in sentences:
        own = clauses(sentence)
        if asking_seen:
            out.extend(c for c in own if c not in asked)
        elif any(c in asked for c in own):
            if len(re.findall(r"[\u4e00-\u9fff]", sentence)) < MIN_ASKED_CHARS:
                return ()
            asking_seen = True
    return tuple(out)


def set_aside(query: str) -> tuple[str, ...]:
    """What the asker says around the question rather than asks: their story told before it
    (:func:`told_before`), the guesses they doubt (:func:`doubted`) and their remarks after
    it (:func:`said_after`)."""
    return tuple(dict.fromkeys((*told_before(query), *doubted(query), *said_after(query))))


def aside_only(query: str, factor: float, *weights: Mapping[str, float]
               ) -> tuple[dict[str, float], ...]:
    """Each of ``weights`` (of a question's normalised key bigrams or words) with those that
    only the asker's story or remarks hold (see :func:`set_aside`), and no other clause,
    scaled by ``factor``; they are read once for all of them.

    >>> q = "我是工程师，单位要求修学时。今年培训多少人次？"
    >>> aside_only(q, 0.5, {"工程": 1.0, "人次": 1.0})
    ({'工程': 0.5, '人次': 1.0},)
    """
    told = set_aside(query) if factor != 1.0 else ()
    if not told:
        return tuple(dict(w) for w in weights)
    told_text = normalise("，".join(told))
    asked = normalise("，".join(c for c in clauses(query) if c not in told))
    return tuple({k: w * factor if k in told_text and k not in asked else w
                  for k, w in each.items()} for each in weights)


# What a question asks about by name: the noun right after 哪个, 什么 or 有没有 (「在哪个场馆」,
# 「有没有年龄限制」).
_ASKED_HEAD = r"(?:哪[个些家所位种类]?|什么|有没有|有无|是否有)的?"


def asks_about(query: str, word: str) -> bool:
    """True when ``word`` is what the question asks about by name: it follows 哪个, 什么 or
    有没有 directly, and modifies nothing after it (官方的平台 asks about a 平台).

    >>> asks_about("在哪个场馆开的", "场馆"), asks_about("有没有年龄限制", "年龄")
    (True, True)
    >>> asks_about("场馆里有什么活动", "场馆"), asks_about("有没有官方的平台", "官方")
    (False, False)
    """
    return re.search(_ASKED_HEAD + re.escape(word) + "(?!的)", query) is not None


def after_asking(query: str) -> str:
    """The question after its last asking word, up to the end of that clause: the predicate
    asked (「这券会不会过期」 -> 过期, 「年薪至少要多少才够格」 -> 才够格); '' when nothing
    asks.

    >>> after_asking("这券会不会过期？"), after_asking("年薪至少要多少才够格"), after_asking("你好")
    ('过期', '才够格', '')
    """
    found = list(_asking().finditer(query))
    if not found:
        return ""
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
