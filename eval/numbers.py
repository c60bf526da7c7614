"""Extract numeric values from Chinese/English text so that 1万, 10000 and 一万 compare equal.

>>> sorted(extract_numbers("每月1000元、两千元，最高15万元"))
[1000.0, 2000.0, 150000.0]
"""

from __future__ import annotations

import re
import unicodedata

from ingest.facts_numbers import parse_cn_numeral

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_UNIT_CHARS = "十百千万萬亿億"
_CN_CHARS = "".join(_DIGITS) + _UNIT_CHARS

_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([" + _UNIT_CHARS + r"]*)")
_CHINESE = re.compile("[" + _CN_CHARS + "]+")
_WS = re.compile(r"\s+")


def parse_chinese_numeral(text: str) -> float:
    """Value of a Chinese numeral such as 一万, 两千五百, 十四, 千万 (ingest's parser).

    >>> parse_chinese_numeral("三千五百")
    3500.0
    >>> parse_chinese_numeral("千万")
    10000000.0
    """
    value = parse_cn_numeral(text)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return value


def _unit_multiplier(units: str) -> float:
    value = 1.0
    for ch in units:
        value *= _SMALL_UNITS.get(ch) or _BIG_UNITS[ch]
    return value


def extract_numbers(text: str) -> set[float]:
    """All numeric values in ``text`` (whitespace ignored, full-width digits folded).

    Arabic numbers take any following unit characters (``15万`` → 150000,
    ``5千`` → 5000, ``1.1亿`` → 110000000). Chinese numerals count only when they
    are at least two characters long, so that a lone 一, 千 or 万 inside a word
    (一是, 千秋, 万名) is not read as a number.
    """
    folded = unicodedata.normalize("NFKC", text)
    flat = _WS.sub("", folded)
    values: set[float] = set()
    for m in _ARABIC.finditer(flat):
        base = float(m.group(1).replace(",", ""))
        values.add(round(base * _unit_multiplier(m.group(2)), 6))
    masked = _ARABIC.sub(" ", folded)  # keep whitespace: it separates Chinese numerals
    for m in _CHINESE.finditer(masked):
        run = m.group(0)
        if len(run) < 2:
            continue
        values.add(round(parse_chinese_numeral(run), 6))
    return values
