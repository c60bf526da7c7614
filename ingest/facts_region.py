"""The region of a fact: the region of the policy that grants it.

Read in this order: the place that is the subject of the fact's sentence (or of the
sentence it continues: 「海南省宣布…。其中对新建…每个基地补助…」), then the region
the document's title or issuer names, then the manifest's region. A place in the
sentence that is a destination, origin or object (赴湖北, 对武汉, 威海籍) is not the
granting body. A notice whose heading names a region keeps it unless the sentence
names a place inside it; an article placed only by its opening lines (a news story)
takes the region its sentence names. Nothing found: ``None`` (shown as 未注明) — never
the document's most frequent place.

>>> from ingest.types import Document
>>> text = "青岛人才工作综述。今年，海南省宣布新建基地。其中每个基地补助100万元。"
>>> doc = Document("d", "a.txt", "人才工作综述", None, None, None, "青岛市", text, text)
>>> reader = RegionReader(doc, text)
>>> reader.region_at(text.index("100万元")), reader.region_at(3)
('海南省', '青岛市')
"""

from __future__ import annotations

import re
from functools import cache

from ingest.facts_context import SENTENCE_END, clause_span
from ingest.regions import heading_region, infer_region, local_body_place, opening_region
from ingest.script import to_simplified
from ingest.types import Document
from lexicon import NATIONAL, gazetteer, national_bodies, region_cues, region_relation

_LOOK_BEFORE = 2


@cache
def _continues_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in region_cues()["continues"])
    return re.compile(rf"^\s*(?:{words})")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    return clause_span(text, pos, SENTENCE_END)


def subject_place(sentence: str) -> str | None:
    """The first place ``sentence`` names that is not a destination, origin or object.

    >>> subject_place("在湖北相邻的安徽省，政府对企业给予补助")
    '安徽省'
    >>> subject_place("对威海籍毕业生发放补贴") is None
    True
    """
    cues = region_cues()
    for m in gazetteer().find(sentence, unknown=False):
        before = sentence[max(0, m.start - _LOOK_BEFORE) : m.start]
        after = sentence[m.end : m.end + 2]
        if any(before.endswith(w) for w in cues["not_before"]):
            continue
        if any(after.startswith(w) for w in cues["not_after"]):
            continue
        return m.place.name
    return None


def _outside_titles(sentence: str) -> str:
    """``sentence`` with 《…》 titles blanked (a cited national document grants nothing)."""
    return re.sub(r"《[^《》]*》", lambda m: " " * len(m.group(0)), sentence)


def national_subject(sentence: str) -> bool:
    """True when a central body (中央财政, 财政部 …) acts in ``sentence``, not only cited.

    >>> national_subject("补助资金由中央财政全额负担"), national_subject("根据《国务院办公厅通知》")
    (True, False)
    """
    text = _outside_titles(sentence)
    return any(body in text for body in national_bodies())


def issuer_first(title: str, issuer: str) -> str | None:
    """The region of a notice's heading, preferring the issuer's place when it lies
    inside the title's (「本区落实北京市…政策」 issued by 北京市海淀区人民政府 -> 海淀区).

    >>> issuer_first("关于本区落实北京市政策的通知", "北京市海淀区人民政府")
    '海淀区'
    """
    title_region = heading_region(title, None)
    issuer_region = infer_region(issuer) if issuer else None
    issuer_region = issuer_region or (local_body_place(issuer) if issuer else None)
    if title_region and issuer_region and title_region != NATIONAL and region_relation(
            title_region, issuer_region) == "inside":
        return issuer_region
    return title_region or issuer_region


class RegionReader:
    """Region of each position in one document (its heading read once)."""

    def __init__(self, doc: Document, shadow: str) -> None:
        self._shadow = shadow
        title = to_simplified(doc.title)
        issuer = to_simplified(doc.issuer or "")
        self.heading = issuer_first(title, issuer)
        opening = None if self.heading else opening_region(title, shadow)
        # A region neither the heading nor the opening lines give came from a manifest.
        known = (self.heading, opening, heading_region(title, issuer))
        inferred = doc.region in known or any(
            k and doc.region and region_relation(k, doc.region) == "same" for k in known)
        self.manifest = doc.region if not inferred else None
        # The opening lines place a story only by a place they name: a local notice often
        # opens by citing central documents, which does not make it national.
        self.opening = opening if opening != NATIONAL else None

    def _sentence_place(self, pos: int) -> str | None:
        start, end = _sentence(self._shadow, pos)
        sentence = self._shadow[start:end]
        place = subject_place(sentence)
        if place is None and _continues_re().match(sentence) and start > 0:
            p_start, p_end = _sentence(self._shadow, max(0, start - 2))
            sentence = self._shadow[p_start:p_end]
            place = subject_place(sentence)
        if place is None and national_subject(sentence):
            return NATIONAL
        return place

    def region_at(self, pos: int) -> str | None:
        """Region of the policy stated at ``pos`` (full name, 全国, or None)."""
        place = self._sentence_place(pos)
        strong = self.heading or self.manifest
        if strong:
            if place and place != NATIONAL and strong != NATIONAL and region_relation(
                    strong, place) in (
                    "same", "inside"):
                return place  # the sentence names a part of the notice's region
            return strong
        return place or self.opening
