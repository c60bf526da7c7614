"""Pure parsing of money amounts and counts in Simplified-Chinese text.

Used by :mod:`ingest.facts`; it knows nothing about documents.

>>> a = parse_amount("每月5000元")
>>> (a.text, a.value_min, a.value_max, a.unit, a.period)
('每月5000元', 5000.0, 5000.0, '元', '每月')
>>> parse_amount("全年引聚青年人才15万人以上").value_min
150000.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_MAGNITUDE = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}

_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+"
_S = r"[ \t\u3000\u2002\u2003\xa0\n]{0,3}"
_APPROX = r"(?:多|余)"
_MAG = r"(?:万亿|万|亿|千)"
_Q = (
    rf"(?:(?P<@d>{_DIGITS}){_S}(?P<@a1>{_APPROX})?{_S}(?P<@m>{_MAG})?"
    rf"|(?P<@c>{_CN})(?P<@a2>{_APPROX})?)"
)
_RANGE_SEP = r"(?:-|－|—|–|~|～|至|到)"
_UNIT = r"(?:元|人次|人|名|位|家|个|项|所|套|件|次)"
AMOUNT_RE = re.compile(
    r"(?<![0-9０-９A-Za-z.．])"
    + _Q.replace("@", "lo")
    + rf"(?:{_S}{_RANGE_SEP}{_S}"
    + _Q.replace("@", "hi")
    + ")?"
    + rf"{_S}(?P<a3>{_APPROX})?(?P<unit>{_UNIT})"
)
_PERIODS = ("每人每月", "每人每年", "每月", "每年", "一次性", "按月", "按年")
_PREFIX_RE = re.compile(
    r"(?:每人每月|每人每年|每月|每年|一次性|最高|不超过|最多|至多|高达|超过|逾|突破|不低于"
    r"|不少于|近|达到|上)\s{0,2}$"
)
_MAX_WORDS = ("最高", "不超过", "最多", "至多", "高达", "近")
_MIN_WORDS = ("超过", "逾", "突破", "不低于", "不少于", "上")
_PER_RE = re.compile(r"^\s?[/／]\s?(月|年)")
_SUFFIX_RE = re.compile(r"^\s{0,2}(以上|以内|以下|左右)")
_UNIT_MAP = {"名": "人", "位": "人"}
# A unit character that is really the start of a longer word (人才, 名校, 个工作日 ...).
_NOT_UNIT = {
    "人": "才员口力类民们事工士均数",
    "名": "校单义称额牌次",
    "家": "庭乡属长",
    "所": "以有在属得谓长示",
    "位": "于置次",
    "项": "目",
    "次": "性",
}
_NOT_UNIT_WORDS = {"个": ("工作日", "月", "小时", "百分点", "季度", "星期")}


@dataclass(frozen=True)
class AmountMatch:
    """One amount or count found in a text: span, bounds, unit and period.

    ``value_min``/``value_max`` are in 元 for money, in units (persons, items)
    otherwise; an open bound is ``None`` (最高 → no minimum, 以上 → no maximum).
    """

    start: int
    end: int
    text: str
    value_min: float | None
    value_max: float | None
    unit: str
    period: str | None
    qualifier: str | None

    @property
    def is_money(self) -> bool:
        """True for amounts in 元."""
        return self.unit == "元"


def parse_cn_numeral(text: str) -> float | None:
    """Value of a Chinese numeral such as 十五万, 两千, 千亿; None if not one.

    >>> parse_cn_numeral("十五万")
    150000.0
    """
    if not text or any(
        ch not in _CN_DIGITS and ch not in _CN_SMALL and ch not in _CN_LARGE for ch in text
    ):
        return None
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
        else:
            large = _CN_LARGE[ch]
            section += digit
            if section == 0 and total == 0:
                section = 1
            if large > 10_000 or total == 0:
                total = (total + section) * large
            else:
                total += section * large
            section, digit = 0, 0
    return float(total + section + digit)


def parse_number(text: str) -> float | None:
    """Value of 5000, 5,000, １２, 1.5万, 一万, 十五万 or 2亿; None if not a number.

    >>> parse_number("1.5万")
    15000.0
    """
    clean = re.sub(r"\s+", "", text).translate(_FULLWIDTH)
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|万|亿|千)?", clean)
    if m:
        return float(m.group(1).replace(",", "")) * _MAGNITUDE.get(m.group(2) or "", 1.0)
    return parse_cn_numeral(clean)


def _side(m: re.Match[str], p: str) -> tuple[float | None, str | None, bool]:
    """(value, magnitude, approx) for one side ("lo"/"hi") of an amount match."""
    if m.group(f"{p}d"):
        value = parse_number(m.group(f"{p}d"))
        mag = m.group(f"{p}m")
        if value is not None and mag:
            value *= _MAGNITUDE[mag]
        return value, mag, bool(m.group(f"{p}a1"))
    if m.group(f"{p}c"):
        return parse_cn_numeral(m.group(f"{p}c")), "cn", bool(m.group(f"{p}a2"))
    return None, None, False


def _is_noise(text: str, m: re.Match[str], prefix: str) -> bool:
    """Reject matches that are words, ordinals or small Chinese counts."""
    unit, after = m.group("unit"), text[m.end() : m.end() + 4]
    if after[:1] and after[:1] in _NOT_UNIT.get(unit, ""):
        return True
    if any(after.startswith(w) for w in _NOT_UNIT_WORDS.get(unit, ())):
        return True
    if prefix.endswith("第"):
        return True
    cn = m.group("loc")
    if cn:
        value = parse_cn_numeral(cn) or 0.0
        if value < 100:
            return True  # 一个, 两家, 三所: prose, not figures
        if cn in ("万", "亿", "千", "百") and not re.search(r"(近|上|逾|超|送|输送|培养)$", prefix):
            return unit == "人"  # 万人 as in 万人发明专利 is a rate, not a count
    return False


_NAME_END = re.compile(r"(计划|行动|工程|活动|项目|政策|行|会|赛|班|奖|基金)$")


def _quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """Short “…”, 「…」 or 《…》 quotations: (start, end, looks like a name)."""
    return [
        (q.start(), q.end(), q.group(0)[0] == "《" or bool(_NAME_END.search(q.group(0)[1:-1])))
        for q in re.finditer(r"“[^“”\n]{1,30}”|「[^「」\n]{1,30}」|《[^《》\n]{1,60}》", text)
    ]


def find_amounts(text: str, *, skip_quoted: bool = True) -> list[AmountMatch]:
    """Every amount or count in ``text`` (Simplified script), in order.

    The match span is widened over an adjacent period or bound word
    (每月, 最高, 超过 ... and a trailing 以上), so ``text[start:end]`` reads
    like 「每月5000元」 or 「15万人以上」.

    >>> [a.text for a in find_amounts("分别给予每月1000元、2000元")]
    ['每月1000元', '2000元']
    """
    quoted = _quoted_spans(text) if skip_quoted else []
    found: list[AmountMatch] = []
    for m in AMOUNT_RE.finditer(text):
        # Counts inside quotes are names (“百所高校千名博士青岛行”); money is kept
        # unless the quote is itself a name (“万元贷款计划”).
        if any(a <= m.start() < b and (name or m.group("unit") != "元") for a, b, name in quoted):
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        if _is_noise(text, m, before):
            continue
        lo, lo_mag, lo_approx = _side(m, "lo")
        hi, hi_mag, hi_approx = _side(m, "hi")
        if lo is None:
            continue
        if hi is not None and lo_mag is None and hi_mag not in (None, "cn"):
            lo *= _MAGNITUDE[hi_mag]  # 10-20万元: the magnitude applies to both ends
        start, period, words = m.start(), None, []
        while (p := _PREFIX_RE.search(text[max(0, start - 8) : start])) is not None:
            word = p.group(0).strip()
            if word == "上" and not m.group("loc"):
                break  # 上 only bounds a Chinese numeral (上百套)
            start -= len(p.group(0))
            if word in _PERIODS:
                period = period or word
            else:
                words.append(word)
        end = m.end()
        suffix = _SUFFIX_RE.match(text[end : end + 4])
        if suffix:
            end += len(suffix.group(0))
            words.append(suffix.group(1))
        per = _PER_RE.match(text[end : end + 4])
        if per and m.group("unit") == "元":
            end += len(per.group(0))
            period = period or ("每月" if per.group(1) == "月" else "每年")
        approx = lo_approx or hi_approx or bool(m.group("a3"))
        vmin, vmax, qualifier = _bounds(lo, hi, words, approx)
        unit = _UNIT_MAP.get(m.group("unit"), m.group("unit"))
        found.append(
            AmountMatch(
                start, end, text[start:end], _round(vmin), _round(vmax), unit, period, qualifier
            )
        )
    return found


def _bounds(
    lo: float, hi: float | None, words: list[str], approx: bool
) -> tuple[float | None, float | None, str | None]:
    """Lower bound, upper bound and the deciding bound word."""
    if hi is not None:
        return lo, hi, None
    for word in words:
        if word in _MAX_WORDS or word in ("以内", "以下"):
            return None, lo, word
    for word in words:
        if word in _MIN_WORDS or word == "以上":
            return lo, None, word
    if approx:
        return lo, None, "多"
    return lo, lo, words[0] if words else None


def _round(value: float | None) -> float | None:
    """Drop binary noise such as 1.1 * 1e8 = 110000000.00000001."""
    return None if value is None else round(value, 4)


def parse_amount(text: str) -> AmountMatch | None:
    """The first amount in ``text``, or None.

    >>> parse_amount("100万-300万元").value_max
    3000000.0
    """
    found = find_amounts(text)
    return found[0] if found else None
