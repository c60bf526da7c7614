"""The kind of fact a question asks for (amount, count, duration, date, day, year,
department, condition, phone, author, title, age, area, discount, degree, materials), read
from its wording, and whether it asks to compare.

>>> find_kinds("我是硕士，每个月有多少生活补贴？"), asks_comparison("博士和硕士的补贴差多少")
(('amount',), True)
"""

from __future__ import annotations

import re
from functools import cache

from app.answer.asked import ASKING_JI as _ASKING_JI
from app.answer.asked import (
    GROWTH_AFTER_HOW_MUCH,
    GROWTH_ASKED_EN,
    MOST_BORROWED,
    SHARE_ASKED,
)
from app.answer.asked import UNITS_OF_TIME as _UNITS_OF_TIME
from app.answer.clauses import YES_NO
from app.answer.programmes import CLAIM_CHARS
from lexicon import (
    document_reference_pattern,
    measure_chars,
    money_words,
    saying_words,
    total_words,
)

# Question-side patterns for the kind of fact asked for (on simplified text); the words
# that make a question about money are the lexicon's.
_MONEY = "(?:" + "|".join(map(re.escape, money_words())) + ")"
#: how an English question narrows a date to a day (what exact date, which specific day)
_EXACT = r"(?:exact |specific |precise )?"

#: measure words after 多少 that count things or people (给多少位人才: a count, not a sum);
#: 块 and 笔 count money
_COUNTED = "".join(sorted(measure_chars() - {"块", "笔"}))

#: "when" asking a time: before a verb that opens a question (when will, when's), after
#: by/until/since, or opening a sentence or an indirect question with no comma after it in
#: its sentence (when and where is…, tell me when the allowance is paid); not a conjunction
#: (when a firm recruits …, what card can they get?; what did they give when it started?)
_WHEN_ASKED = (r"\bwhen(?:['’]s|\s+(?:is|are|was|were|will|would|can|could|do|does|did|should"
               r"|must|shall|has|have|had|may|might|and|exactly)\b)"
               r"|\b(?:by|until|till|since) when\b"
               r"|(?:(?-i:When)|(?:^|[.?!]\s*|\b(?:me|know|ask|asking|wonder|wondering|out|sure"
               r"|idea|and|or|say|says|said)\s+)when)\b(?![^,，.?]*,)")

#: a span of time as an asker writes it (三年, 18个月, 半年)
_SPAN = r"[\d一二两三四五六七八九十半]+(?:年|个月|天|周)"

KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "amount": re.compile(
        rf"多少钱|几万|多少元|金额|收费|{_MONEY}.{{0,8}}(?:多少(?!岁|{_UNITS_OF_TIME})|(?<!哪)几(?!年|天|个月|周|小时|号|月|日|点|岁|次|种|类|样|项|条)|标准|怎么算|多高)"
        rf"|(?:多少(?!岁)|(?<!哪)几(?![种类样个项条])).{{0,6}}{_MONEY}|(?:给|发|拿|领|补)多少(?![{_COUNTED}人]|{_UNITS_OF_TIME})|贷多少|最多.{{0,4}}多少(?!万?[{_COUNTED}人])"
        # a price against another (便宜多少, 贵了多少, 能省多少)
        r"|(?:便宜|贵|省)了?多少"
        # whether something costs the asker (要收钱吗, 得花钱不): what a sentence saying
        # 免费 or a fee answers, as 收费 asks
        r"|(?:收|要|花|掏|交|付)钱(?:吗|么|嘛|不|没)"
        # a sum named by 额 (成交额, 投资额, 贷款额度), not a quota of places (名额, 配额)
        r"|(?<![名配])额度?(?:是|有|为|达)?(?:多少|几)"
        rf"|how much(?!{GROWTH_AFTER_HOW_MUCH})|amount"
        # the maximum subsidy, unless the asker states it (the maximum 150,000-yuan subsidy)
        r"|maximum (?:(?!\d|¥|\$|rmb|yuan)[^?])*(?:subsidy|allowance)"
        rf"|{MOST_BORROWED}"
        r"|what(?:'s)? (?:\w+ ){0,4}(?:stipend|allowance|subsidy|salary|wage|pay|rent|fee|price"
        r"|cost|funding|fund)s?\b"
        r"(?! (?:schemes?|systems?|structures?|methods?|ways?|rules?|polic))", re.I),
    "count": re.compile(
        # not 那几家 or 这几个, which point at what they name (那几家头部企业…在哪些地方)
        rf"多少(?!钱|元|{_UNITS_OF_TIME})|(?<![哪那这])几(?:个(?!月|小时|工作日)|家|名|所|位|条|项|套|次|批)"
        r"|人数|数量|多大|规模"
        rf"|(?:[套家户所项条]|(?<![这那哪])个)数|岗位数|{SHARE_ASKED}"
        r"|how many(?! (?:years|months|weeks|days)\b)|how big|number of|what share"
        r"|\bpercentage\b|\brates?\b"
        r"|\bwhat (?:was|is|were|are)\b.{0,40}\bgrowth\b|" + GROWTH_ASKED_EN, re.I),
    "duration": re.compile(rf"多久|多长时间|{_ASKING_JI}(?:天|年|个月)|多少{_UNITS_OF_TIME}"
                           r"|期限|有效期|how long"
                           # a choice of spans (三年还是五年): the span is asked
                           rf"|{_SPAN}(?:还是|或者?){_SPAN}"
                           r"|how many (?:years|months|weeks|days)\b", re.I),
    "date": re.compile(r"什么时候|什么时间|何时|哪一?天|几月|几号|日期|截止|起止"
                       r"|(?:建成|开业|启动|申报|报名|发放|成立|实施|出台|发布|举办)时间"
                       # when asking (when will, by when, when?), not when joining a
                       # clause (when a company recruits …, what card can they get)
                       rf"|{_WHEN_ASKED}|what {_EXACT}date",
                       re.I),
    # the year itself (哪年, 哪一年, which year): a sentence that says only 近日 or 当前 does
    # not answer it; read instead of ``date``
    "year": re.compile(r"哪一?年(?!级)|(?:哪个|什么|哪些)年份|年份区间|起止年份|which year"
                       r"|what year(?!s)", re.I),
    # the day itself (几号, 哪天, 截止日期; a deadline: 截止到什么时候): a sentence that says
    # only 近日, 今年 or 2月底 does not answer it; read instead of ``date``
    "day": re.compile(r"几号|哪一?天|哪一?日|几月几|具体日期|截止日期|截止到几"
                      r"|截止到哪(?!一?年)|截至哪(?!一?年)"  # 截至哪年 asks the year
                      r"|(?:截止|最晚|最迟)(?:到|日期是|时间是)?什么时(?:候|间)"
                      r"|什么时(?:候|间)(?:截止|截至|结束|停止)"
                      rf"|(?:what|which) {_EXACT}(?:date|day)|deadline",
                      re.I),
    "department": re.compile(
        # not those a service is open to (向哪些单位开放, 哪些单位可以申请): who may use it
        r"(?:哪个(?:部门|处室|处|单位|机构)|哪些(?:部门|处室|单位)|什么(?:部门|处室|单位))"
        r"(?!可以|可|能|开放|适用|享受)|归哪|"
        r"谁(?:来|负责|牵头|主办|管|领导|审核|审批|受理|办理)|由谁|负责(?:部门|单位|处室)"
        # 是谁, but not of a person counted by 位 (这位委员是谁: a person's name is asked)
        # or named by a title or trade (政协委员是谁, 院士是谁, 部长是谁, 设计师是谁),
        # nor anyone at all (是不是谁都能拿)
        r"|(?<!位)(?<!位.)(?<!位..)(?<!位...)(?<![员士长家师者])是谁(?![都也])"
        # 哪个 for 谁 in southwestern Mandarin: 哪个牵头管
        r"|哪个(?=牵头|负责|主管|来管|审核|审批|受理)"
        r"|(?:主管部门|牵头(?:单位|部门)?)(?:是|为|在哪)|联系哪|(?:联系|责任)(?:单位|部门|处室)"
        r"|which (?:office|department)|who is responsible|who (?:runs|organi[sz]es)", re.I),
    "condition": re.compile(
        r"条件|资格|门槛|需要满足|符合什么|什么(?:样的)?(?:人|企业)(?:可以|能)|哪些人可以|谁可以|"
        r"什么人(?:可以|能)|eligib|requirement|qualif", re.I),
    # a number to call: 「热线是多少」, not 「热线受理多少件」
    "phone": re.compile(
        r"(?:电话|热线|联系方式|手机号)(?:号码)?(?:是|为)?(?:多少|什么|几号)|打(?:什么|哪个)(?:电话|号码)"
        r"|(?:phone|telephone|hotline|contact) number|number to call", re.I),
    # an address to open (网址是多少, 给个链接, website address), not which site (哪个网站:
    # a site's name answers that)
    "web": re.compile(r"网址|网站地址|网页地址|官网地址|链接|域名|\bURL\b|\blink\b"
                      r"|web(?:site)? address|website url", re.I),
    # a street address (具体地址, 在哪条街, street address), not a web one (网站地址)
    "address": re.compile(r"(?<!网站)(?<!网页)(?<!官网)地址|门牌"
                          r"|(?:在|位于)哪条(?:街|路|大街|马路)|哪条(?:街|路|大街|马路)上"
                          r"|(?<!web )(?<!website )address", re.I),
    # who wrote or issued the document: its byline (作者单位, 本报记者, 发文单位)
    "author": re.compile(
        r"(?<![工合])作者[^，,。？?！!]{0,12}?(?:是谁|叫什么|名字|姓名|哪(?:个|家|所|里|儿|位)|什么单位"
        r"|来自|单位|在哪)|(?:哪位|哪个|谁是)作者|谁写的|是谁写|(?:单位|机构|部门|学校|党校)的?人?写的|写的(?:人|作者|单位)?(?:是|为)?(?:哪(?:个|家|位)|什么(?:人|单位)|谁)"
        r"|发文(?:单位|机关)|发布单位|印发单位|(?:哪个|什么)(?:单位|部门|机关)(?:发|印发|发布)的"
        r"|谁(?:发|印发|发布)的"
        # the writer as the head of a clause (写…这篇文章的是哪个单位的人)
        r"|(?:^|[，,])(?:写|撰写|执笔)[^，,。？?！!]{0,30}的人?(?:是|为)(?:谁|哪[个家位]|什么[人单])"
        r"|哪个记者|记者是谁|written by|issued by|published by"
        # who (actually) wrote, not who wrote back, to someone, or a debt off
        r"|\bwho (?:[a-z]+ ){0,2}?(?:wrote|authored)\b(?! (?:back|to|off|down)\b)"
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
    # an honour or title awarded: 「能评上什么称号」, 「荣誉称号叫什么」; not 职称, a grade
    "honour": re.compile(r"(?<![没无])(?<!没有)(?:什么|哪种|哪个|何种)(?:样的)?(?:人才|荣誉)?"
                         r"(?:称号|荣誉|头衔|名号)"
                         r"|(?:称号|头衔)(?:是|叫)什么|what (?:title|honou?r|award)s? (?:\w+ )?"
                         r"(?:get|got|given|award|receiv|win|won)", re.I),
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
                            # 需要的材料是什么, 材料有哪些: the materials named first
                            r"|(?:材料|资料|证件)(?:是|有|包括)(?:哪些|什么|啥)"
                            r"|what (?:documents|paperwork|materials)"
                            r"|which documents", re.I),
}

# (最多多少, 最少多少 ask a cap or a floor, not how much more)
_COMPARE = re.compile(r"差多少|相差|差距|差别|区别|不同|不一样|(?<!最)多多少|(?<!最)少多少"
                      r"|比较|对比|相比|哪个多"
                      r"|谁多|(?<!最)高多少|(?<!最)低多少|哪里更|哪边|[和跟][^，。？?]{1,8}比"
                      r"|哪[个项种样里边][^，。？?]{0,6}更[大多高低少长短早晚久快]"
                      # 比威海长, 比青岛多吗 (not 比例, 比重, 比如, 好比; nor 比以前快 or
                      # 同比增长多少, a change over time)
                      r"|(?<![好无类对相同环])比(?![例重如赛率值分较])"
                      r"(?!以前|之前|原来|过去|以往|往年|去年|前年|上年|上一年|当初)[^，。？?！!]{1,10}?"
                      r"[多少高低长短快慢早晚大小久](?!少)"
                      # 哪个高, 哪个涨得最快: the adjective ends what is asked
                      r"|哪[个边里家项][^，。？?]{0,8}?[大多高低少长短早晚久快慢](?:一?[些点])?"
                      r"(?=[呢啊呀吗嘛？?，,。！!]|$)"
                      r"|一样[吗么不嘛]|是不是一样|是否(?:一样|相同)|相同[吗么不]"
                      # 像威海那样: another place as the measure
                      r"|像[^，。？?]{1,8}(?:那样|一样|那种)"
                      r"|(?i:\b(?:higher|lower|more|less|better|bigger|larger|smaller|longer"
                      r"|shorter|faster|earlier|later)\b[^?]{0,30}\bthan\b"
                      r"|\bcompared? (?:to|with)\b|\bversus\b|\bvs\b|\bsame as\b)"
                      # like the Weihai one: a named place as the measure
                      r"|\blike (?:the |in |that in )?[A-Z][a-z]+")


def asks_comparison(query: str) -> bool:
    """True when a (simplified) question asks to compare (差多少, 区别, 哪个更 …).

    >>> asks_comparison("引导资金和贴息贷款，哪个数额更大？"), asks_comparison("哪个部门更合适")
    (True, False)
    >>> asks_comparison("博士比硕士多多少"), asks_comparison("住房补贴最高多少")
    (True, False)
    >>> asks_comparison("更多人才来崂山了吗"), asks_comparison("比例是多少")
    (False, False)
    >>> asks_comparison("免租期是不是比威海长？"), asks_comparison("哪个涨得最快？")
    (True, True)
    >>> asks_comparison("Is it higher than in Weihai?"), asks_comparison("哪个高新区有补贴")
    (True, False)
    """
    return bool(_COMPARE.search(query))


#: What each kind of fact is called when an answer says it is missing (「没有找到…的具体日期」).
KIND_NAMES: dict[str, str] = {
    "amount": "金额", "count": "数量", "duration": "期限", "date": "时间", "day": "具体日期",
    "year": "年份",
    "department": "负责部门", "condition": "条件", "phone": "联系电话", "discount": "折扣",
    "author": "作者或发文单位", "degree": "学历要求", "materials": "所需材料",
    "age": "年龄要求", "title": "标题", "area": "面积", "honour": "称号", "web": "网址",
    "address": "地址", "change": "变化幅度", "people": "人数",
}


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
    # 电话是多少, 多少岁, 网址是多少: a number or an address, not a count
    if {"phone", "age", "area", "web", "address"} & set(kinds) and "count" in kinds:
        kinds.remove("count")
    if ("department" in kinds
            and (document_reference_pattern().search(text) or quote_said(text))
            and not KIND_PATTERNS["department"].search(_said_by_whom(text))):
        # 文章里是谁建议…, 是谁说“…”的: whoever the text quotes, a person too
        kinds.remove("department")
    if "author" in kinds and "department" in kinds:
        # 哪个单位写的 asks the byline; 这个数据是哪个部门发布的 the source a sentence names
        # with the figures (人社部发布的数据显示…), not who wrote the document
        kinds.remove("author" if _DATA_SOURCE.search(text) else "department")
    for asked in ("amount", "count"):  # 打几折 asks a share of a price, not a sum or a count
        if "discount" in kinds and asked in kinds:
            kinds.remove(asked)
    return tuple(kinds)


@cache
def _who_said() -> re.Pattern[str]:
    """是谁 right before a verb of saying, the verb looked at in group 1 (是谁建议, 是谁提出;
    not 是谁说了算, who decides), read once."""
    verbs = sorted(saying_words(), key=len, reverse=True)
    return re.compile("是谁(?!说了算)(?=(" + "|".join(map(re.escape, verbs)) + "))")


def quote_said(text: str) -> bool:
    """True when 是谁 and a verb of saying go before a quoted passage, longer than a name
    (是谁说“高技能人才评价激励机制亟待完善”的): its speaker is asked, whoever it is; not a
    name quoted (是谁提出“人才强市”战略的: a body may have).

    >>> quote_said("是谁说“评价激励机制亟待完善”的"), quote_said("这项政策是谁提出的")
    (True, False)
    >>> quote_said("是谁提出“人才强市”战略的")
    False
    """
    for m in _who_said().finditer(text):
        after = text[m.end() + len(m.group(1)):].lstrip()
        quoted = re.match(r"[过了]?[“「『\"]([^”」』\"]*)", after)
        if quoted and len(quoted.group(1)) > CLAIM_CHARS:
            return True
    return False


def _said_by_whom(text: str) -> str:
    """``text`` without the 是谁 that asks who said something (「文章里是谁建议紧贴产业发展
    脉搏的」): in a document pointed at, a speaker it quotes, no department.

    >>> _said_by_whom("文章里是谁建议强化技能人才培养"), _said_by_whom("是谁说了算")
    ('文章里建议强化技能人才培养', '是谁说了算')
    """
    return _who_said().sub("", text)


# figures asked of by their source (这个数据是哪个部门发布的, 统计出自哪里)
_DATA_SOURCE = re.compile(r"(?:数据|数字|统计|调查|调研|排名)[^，,。？?！!]{0,8}(?:出自|来自|是)?"
                          r"(?:哪个|什么)(?:单位|部门|机关|机构)")


# the things themselves asked (分别是什么, 另外两个是什么, 是哪几个, 具体指什么, 叫什么)
_NAMES_ASKED = re.compile(r"(?:是|指)(?:什么|哪些|哪几|啥)|分别(?:是|叫|有)(?!多少|几)"
                          r"|叫(?:什么|啥)|有哪些")


def _ends_on_total(text: str) -> bool:
    """True when ``text`` ends on the total it wants, as a keyword query does (「某区
    2022年 人才总量」); not a yes-no question about a total (「会不会占绩效工资总量？」).

    >>> _ends_on_total("崂山 2022年 人才总量"), _ends_on_total("会不会占单位绩效工资总量？")
    (True, False)
    """
    end = text.rstrip(" ？?。!！")
    return any(end.endswith(w) for w in total_words()) and not YES_NO.search(text)
