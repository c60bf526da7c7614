"""Programme names a question asks about: quoted names, and unquoted names ending in
计划, 工程, 行动 or 专项 that are not generic (有哪些人才计划) nor a verb's object.

An unquoted name's suffix must end a word: 工程 of 评工程技术职称 and 计划 of 计划生育
begin longer dictionary words (工程技术, 计划生育), so they end no programme's name.

>>> find_programmes("青岛那个青年人才集聚的行动计划是几年的")
('青年人才集聚的行动计划',)
>>> find_programmes("企业能不能自己给员工评工程技术职称")
()
>>> find_programmes("公司想自己在内部评工程类职称")
()
>>> find_programmes("北汽新能源那个青领计划是几年的"), find_programmes("那个培养技工的计划几年")
(('青领计划',), ())
>>> programme_core("北汽新能源的青领计划")
'青领'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from app.answer.clauses import YEAR_OF_STUDY
from lexicon import (
    NUMERAL_CHARS,
    ask_words,
    field_words,
    gazetteer,
    localizers,
    measure_chars,
    question_phrases,
    relative_years,
    starts_a_word,
    unsure_words,
    whole_year_words,
)
from lexicon.segmenter import dictionary_parts, dictionary_tag

#: what ends a programme's name, longest first (行动计划 before 行动)
PROGRAMME_SUFFIXES = ("行动计划", "计划", "工程", "行动", "专项")
#: the shortest unquoted programme name
MIN_NAME = 4
#: how much of a half-remembered quoted name the documents' name must share (closest_name)
NAME_SHARE = 0.5
#: longest continuation read after a suffix when checking that it ends a word
_CONTINUATION = 3
_OPENING, _CLOSING = "“\"「『《", "”\"」』》"  # quotation marks around a name
#: a name in quotation marks (“汇智崂山”, 「五专」), the name in its group
QUOTED_NAME = re.compile(rf"[{_OPENING}]([^{_CLOSING}]{{2,20}})[{_CLOSING}]")
_PROGRAMME = re.compile(r"([\u4e00-\u9fff]{2,8}(?:" + "|".join(PROGRAMME_SUFFIXES) + "))")
_GENERIC_PROGRAMME = re.compile(r"^(?:什么|哪些|哪个|有关|相关|人才|引才|实施|这些)")
_PROGRAMME_TRIM = re.compile(r"^(?:的|了|在|对|有|是|和|与)+")
#: a demonstrative points at the name after it (北汽新能源那个青领计划 -> 青领计划), or at a
#: description (那个培养技工的计划: "that plan which trains technicians"), no name at all
_DEMONSTRATIVE = re.compile(r"[这那][个项种]")
_CLAUSE_START = re.compile(r"[，,。？?！!；;：:\s]")
#: a field the asker studies, ending their clause (洛阳读软件工程的，…; 念土木工程): what they
#: read at school, no programme (not 解读人才工程)
_STUDIED = re.compile(r"(?<![解阅导宣研])(?:读|念|主修)[\u4e00-\u9fff]{2,8}$")
_STUDIED_END = re.compile(r"(?:的|专业)?(?:" + YEAR_OF_STUDY + r")?(?:的|学生|生)?"
                          r"(?:[，,。；;？?！!\s]|$)")


@cache
def _count() -> re.Pattern[str]:
    """A number and a measure word (一万个, 100所): a description counts what it is about."""
    return re.compile(rf"[\d{NUMERAL_CHARS}百千万]+[" + "".join(sorted(measure_chars())) + "]")


def quoted_names(text: str) -> tuple[str, ...]:
    """The names ``text`` quotes (“…”, 「…」, 《…》), as written.

    >>> quoted_names("打造“正午青年”人才工作品牌，实施「举荐制」")
    ('正午青年', '举荐制')
    """
    return tuple(m.group(1) for m in QUOTED_NAME.finditer(text))


#: a word that reports what someone said, right before a quotation (群里有人说“…”, 听说“…”):
#: the quotation is a claim to check, not a name
_HEARSAY = re.compile(r"(?:说|讲|听说|传言|传闻|声称|宣称)[：:，,]?\s*$")
#: the longest quotation read as a name however it is introduced (百所高校千名博士青岛行 is
#: eleven characters; a claim quoted after 说 is a clause)
CLAIM_CHARS = 6
#: an ellipsis: a quotation with words left out (“以科技创新推动产业创新……发展新质生产力”) is
#: a passage quoted, never a name
_ELIDED = re.compile(r"…|\.\.\.|。。。")


def asked_names(text: str) -> tuple[str, ...]:
    """The names a question quotes (:func:`quoted_names`), but for a claim it reports: a
    quotation of more than ``CLAIM_CHARS`` characters right after a word of hearsay
    (「群里有人说“高技能人才已经占技能人才一半了”，实际上占多大比例？」) is what someone
    said, to be checked against the documents, not the name of something in them.

    >>> asked_names("群里有人说“高技能人才已经占技能人才一半了”，实际占多少？")
    ()
    >>> asked_names("有人说“四通”是哪四个通？"), asked_names("文章说的“五专”是哪五个")
    (('四通',), ('五专',))
    >>> asked_names("“以科技创新推动产业创新……发展新质生产力”是谁说的")
    ()
    """
    return tuple(m.group(1) for m in QUOTED_NAME.finditer(text)
                 if (len(m.group(1)) <= CLAIM_CHARS or not _HEARSAY.search(text[:m.start()]))
                 and not _ELIDED.search(m.group(1)))


@cache
def _recalled() -> re.Pattern[str]:
    hedges = "|".join(map(re.escape, unsure_words()))
    return re.compile(rf"(?:{hedges})(?:是)?(?:叫做|名叫|叫|称为|称作)"
                      rf"(?![什啥哪])([\u4e00-\u9fff]{{2,12}}?)(?=来着|吧|[^\u4e00-\u9fff]|$)")


def quote_recalled(text: str) -> str:
    """``text`` with a name the asker recalls unsure, without quotation marks (好像叫青年领航
    计划来着), quoted as if they had written the marks, so that it is read as a
    half-remembered name (:func:`asked_names`) and not as a thing the documents lack.

    >>> quote_recalled("那个计划好像叫青年领航计划来着，到底叫啥？")
    '那个计划好像叫“青年领航计划”来着，到底叫啥？'
    >>> quote_recalled("好像叫什么计划来着"), quote_recalled("这个补贴叫什么")
    ('好像叫什么计划来着', '这个补贴叫什么')
    """
    return _recalled().sub(lambda m: f"{m.group(0)[:m.start(1) - m.start()]}“{m.group(1)}”",
                           text)


def describes(quoted: str, together: Callable[[tuple[str, ...]], bool]) -> bool:
    """True when a quotation reads as a clause the asker words their own way, not as a
    name: longer than ``CLAIM_CHARS``, not ended by a programme's suffix, with a
    preposition or conjunction after its first word, and its words (of two characters or
    more) all ``together`` in one sentence of the documents (“学校给编制和岗位” for 学校为
    人才提供编制和岗位: what a scheme does; not “青年人才安居工程”, “以赛促学”, nor a
    campaign's name whose words no sentence holds together).

    >>> def anywhere(words): return True
    >>> describes("学校给编制和岗位", anywhere), describes("以赛促学", anywhere)
    (True, False)
    >>> describes("学校给编制和岗位", lambda words: False)
    False
    """
    if len(quoted) <= CLAIM_CHARS or quoted.endswith(PROGRAMME_SUFFIXES):
        return False
    parts = dictionary_parts(quoted)
    return (any(dictionary_tag(part)[:1] in ("p", "c") for part in parts[1:])
            and together(tuple(p for p in parts if len(p) > 1)))


def quoted_one_by_one(text: str, used: Callable[[str], bool]) -> str:
    """``text`` with a quotation that lists names (“四个共同、四个通”) and that is not
    ``used`` as a whole quoted name by name, so that each is read as one.

    >>> quoted_one_by_one("那套“四个共同、四个通”的机制", lambda name: False)
    '那套“四个共同”、“四个通”的机制'
    """
    def split(m: re.Match[str]) -> str:
        listed = m.group(1)
        if "、" not in listed or used(listed):
            return m.group(0)
        return "、".join(f"“{name}”" for name in listed.split("、") if name)
    return QUOTED_NAME.sub(split, text)


def unmarked(text: str, name: str) -> str:
    """``text`` with the quotation marks around ``name`` taken off.

    >>> unmarked("哪俩地方是“冷门”地区", "冷门")
    '哪俩地方是冷门地区'
    """
    return re.sub(rf"[{_OPENING}]({re.escape(name)})[{_CLOSING}]", r"\1", text)


def without_quoted(text: str, name: str) -> str:
    """``text`` without the quoted ``name``, marks and all.

    >>> without_quoted("好像叫“午间青年”？", "午间青年")
    '好像叫？'
    """
    return re.sub(rf"[{_OPENING}]{re.escape(name)}[{_CLOSING}]", "", text)


def closest_name(name: str, names: Iterable[str], share: float) -> str | None:
    """The one of ``names`` a half-remembered ``name`` stands for: it holds at least
    ``share`` of ``name``'s characters, shares at least ``share`` of both names'
    characters together (Dice), and shares more than any other; None when none does or
    two share as much (青年领航: 青领计划 and 正午青年 alike).

    >>> closest_name("智汇崂山", ["汇智崂山", "崂山工匠"], 0.5)
    '汇智崂山'
    >>> closest_name("青年领航", ["青领计划", "正午青年"], 0.5) is None
    True
    >>> closest_name("凤凰往南飞", ["孔雀东南飞", "引来凤凰"], 0.5) is None
    True
    """
    own = Counter(name)
    scored: dict[float, set[str]] = {}
    for other in set(names):
        common = sum((own & Counter(other)).values())
        dice = 2 * common / (len(name) + len(other))
        if other != name and common >= share * len(name) and dice >= share:
            scored.setdefault(dice, set()).add(other)
    if not scored:
        return None
    best = scored[max(scored)]
    return next(iter(best)) if len(best) == 1 else None


def find_programmes(text: str) -> tuple[str, ...]:
    """Programme names in ``text``: quoted ones as written, unquoted ones as the module
    docstring says.

    >>> find_programmes("企业能不能自己给员工评工程师职称")
    ()
    >>> find_programmes("长沙今年计划引进多少青年人才")
    ()
    >>> find_programmes("青岛一整年计划引进多少青年人才"), find_programmes("青年人才集聚的行动计划")
    ((), ('青年人才集聚的行动计划',))
    >>> find_programmes("三年送一万个技术工人的计划")
    ()
    >>> find_programmes("北汽新能源那个培养技术工人的计划几年内合作")
    ()
    >>> find_programmes("那个让年轻人租人才房更快的新计划")
    ()
    """
    names = list(asked_names(text))
    unquoted = QUOTED_NAME.sub(" ", text)
    for m in _PROGRAMME.finditer(unquoted):
        if (_continues(unquoted, m.end(1)) or _after_localizer(m.group(1))
                or _studied(unquoted, m.start(1), m.end(1))):
            continue
        start = m.start(1)  # the name begins a word: not 个 of 那个 nor 不能 of 能不能
        while start < m.end(1) - 4 and not starts_a_word(unquoted, start):
            start += 1
        name = _without_preposition(_PROGRAMME_TRIM.sub("", unquoted[start:m.end(1)]))
        pointed = _DEMONSTRATIVE.split(name)
        if len(pointed) > 1:  # 那个青领计划 names 青领计划; 那个培养技工的计划 describes one
            name = "" if "的" in pointed[-1] else pointed[-1]
        elif "的" in name and (
                (_DEMONSTRATIVE.search(unquoted[max(0, start - 2):start])
                 and dictionary_tag(name[:2]).startswith("v"))
                or _cut_from_description(unquoted[:start])):
            # …那个培养技术工人的计划: a verb's clause describes, as above; so does a longer
            # one (那个让年轻人租人才房更快的新计划), whose start the name was cut from
            name = ""
        if "的" in name and _count().search(name.rsplit("的", 1)[0]):
            name = ""  # 送一万个技术工人的计划: what a programme does, counted, no name
        if (len(name) >= MIN_NAME and not _GENERIC_PROGRAMME.match(name)
                and not any(w in name for w in ask_words())
                and not _timed(programme_core(name))  # 今年计划, 全年计划: a verb
                and not _place_only(name)):
            names.append(name)
    return tuple(dict.fromkeys(names))


def _without_preposition(name: str) -> str:
    """A would-be name without the preposition it opens with, when a dictionary word of two
    characters or more follows it (「按万名大学生聚集计划每个月能拿多少」: 按 … is how they would
    be paid, not the name's first word); not when the preposition's character begins a
    word or a place's name (向阳行动计划, 按需培训计划, 于都人才计划).

    >>> _without_preposition("按万名大学生聚集计划"), _without_preposition("根据青年人才集聚计划")
    ('万名大学生聚集计划', '青年人才集聚计划')
    >>> [_without_preposition(n) for n in ("向阳行动计划", "按需培训计划", "于都人才计划")]
    ['向阳行动计划', '按需培训计划', '于都人才计划']
    """
    for size in (2, 1):
        rest = name[size:]
        if (len(rest) >= MIN_NAME and dictionary_tag(name[:size]) == "p"
                and len(dictionary_parts(rest)[0]) > 1):
            return rest
    return name


def _studied(text: str, start: int, end: int) -> bool:
    """True when the would-be name ``text[start:end]`` is the field the asker studies,
    ending their clause (「洛阳读软件工程的，…」).

    >>> _studied("洛阳读软件工程的，招聘会", 0, 7), _studied("解读人才工程", 0, 6)
    (True, False)
    >>> _studied("聊城读软件工程的大四学生，招聘会", 0, 7)
    True
    """
    return bool(_STUDIED.search(text, start, end) and _STUDIED_END.match(text, end))


def _cut_from_description(before: str) -> bool:
    """True when the clause before a would-be name points at something with words the name
    leaves out (那个|让年轻人…的新计划): the name is the end of a description.

    >>> _cut_from_description("那个让年轻人"), _cut_from_description("青岛那个")
    (True, False)
    """
    clause = _CLAUSE_START.split(before)[-1]
    pointers = list(_DEMONSTRATIVE.finditer(clause))
    return bool(pointers) and pointers[-1].end() < len(clause)


def _timed(core: str) -> bool:
    """True when a would-be name's core is asking phrasing or a time (今年, 全年, 整年):
    the suffix after it is the verb 计划 (plans to), no programme."""
    return (core in question_phrases() or core in relative_years()
            or any(core in w for w in whole_year_words()))


def _place_only(name: str) -> bool:
    """True when a would-be name is a place's full name (with its administrative suffix, as
    the gazetteer holds it) and then the suffix (青岛市计划全年开展…: the city plans to), no
    programme's name; a programme may be named by a place's bare name (泰山工程, 太湖计划).

    >>> _place_only("青岛市计划"), _place_only("汇智崂山计划"), _place_only("泰山工程")
    (True, False, False)
    """
    return any(name.endswith(s) and any(p.name == name[: -len(s)]
                                        for p in gazetteer().named(name[: -len(s)]))
               for s in PROGRAMME_SUFFIXES)


#: a character after the suffix that makes it name a category, not one programme (工程类职称,
#: 项目类: "of the kind")
_CATEGORY = frozenset("类型")


def _continues(text: str, end: int) -> bool:
    """True when the suffix ending at ``end`` begins a longer dictionary word there
    (工程师, 工程技术, 计划生育), names a category (工程类职称) or a field of study
    (软件工程专业, 土木工程硕士).

    >>> _continues("评工程类职称", 3), _continues("人才工程有哪些", 4)
    (True, False)
    >>> _continues("2025届软件工程专业本科生", 9)
    True
    """
    suffix = next(s for s in PROGRAMME_SUFFIXES if text.endswith(s, 0, end))
    return (text[end:end + 1] in _CATEGORY or _field_of_study(text, end)
            or any(dictionary_tag(suffix + text[end:end + k])
                   for k in range(1, _CONTINUATION + 1) if end + k <= len(text)))


def _field_of_study(text: str, end: int) -> bool:
    """True when a word naming a field of study follows at ``end`` as a word of its own
    (软件工程专业本科生; not 工程专业人才, one word).

    >>> _field_of_study("软件工程专业本科生", 4), _field_of_study("学者工程专业人才有哪些", 4)
    (True, False)
    """
    return any(text.startswith(w, end) and starts_a_word(text, end + len(w))
               for w in field_words())


def _after_localizer(name: str) -> bool:
    """True when a localizer ends what comes before the suffix (三年探索期内计划培育: "plans,
    within the period, to train"): a time or place, then the verb 计划, no name.

    >>> _after_localizer("产教融合探索期内计划"), _after_localizer("青年人才集聚的行动计划")
    (True, False)
    """
    suffix = next(s for s in PROGRAMME_SUFFIXES if name.endswith(s))
    return name[: -len(suffix)][-1:] in localizers()


def programme_core(name: str) -> str:
    """The distinctive two characters before 计划/工程/…, a 的 before the suffix left out:
    北汽新能源的青领计划 -> 青领, 青年人才集聚的行动计划 -> 集聚."""
    for suffix in PROGRAMME_SUFFIXES:
        head = name[: -len(suffix)].removesuffix("的")
        if name.endswith(suffix) and len(head) > 1:
            return head[-2:]
    return name
