"""What a question asks in so many words: a sum of money (能拿多少), its period (每月补多少),
a number of people (多少青年人才), a span of time (能领几年). A sentence that states another
kind of figure does not answer such a question, however well its words match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from lexicon import (
    benefit_kinds,
    degree_aliases,
    fold_synonyms,
    measure_chars,
    money_words,
    price_words,
    synonym_groups,
    total_words,
    whole_place_words,
)
from lexicon.segmenter import dictionary_parts

#: 几 that asks (几年, 几个), not the "a few" of 好几年 or 十几年, nor the "these few" of
#: 这几年, 那几天, 前几年 and 近几年
ASKING_JI = r"(?<![好十数这那前近])几"
#: a share asked (比例 and the words the lexicon files with it: 占比; 几成, 百分之几)
SHARE_ASKED = "|".join((*next((g for g in synonym_groups() if "比例" in g), ("比例",)),
                        "几成", "百分之几"))

#: how an English question asks how much something grew or fell (how much did … grow): a
#: change, not a sum of money
GROWTH_AFTER_HOW_MUCH = (r" (?:did|has|have|does|do|will)\b[^?]{0,80}?\b(?:grow|increase|rise"
                         r"|go up|climb|fall|drop|decline)")
GROWTH_ASKED_EN = r"\bhow much" + GROWTH_AFTER_HOW_MUCH

#: units of time after 多少 that ask a span (多少年, 多少个工作日; not 多少年轻人, 多少月薪):
#: 能领多少年 asks how long, not how much
UNITS_OF_TIME = r"个?(?:年(?!轻|级|龄|度|薪)|月(?!薪)|天|周|工作日|小时)"

#: the money words (补贴, 年薪 …), one alternation
_MONEY = "|".join(money_words())
#: what 多少 counts when a count, not a sum, is asked (多少套, 多少户)
_COUNT_AFTER = "套户件台间种类条"
#: what 多少 counts (多少人补贴, 多少笔贷款, 多少次): no sum is asked (块 is a sum: 多少块钱)
_COUNTED = "".join(sorted((measure_chars() | set(_COUNT_AFTER) | {"人"}) - {"块"}))
#: what a money word right after 多少 may name when a count of them is asked (多少补贴项目,
#: 多少补贴对象)
_COUNTED_AFTER_MONEY = rf"(?:项目|政策|名额|对象|企业|人|[{_COUNTED}])"


@cache
def _named_sums() -> str:
    """The benefit names that end on a money word, longest first (生活补贴, 一次性住房补贴,
    安家费), then the money words, as one alternation: what 多少 may ask the sum of."""
    money = money_words()
    named = {n for kind, aliases in benefit_kinds().items() for n in (kind, *aliases)
             if any(n.endswith(m) and n != m for m in money)}
    return "|".join(sorted((*named, *money), key=len, reverse=True))


#: the most or least one may borrow, asked in English (the most a talent can borrow)
MOST_BORROWED = r"\bthe\s+(?:most|least)\b[^.?!]{0,30}\bborrow\b"

# a sum of money asked in so many words (多少钱, 能拿多少, 几万, 额度多少, 最高贷多少, 售价多少)
_SUM = re.compile(rf"多少块?钱|多少元|几万|几千"
                  rf"|(?:拿|领|给|发|补|贷)[到了得]?多少(?![{_COUNTED}]|{UNITS_OF_TIME})"
                  r"|额度[^，。？?]{0,6}(?<!百分之)多少|(?:最高|最多)能?多少"
                  # a rate of pay (补贴标准是多少, 奖励标准多少)
                  rf"|(?:{_MONEY})标准[^，。？?]{{0,3}}多少"
                  # a money word just before 多少 (年薪多少, 每人补贴多少, 房租是多少), not
                  # a count after it (奖励多少家企业, 补贴多少人) nor a span (资助多少年)
                  rf"|(?:{_MONEY})(?:是|有|能有|大概|一般)?多少"
                  rf"(?![人家个名位项所次批{_COUNT_AFTER}]|{UNITS_OF_TIME})"
                  # a money word or a benefit named by one just after 多少 (开多少薪水,
                  # 能有多少生活补贴), not a count of them (多少补贴项目, 多少补贴对象)
                  rf"|多少(?:{_named_sums()})(?!{_COUNTED_AFTER_MONEY})"
                  # a price (售价是多少, 价格多少): only a sum states one
                  rf"|(?:{'|'.join(price_words())})[^，。？?]{{0,4}}多少"
                  # and in English: how much (not how much of), what salary
                  rf"|\bhow much\b(?! of\b)(?!{GROWTH_AFTER_HOW_MUCH})"
                  # the most or least one may get or borrow (the maximum amount, borrow up to)
                  r"|\b(?:maximum|minimum|max|highest|largest)\s+(?:loan\s+|subsidy\s+)?amount\b"
                  r"|\bborrow\s+(?:up\s+to|at\s+most)\b"
                  rf"|{MOST_BORROWED}"
                  r"|\bwhat (?:\w+ ){0,2}(?:salary|salaries|wage|wages|pay|stipend|bonus)\b",
                  re.IGNORECASE)


def asks_sum(query: str) -> bool:
    """True when a (simplified) question asks a sum of money in so many words; an English
    one's how much asks none when it asks how much something grew.

    >>> asks_sum("能拿多少钱"), asks_sum("How much did Bengbu's skilled workforce grow?")
    (True, False)
    """
    return bool(_SUM.search(query))


# the period of a sum asked (每月补多少, 一个月给多少钱, 每年能拿多少); not the asker's own pay
# (我月薪8000)
# (a month on synonym-folded text, where 每个月, 一个月 and 按月 are 每月; a year as written:
# the fold makes 一年 每年, and 「免租一年到期后…租金咋算」 asks no yearly sum)
_PERIOD_ASKED = {"month": re.compile(r"每月|月均"), "year": re.compile(r"每年|年均")}
_PERIOD_FOLDED = {"month": True, "year": False}


@lru_cache(maxsize=4096)
def asked_period(query: str, kinds: tuple[str, ...]) -> str | None:
    """The period (month, year) of a sum a (simplified) question asks for, if it names one:
    a sentence stating another sum (15.8亿元 of contracts) does not answer
    「政府每月给大学生补多少」.

    >>> asked_period("政府每月给大学生补多少", ("amount",)), asked_period("每月补多少", ("count",))
    ('month', None)
    """
    if "amount" not in kinds:
        return None
    folded = fold_synonyms(query)
    return next((p for p, pattern in _PERIOD_ASKED.items()
                 if pattern.search(folded if _PERIOD_FOLDED[p] else query)), None)


@cache
def _people_asked() -> re.Pattern[str]:
    """多少 or 几, a measure word and up to four characters, then 人 (人才, 人员, 人次) or a
    degree's name ending the noun (多少人, 多少青年人才在…, 几名博士): a number of people
    asked; not 几个人才家园, a number of places, nor 多少家企业缺人, whose measure word
    counts things. So is a count ending a clause after a people noun (国家级人才分别几个);
    and a people noun followed by a total word
    (人才总量, 博士总数) asks the same number."""
    names = "|".join(map(re.escape, sorted(
        {"人", "人才", "人员", "人次", *(w for pair in degree_aliases() for w in pair)},
        key=len, reverse=True)))
    totals = "|".join(re.escape(w) for w in total_words() if w not in whole_place_words())
    things = re.escape("".join(sorted(measure_chars() - _GENERAL_MEASURES)))
    return re.compile(rf"(?:多少|几)(?![{things}])(?:个|名|位)?[\u4e00-\u9fff]{{0,4}}?(?:" + names
                      + r")(?=$|[^\u4e00-\u9fff]|[在来呢吗啊了要能会到去有是可过回])"
                      + f"|(?:{names})(?:{totals})"
                      # the people named before the count that ends a clause (院士、国家级人才
                      # 分别几个, 博士有多少位)
                      + f"|(?:{names})(?:分别|各|一共|总共|共|都)?(?:有|是)?"
                      + r"(?:多少|几)(?:个|名|位)?"
                      + r"(?=$|[^\u4e00-\u9fff]|[呢吗啊呀])"
                      + r"|人数")  # a keyword's 人数 (「崂山 人才住房 人数」)


@lru_cache(maxsize=4096)
def asks_people(query: str, kinds: tuple[str, ...]) -> bool:
    """True when a (simplified) question counts people: a sentence that gives another
    number (7个工作日) does not answer 「青岛今年打算吸引多少青年人才」.

    >>> asks_people("青岛今年打算吸引多少青年人才", ("count",))
    True
    >>> asks_people("建了几个人才家园", ("count",)), asks_people("有多少青年人才", ())
    (False, False)
    >>> asks_people("有多少家企业缺人", ("count",)), asks_people("国家级人才分别几个", ("count",))
    (False, True)
    >>> asks_people("崂山 人才住房 人数", ("count",)), asks_people("2023年人才总量多少", ("count",))
    (True, True)

    Two counts asked in one message, one of them no people (「培训多少人次？推出多少个项目？」),
    are answered by a sentence counting either:

    >>> asks_people("全年培训多少人次？年内推出多少个培训项目？", ("count",))
    False
    """
    if "count" not in kinds or not _counts_people(query):
        return False
    return not any(_things_counted().search(c) and not _counts_people(c)
                   for c in _ASKED_PART.split(query))


#: the count words :func:`asks_people` accepts before 人 cut as a word of its own
_PEOPLE_COUNTS = frozenset({"多少", "几", "几个", "几名", "几位", "多少名", "多少位"})


def _counts_people(text: str) -> bool:
    """True when ``text`` asks a number of people: by the pattern, or where a verb of its
    own follows (多少人通过人才住房安了家), by the dictionary's cut of 人 after 多少 or 几
    (not 多少人民币, 几个人才家园); or by 位, the measure word of persons, ending what the
    count counts (聘了多少位？: whoever they are called).

    >>> _counts_people("多少人通过人才住房安了家"), _counts_people("多少人民币")
    (True, False)
    >>> _counts_people("平台目前聘了多少位？"), _counts_people("小数点后几位数字")
    (True, False)
    """
    if _people_asked().search(text):
        return True
    tokens = [t for t in dictionary_parts(text) if t.strip()]
    padded = [*tokens, "", ""]
    return any(a in _PEOPLE_COUNTS
               and (b == "人" or (b == "位" and not _HAN_AFTER.match(padded[i + 2])))
               for i, (a, b) in enumerate(zip(tokens, padded[1:], strict=False)))


_HAN_AFTER = re.compile(r"[\u4e00-\u9fff]")


# a space between two runs of Chinese of a clause's length breaks a clause as a comma
# does: typed on a phone or dictated, 「公寓叫什么名 听说最近重新装修了」 has no other mark;
# between short words it only separates keywords (「威海 硕士 补贴多少」)
SPACE_BREAK = r"(?<=[\u4e00-\u9fff]{5})[ \u3000\t]+(?=[\u4e00-\u9fff]{5})"

# the parts of a message that may each ask (between commas, stops, question marks and
# such spaces)
_ASKED_PART = re.compile(r"[，,。；;？?！!\n]+|" + SPACE_BREAK)


def _things_counted() -> re.Pattern[str]:
    """多少 or 几 and a measure word that counts no people (多少个项目, 几家企业)."""
    return _counted_in(frozenset("名位"))


#: measure words too general to say what is counted (个) or counting people, which
#: :func:`asks_people` reads
_GENERAL_MEASURES = frozenset("个名位")


def _measure_asked() -> re.Pattern[str]:
    return _counted_in(_GENERAL_MEASURES)


@cache
def _counted_in(left_out: frozenset[str]) -> re.Pattern[str]:
    """多少 or 几 and a measure word (captured), but those ``left_out``."""
    measures = "".join(sorted(measure_chars() - left_out))
    return re.compile(rf"(?:多少|{ASKING_JI})([{re.escape(measures)}])")


@lru_cache(maxsize=4096)
def asked_measure(query: str, kinds: tuple[str, ...]) -> str | None:
    """The measure word a (simplified) question counts in (多少套, 几家, 几所), when it asks
    a count: a sentence giving a number in that measure (5300多套) states what is asked
    better than one giving other numbers. None for 个 and for people (几名, 多少位).

    >>> asked_measure("交付的有多少套", ("count",)), asked_measure("建了几个家园", ("count",))
    ('套', None)
    >>> asked_measure("高级技工占技能人才的几成", ("count",))
    '%'
    """
    if "count" not in kinds:
        return None
    if re.search(SHARE_ASKED, query):  # 占几成: a percentage
        return "%"
    found = _measure_asked().search(query)
    return found.group(1) if found else None


# a span of time asked in so many words (多久, 能领几年, 分几个月)
_SPAN = re.compile(rf"多久|多长时间|{ASKING_JI}(?:年|天|个月)|多少{UNITS_OF_TIME}"
                   r"|(?:有效期|期限|时长)(?:是|有|为)?多(?:长|少)")  # 年卡有效期多长


def asks_span(query: str, kinds: Sequence[str]) -> bool:
    """True when a (simplified) question asks a span of time in so many words (能领几年,
    多久) and reads it as a duration."""
    return "duration" in kinds and _SPAN.search(query) is not None


_SENTENCE_END = re.compile(r"[。；;！!？?\n]+")
_CLAUSE_END = re.compile(r"[，,、]+")


def span_sentence(query: str) -> str:
    """The sentence, else the clause, of a (simplified) question that asks a span of time
    in so many words, when it asks more than one thing (「房租减免多长时间？到期后怎么租」,
    「房租减免多长时间，到期了怎么续」 -> the part before the break); the whole question
    otherwise.

    >>> span_sentence("房租减免多长时间？到期后怎么租"), span_sentence("补贴能领几年")
    ('房租减免多长时间', '补贴能领几年')
    >>> span_sentence("人才公寓房租减免多长时间，到期了怎么续")
    '人才公寓房租减免多长时间'
    """
    for breaks in (_SENTENCE_END, _CLAUSE_END):
        parts = [p for p in breaks.split(query) if p.strip()]
        asking = [p for p in parts if _SPAN.search(p)]
        if len(parts) > 1 and len(asking) == 1:
            return asking[0]
    return query


def span_subject(query: str, words: Iterable[str]) -> str | None:
    """Of ``words`` (the question's weighted terms), the one written closest before the
    words that ask a span of time: what the span is asked of (「半价续租，最多能续几年」 ->
    续租, 「房租减免多长时间」 -> 减免); None when none comes before them.

    >>> span_subject("免一年房租之后半价续租，最多能续几年", ["房租", "半价", "续租"])
    '续租'
    """
    m = _SPAN.search(query)
    if m is None:
        return None
    before = query[:m.start()]
    placed = [(before.rfind(w) + len(w), w) for w in words if w and w in before]
    return max(placed)[1] if placed else None


#: a telephone number asked in so many words (not 联系方式, which a contact office answers)
_NUMBER_ASKED = re.compile(r"电话|号码|手机|phone|number|hotline", re.I)


# a change over time asked in so many words: against an earlier time (比去年多了多少, 比十年前
# 翻了几倍, 比上一年增长了百分之多少), or how much something grew (增长了多少, how much did
# … grow); not a level reached (涨到多少), a gap between groups (博士比硕士多多少) nor a
# number to be added (要增加多少: a target)
_CHANGE = re.compile(
    r"(?:比|较|相比|对比)(?:以前|之前|原来|过去|以往|往年|去年|前年|上年|上一年|前一年|同期"
    r"|[一二两三四五六七八九十几\d]+年前)(?:同期)?[^，。？?！!]{0,10}?"
    r"(?:多|少|增|涨|降|减|提高|提升|翻|高|低|变)"
    r"|(?:增长|增幅|涨幅|涨了|降了|下降了|减少了|提高了|翻了)[^，。？?！!]{0,4}?(?:多少|几|百分之)"
    rf"|{GROWTH_ASKED_EN}|\bby how much\b|\bgrowth rate\b", re.IGNORECASE)


def asks_change(query: str) -> bool:
    """True when a question asks how much something changed over time.

    >>> asks_change("崂山国家级人才144人，比前一年多了多少人？"), asks_change("从1000涨到多少了")
    (True, False)
    >>> asks_change("高技能人才增长了多少"), asks_change("博士比硕士多多少")
    (True, False)
    """
    return bool(_CHANGE.search(query))


#: conditions asked in so many words (要满足什么条件, 门槛是什么): a sentence that sets none
#: does not answer
_CONDITIONS = re.compile(r"(?:什么|哪些|啥)(?:样的)?(?:条件|资格|门槛)"
                         r"|(?:条件|门槛|资格)(?:是|有)(?:什么|哪些|啥)")


#: a department asked in so many words (去哪个部门申请, 归哪个处室管, 找谁办): a sentence
#: that names none does not answer, however well it matches the benefit
#: (not 针对哪些部门开展培训: which departments a measure is for)
_DEPARTMENT_ASKED = re.compile(
    r"(?:去|到|找|向|在|由|归|是)(?:哪|什么|啥)(?:个|一个|些)?(?:部门|处室|科室|机构|窗口|单位|处|局)"
    r"|哪一?个(?:部门|处室|科室|机构|窗口|处|局)(?:负责|管|办|受理|审核|审批|牵头|主管)"
    r"|找谁|归谁管|谁(?:负责|来管|审核|审批|受理)")


def asks_outright(query: str, kinds: Sequence[str]) -> str | None:
    """The kind of fact a (simplified) question asks in so many words, a sum of money
    (能拿多少), a span of time (能领几年), a day (哪天) or a number of people (多少青年人才),
    when it is one of the ``kinds`` read from it: a sentence that does not state it cannot
    answer, however well it matches.

    >>> asks_outright("每月补助能领几年", ("duration",)), asks_outright("近几年补贴多少", ())
    ('duration', None)
    """
    if asks_change(query):  # 比去年多了多少: a level alone does not say how much it changed
        return "change"
    if "amount" in kinds and asks_sum(query):
        return "amount"
    # 多少岁以下, 多少平米, 网址是多少, 地址在哪, 要带什么材料, 要什么学历: only a sentence stating
    # one answers
    for measured in ("age", "area", "web", "address", "materials", "degree"):
        if measured in kinds:
            return measured
    if "phone" in kinds and _NUMBER_ASKED.search(query):  # 电话是多少: only a number does
        return "phone"
    for when in ("day", "year"):  # 哪天, 哪年: a sentence saying only 近日 does not answer
        if when in kinds:
            return when
    if asks_span(query, kinds):
        return "duration"
    if "condition" in kinds and _CONDITIONS.search(query):  # 要满足什么条件
        return "condition"
    if "department" in kinds and _DEPARTMENT_ASKED.search(query):  # 去哪个部门申请
        return "department"
    if asks_people(query, tuple(kinds)):  # 多少人: a number of people (not 200余万元)
        return "people"
    if "date" in kinds:  # 什么时候建成开放: a sentence with no time at all does not answer
        return "date"
    return None
