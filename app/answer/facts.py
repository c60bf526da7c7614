"""Key-fact lines shown before the quotes: the figure for the degree asked about.

Policies often list figures 「分别」 for several beneficiaries (按照本科、硕士、
博士学历分别给予每月 1000元、2000元、5000元) or pair them inline (博士研究生1万元、
硕士研究生5000元). For a question naming a degree, the matching figure is
pulled out and shown first, cited to the sentence it comes from. This is the
hook where extracted fact tables (issue 9) plug in: anything returning
:class:`KeyFact` rows can be shown the same way.

>>> degree_figures("按照本科、硕士、博士学历分别给予每月 1000元、2000元、5000元的生活津贴；")
{'本科': '每月1000元', '硕士': '每月2000元', '博士': '每月5000元'}
>>> degree_figures("按照博士研究生1万元、硕士研究生5000元的标准发放")["硕士"]
'5000元'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.answer.evidence import Candidate
from app.answer.question import QuestionInfo
from app.answer.script import simplified

_DEGREE = r"(?:博士(?!后)|硕士|本科|专科|大专)"
_AMOUNT = r"\d[\d,.]*\s*(?:万|千)?\s*元"
_LIST = re.compile(
    rf"((?:{_DEGREE}[^、，；。]{{0,6}}、)+{_DEGREE})[^；。]{{0,16}}?分别[^，；。\d]{{0,12}}?"
    rf"((?:{_AMOUNT}\s*、\s*)+{_AMOUNT})")
_PAIR = re.compile(rf"({_DEGREE})[^、，；。\d]{{0,6}}?({_AMOUNT})")
_PERIOD = re.compile(r"(每月|每年|一次性)")
_QUALIFIED = re.compile(r"(?:^|[，；])对")  # 「对……的」: a rule for a narrower group
_LABEL = re.compile(r"^[的\s]*(?:标准)?(?:发放|给予)?([\u4e00-\u9fff]{2,10}?)(?:[，；。,]|$)")


@dataclass(frozen=True)
class KeyFact:
    """One short derived statement and the chosen sentence that supports it."""

    text: str
    source: Candidate


def _clean(amount: str) -> str:
    return re.sub(r"\s+", "", amount)


def degree_figures(sentence: str) -> dict[str, str]:
    """Figures per degree stated in one sentence (``{}`` when none can be paired safely)."""
    text = re.sub(r"\s*\n\s*", "", simplified(sentence))
    out: dict[str, str] = {}
    for m in _LIST.finditer(text):
        degrees = re.findall(_DEGREE, m.group(1))
        amounts = [_clean(a) for a in re.split(r"\s*、\s*", m.group(2))]
        if len(degrees) == len(amounts):
            period = _PERIOD.search(text[m.start(1): m.start(2)])
            prefix = period.group(1) if period else ""
            for degree, amount in zip(degrees, amounts, strict=True):
                out.setdefault(degree.replace("大专", "专科"), f"{prefix}{amount}")
    if not out and "分别" not in text:  # an unpaired 分别 list is not guessed at
        for degree, amount in _PAIR.findall(text):
            out.setdefault(degree.replace("大专", "专科"), _clean(amount))
    return out


def benefit_label(sentence: str) -> str:
    """The benefit named right after the figures (的生活津贴 -> 生活津贴), or ''."""
    text = re.sub(r"\s+", "", simplified(sentence))
    amounts = list(re.finditer(_AMOUNT, text))
    if not amounts:
        return ""
    m = _LABEL.match(text[amounts[-1].end():])
    return m.group(1) if m else ""


def key_facts(q: QuestionInfo, chosen: Sequence[Candidate]) -> list[KeyFact]:
    """The asked degree's figure from the best sentence when it states a general rule.

    Only ``chosen[0]`` (the best evidence) is read, so the key figure is the one
    the question is about, never a figure for a narrower group (「对……的」).
    """
    if "amount" not in q.kinds or len(q.degrees) != 1:
        return []
    degree = q.degrees[0]
    facts: list[KeyFact] = []
    for c in chosen[:1]:
        head = re.split(_DEGREE, simplified(c.sentence.text), maxsplit=1)[0]
        figure = degree_figures(c.sentence.text).get(degree)
        if figure and not _QUALIFIED.search(head):
            label = benefit_label(c.sentence.text)
            facts.append(KeyFact(f"{degree}{figure}{label}" if label else
                                 f"{degree}：{figure}", c))
    return facts
