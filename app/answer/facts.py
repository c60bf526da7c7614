"""Key-fact lines shown before the quotes, read from the extracted fact rows.

For a question naming one degree and asking for an amount, the amount fact
for that degree stated inside the best evidence sentence is shown first
(「要点：硕士每月2000元生活津贴[1]」), cited to that sentence. Only a general
rule counts: a fact with a condition (「对……的」, a narrower group) is not
promoted to a key fact. Figures come from :func:`ingest.facts.extract_facts`,
so the key line and the 「补贴一览」 view can never disagree.

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

from app.answer.evidence import Candidate
from app.answer.question import QuestionInfo
from app.answer.script import simplified
from ingest.facts import Fact
from ingest.types import Document

_LABEL_SKIP = re.compile(r"^[、\s\d,.，至到\-—~～万千百亿元/]*的?(?:标准)?(?:发放|给予)?")
_LABEL = re.compile(r"^[“”\"]?([\u4e00-\u9fff“”]{2,12}?)(?:[，。；、,;：:（(）)\s]|以及|$)")


@dataclass(frozen=True)
class KeyFact:
    """One short derived statement and the chosen sentence that supports it."""

    text: str
    source: Candidate


def amount_cell(fact: Fact) -> str:
    """The figure as written, with its period when the figure itself does not say it."""
    text = re.sub(r"\s+", "", fact.amount_text or "")
    return f"{fact.period}{text}" if fact.period and fact.period not in text else text


def benefit_label(fact: Fact, text: str) -> str:
    """The benefit named right after the figure (…5000元的生活津贴 -> 生活津贴), or ''.

    ``text`` is the fact's document text; a list of figures is skipped over.
    """
    rest = _LABEL_SKIP.sub("", simplified(text[fact.amount_end:fact.char_end]))
    m = _LABEL.match(rest)
    return m.group(1).strip("“”\"") if m else ""


def key_facts(q: QuestionInfo, chosen: Sequence[Candidate], facts: Iterable[Fact],
              documents: Mapping[str, Document]) -> list[KeyFact]:
    """The asked degree's figure from the best sentence, when a general rule states it.

    Only ``chosen[0]`` (the best evidence) is read, so the key figure is the one
    the question is about.
    """
    if "amount" not in q.kinds or len(q.degrees) != 1 or not chosen:
        return []
    degree, best = q.degrees[0], chosen[0]
    for fact in facts:
        inside = (fact.doc_id == best.doc_id
                  and best.sentence.start <= fact.amount_start < best.sentence.end)
        if (inside and fact.kind == "amount" and fact.beneficiary == degree
                and fact.condition is None):
            label = benefit_label(fact, documents[fact.doc_id].text)
            figure = amount_cell(fact)
            return [KeyFact(f"{degree}{figure}{label}" if label else f"{degree}：{figure}", best)]
    return []
