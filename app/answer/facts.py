"""The key figure of an amount answer, read from the extracted fact rows.

For a question asking for an amount, the amount facts stated inside the best evidence
sentence become the answer's first line: the one for the asked degree or person
category when the question names one (「硕士：每月2000元生活津贴」), else every figure
the sentence gives. A fact with a narrower condition (「对……的」) leads only when the
question names its condition (「双一流」「千亿目标」企业 for the raised rate); otherwise
the general one does. Figures come from :func:`ingest.facts.extract_facts`, so the key
line and the 「补贴一览」 view can never disagree.

>>> from ingest.facts import extract_facts
>>> from ingest.types import Document
>>> doc = Document("d", "a.txt", "t", None, None, None, "威海",
...                "按照本科、硕士学历分别给予每月1000元、2000元的生活津贴；", "")
>>> [(f.beneficiary, amount_cell(f), benefit_label(f, doc.text)) for f in extract_facts(doc)]
[('本科', '每月1000元', '生活津贴'), ('硕士', '每月2000元', '生活津贴')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from app.answer.eligibility import degree_in, person_in
from app.answer.evidence import Candidate
from app.answer.question import QuestionInfo
from app.answer.scoring import normalise
from app.answer.script import simplified
from app.answer.terms import words
from ingest.facts import Fact
from ingest.types import Document
from lexicon import benefit_kinds, degree_aliases, money_words, person_categories

_LIST_ITEM = r"(?:[、,，和及]\s*[\u4e00-\u9fff]{0,8}?\s*\d[\d,.]*\s*[万千百亿]?\s*元)"
_LABEL_SKIP = re.compile(
    rf"^{_LIST_ITEM}*[、\s\d,.，至到\-—~～万千百亿元/]*的?(?:标准)?(?:发放|给予)?")
_LABEL = re.compile(r"^[“”\"]?([\u4e00-\u9fff“”]{2,12}?)(?:[，。；、,;：:（(）)\s]|以及|$)")
MAX_FIGURES = 3
#: content words a question shares with a fact's condition before that narrower fact leads
CONDITION_WORDS = 2


@dataclass(frozen=True)
class KeyFact:
    """One amount fact promoted to the answer's first line, and the sentence it is in."""

    fact: Fact
    who: str | None  # the asked degree or category it is for (None: as the clause says)
    label: str  # the benefit named after the figure (生活津贴), or ''
    source: Candidate


def amount_cell(fact: Fact, label: str = "") -> str:
    """The figure as written, with its period when neither the figure nor the benefit's
    name (``label``) says it."""
    text = re.sub(r"\s+", "", fact.amount_text or "")
    if fact.period and fact.period not in text and fact.period not in label:
        return f"{fact.period}{text}"
    return text


def benefit_label(fact: Fact, text: str) -> str:
    """The benefit named right after the figure (…5000元的生活津贴 -> 生活津贴), else the
    last benefit kind its clause names before it (生活补贴分别提高至每月5000元 -> 生活补贴),
    else ''.

    ``text`` is the fact's document text; a list of figures is skipped over.
    """
    rest = _LABEL_SKIP.sub("", simplified(text[fact.amount_end:fact.char_end]))
    m = _LABEL.match(rest)
    if m:
        return m.group(1).strip("“”\"")
    before = simplified(text[fact.char_start:fact.amount_start])
    named = [(before.rfind(w), len(w), w) for w in _benefit_names() if w in before]
    return max(named)[2] if named else ""


@cache
def _benefit_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for kind, aliases in benefit_kinds().items()
                               for w in (kind, *aliases)))


def _meeting(pairs: Sequence[tuple[Fact, Candidate]], q: QuestionInfo
             ) -> list[tuple[Fact, Candidate]]:
    """The facts whose condition the question names most (双一流, 千亿: the asker meets
    the narrower rule); none when no condition shares CONDITION_WORDS of its content
    words (one shared word, such as 企业, is as often only where the asker works)."""
    asked = {w for piece in q.content for w in words(piece) if not _names_someone(w)}
    conditions = {i: normalise(f.condition) for i, (f, _) in enumerate(pairs) if f.condition}
    scored = [(sum(w in condition for w in asked), i) for i, condition in conditions.items()]
    best = max((n for n, _ in scored), default=0)
    return [pairs[i] for n, i in scored if n >= CONDITION_WORDS and n == best]


def _named_benefit(pairs: Sequence[tuple[Fact, Candidate]], q: QuestionInfo,
                   documents: Mapping[str, Document]) -> list[tuple[Fact, Candidate]]:
    """The facts whose benefit's name holds a bigram of the question outside its words for
    money (一次 of 「一次性能拿多少补贴」 names the 一次性返乡留威补贴, not the monthly
    生活津贴; neither 补贴 nor 活补 of 生活补贴 does); none when all or none are so named."""
    runs = [r for p in q.content for r in _money_words().sub(" ", normalise(p)).split()]
    asked = {r[i:i + 2] for r in runs for i in range(len(r) - 1)}
    named = [(f, c) for f, c in pairs
             if any(b in normalise(benefit_label(f, documents[f.doc_id].text)) for b in asked)]
    return named if len(named) < len(pairs) else []


@cache
def _money_words() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(money_words(), key=len, reverse=True))))


@cache
def _someone_names() -> tuple[str, ...]:
    names = [*(alias for alias, _ in degree_aliases()),
             *(n for category, aliases in person_categories().items()
               for n in (category, *aliases))]
    return tuple(normalise(n) for n in names)


def _names_someone(word: str) -> bool:
    """True for a word inside a degree's or person category's name (毕业 of 高校毕业生):
    a condition holds the beneficiary too, so such words tell no narrower rule."""
    return any(word in name for name in _someone_names())


def _for(fact: Fact, who: str) -> bool:
    beneficiary = simplified(fact.beneficiary or "")
    return degree_in(who, beneficiary) or person_in(who, beneficiary)


def key_facts(q: QuestionInfo, chosen: Sequence[Candidate], facts: Iterable[Fact],
              documents: Mapping[str, Document]) -> list[KeyFact]:
    """The figures of the chosen sentences that answer an amount question (see module
    doc): for an asked degree or category its general rule first, from whichever chosen
    sentence states it; with none asked, the figures of the best sentence."""
    if "amount" not in q.kinds or not chosen:
        return []
    by_doc: dict[str, list[Fact]] = {}
    for f in facts:
        if f.kind == "amount":
            by_doc.setdefault(f.doc_id, []).append(f)
    inside = [(f, c) for c in chosen for f in by_doc.get(c.doc_id, ())
              if c.sentence.start <= f.amount_start < c.sentence.end]
    if not inside:
        return []
    wanted = (*q.degrees, *q.persons)
    out: list[KeyFact] = []
    for who in wanted:
        mine = [(f, c) for f, c in inside if _for(f, who)]
        named = _named_benefit(mine, q, documents) or mine
        general = (_meeting(mine, q) or [(f, c) for f, c in named if f.condition is None]
                   or named)
        if general:
            f, c = general[0]
            out.append(KeyFact(f, who, benefit_label(f, documents[f.doc_id].text), c))
    if out or (wanted and any(f.beneficiary for f, _ in inside)):
        return out
    best = chosen[0]
    return [KeyFact(f, None, benefit_label(f, documents[f.doc_id].text), best)
            for f, c in inside if c is best][:MAX_FIGURES]
