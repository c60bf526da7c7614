"""What the policy library holds, said plainly: regions, document count, latest date.

Everything is read from the documents' own metadata (``Document.region`` and
``Document.date``, inferred at ingest or given in a manifest), never from a list
kept in code, so the sentence follows whatever corpus is indexed.

>>> from ingest.types import Document
>>> docs = [Document("a", "a.txt", "甲", None, "2024-01-09", None, "青岛", "x", "x"),
...         Document("b", "b.txt", "乙", None, "2025-04-07", None, "青岛", "x", "x"),
...         Document("c", "c.txt", "丙", None, None, None, "威海", "x", "x")]
>>> coverage_sentence(summarize(docs), "hans")
'政策库目前收录 3 份文件，涉及地区：青岛（2 份）、威海（1 份），最新文件日期为 2025-04-07。'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.answer.script import Script, in_script
from ingest.types import Document

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Coverage:
    """A summary of an index's documents.

    ``regions`` holds ``(region, number of documents)`` pairs, most documents
    first (ties in name order); documents without a region are counted in
    ``n_unplaced``. ``latest_date`` is the newest ISO date any document carries.
    """

    n_documents: int
    regions: tuple[tuple[str, int], ...]
    n_unplaced: int
    latest_date: str | None

    @property
    def region_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.regions)


def summarize(documents: Iterable[Document]) -> Coverage:
    """Count documents per region and find the latest date."""
    docs = list(documents)
    counts = Counter(d.region for d in docs if d.region)
    regions = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    dates = [d.date for d in docs if d.date and _ISO_DATE.match(d.date)]
    return Coverage(
        n_documents=len(docs),
        regions=regions,
        n_unplaced=sum(1 for d in docs if not d.region),
        latest_date=max(dates) if dates else None,
    )


def coverage_sentence(coverage: Coverage, script: Script = "hans", *, max_regions: int = 8) -> str:
    """One sentence naming what the library holds, in the question's script.

    At most ``max_regions`` regions are named (the ones with most documents);
    the rest are counted. Region names stay as the documents write them.

    >>> c = Coverage(599, (("北京", 40), ("上海", 30), ("深圳", 2)), 10, "2020-03-01")
    >>> for part in coverage_sentence(c, "hans", max_regions=2).split("，"):
    ...     print(part)
    政策库目前收录 599 份文件
    涉及地区：北京（40 份）、上海（30 份）等 3 个地区
    另有 10 份未注明地区
    最新文件日期为 2020-03-01。
    >>> for part in coverage_sentence(c, "en", max_regions=2).split("; "):
    ...     print(part)
    The library holds 599 documents, covering 北京 (40), 上海 (30) and 1 more region
    10 name no region
    latest dated 2020-03-01.
    """
    if coverage.n_documents == 0:
        return "The library holds no documents yet." if script == "en" else in_script(
            "政策库中还没有文件。", script)
    shown = coverage.regions[:max_regions]
    hidden = len(coverage.regions) - len(shown)
    if script == "en":
        return _english(coverage, shown, hidden)
    parts = [f"政策库目前收录 {coverage.n_documents} 份文件"]
    if shown:
        listed = "、".join(f"{name}（{n} 份）" for name, n in shown)
        more = f"等 {len(coverage.regions)} 个地区" if hidden else ""
        parts.append(f"涉及地区：{listed}{more}")
        if coverage.n_unplaced:
            parts.append(f"另有 {coverage.n_unplaced} 份未注明地区")
    if coverage.latest_date:
        parts.append(f"最新文件日期为 {coverage.latest_date}")
    return in_script("，".join(parts) + "。", script)


def _english(coverage: Coverage, shown: tuple[tuple[str, int], ...], hidden: int) -> str:
    noun = "document" if coverage.n_documents == 1 else "documents"
    text = f"The library holds {coverage.n_documents} {noun}"
    if shown:
        listed = ", ".join(f"{name} ({n})" for name, n in shown)
        if hidden:
            listed += f" and {hidden} more region{'s' if hidden > 1 else ''}"
        text += f", covering {listed}"
        if coverage.n_unplaced:
            text += f"; {coverage.n_unplaced} name no region"
    if coverage.latest_date:
        text += f"; latest dated {coverage.latest_date}"
    return text + "."
