"""What the asker says around the question rather than asks: the story told before it in
whole sentences, the remarks after it, and the guesses they doubt. Their words weigh less
than what is asked (:func:`aside_only`), and the places of the asker's own story yield to
a place the rest of the question names (:func:`story`).

>>> story("我是工程师，在南阳上班，单位要求修学时。听说青岛有培训，今年培训多少人次？")
('我是工程师', '在南阳上班', '单位要求修学时')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from app.answer.clauses import (
    MIN_ASKED_CHARS,
    STUDY_STATUS,
    asides,
    asking_clauses,
    clauses,
    doubted,
    han_count,
    heard_of,
    hearsay,
    tells_studies,
)
from app.answer.scoring import normalise
from app.answer.self_told import category_names, tells_work
from lexicon import degree_aliases, occupation_words, whereabouts_words

_SENTENCE_BREAK = re.compile(r"[。！!；;\n]+")


def told_before(query: str) -> tuple[str, ...]:
    """The asides (see :func:`asides`) that lie in whole sentences told before the one that
    asks (「我在车企做工程师，单位要求修满学时。今年培训多少人次？」): closed by a full
    stop, they are the asker's story; a clause joined by a comma to what is asked
    (「我妹在厂里实习，表现好能不能留下」) may be the topic itself.

    >>> told_before("我是工程师，在车企上班，单位要求修学时。今年培训多少人次？")
    ('我是工程师', '在车企上班', '单位要求修学时')
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
    asking = asking_clauses(query)
    asked = {parts[i] for i in asking}
    told: list[str] = []
    for sentence in sentences[:-1]:
        if any(c in asked for c in clauses(sentence)):
            break
        told.extend(c for c in clauses(sentence) if c in aside)
    heard = next((i for i, c in enumerate(parts) if heard_of(c)), None)
    if heard is not None and asking and heard < min(asking):
        told.extend(c for c in parts[:heard] if c in aside and c not in told)
    return tuple(told)


def story(query: str) -> tuple[str, ...]:
    """The asker's own story: the clauses told before the question in whole sentences
    (:func:`told_before`) but for hearsay, which brings the topic in (「听说海南…」).

    >>> story("我是从台中嫁到海南的，先生在三亚开了工作室。听说海南要新建工作室，补助多少？")
    ('我是从台中嫁到海南的', '先生在三亚开了工作室')
    """
    return tuple(c for c in told_before(query) if not hearsay(c))


# a sentence's end: a question mark closes one too (what is said after a question)
_ANY_SENTENCE_BREAK = re.compile(r"[。！!？?；;\n…]+")


# what the asker means to do with the answer, after the question (「…多少年轻人才？想看看机会多
# 不多再决定接不接offer」, 「…有多少个？想看看有没有适合海归的」): a remark, though it asks
_PURPOSE = re.compile(r"(?:我)?(?:想看看|想瞧瞧|看看|好决定|再决定|方便我|以便)")


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
    >>> said_after("青岛今年要引进多少青年人才？想看看机会多不多再决定接不接")
    ('想看看机会多不多再决定接不接',)
    """
    sentences = [p for p in _ANY_SENTENCE_BREAK.split(query) if p.strip()]
    parts = clauses(query)
    asked = {parts[i] for i in asking_clauses(query)}
    out: list[str] = []
    asking_seen = False
    for sentence in sentences:
        own = clauses(sentence)
        if asking_seen:
            out.extend(c for c in own if c not in asked or _PURPOSE.match(c.strip()))
        elif any(c in asked for c in own):
            if han_count(sentence) < MIN_ASKED_CHARS:
                return ()
            asking_seen = True
    return tuple(out)


@lru_cache(maxsize=4096)
def without_asides(query: str) -> str:
    """``query`` with its asides (see :func:`asides`) blanked: what it asks about.

    >>> without_asides("住房补贴最多能拿多少？我现在一个月工资去一半")
    '住房补贴最多能拿多少？ '
    """
    for aside in asides(query):
        query = query.replace(aside, " ")
    return query


@cache
def _whereabouts_cue() -> re.Pattern[str]:
    """What may stand before a place in a clause telling the asker's whereabouts: the asker,
    or no one, then a word of whereabouts (我在, 人在, 现在在, 老家; not 「企业在上海设的」)."""
    cues = "|".join(map(re.escape, whereabouts_words()[0]))
    return re.compile(f"(?:我|本人|人)?(?:现在|目前|还|也|一直|正)?(?:{cues})")


def whereabouts(query: str, names: Sequence[str]) -> tuple[str, ...]:
    """The places of ``names`` where the asker says they are or come from (我在东莞厂里做钳工,
    人在廊坊, 老家河南的, 我是甘肃人), in a clause that does not ask and tells no wish
    (想在威海工作, 打算去南阳: where they mean to be is what they ask about).

    >>> whereabouts("我在东莞厂里做钳工，全国技能人才有多少？", ["东莞"])
    ('东莞',)
    >>> whereabouts("我是甘肃人，现在在兰州，文章说冷点区域是哪里？", ["甘肃", "兰州"])
    ('甘肃', '兰州')
    >>> whereabouts("我想在南阳工作，全国硕士补贴多少？", ["南阳"])
    ()
    >>> whereabouts("企业在上海设的机构，文章里叫什么？", ["上海"])
    ()
    """
    _, intents, _ = whereabouts_words()
    told = _whereabouts_cue()
    parts = clauses(query)
    asking = set(asking_clauses(query))
    out: list[str] = []
    for i, part in enumerate(parts):
        if i in asking or any(w in part for w in intents):
            continue
        for name in names:
            at = part.find(name)
            if at >= 0 and (told.fullmatch(part[:at].strip())
                            or (part[at + len(name):] == "人" and part.startswith("我"))
                            or _own_place(part, at, name, names)):
                out.append(name)
    return tuple(dict.fromkeys(out))


# the asker saying they are of a place or study there (我是甘肃天水人在兰州读研, 我是唐山的,
# 湖南邵阳人, 石家庄读研): before the place only 我/本人, 是 or 来自 and the places that hold it;
# after it 人 or a verb of studying, or, with the asker named first, 的 or a verb of work
# (not 威海的人才公寓 or 威海工作的硕士, which name a topic)
_OWN_SELF = re.compile(r"(?:我|本人)(?:是|来自)?|是|来自")
_OWN_ANYONE = re.compile(r"人(?![才员社事力])|读|念书|上学|毕业")
_OWN_TOLD = re.compile(r"的|上班|工作|打工")
# …or, filling the rest of the clause, what the asker does there (厦门做医疗器械研发的, 泉州做
# 人事的, 长沙搞创业的) or what they study or studied (本科在读, 汽修专业在读的, 技校毕业的):
# a person described, not a topic (威海做得好的政策 does not end the clause with 的)
_OWN_DOING = re.compile(r"(?:做|干|搞|教|当|开|跑|从事)[^，,。？?！!]*的"
                        r"|[^，,。？?！!]{0,8}" + STUDY_STATUS + "的?")


@cache
def _person_words() -> str:
    """The person categories and their aliases and the job titles, longest first, as one
    alternation."""
    words = {*category_names(), *occupation_words()}
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _degree_words() -> str:
    """The degrees' spellings, longest first, as one alternation."""
    return "|".join(map(re.escape, sorted({a for a, _ in degree_aliases()}, key=len,
                                          reverse=True)))


@cache
def _described_person() -> re.Pattern[str]:
    """What the asker does and then who they are, closing the clause (贵阳|备考公务员的应届生,
    成都|开网店的个体户, 银川|刚读研的科研新人; not 威海|工作的硕士, those who work there), or a
    word or two before their degree (福州|在站博士后; not 深圳|博士 or 威海|高层次人才, whom a
    question may ask about): a person described, not a topic."""
    part = r"[^，,。？?！!的]"
    return re.compile(rf"{part}{{1,10}}的{part}{{0,4}}(?:{_person_words()})"
                      rf"|{part}{{1,4}}(?:{_degree_words()})")


def _own_place(part: str, at: int, name: str, names: Sequence[str]) -> bool:
    """True when ``part`` tells that the asker is of the place ``name`` found at ``at``
    (see ``_OWN_SELF``); a place named right after another (甘肃天水人) or after the asker's
    place and 在 (…天水人在兰州读研) is theirs as well.

    >>> names = ["甘肃", "天水", "兰州"]
    >>> [_own_place("我是甘肃天水人在兰州读研", "我是甘肃天水人在兰州读研".find(n), n, names)
    ...  for n in names]
    [True, True, True]
    >>> _own_place("威海的人才公寓", 0, "威海", ["威海"])
    False
    >>> [_own_place(p, 0, p[:2], [p[:2]]) for p in ("厦门做医疗器械研发的", "银川本科在读",
    ...                                              "威海做得好的政策")]
    [True, True, False]
    >>> [_own_place(p, 0, p[:2], [p[:2]]) for p in ("福州在站博士后", "银川刚读研的科研新人",
    ...                                              "徐州技师学院学生", "威海的人才公寓")]
    [True, True, True, False]
    """
    others = sorted((n for n in names if n != name), key=len, reverse=True)
    before, after = part[:at], part[at + len(name):]
    cut = max((before.rfind(o) + len(o) for o in others if o in before), default=0)
    lead, head = before[cut:].strip(), before[:cut]
    for other in others:
        head = head.replace(other, "")
    head = head.strip()
    if head and _OWN_SELF.fullmatch(head) is None:
        return False
    if cut and _whereabouts_cue().fullmatch(lead):  # …天水人在兰州读研
        return True
    follows = True
    while follows:  # 甘肃天水人: the places right after this one are inside it
        follows = False
        for other in others:
            if after.startswith(other):
                after, follows = after[len(other):], True
    own = head or lead
    if lead and _OWN_SELF.fullmatch(lead) is None:
        return False
    return bool(_OWN_ANYONE.match(after) or (own and _OWN_TOLD.match(after))
                or _OWN_DOING.fullmatch(after.strip()) is not None
                or _described_person().fullmatch(after.strip()) is not None
                or (bool(after.strip()) and tells_work(part)))  # 赣州职校老师: their job


# the asker introducing themselves by their work or lot (我在银行做理财经理, 我是跑长途的货车
# 司机, 我开了个小软件公司, 本人从事会计): not 我想…, 我妹…, 我们公司…
_INTRODUCING = re.compile(r"(?:我|本人)(?:是|在|做|干|开了|学|从事|搞)")


def introduced(query: str) -> tuple[str, ...]:
    """The asker's introduction of themselves joined by a comma to what they ask
    (「我在银行做理财经理，崂山区自己培养了多少个市一级的金融方面人才？」): clauses before the
    first that asks, set aside by :func:`app.answer.clauses.asides` and opening with
    我是, 我在, 我做 … or ending on where they stand in their studies (泉州读研的), when the
    question names enough of its own (``MIN_ASKED_CHARS``).

    >>> introduced("我是跑长途的货车司机，文章说哪两种类型的人才要灵活流动？")
    ('我是跑长途的货车司机',)
    >>> introduced("我是工程师，补贴多少？"), introduced("我妹在厂里实习，表现好能不能留下？")
    ((), ())
    """
    parts = clauses(query)
    asking = asking_clauses(query)
    if not asking or han_count(parts[asking[0]]) < MIN_ASKED_CHARS:
        return ()
    aside = set(asides(query))
    return tuple(c for c in parts[:asking[0]]
                 if c in aside and (_INTRODUCING.match(c.strip()) or tells_studies(c)))


def set_aside(query: str, *, introduction: bool = False) -> tuple[str, ...]:
    """What the asker says around the question rather than asks: their story told before it
    (:func:`told_before`), the guesses they doubt (:func:`doubted`) and their remarks after
    it (:func:`said_after`); with ``introduction``, their introduction of themselves too
    (:func:`introduced`), which may also say what they qualify by (我是双一流硕士，…)."""
    told = told_before(query)
    if introduction:
        told = (*told, *introduced(query))
    return tuple(dict.fromkeys((*told, *doubted(query), *said_after(query))))


def aside_only(query: str, factor: float, *weights: Mapping[str, float],
               introduction: bool = False) -> tuple[dict[str, float], ...]:
    """Each of ``weights`` (of a question's normalised key bigrams or words) with those that
    only the asker's story or remarks hold (see :func:`set_aside`; with ``introduction``,
    their introduction too), and no other clause, scaled by ``factor``; they are read once
    for all of them.

    >>> q = "我是工程师，单位要求修学时。今年培训多少人次？"
    >>> aside_only(q, 0.5, {"工程": 1.0, "人次": 1.0})
    ({'工程': 0.5, '人次': 1.0},)
    """
    told = set_aside(query, introduction=introduction) if factor != 1.0 else ()
    if not told:
        return tuple(dict(w) for w in weights)
    told_text, asked = _apart(query, told)
    return tuple({k: w * factor if k in told_text and k not in asked else w
                  for k, w in each.items()} for each in weights)


@lru_cache(maxsize=4096)
def _told_and_asked(query: str) -> tuple[str, str]:
    """The normalised text of the asker's asides and story (:func:`asides`,
    :func:`set_aside`), and of every other clause; read once per question."""
    return _apart(query, (*asides(query), *set_aside(query)))


def _apart(query: str, told: Sequence[str]) -> tuple[str, str]:
    """The normalised text of the clauses ``told`` of ``query``, and of every other clause."""
    return (normalise("，".join(told)),
            normalise("，".join(c for c in clauses(query) if c not in told)))


def only_aside(query: str, word: str) -> bool:
    """True when ``word`` stands only where the asker tells of themselves (「上海做猎头的，
    崂山区…包括哪四种？」: 猎头), in no clause that asks or names the topic.

    >>> only_aside("上海做猎头的，崂山区人才住房包括哪四种？", "猎头")
    True
    >>> only_aside("上海做猎头的，猎头补贴有多少？", "猎头")
    False
    """
    told, asked = _told_and_asked(query)
    key = normalise(word)
    return bool(key) and key in told and key not in asked

