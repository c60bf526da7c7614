"""Whom a sentence applies to, and whether that is the asker: the degrees, categories of
people and benefits a sentence names, and which of the question's a candidate lacks.

>>> degree_in("硕士", "按照本科、硕士学历给予生活补贴"), person_in("农民工", "返乡农民工创业")
(True, True)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.answer.asked import asks_people
from app.answer.clauses import asides, asked_text, clauses, only_stated
from app.answer.programmes import programme_core
from app.answer.question import QuestionInfo, names_any_benefit
from app.answer.scoring import normalise
from app.answer.story import story
from app.answer.terms import words
from app.answer.wordclass import names_word
from ingest.types import Document
from lexicon import (
    aggregate_words,
    benefit_kinds,
    degree_aliases,
    degrees,
    naming_words,
    person_categories,
    procedure_words,
)


def degree_in(degree: str, text: str) -> bool:
    """True when ``text`` names ``degree``, or names graduates in general and no
    particular degree; 博士后 does not count as 博士.

    >>> degree_in("专科", "按照本科、硕士学历给予大学生补贴"), degree_in("专科", "对高校毕业生")
    (False, True)
    >>> degree_in("硕士", "对博士研究生每月给予3000元"), degree_in("博士", "博士后工作站")
    (False, False)
    >>> degree_in("博士后", "支持设立博士后站")
    True
    """
    entry = next((d for d in degrees() if d.name == degree), None)
    if entry is None:
        return degree in text
    particular = any(s in text for d in degrees() for s in d.covers)
    for alias, other in degree_aliases():  # 博士研究生 is no evidence for 硕士
        if (other != degree and other not in entry.covers
                and not any(alias in own for own in entry.aliases)):  # 博士 inside 博士后
            text = text.replace(alias, "□")
    if any(s in text for s in entry.covers):
        return True
    return not particular and any(w in text for w in entry.general)


@lru_cache(maxsize=64)
def _graduate_words(asked: tuple[str, ...]) -> frozenset[str]:
    """The words for graduates in general that the asked degrees imply (高校毕业生 …)."""
    return frozenset(w for d in degrees() if d.name in asked for w in d.general)


@lru_cache(maxsize=256)
def degree_spellings(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Every way a question may write the asked degrees (博士, 博士生, 读博 …)."""
    return tuple(a for a, d in degree_aliases() if d in asked)


@lru_cache(maxsize=256)
def person_spellings(asked: tuple[str, ...]) -> tuple[str, ...]:
    """The asked person categories and their other names (高校毕业生, 应届生 …)."""
    return tuple(w for p in asked for w in (p, *person_categories().get(p, ())))


@lru_cache(maxsize=4096)
def _stated(query: str, spellings: tuple[str, ...]) -> bool:
    """True when the asker only says they are one of these (see
    :func:`app.answer.clauses.only_stated`)."""
    return only_stated(query, spellings)


def _only_stated(q: QuestionInfo, spellings: tuple[str, ...]) -> bool:
    """True when the asker only says they are one of these: in a Chinese question's
    clauses (:func:`_stated`), or in an English one's statements before it asks
    (「Master's student in Nanjing. How much … did Laoshan provide?」: ``q.told``)."""
    return _told_in_english(q, spellings) if _english(q) else _stated(q.query, spellings)


@lru_cache(maxsize=4096)
def _told(query: str, spellings: tuple[str, ...]) -> bool:
    """True when the asker names these only in their own story, told in whole sentences
    before the question (see :func:`app.answer.story.story`): who they are, not whom the
    answer is about (「本人系硕士毕业生。区内有多少家研发机构？」).

    >>> _told("本人系硕士毕业生，拟到崂山工作。区内有多少家研发机构？", ("硕士",))
    True
    >>> _told("我是硕士，区内有多少家研发机构？", ("硕士",))
    False
    """
    told = story(query)
    holding = [c for c in clauses(query) if any(w in c for w in spellings)]
    return bool(holding) and all(c in told for c in holding)


def _only_told(q: QuestionInfo, spellings: tuple[str, ...]) -> bool:
    """True when the question names these only in the asker's story: a Chinese one's
    (:func:`_told`), or an English one's statements before it asks (``q.told``)."""
    return _told_in_english(q, spellings) if _english(q) else _told(q.query, spellings)


def _english(q: QuestionInfo) -> bool:
    """True for an English question, one quoting a Chinese name too (「Software graduate in
    Jinan. Who may use the 青岛高新区人才招聘服务平台?」): its statements tell who asks
    (``q.told``, read only for such questions when the question is read)."""
    return q.script == "en" or bool(q.told)


def _told_in_english(q: QuestionInfo, spellings: tuple[str, ...]) -> bool:
    """True when an English question names these in the statements before it asks
    (``q.told``): there, what the asker says of themselves, whether stated, told or an aside."""
    return any(w in term for term in q.told for w in spellings)


def _only_said(q: QuestionInfo, spellings: tuple[str, ...]) -> bool:
    """True when the question names these only where the asker says who they are: a
    Chinese one's asides (:func:`app.answer.clauses.asides`: 我是退役军人，…; not the
    clause that names the topic before the one that asks), an English one's statements."""
    return _told_in_english(q, spellings) if _english(q) else _said(q.query, spellings)


@lru_cache(maxsize=4096)
def _said(query: str, spellings: tuple[str, ...]) -> bool:
    """Read once per question (see :func:`_only_said`): every candidate asks it again."""
    aside = set(asides(query))
    holding = [c for c in clauses(query) if any(w in c for w in spellings)]
    return bool(holding) and all(c in aside for c in holding)


#: kinds of fact about handling an application rather than what it grants
_PROCESS_KINDS = frozenset({"duration", "date", "day", "department", "materials"})


def _benefit_asked_beyond_story(q: QuestionInfo) -> bool:
    """True when the question asks a sum or a condition, or names a benefit outside the
    asker's story (「本人系硕士毕业生，拟申请人才住房。从受理到办结要多长时间？」 asks how
    long, whoever applies); not when it counts people (「我是硕士毕业生。2023年有多少人住上了
    人才住房？」 counts everyone housed, whoever asks)."""
    if asks_people(q.query, q.kinds) or _asks_total(q.query):
        return False  # 「…累计兑现了多少资金」: a total over everyone, whoever asks
    if q.kinds and set(q.kinds) <= _PROCESS_KINDS and _asks_procedure(q.query):
        return False  # 「南充读研的，…人才住房审批现在要多久」: the same for every applicant
    if _asks_name(q.query):
        return False  # 「苏州读研一的，…那个人才公寓叫什么名字」: one name, whoever asks
    if {"amount", "condition"} & set(q.kinds) or q.script == "en":
        return q.asks_benefit
    return _benefit_outside_story(q.query, q.benefits)


@lru_cache(maxsize=4096)
def _asking_holds(query: str, words: tuple[str, ...]) -> bool:
    """True when the clauses that ask hold one of ``words``; read once per question."""
    asking = asked_text(query)
    return any(w in asking for w in words)


def _asks_procedure(query: str) -> bool:
    """True when the clauses that ask name a step of handling an application (审批, 办结:
    lexicon kind ``procedure``).

    >>> _asks_procedure("我是硕士，人才住房审批要多久？"), _asks_procedure("我是硕士，免费住几天？")
    (True, False)
    """
    return _asking_holds(query, procedure_words())


def _asks_name(query: str) -> bool:
    """True when the clauses that ask ask what something is called (lexicon kind
    ``naming``: 叫什么, 名字) or which one a thing done was (…升级改造的是哪个人才公寓).

    >>> _asks_name("苏州读研一的，那个人才公寓叫什么名字？"), _asks_name("我是硕士，能住多久？")
    (True, False)
    >>> _asks_name("大连读研的，崂山区升级改造的是哪个人才公寓？")
    True
    """
    return _asking_holds(query, naming_words()) or bool(_WHICH_ONE.search(asked_text(query)))


#: which one something done was (改造的是哪个, 试点的是哪所): one, whoever asks; not which
#: one the asker may have (能申请入住的是哪个: that depends on who they are)
_WHICH_ONE = re.compile(r"(?:^|[，,])(?:(?!能|可以|可|申请|适合)[^，,])*的是哪一?[个座家所处栋]")


def _asks_total(query: str) -> bool:
    """True when the clauses that ask mark a sum as the total over everyone (累计兑现了多少
    资金: lexicon kind ``aggregate``), no one's own benefit.

    >>> _asks_total("我是本科，人才政策累计兑现了多少资金？"), _asks_total("我是本科，能领多少？")
    (True, False)
    """
    return _asking_holds(query, aggregate_words())


@lru_cache(maxsize=4096)
def _benefit_outside_story(query: str, benefits: tuple[str, ...]) -> bool:
    """Read once per question: every candidate sentence asks it again."""
    told = set(story(query))
    rest = "，".join(c for c in clauses(query) if c not in told)
    return any(benefit_in(b, rest) for b in benefits) or names_any_benefit(rest)


@cache
def group_words() -> tuple[str, ...]:
    """Every word that names a group of people: degrees (with graduates in general) and
    person categories, with their other names."""
    found = {w for d in degrees() for w in (d.name, *d.aliases, *d.covers, *d.general)}
    found |= {w for c, aliases in person_categories().items() for w in (c, *aliases)}
    return tuple(sorted(found - {"-"}, key=len, reverse=True))


def names_anyone(text: str) -> bool:
    """True when ``text`` names a degree or a category of people it applies to.

    >>> names_anyone("对本科毕业生每月给予1000元"), names_anyone("构建四位一体人才住房分配机制")
    (True, False)
    """
    return any(w in text for w in group_words())


def person_in(category: str, text: str) -> bool:
    """True when ``text`` names the person category or one of its other names, as words:
    技工 read across 科技 and 工作 (科技工作者) names no skilled worker.

    >>> person_in("技能人才", "培养技工"), person_in("技能人才", "评价科技工作者")
    (True, False)
    """
    return any(names_word(w, text) for w in (category, *person_categories().get(category, ())))


def slot_persons(q: QuestionInfo, aside: str, asked: str) -> tuple[str, ...]:
    """The asked person categories that say who the answer is for, in any clause: all, but
    one the asker only says they are (spelled in ``aside``, not in ``asked``: both
    normalised) when no benefit is asked or they ask one of a degree they hold (「我是农民工，
    全国技能人才有多少」 asks about the country, whoever asks; 「我是退役军人，…硕士每个月能拿
    多少」 a master's allowance).

    >>> from app.answer.question import analyze_query
    >>> q = analyze_query("我是农民工，全国技能人才有多少", "", "hans")
    >>> slot_persons(q, "我是农民工", "全国技能人才有多少")
    ('技能人才',)
    """
    def only_told(person: str) -> bool:
        spelled = [normalise(s) for s in person_spellings((person,))]
        return any(s in aside for s in spelled) and not any(s in asked for s in spelled)

    return tuple(p for p in q.persons
                 if (q.asks_benefit and not q.degrees) or not only_told(p))


def groups_not_named(q: QuestionInfo, text: str) -> tuple[str, ...]:
    """The person categories the asker of a benefit only says they belong to (退役军人, 海归:
    as the question writes them; in a clause that does not ask, or an English question's
    statements) that normalised ``text`` does not name, but for graduates a degree asked
    implies: the rules quoted are not theirs in particular.

    >>> from app.answer.question import analyze_query
    >>> q = analyze_query("我是退役军人，硕士每月补贴多少", "", "hans")
    >>> groups_not_named(q, "对硕士研究生每月发放2000元生活补贴")
    ('退役军人',)
    """
    if not (q.asks_benefit and q.persons) or asks_people(q.query, q.kinds):
        return ()  # a count of people counts everyone, whoever asks
    implied = _graduate_words(q.degrees)
    out = []
    for p in q.persons:
        if p in implied or person_in(p, text) or not _only_said(q, person_spellings((p,))):
            continue
        spellings = sorted((p, *person_categories().get(p, ())), key=len, reverse=True)
        out.append(next((s for s in spellings if s in q.query), p))
    return tuple(out)


BENEFIT_GAP = 8  # the words of a benefit's name may stand this far apart (一次性…补贴)


def benefit_in(kind: str, text: str) -> bool:
    """True when normalised ``text`` names the benefit kind or one of its other names, its
    words possibly apart (一次性返乡留威补贴 names 一次性补贴).

    >>> benefit_in("一次性补贴", "发放一次性返乡留威补贴"), benefit_in("安家费", "生活补贴")
    (True, False)
    """
    text = normalise(text)
    for name in (kind, *benefit_kinds().get(kind, ())):
        name = normalise(name)
        if name in text:
            return True
        parts = words(name)
        if len(parts) > 1 and re.search(f".{{0,{BENEFIT_GAP}}}".join(map(re.escape, parts)),
                                        text):
            return True
    return False


def missing_constraints(q: QuestionInfo, doc: Document, own: str, near: str, around: str,
                        general: bool = True) -> tuple[str, ...]:
    """Degrees the sentence itself lacks (``own``: with its heading), the asked person
    categories and benefit kinds when its context (``near``: with the sentence before)
    names none of them, and the programmes neither that context, the sentence after
    (``around``: 「…竟能获评“崂山工匠”」 names the award of the sentence before; and the
    sentences it continues in its paragraph: 「此次招聘会是…“青有独钟、赢在高新”系列…」 names the
    event a later 「招聘会吸引…20余家企业」 counts for) nor the title names. An asked degree or
    category the asker only says they are is not missing from a sentence that names no one
    at all, when it is ``general``: not another place's."""
    named = [p for p in q.persons if person_in(p, near)]

    def unnamed() -> bool:  # read only when a degree or category could be excused
        return general and not names_anyone(own)

    # the asker's degree and category both describe them: a category no asked degree
    # implies (博士 and 高层次人才; not 博士 and 毕业生) names them as well as the degree;
    # and a sentence of the asked place that names no one (人才住房分为产权型、租赁型…)
    # leaves out no one who only says who they are (another place's does not make a
    # partial answer here a full one)
    # and so does one told only in the asker's story when no benefit is asked: 「本人系硕士
    # 毕业生。…区内集聚了多少家研发机构？」 asks about the place, whomever a sentence names
    excused = (any(p not in _graduate_words(q.degrees) for p in named)
               or (bool(q.degrees) and _only_stated(q, degree_spellings(q.degrees))
                   and unnamed())
               or (bool(q.degrees) and (_only_told(q, degree_spellings(q.degrees))
                                        or _only_said(q, degree_spellings(q.degrees)))
                   and not _benefit_asked_beyond_story(q)))
    missing = [] if excused else [d for d in q.degrees if not degree_in(d, own)]
    # the asker's category, unlike a degree, decides what they are granted (残疾人,
    # 农民工): excused when they only say they are one and no benefit is asked (「我是农民工，
    # 今年计划新增评价多少人次」), or a benefit is asked of a degree they hold that the
    # sentence names (「我是退役军人，…硕士每个月能拿多少生活津贴」: a master's, whoever else)
    if q.persons and not named and not (
            (_only_stated(q, person_spellings(q.persons))
             and (not q.asks_benefit or any(degree_in(d, own) for d in q.degrees)))
            or (_only_told(q, person_spellings(q.persons))
                and not _benefit_asked_beyond_story(q))):
        missing += q.persons  # the asker's categories (a young graduate): one must be here
    if q.benefits and not any(benefit_in(b, near) for b in q.benefits):
        missing += q.benefits  # at least one asked benefit must be named here
    title = normalise(doc.title)
    missing += [p for p in q.programmes
                if normalise(programme_core(p)) not in normalise(around) + title]
    return tuple(missing)
