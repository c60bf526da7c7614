"""Question analysis: what a question asks about, read through the lexicon.

A question becomes a simplified-Chinese query plus what an answer has to match:
the places it names (any level of China's divisions, or an unknown name with an
administrative suffix), programme names, degrees, person categories, benefit kinds,
the kind of fact asked for (amount, count, duration, date, department, condition,
phone) and its remaining content words. English questions are first read into Chinese
(:mod:`app.answer.english`).

>>> q = analyze("我是硕士，去南阳工作每个月有多少生活补贴？")
>>> (q.places, q.degrees, q.benefits, q.kinds)
(('南阳',), ('硕士',), ('生活补贴',), ('amount',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.answer.asked import ASKING_JI as _ASKING_JI
from app.answer.claims import claims
from app.answer.clauses import A_NOT_A, told_before
from app.answer.english import english_query
from app.answer.programmes import find_programmes
from app.answer.script import Script, detect_script, mostly_english, simplified
from app.answer.wordclass import names_word, without_idioms
from lexicon import (
    Place,
    benefit_kinds,
    degree_aliases,
    determiner_pattern,
    document_reference_pattern,
    document_words,
    gazetteer,
    kind_words,
    money_words,
    person_categories,
    question_phrases,
    standard_wording,
    synonym_groups,
    total_words,
    umbrella_words,
    writer_words,
)

# Question-side patterns for the kind of fact asked for (on simplified text); the words
# that make a question about money are the lexicon's.
_MONEY = "(?:" + "|".join(map(re.escape, money_words())) + ")"
# a share asked (比例 and the words the lexicon files with it: 占比)
_SHARE = "|".join(next((g for g in synonym_groups() if "比例" in g), ("比例",)))
KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "amount": re.compile(
        rf"多少钱|几万|多少元|金额|收费|{_MONEY}.{{0,8}}(?:多少(?!岁)|几(?!年|天|个月|周|小时|号|月|日|点|岁|次|种|类)|标准|怎么算|多高)"
        rf"|(?:多少(?!岁)|几).{{0,6}}{_MONEY}|给多少|发多少|拿多少|领多少|补多少|贷多少|最多.{{0,4}}多少"
        # a sum named by 额 (成交额, 投资额, 贷款额度), not a quota of places (名额, 配额)
        r"|(?<![名配])额度?(?:是|有|为|达)?(?:多少|几)"
        r"|how much|amount|maximum .*(?:subsidy|allowance)"
        r"|what (?:\w+ ){0,2}(?:stipend|allowance|subsidy|salary|wage|pay)s?\b"
        r"(?! (?:schemes?|systems?|structures?|methods?|ways?|rules?|polic))", re.I),
    "count": re.compile(
        r"多少(?!钱|元)|(?<!哪)几(?:个(?!月|小时|工作日)|家|名|所|位|条|项|套|次|批)|人数|数量|多大|规模"
        rf"|(?:[套家户所项]|(?<![这那哪])个)数|岗位数|{_SHARE}|几成|百分之几"
        r"|how many|how big|number of|what share|\bpercentage\b|\brates?\b"
        r"|\bwhat (?:was|is|were|are)\b.{0,40}\bgrowth\b", re.I),
    "duration": re.compile(rf"多久|多长时间|{_ASKING_JI}(?:天|年|个月)|期限|有效期|how long",
                           re.I),
    "date": re.compile(r"什么时候|什么时间|何时|哪一?天|几月|几号|日期|截止|起止"
                       r"|(?:建成|开业|启动|申报|报名|发放|成立|实施|出台|发布|举办)时间"
                       r"|when\b|what date",
                       re.I),
    # the year itself (哪年, 哪一年, which year): a sentence that says only 近日 or 当前 does
    # not answer it; read instead of ``date``
    "year": re.compile(r"哪一?年(?!级)|which year|what year(?!s)", re.I),
    # the day itself (几号, 哪天, 截止日期; a deadline: 截止到什么时候): a sentence that says
    # only 近日, 今年 or 2月底 does not answer it; read instead of ``date``
    "day": re.compile(r"几号|哪一?天|哪一?日|几月几|具体日期|截止日期|截止到几"
                      r"|截止到哪(?!一?年)|截至哪(?!一?年)"  # 截至哪年 asks the year
                      r"|(?:截止|最晚|最迟)(?:到|日期是|时间是)?什么时(?:候|间)"
                      r"|什么时(?:候|间)(?:截止|截至|结束|停止)"
                      r"|what date|which day|what day|deadline", re.I),
    "department": re.compile(
        # not those a service is open to (向哪些单位开放, 哪些单位可以申请): who may use it
        r"(?:哪个(?:部门|处室|处|单位|机构)|哪些(?:部门|处室|单位)|什么(?:部门|处室|单位))"
        r"(?!可以|可|能|开放|适用|享受)|归哪|"
        r"谁(?:来|负责|牵头|主办|管|领导|审核|审批|受理|办理)|由谁|是谁|负责(?:部门|单位|处室)"
        r"|(?:主管部门|牵头(?:单位|部门)?)(?:是|为|在哪)|联系哪|(?:联系|责任)(?:单位|部门|处室)"
        r"|which (?:office|department)|who is responsible|who (?:runs|organi[sz]es)", re.I),
    "condition": re.compile(
        r"条件|资格|门槛|需要满足|符合什么|什么(?:样的)?(?:人|企业)(?:可以|能)|哪些人可以|谁可以|"
        r"什么人(?:可以|能)|eligib|requirement|qualif", re.I),
    # a number to call: 「热线是多少」, not 「热线受理多少件」
    "phone": re.compile(
        r"(?:电话|热线|联系方式|手机号)(?:号码)?(?:是|为)?(?:多少|什么|几号)|打(?:什么|哪个)(?:电话|号码)"
        r"|(?:phone|telephone|hotline|contact) number|number to call", re.I),
    # who wrote or issued the document: its byline (作者单位, 本报记者, 发文单位)
    "author": re.compile(
        r"(?<![工合])作者[^，,。？?！!]{0,12}?(?:是谁|叫什么|名字|姓名|哪(?:个|家|所|里|儿|位)|什么单位"
        r"|来自|单位|在哪)|(?:哪位|哪个|谁是)作者|谁写的|是谁写|(?:单位|机构|部门|学校|党校)的?人?写的|写的(?:人|作者|单位)?(?:是|为)?(?:哪(?:个|家|位)|什么(?:人|单位)|谁)"
        r"|发文(?:单位|机关)|发布单位|印发单位|(?:哪个|什么)(?:单位|部门|机关)(?:发|印发|发布)的"
        r"|谁(?:发|印发|发布)的"
        r"|哪个记者|记者是谁|who wrote|written by|issued by|published by"
        r"|\b(?:author|writer)s?\b[^?]*\b(?:from|work|works|institution|affiliat\w*|unit|name)\b"
        r"|\bwho\b[^?]*\b(?:author|writer)s?\b|\b(?:which|what) (?:author|writer)"
        r"|\bnames? of (?:the |its |their )?(?:author|writer)s?\b"
        r"|which (?:institution|organi[sz]ation|party school|university|school)\b"
        r"(?=[^?]*\b(?:wr[io]te|written|author|writer|paper|article)\b)", re.I),
    # the title of the document asked about (那篇报道的大标题, the headline), not a
    # programme's name
    "title": re.compile(r"标题|题目(?:是|叫)|(?:title|headline) of|what is the (?:title|headline)",
                        re.I),
    # an age limit: 「多少岁以下能住」, 「有年龄限制吗」; not the asker's own age (我38岁)
    "age": re.compile(r"多少岁|几岁|多大岁数|多大年[龄纪]"
                      r"|年龄[^，。？?]{0,4}(?:限制|要求|上限|下限|门槛|条件|界限|规定)"
                      r"|age (?:limit|requirement|cap)|how old|what age|(?:maximum|minimum) age",
                      re.I),
    # a floor or land area: 「一套多少平米」, 「面积多大」, how big is each flat
    "area": re.compile(r"(?:多少|几)(?:个)?平(?:方米?|米)?(?![台均安常])|多大面积"
                       r"|面积(?:是|有|为)?多[少大]|square (?:met(?:er|re)s|feet)|floor area"
                       r"|how (?:big|large) (?:is|are) "
                       r"(?:the |each |one |a )?(?:apartment|flat|unit|room)s?", re.I),
    # a price as a share of another: 「市场价的几折」, 「打几折」, 「多少折扣」
    "discount": re.compile(r"几折|多少折|打折|折扣|what discount|how much off"
                           r"|percent of the market", re.I),
    # the schooling a benefit needs: 「要什么学历才能领」, not the asker's 「没什么学历」
    "degree": re.compile(r"(?<![没无])(?:什么|哪些|哪种|何种)(?:样的)?学历|学历(?:要求|门槛|限制)"
                         r"|对学历|what (?:degree|education)|degree (?:required|requirement)",
                         re.I),
    # the papers an application needs: 「要准备哪些材料」, 「带什么证件」, what documents
    "materials": re.compile(r"(?:哪些|什么|啥)(?:申请|申报|证明)?(?:材料|资料|证件|证明)"
                            r"|材料清单|(?:提交|准备|带)(?:哪些|什么|啥)(?:东西)?[？?]"
                            r"|what (?:documents|paperwork|materials)"
                            r"|which documents", re.I),
}

_COMPARE = re.compile(r"差多少|相差|差距|差别|区别|不同|不一样|多多少|少多少|比较|对比|相比|哪个多"
                      r"|谁多|高多少|低多少|哪里更|哪边|[和跟][^，。？?]{1,8}比"
                      r"|哪[个项种样里边][^，。？?]{0,6}更[大多高低少长短早晚久快]")


def asks_comparison(query: str) -> bool:
    """True when a (simplified) question asks to compare (差多少, 区别, 哪个更 …).

    >>> asks_comparison("引导资金和贴息贷款，哪个数额更大？"), asks_comparison("哪个部门更合适")
    (True, False)
    >>> asks_comparison("更多人才来崂山了吗")
    False
    """
    return bool(_COMPARE.search(query))


#: What each kind of fact is called when an answer says it is missing (「没有找到…的具体日期」).
KIND_NAMES: dict[str, str] = {
    "amount": "金额", "count": "数量", "duration": "期限", "date": "时间", "day": "具体日期",
    "year": "年份",
    "department": "负责部门", "condition": "条件", "phone": "联系电话", "discount": "折扣",
    "author": "作者或发文单位", "degree": "学历要求", "materials": "所需材料",
    "age": "年龄要求", "title": "标题", "area": "面积",
}

@dataclass(frozen=True)
class QuestionInfo:
    """What the question asks for, in simplified Chinese.

    ``places`` are the place names as the question writes them; ``place_refs`` the
    places they resolve to (same order).
    """

    text: str
    script: Script
    query: str
    places: tuple[str, ...] = ()
    place_refs: tuple[Place, ...] = ()
    programmes: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # an English question's dictionary words (english.english_hints)
    # quoted names no document uses, read as the documents' name they stand for: (as
    # asked, as written there), e.g. (智汇崂山, 汇智崂山)
    renamed: tuple[tuple[str, str], ...] = ()

    @property
    def asks(self) -> bool:
        """True when the question names anything to look up (an English question's
        dictionary words too: 「Does the plan let me delay retirement?」 asks something)."""
        return bool(self.content or self.kinds or self.programmes or self.benefits
                    or self.hints)

    @property
    def asks_benefit(self) -> bool:
        """True when the question asks what someone is granted or must meet: a benefit, a
        sum, a condition, or any benefit at all (补贴, 扶持, 待遇)."""
        return bool(self.benefits or {"amount", "condition"} & set(self.kinds)
                    or any(w in self.query for w in (*money_words(), *umbrella_words())))


@lru_cache(maxsize=100_000)
def find_places(text: str) -> tuple[str, ...]:
    """Place names a (simplified) text names, as written, in order."""
    return tuple(m.text for m in gazetteer().find(text))


@lru_cache(maxsize=100_000)
def place_refs(text: str) -> tuple[Place, ...]:
    """The places :func:`find_places` names, resolved."""
    return tuple(m.place for m in gazetteer().find(text))


def find_degrees(text: str) -> tuple[str, ...]:
    """Degree names in ``text``; 博士后 is not counted as 博士."""
    found: dict[str, int] = {}
    masked = text
    for alias, degree in degree_aliases():
        pos = masked.find(alias)
        if pos >= 0:
            found.setdefault(degree, pos)
            masked = masked.replace(alias, "□" * len(alias))
    return tuple(sorted(found, key=found.__getitem__))


def _named(text: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Entries of a category table named in ``text`` by their name or an alias, longest
    spelling first and without overlaps (青年人才住房补贴 names 住房补贴, not 人才住房)."""
    spellings = sorted(((w, name) for name, aliases in table.items() for w in (name, *aliases)),
                       key=lambda p: len(p[0]), reverse=True)
    found: dict[str, int] = {}
    masked = text
    for word, name in spellings:
        pos = masked.find(word)
        if pos >= 0:
            found.setdefault(name, pos)
            masked = masked.replace(word, "□" * len(word))
    return tuple(sorted(found, key=found.__getitem__))


def find_persons(text: str) -> tuple[str, ...]:
    """Person categories (高校毕业生, 农民工 …) named in ``text`` as words (科技工作者
    names no 技工)."""
    categories = dict(person_categories())
    return tuple(c for c in _named(text, categories)
                 if any(names_word(w, text) and not _pointed_at(w, text)
                        for w in (c, *categories[c])))


#: 那位 or 这名 with what follows up to the end of its phrase: a person the document tells
#: of (「那位汉缆的技术工人」), no group the question is asked for
_POINTED = re.compile(r"[这那][位名][^，,。？?！!；;\s]{0,10}")


def _pointed_at(word: str, text: str) -> bool:
    """True when every ``word`` in ``text`` is inside a phrase that points at someone the
    document tells of (「那位汉缆的技术工人省了多少钱」), not a group asked about.

    >>> _pointed_at("技术工人", "那位汉缆的技术工人一年省多少钱")
    True
    >>> _pointed_at("技术工人", "技术工人有什么补贴")
    False
    """
    spans = [m.span() for m in _POINTED.finditer(text)]
    found = [m.start() for m in re.finditer(re.escape(word), text)]
    return bool(found) and all(any(lo <= at < hi for lo, hi in spans) for at in found)


def find_benefits(text: str) -> tuple[str, ...]:
    """Benefit kinds (生活补贴, 安家费 …) named in ``text``, not inside an idiom (安家落户
    names no 落户); 生活补贴 hides 补贴-only kinds."""
    found = _named(without_idioms(text), dict(benefit_kinds()))
    return tuple(b for b in found if not any(b != o and b in o for o in found))


def find_kinds(text: str) -> tuple[str, ...]:
    """Kinds of fact asked for: amount, count, duration, date (or the exact day),
    department, condition.

    A bare 多少 counts as ``count`` only when no amount is asked for; a question asking
    the day (几号, 哪天) asks ``day``, not the looser ``date``.

    >>> find_kinds("申报截止到几号"), find_kinds("什么时候开始申报"), find_kinds("截至哪年的数")
    (('day',), ('date',), ('year',))

    A count asked before the things themselves are (「有几个问题，另外两个是什么」) is
    answered by naming them:

    >>> find_kinds("有几个现实问题，另外两个是什么"), find_kinds("有几种住房，分别叫啥")
    ((), ())
    """
    kinds = [kind for kind, pattern in KIND_PATTERNS.items() if pattern.search(text)]
    if "count" not in kinds and _ends_on_total(text):
        kinds.append("count")
    if "amount" in kinds and "count" in kinds and not re.search(r"多少(?:人|名|家|个|次)", text):
        kinds.remove("count")
    if "day" in kinds and "date" in kinds:
        kinds.remove("date")
    if "phone" in kinds and "day" in kinds:  # 电话是几号: a number, not a day
        kinds.remove("day")
    if "year" in kinds and ("date" in kinds or "day" in kinds):  # 哪年几月: the month too
        kinds.remove("year")
    counted = KIND_PATTERNS["count"].search(text) if "count" in kinds else None
    if counted and _NAMES_ASKED.search(text, counted.end()):
        kinds.remove("count")  # 有几个问题，另外两个是什么: the items named answer it
    if {"phone", "age", "area"} & set(kinds) and "count" in kinds:  # 电话是多少, 多少岁: a number,
        kinds.remove("count")  # not a count
    if "author" in kinds and "department" in kinds:  # 哪个单位写的 asks the byline
        kinds.remove("department")
    for asked in ("amount", "count"):  # 打几折 asks a share of a price, not a sum or a count
        if "discount" in kinds and asked in kinds:
            kinds.remove(asked)
    return tuple(kinds)


_YES_NO = re.compile(r"吗|是否|" + A_NOT_A.pattern)
# the things themselves asked (分别是什么, 另外两个是什么, 是哪几个, 叫什么)
_NAMES_ASKED = re.compile(r"是(?:什么|哪些|哪几|啥)|分别(?:是|叫|有)|叫(?:什么|啥)|有哪些")


def _ends_on_total(text: str) -> bool:
    """True when ``text`` ends on the total it wants, as a keyword query does (「某区
    2022年 人才总量」); not a yes-no question about a total (「会不会占绩效工资总量？」).

    >>> _ends_on_total("崂山 2022年 人才总量"), _ends_on_total("会不会占单位绩效工资总量？")
    (True, False)
    """
    end = text.rstrip(" ？?。!！")
    return any(end.endswith(w) for w in total_words()) and not _YES_NO.search(text)


# An A-not-A question form (带不带, 有没有, 可以不可以): phrasing, whatever the verb.
# A run of Han, Latin letters and digits; a plus between digits stays inside (「10+1」产业).
_CONTENT_PIECE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9]|(?<=\d)\+(?=\d))+")


def content_segments(text: str, remove: tuple[str, ...] = (),
                     phrasing_only: bool = False) -> tuple[str, ...]:
    """Topic-bearing pieces of ``text``: question phrasing, ``remove`` and punctuation
    cut out. The words that only name the kind of fact asked (条件, 比例 …) are cut too,
    unless ``phrasing_only`` (a follow-up keeps 「申请条件」 to append it).

    >>> content_segments("我是硕士，去南阳工作每个月有多少生活补贴？", ("南阳", "硕士"))
    ('工作每个月有', '生活补贴')
    >>> content_segments("春季那场招聘会来了几家企业")
    ('春季', '招聘会来', '企业')
    >>> content_segments("租赁房带不带家具")
    ('租赁房', '家具')
    """
    masked = text
    phrases = question_phrases() if not phrasing_only else tuple(
        w for w in question_phrases() if w not in kind_words())
    for word in (*remove, *phrases):
        if word:
            masked = masked.replace(word, " ")
    masked = document_reference_pattern().sub(" ", masked)
    masked = A_NOT_A.sub(" ", determiner_pattern().sub(" ", masked))
    pieces = _CONTENT_PIECE.findall(masked)
    return tuple(p for p in pieces if len(p) >= 2)


def query_for(question: str, script: Script) -> str:
    """The simplified-Chinese retrieval query for a question in any supported script,
    spoken question words in their written form (啥 -> 什么)."""
    if script == "en":
        return english_query(question)
    return standard_wording(simplified(question)).strip()


def analyze_query(query: str, original: str, script: Script) -> QuestionInfo:
    """Constraints of an already simplified query (used after follow-up rewriting)."""
    places = find_places(query)
    degrees = find_degrees(query)
    spelled = tuple(a for a, d in degree_aliases() if d in degrees and a in query)
    # an English question that quotes a Chinese term (「talent loan (人才贷)」) is read as
    # Chinese with its English glossed, so its English wording is read for the kind too
    english = script == "en" or mostly_english(original)
    # what the asker tells in whole sentences before the one that asks (「我在国外做了几年
    # 研究。…有哪些选择？」) states: its 几年 asks no period
    told = query
    for clause in told_before(query) if not english else ():
        told = told.replace(clause, " ")
    kinds = find_kinds(f"{query} {original}" if english else told)
    # a figure the asker states to have it checked asks for its kind, and is no topic
    claimed = claims(query, kinds)
    kinds = kinds or tuple(dict.fromkeys(c.kind for c in claimed))
    # who wrote 这个文件, or its title: the kind of document names the document asked
    # about, and 作者 the kind of fact asked, no topic
    documents = ((*document_words(), *writer_words())
                 if {"author", "title"} & set(kinds) else ())
    content = content_segments(query, (*places, *spelled, *documents,
                                       *(c.text for c in claimed)))
    return QuestionInfo(
        text=original, script=script, query=query, places=places,
        place_refs=place_refs(query), programmes=find_programmes(query), degrees=degrees,
        persons=find_persons(query), benefits=find_benefits(query),
        kinds=kinds, content=content,
    )


def analyze(question: str) -> QuestionInfo:
    """Analyse a question in simplified, traditional or English form."""
    script = detect_script(question)
    return analyze_query(query_for(question, script), question, script)
