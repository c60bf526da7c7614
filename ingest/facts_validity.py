"""The end of a validity period a text states: 「有效期至2020年12月31日」,
「实施期限至…」, 「自2020年2月1日起施行，有效期2年」.

Only a stated end counts: 「自印发之日起施行」 alone states no period, so nothing is
returned and the listing says 未注明有效期. Pure functions over simplified text.

>>> stated_until("本通知自印发之日起施行，有效期至2020年12月31日。")
'2020-12-31'
>>> stated_until("本办法自2020年3月1日起施行，有效期2年。")
'2022-02-28'
>>> stated_until("本通知自印发之日起施行。") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_PERIOD_WORD = r"(?:有效期限?|执行期限?|实施期限?|施行期限?|政策期限|享受期限|申请期限|期限)"
_UNTIL = re.compile(
    rf"{_PERIOD_WORD}[^。；;，,]{{0,16}}?(?:至|到|截至|为)\s*(?:{_DATE}\s*至\s*)?{_DATE}"
    rf"|(?:执行|实施|施行|延长|有效)(?:至|到)\s*{_DATE}"
)
_YEARS = re.compile(
    rf"自\s*(?:{_DATE}|(?:印发|发布|公布)之日)\s*起[^。；;]{{0,12}}?有效期\s*"
    r"([0-9一二两三四五])\s*年"
)
_NUMERAL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_OWN = re.compile(r"本(?:通知|办法|措施|意见|方案|政策|细则|规定|决定|公告|通告|若干措施)")


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _add_years(start: dt.date, years: int) -> dt.date:
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - dt.timedelta(days=1)


def stated_until(text: str, issued: str | None = None) -> str | None:
    """The latest period end ``text`` states (ISO date), or None.

    ``issued`` (ISO date) dates 「自印发之日起…有效期N年」.
    """
    ends: list[dt.date] = []
    for m in _UNTIL.finditer(text):
        groups = [g for g in m.groups() if g is not None]
        end = _date(*groups[-3:])
        if end:
            ends.append(end)
    for m in _YEARS.finditer(text):
        start = _date(*m.group(1, 2, 3)) if m.group(1) else (
            dt.date.fromisoformat(issued) if issued else None)
        count = m.group(4)
        years = int(count) if count.isdigit() else _NUMERAL[count]
        if start:
            ends.append(_add_years(start, years))
    return max(ends).isoformat() if ends else None


def document_until(shadow: str, issued: str | None = None) -> str | None:
    """The period end stated for the whole document (a sentence naming 本通知/本办法…)."""
    ends = []
    for sentence in re.split(r"[。\n]", shadow):
        if _OWN.search(sentence):
            found = stated_until(sentence, issued)
            if found:
                ends.append(found)
    return max(ends) if ends else None
