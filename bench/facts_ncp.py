"""Fact benchmarks on the NCP notices: the labelled amount clauses, department
coverage, and Chinese-numeral parsing (ours against ``cn2an``).

The labelled set is ``eval/data/ncp_amount_facts_gold.jsonl`` (see the README there):
money mentions sampled from the dev documents. An extracted amount fact *keeps* a
mention when its figure span overlaps the mention; precision is over the kept
mentions (a kept non-benefit is a false positive), recall over the benefit mentions.
Region accuracy is over the kept mentions: the fact's region names the same place as
the label (both 全国, or both unknown, count as the same).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.facts import Fact, shadow_text
from ingest.facts_numbers import find_amounts
from ingest.types import Document
from lexicon import resolve

ROOT = Path(__file__).resolve().parents[1]
NCP_LABELS = ROOT / "eval" / "data" / "ncp_amount_facts_gold.jsonl"
_MONEY_RE = re.compile(
    r"(?:[0-9０-９][0-9０-９,，.．]*|[零〇一二两三四五六七八九十百千万亿]+)"
    r"\s*(?:多|余)?\s*(?:万亿|万|亿|千)?\s*(?:多|余)?元"
)


@dataclass(frozen=True)
class Label:
    """One labelled money mention (fields as in the JSONL file)."""

    id: str
    doc: str
    mention: str
    context: str
    sentence: str
    is_benefit: bool
    category: str
    beneficiary: str | None
    value_min: float | None
    value_max: float | None
    period: str | None
    region: str | None
    note: str = ""


def load_labels(path: Path = NCP_LABELS) -> list[Label]:
    """The labelled mentions; ValueError naming a bad line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(Label(**json.loads(line)))
            except (TypeError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}:{n}: not a label row ({exc})") from exc
    return rows


def locate(text: str, context: str, mention: str) -> tuple[int, int] | None:
    """Span of ``mention`` inside ``context`` in ``text``, ignoring whitespace.

    >>> locate("给予 每月\\n1000元。", "给予每月1000元", "1000元")
    (6, 11)
    """
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in index)
    ctx, amt = "".join(context.split()), "".join(mention.split())
    at, inner = squeezed.find(ctx), ctx.find(amt)
    if at < 0 or inner < 0:
        return None
    return index[at + inner], index[at + inner + len(amt) - 1] + 1


def same_region(found: str | None, label: str | None) -> bool:
    """True when two region names name the same place (全国 = 全国, None = None)."""
    if not found or not label:
        return not found and not label
    if found == label:
        return True
    a, b = resolve(found), resolve(label)
    return a is not None and b is not None and a.code == b.code


def _norm(lo: float | None, hi: float | None) -> tuple[float, float] | None:
    lo, hi = (lo if lo is not None else hi), (hi if hi is not None else lo)
    return None if lo is None or hi is None else (lo, hi)


def _close(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    return a is not None and b is not None and all(
        math.isclose(x, y, rel_tol=1e-3) for x, y in zip(a, b, strict=True))


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def score_labels(labels: Sequence[Label], facts: Iterable[Fact],
                 docs: Mapping[str, Document]) -> dict[str, object]:
    """Precision, recall, region and value agreement of amount facts on ``labels``."""
    by_stem = {Path(d.source).stem: d for d in docs.values()}
    amounts: dict[str, list[Fact]] = {}
    for f in facts:
        if f.kind == "amount":
            amounts.setdefault(f.doc_id, []).append(f)
    kept, missed, spurious, wrong_region, unlocated = [], [], [], [], []
    for row in labels:
        doc = by_stem.get(row.doc)
        span = locate(doc.text, row.context, row.mention) if doc else None
        if doc is None or span is None:
            unlocated.append(row.id)
            continue
        hit = next((f for f in amounts.get(doc.doc_id, ())
                    if f.amount_start < span[1] and span[0] < f.amount_end), None)
        if hit is None:
            if row.is_benefit:
                missed.append(f"{row.id} {row.mention}: {row.sentence[:60]}")
            continue
        kept.append((row, hit))
        if not row.is_benefit:
            spurious.append(f"{row.id} {row.mention} ({row.category}): {row.sentence[:60]}")
        if not same_region(hit.region, row.region):
            wrong_region.append(f"{row.id} {row.mention}: {hit.region} != {row.region}")
    tp = [(r, f) for r, f in kept if r.is_benefit]
    benefits = sum(r.is_benefit for r in labels if r.id not in unlocated)
    return {
        "n_labels": len(labels), "n_benefits": benefits, "n_kept": len(kept),
        "true_positives": len(tp),
        "precision": _rate(len(tp), len(kept)), "recall": _rate(len(tp), benefits),
        "region_accuracy": _rate(len(kept) - len(wrong_region), len(kept)),
        "value_agree": _rate(sum(_close(_norm(f.value_min, f.value_max),
                                        _norm(r.value_min, r.value_max)) for r, f in tp), len(tp)),
        "bounds_agree": _rate(sum((f.value_min, f.value_max) == (r.value_min, r.value_max)
                                  for r, f in tp), len(tp)),
        "period_agree": _rate(sum(f.period == r.period for r, f in tp), len(tp)),
        "missed": missed, "spurious": spurious, "wrong_region": wrong_region,
        "unlocated": unlocated,
    }


_DEPT_LABEL = re.compile(
    r"(?:^|[（(。；;\s）)])\s*(?:责任处室|责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门"
    r"|协办单位|主管部门|负责单位)\s*[:：]")
_DEPT_BY = re.compile(r"由([^，,。；;\n]{2,30}?)负责(?!人)")
_OFFICE = re.compile(r"局|委|厅|办|部|中心|政府|指挥部|海关")
_VAGUE = re.compile(r"^(?:各?相关|有关|各|其他各相关|各责任)?(?:部门|单位)$")


def names_department(shadow: str) -> bool:
    """A generous, extractor-independent test: does the notice name a responsible
    department in one of the common forms (a labelled list, or 由…负责 with an office)?"""
    if _DEPT_LABEL.search(shadow):
        return True
    return any(_OFFICE.search(m.group(1)) and not _VAGUE.match(m.group(1))
               for m in _DEPT_BY.finditer(shadow))


def department_coverage(docs: Sequence[Document], facts: Iterable[Fact]) -> dict[str, object]:
    """Share of notices naming a department that get at least one department fact."""
    with_facts = {f.doc_id for f in facts if f.kind == "department"}
    naming = [d for d in docs if names_department(shadow_text(d.text))]
    found = [d for d in naming if d.doc_id in with_facts]
    return {
        "n_documents": len(docs), "n_naming_a_department": len(naming),
        "n_with_department_facts": len(found), "coverage": _rate(len(found), len(naming)),
        "not_found": [Path(d.source).stem for d in naming if d.doc_id not in with_facts],
        "facts_outside_detector": len(with_facts - {d.doc_id for d in naming}),
    }


def outside_frame(facts: Iterable[Fact], docs: Mapping[str, Document],
                  stems: set[str]) -> int:
    """Amount facts in the labelled documents that the sampling pattern never saw."""
    count = 0
    for f in facts:
        doc = docs[f.doc_id]
        if f.kind != "amount" or Path(doc.source).stem not in stems:
            continue
        spans = [m.span() for m in _MONEY_RE.finditer(shadow_text(doc.text))]
        count += not any(a < f.amount_end and f.amount_start < b for a, b in spans)
    return count


_NUMERAL = re.compile(r"[0-9.]+[万亿千]*|[零〇一二两三四五六七八九十百千万亿]+")


def _cn2an_values(text: str) -> list[float] | None:
    import cn2an  # optional: only this comparison needs it

    values = []
    # approximation words are not numerals: 500多万元 -> 500万元 (fair to the library)
    for part in _NUMERAL.findall(re.sub(r"[,多余近约]", "", text)):
        try:
            values.append(float(cn2an.cn2an(part, "smart")))
        except (ValueError, KeyError):
            return None
    return values


def numeral_agreement(items: Iterable[tuple[str, float | None, float | None]]
                      ) -> dict[str, object]:
    """How often each parser reads a figure's numbers as labelled: ours
    (:func:`ingest.facts_numbers.find_amounts`) and ``cn2an`` (mode ``smart``) when
    installed. ``items`` are (figure text, value_min, value_max) with gold values."""
    def same(got: list[float], want: list[float]) -> bool:
        return len(got) == len(want) and all(
            math.isclose(a, b) for a, b in zip(got, want, strict=True))

    ours = theirs = total = 0
    available = True
    for text, lo, hi in items:
        want = sorted({v for v in (lo, hi) if v is not None})
        if not want:
            continue
        total += 1
        found = find_amounts(text)
        got = sorted({v for v in (found[0].value_min, found[0].value_max) if v is not None}
                     ) if found else []
        ours += same(got, want)
        try:
            values = _cn2an_values(text)
        except ImportError:
            available = False
            continue
        theirs += same(sorted(set(values or [])), want)
    return {"n": total, "ours": _rate(ours, total),
            "cn2an": _rate(theirs, total) if available else "not installed"}
