"""Sentence scoring: character bigrams on simplified text, synonyms, fact kinds.

All functions are pure. Text is normalised (simplified script, synonyms folded,
spaces and layout removed) before bigrams are taken, so 津贴 matches 补贴 and
a number split by a column wrap still matches.

>>> sorted(bigrams(normalise("生活津贴")))
['活补', '生活', '补贴']
>>> holds_kind("每月 2000元的生活津贴", "amount")
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from app.answer.programmes import QUOTED_NAME
from app.answer.script import simplified
from lexicon import degrees, fold_synonyms, function_chars
from lexicon.segmenter import dictionary_parts

#: a share of people (近80% 的人, 百分之六十的人)
_PEOPLE_SHARE = r"(?:\d\s*[%％]|百分之[零一二三四五六七八九十点]+)\s*的?\s*人"

_CN_NUM = "[一二两三四五六七八九十百千万亿]"
_NUM = rf"(?:\d[\d,.]*|{_CN_NUM}+)"
#: a number and what may stand before its measure word (5300多套, 20余家, 百所)
_MEASURED = rf"{_NUM}\s*(?:多|余)?\s*"
SENTENCE_KINDS: dict[str, re.Pattern[str]] = {
    "amount": re.compile(rf"{_NUM}\s*(?:多)?\s*(?:万|亿|千)?\s*元|免费|半价|减免|补贴\d"),
    "count": re.compile(rf"\d|{_NUM}(?:人|名|家|个|所|项|位|次|条|套)|千万|百所|万名"),
    # a number of people: in a measure word for people (16人, 8000多名, 400余位; not the
    # article of 一名工人), or in 万 closing it (人才总量突破23万), not a sum (200余万元), or
    # as a share of them (近80% 的人)
    "people": re.compile(rf"(?:\d[\d,.]*|[二两三四五六七八九十百千万亿]{_CN_NUM}*"
                         rf"|一[十百千万亿]{_CN_NUM}*)"
                         r"\s*(?:多|余|餘)?\s*(?:万|萬|千|百)?\s*(?:余|餘|多)?\s*(?:人|名|位)"
                         r"|\d\s*[万萬](?![元亩平方个家所项套条次])"
                         r"|" + _PEOPLE_SHARE),
    # a four-digit year (2023年) is a date, not a span
    # (a span of years, 2025—2027年, is one)
    "duration": re.compile(rf"(?<![\d.,])(?!\d{{4}}\s*年){_NUM}\s*"
                           r"(?:周年|年|天|日|个月|个工作日|小时)|当日|当天|即时|即申即享"
                           r"|\d{4}\s*年?\s*[-—–~～至到]\s*\d{4}\s*年"),
    # a change over time: a growth, a fall, a multiple, a year-on-year figure, a span cut
    # or a level raised from one figure to another (由7个工作日压缩至当日办结)
    "change": re.compile(r"增长|增加|增幅|涨幅|提高|提升|上升|下降|减少|降低|翻[一两番倍]|翻番"
                         r"|同比|环比|较上年|比上年|比去年|较去年|增至|增到|涨到|升至|\d\s*倍"
                         r"|压缩|缩短|缩减|延长|扩大|减半|由[^，。；]{1,20}?(?:至|到|为)"),
    "date": re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|年底|年内|今年|近日|当前"),
    "year": re.compile(r"(?<!\d)(?:19|20)\d\d\s*[年—–~～至到-]|今年|去年|前年|明年"),
    "day": re.compile(r"\d{1,2}\s*[日号](?![常报])|[一二三四五六七八九十]{1,3}[日号](?![常报])"),
    "department": re.compile(
        r"责任处室|联系单位|负责|牵头|主办|举办|统一领导|领导小组|挂帅|担任|[处局部委厅](?:[、，,)）]|$)"
        # a body that publishes figures (人力资源和社会保障部发布的最新数据显示, 统计局数据)
        r"|(?<![全内外])[局部委厅署](?:最新)?(?:发布|公布|统计|数据)"
        r"|由(?!于)[^，。；]{2,30}?(?:审核|审批|受理|办理|组织实施|申请|申报)"),
    "condition": re.compile(
        r"条件|符合|对象|凡|资格|要求|门槛|列入|范围|对.{2,40}(?:给予|提供|发放|按照|实行)|承诺制"
        # the group it is for, by what marks it out (对表现优异的毕业生，…)
        r"|对[^，。；]{2,20}的[^，。；]{0,6}(?:毕业生|人才|学生|学员|企业|人员)"),
    # a byline: the author's unit, a reporter, the issuing body, or an English author line
    # with the institution (… Party School, … University)
    "author": re.compile(r"作者单位|(?<![工合])作者[:：]|记者\s*[\u4e00-\u9fff]{2,4}|通讯员|撰稿"
                         r"|发文(?:单位|机关)|发布(?:单位|机关)|印发单位"
                         r"|Party School|University|Institute of|Academy of"
                         # a newspaper's closing line of names (「(梁太宏 陈娟 崔润泽)」)
                         r"|^\s*[（(]\s*[\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})+\s*[）)]\s*$"),
    # a share of a price: 八折, 7.5折, 半价, 50%, 百分之五十
    "discount": re.compile(r"(?:\d+(?:\.\d+)?|[一二三四五六七八九])\s*折|半价|免费"
                           r"|\d+(?:\.\d+)?\s*[%％]|百分之"),
    # a dialling number: area code and line, a mobile, or a number beside a call word
    "phone": re.compile(r"(?<!\d)(?:\d{3,4}\s*[-－—–]\s*\d{7,8}|1[3-9]\d{9})(?!\d)"
                        r"|(?:电话|热线|拨打|专线|咨询)[^，。；\d]{0,12}\d{5,}"
                        r"|\d{5,}[^，。；\d]{0,8}(?:热线|电话|专线)"),
    # a web address: a scheme, www. or a host under a common top-level domain
    "web": re.compile(r"https?://|www\.|[A-Za-z0-9-]+\.(?:gov\.cn|com\.cn|org\.cn|cn|com|org|net)\b",
                      re.I),
    # a street address: a road and its number (新桥大街12号), a building's number, a postcode
    "address": re.compile(r"(?:路|街|道|巷|胡同|里)\s*\d+\s*号|\d+\s*号(?:楼|院)|邮政编码|邮编"),
    # an honour awarded: 获评“崂山工匠”, 授予…称号, 评为劳动模范
    "honour": re.compile(r"获评|评为|评选为|授予|荣获|称号|荣誉"),
    # an area: 50万平方米, 90平米, 30亩
    "area": re.compile(rf"{_NUM}\s*(?:多|余)?\s*万?\s*(?:平方米|平米|平方公里|㎡|亩)"),
    # an age: 35周岁以下, 四十五岁
    "age": re.compile(rf"{_NUM}\s*周?岁"),
    # the papers to hand in: named as papers, or the usual ones by name
    "materials": re.compile(r"材料|资料|证件|证明|复印件|原件|扫描件|证书|身份证|申请表|登记表"
                            r"|执照|合同|清单|表格"),
}
# which schooling a benefit needs is stated by naming a degree (本科、硕士、博士分别…, 学历):
# the lexicon's degree words, or 学历 and 学位 themselves
_DEGREE_WORDS = {"学历", "学位", *(w for d in degrees() for w in (*d.covers, *d.aliases))}
SENTENCE_KINDS["degree"] = re.compile(
    "|".join(map(re.escape, sorted(_DEGREE_WORDS, key=len, reverse=True))))
# the period a sum is paid for, as a sentence states it (每人每月1000元, 月均, 年薪), read
# on synonym-folded text (按月 is 每月)
PERIODS_STATED: dict[str, re.Pattern[str]] = {
    "month": re.compile(r"每月|月均|/月|个月|月薪|月租"),
    "year": re.compile(r"每年|年均|/年|年薪|年度"),
}
# a number of people, as a sentence states it (15万人以上, 8000多名, 200余人, 30万人次)
_PEOPLE_STATED = re.compile(rf"{_NUM}\s*(?:多|余)?\s*(?:万|千|百)?\s*(?:人|名|位)|{_PEOPLE_SHARE}")
_KEEP = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """Simplified, lower-case, synonyms folded, punctuation and spaces removed.

    Memoised: the same corpus sentences and windows are normalised for every
    question (profiled at ~15% of the server's CPU under load before caching).
    """
    return _KEEP.sub("", folded(text))


@lru_cache(maxsize=100_000)
def with_unfolded(text: str) -> str:
    """:func:`normalise`'s text, then, when folding changed it, the text unfolded after a
    separator no key holds: 人才住房 folds into 人才公寓, and a question asking about 住房
    must still find it written there.

    >>> with_unfolded("人才住房分配"), with_unfolded("生活补贴")
    ('人才公寓分配|人才住房分配', '生活补贴')
    """
    folded_text = normalise(text)
    plain = _KEEP.sub("", simplified(text).lower())
    return folded_text if plain == folded_text else f"{folded_text}|{plain}"


def folded(text: str) -> str:
    """Simplified, lower-case, synonyms folded, punctuation kept (for patterns that read
    it, such as a coordination 中、初级)."""
    return fold_synonyms(simplified(text).lower())


def bigrams(text: str) -> set[str]:
    """Character bigrams of already normalised text (a single character stands alone)."""
    if len(text) == 1:
        return {text}
    return {text[i: i + 2] for i in range(len(text) - 1)}


def states_people(text: str) -> bool:
    """True when ``text`` states a number of people.

    >>> states_people("全年集聚青年人才15萬人以上"), states_people("压缩至7个工作日")
    (True, False)
    """
    return bool(_PEOPLE_STATED.search(simplified(text)))


@lru_cache(maxsize=100_000)
def states_measure(text: str, measure: str) -> bool:
    """True when ``text`` gives a number in ``measure`` (5300多套, 百所, 20余家). Memoised,
    as :func:`holds_kind` is: the same sentences are read for every question.

    >>> states_measure("投入使用5300多套", "套"), states_measure("建设50万平方米", "套")
    (True, False)
    """
    return re.search(_MEASURED + re.escape(measure), simplified(text)) is not None


def states_period(text: str, period: str) -> bool:
    """True when ``text`` states a sum's ``period`` (month or year).

    >>> states_period("每人每月1000元", "month"), states_period("成交额15.8亿元", "month")
    (True, False)
    """
    return bool(PERIODS_STATED[period].search(folded(text)))


@lru_cache(maxsize=100_000)
def holds_kind(text: str, kind: str) -> bool:
    """True when ``text`` states a fact of ``kind`` (amount, count, date, …).

    Memoised: the same corpus sentences are checked for every question.

    >>> holds_kind("[12] 4 人才赋能新质生产力的实践进路", "count")
    False
    >>> holds_kind("5 家企业获批", "count")
    True
    """
    pattern = SENTENCE_KINDS.get(kind)
    text = simplified(text)
    if kind == "count":  # a year (2023年), a reference mark (［16］), the article 一个 or a
        # section number counts nothing
        text = _UNCOUNTED.sub(" ", _CALENDAR_YEAR.sub(" ", _SECTION_NUMBER.sub(" ", text)))
    return bool(pattern and pattern.search(text))


#: a calendar year as a sentence writes it (2023年, 2023年度, 「在2024共建…大赛中」); not a
#: count or sum that happens to fall in that range (2000余家, 2000元, 1998名)
_CALENDAR_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?:\s*年|(?![\d.,%％万亿千百人名家个所项位次"
                            r"条套余多元户件台间种类批支座届]))")


#: what counts nothing although a number is written: a reference mark of a paper's
#: bibliography (［16］, [3], 【2】), 一个 used as an article (营造一个鼓励创新的氛围),
#: not as the last figure of a larger number (十一个), and a day of the year (9月, 12月5日)
_UNCOUNTED = re.compile(r"[\[［【]\d{1,3}[\]］】]|(?<![\d零一二两三四五六七八九十百千万])一个"
                        r"|(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?!\d)")

#: no unit after a number (5 家, 15 人, 3.5 万, 1.5 倍, 6.5 折; 人才 is no unit): what a
#: section number, unlike a figure, is followed by
NO_UNIT_AFTER = (r"(?!人(?![才力])|[名家个所项位次条套余多元户件台间种类批支座届"
                 r"万亿千百年月日天倍分级折岁])")

#: a paper's section number opening its heading, after any reference mark (「[12] 4 人才赋能…
#: 的实践进路」, 「2.1 机理」, or 「… 1.1 人才赋能…」 inside a heading run on): no count, unlike
#: 「5 家企业」, 「15 人参加」 or 「增长 1.5 倍」
_SECTION_NUMBER = re.compile(r"(?:^(?:\s|[\[［【]\d{1,3}[\]］】])*\d{1,2}|(?<=\s)\d{1,2}(?=\.\d))"
                             r"(?:\.\d{1,2})*\s+(?=[\u4e00-\u9fff])" + NO_UNIT_AFTER)


#: a designation written with numbers joined by a plus (「10+1」产业, 1+N): a name, no figure
_DESIGNATION = re.compile(r"\d+(?:\s*\+\s*(?:\d+|N|n))+")


def without_designations(text: str, query: str) -> str:
    """``text`` without the number designations the question itself names: 「10+1」 in a
    sentence counts nothing for 「10+1产业新设几个工作站」.

    >>> without_designations("聚焦“10+1”重点产业，新设3个站", "10+1 工作站 新设几个")
    '聚焦“ ”重点产业，新设3个站'
    >>> without_designations("聚焦“10+1”重点产业，设立博士后站", "博士后 青岛")
    '聚焦“ ”重点产业，设立博士后站'
    """
    for name in dict.fromkeys(m[0] for m in _DESIGNATION.finditer(query)):
        text = text.replace(name, " ")
    # one in quotation marks is a name wherever it stands (an English question's Chinese
    # reading does not hold it: "key industries")
    return _QUOTED_DESIGNATION.sub("“ ”", text)


_QUOTED_DESIGNATION = re.compile(r"[“\"「]" + _DESIGNATION.pattern + r"[”\"」]")


# a number and its measure word before what it counts (百所技能院校, 20余家企业), with up to
# two characters of the counted thing's own words between (技能 of 技能院校)
_COUNTING = "所|家|个|项|名|位|种|类|批|支|座|条|套"
_COUNTED = rf"{_MEASURED}(?:{_COUNTING})[\u4e00-\u9fff]{{0,2}}"


def counts_only(text: str, keys: Iterable[str], counts: Iterable[str] = ()) -> bool:
    """True when ``text`` counts one of the question's ``keys`` (百所技能院校 for 院校) and
    lists nothing (no enumeration comma), or when a clause of it restates a count the
    question states itself (``counts``: 179家 of 「那179家企业都有哪些」) and neither it nor
    the clause after lists anything (an enumeration comma in it; 包括, 分别 or a colon in
    the clause after): it says how many, not which.

    >>> counts_only("未来3年内将合作百所技能院校", ["院校"])
    True
    >>> counts_only("与青岛大学、青岛科技大学等院校合作", ["院校"])
    False
    >>> counts_only("开展“访企、拓岗”活动，目前已收录179家企业", [], ["179家"])
    True
    >>> counts_only("已收录179家企业，包括海尔、海信", [], ["179家"])
    False
    """
    own = normalise(text)
    if "、" not in text and any(re.search(_COUNTED + re.escape(k), own)
                               for k in keys if len(k) >= 2):
        return True
    counts = tuple(c for c in counts if c in own)
    if not counts:
        return False
    parts = _CLAUSE_BREAK.split(text)
    for part, after in zip(parts, [*parts[1:], ""], strict=True):
        if "、" in part or _LISTS.search(after) or part.rstrip().endswith(("：", ":")):
            continue
        clause = normalise(part)
        if any(c in clause for c in counts):
            return True
    return False


_CLAUSE_BREAK = re.compile(r"[，,；;。！!？?…]")
# what opens a list in the clause after a count (「…5所院校，包括…」, 「分别为…」, 「如下：」)
_LISTS = re.compile(r"^\s*(?:包括|分别|即|其中|主要有|具体|如下)|[：:]")


def stated_counts(query: str) -> tuple[str, ...]:
    """The counts a (simplified) question states itself (那179家企业, 23项细则), normalised;
    not those inside a quoted name (“21条惠企措施” names a package of measures).

    >>> stated_counts("那179家企业都有哪些"), stated_counts("有多少家企业")
    (('179家',), ())
    >>> stated_counts("“21条惠企措施”主要围绕哪几个方面")
    ()
    """
    unquoted = QUOTED_NAME.sub(" ", query)
    return tuple(dict.fromkeys(
        normalise(m.group(0)) for m in re.finditer(
            rf"(?<![\d.])\d+(?:\.\d+)?\s*(?:多|余)?\s*(?:{_COUNTING})", unquoted)))



def document_frequencies(texts: Iterable[str]) -> Counter[str]:
    """How many of ``texts`` (normalised) contain each bigram."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(bigrams(text))
    return df


def idf(df: Mapping[str, int], n_texts: int) -> dict[str, float]:
    """Smoothed inverse document frequency per bigram seen in ``df``."""
    return {b: math.log((n_texts + 1) / (c + 0.5)) for b, c in df.items()}


def key_bigrams(segments: Iterable[str], weights: Mapping[str, float],
                unseen_weight: float) -> dict[str, float]:
    """Weighted bigrams of a question's content segments.

    A bigram the corpus never contains and that holds a function character
    (能拿, 多久 …) is a phrasing artefact and is dropped, and so is one that crosses two
    of the dictionary words the segment is cut into (校老 of 学校老师); other unseen
    bigrams keep ``unseen_weight``: they name something the corpus may not cover.

    >>> sorted(key_bigrams(["学校老师一起带"], {"学校": 1.0, "老师": 1.0}, 5.0))
    ['一起', '学校', '老师']
    """
    out: dict[str, float] = {}
    for segment in segments:
        text = normalise(segment)
        inside: frozenset[str] | None = None
        for b in bigrams(text):
            if len(b) < 2:
                continue
            if b in weights:
                out[b] = weights[b]
            elif not (set(b) & function_chars()) and not b.isascii():
                inside = _inside_words(text) if inside is None else inside
                if b in inside:
                    out[b] = unseen_weight
    return out


@lru_cache(maxsize=4096)
def _inside_words(text: str) -> frozenset[str]:
    """The bigrams of ``text`` inside one of the dictionary words it is cut into: an unseen
    bigram across two words (起带 of 一起带学生, 校老 of 学校老师) names nothing."""
    return frozenset(b for part in dictionary_parts(text) if len(part) > 1
                     for b in bigrams(part))


@lru_cache(maxsize=100_000)
def text_bigrams(text: str) -> frozenset[str]:
    """``bigrams(normalise(text))``, memoised for corpus sentences compared per question."""
    return frozenset(bigrams(normalise(text)))


def coverage(keys: Mapping[str, float], evidence: str) -> float:
    """Weighted share of ``keys`` found in normalised ``evidence`` (1.0 when no keys).

    A key counts when it is one of ``bigrams(evidence)``; for a two-character key
    that is exactly when it occurs in ``evidence``, so the set is not built (this
    runs for every candidate sentence of every question).

    >>> coverage({"补贴": 1.0, "活贴": 1.0}, "生活补贴"), coverage({"补": 2.0}, "补")
    (0.5, 1.0)
    """
    total = sum(keys.values())
    if total <= 0:
        return 1.0
    present: set[str] | None = None  # built only for a key that is not a bigram
    found = 0.0
    for b, w in keys.items():
        if len(b) == 2:
            found += w if b in evidence else 0.0
        else:
            present = bigrams(evidence) if present is None else present
            found += w if b in present else 0.0
    return found / total
