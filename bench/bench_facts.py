"""Precision and recall of extracted facts: on the sample corpus and on NCP notices.

Two labelled sets, reported separately:

- ``eval/data/amount_facts_gold.jsonl``, written by reading the five sample
  documents (the extraction rules were written on them too, so it is a regression
  check). ``economic_as_amounts`` lists its statistic/report rows (economic figures
  and news amounts) that came out as amount facts: it must stay empty.
- ``eval/data/ncp_amount_facts_gold.jsonl``: 180 money mentions sampled with a seed
  from the NCP dev documents and labelled by reading (``bench/facts_ncp.py``):
  precision, recall and region accuracy of amount facts on documents the rules were
  not written for. Also: department coverage over all NCP notices, and Chinese
  numeral parsing, ours against ``cn2an`` (when installed), on both sets' figures.

Sample gold rows: ``doc`` (file stem), ``kind`` ("amount" = a benefit in 元,
"target" = a count of persons or items or a money target, "statistic"/"report" =
a figure that is not a fact),
``amount_text`` and a short ``context`` around it as they read in the display
text with whitespace removed, bounds, unit, period and beneficiary.

Bound conventions: exact figures have ``value_min == value_max``; 最高/近 give
only ``value_max``; 以上/超过/突破/多/余/上百 give only ``value_min``; ranges
give both. Units: 元; 人 (also 名, 位); 人次; 个, 家, 所, 项, 套, 件, 次.
Out of scope for targets: percentages, dates, durations (5天, 3年, 7个工作日),
areas, numbers without a unit (人才总量突破23万), small Chinese numerals in
prose (两个, 三所) and numbers inside quoted names (“百所高校千名博士青岛行”).

A fact matches a gold row when doc and unit are equal, the normalised value
(both bounds, an open bound taken from the other) agrees within 0.1%, and the
fact's figure span overlaps the gold span; each side matches at most once.

Usage::

    python bench/bench_facts.py --corpus ../shared/corpus --ncp ../shared/benchmarks/ncp_policies
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.facts_ncp import (  # noqa: E402
    NCP_LABELS,
    department_coverage,
    load_labels,
    numeral_agreement,
    outside_frame,
    score_labels,
)
from ingest import ingest_corpus  # noqa: E402
from ingest.facts import Fact, extract_facts  # noqa: E402
from ingest.types import Document  # noqa: E402

log = logging.getLogger("bench_facts")
DEFAULT_GOLD = ROOT / "eval" / "data" / "amount_facts_gold.jsonl"
DEFAULT_NCP = ROOT.parent / "shared" / "benchmarks" / "ncp_policies"
NOT_FACTS = ("statistic", "report")


@dataclass(frozen=True)
class GoldRow:
    """One hand-checked figure."""

    doc: str
    kind: str
    amount_text: str
    context: str
    value_min: float | None
    value_max: float | None
    unit: str
    period: str | None
    beneficiary: str | None
    note: str = ""


@dataclass(frozen=True)
class Score:
    """Matching result for one kind."""

    kind: str
    n_gold: int
    n_extracted: int
    true_positives: int
    precision: float
    recall: float
    bounds_agree: float
    period_agree: float
    beneficiary_agree: float
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[GoldRow]:
    """Read the gold JSONL file; raise ValueError naming the bad line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(GoldRow(**json.loads(line)))
        except (TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}:{n}: not a gold row ({exc})") from exc
    return rows


def locate(text: str, context: str, amount_text: str) -> tuple[int, int] | None:
    """Span of ``amount_text`` inside ``context`` in ``text``, ignoring whitespace.

    >>> locate("给予 每月\\n1000元。", "给予每月1000元", "1000元")
    (6, 11)
    """
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in index)
    ctx = "".join(context.split())
    amt = "".join(amount_text.split())
    at = squeezed.find(ctx)
    inner = ctx.find(amt)
    if at < 0 or inner < 0:
        return None
    first = at + inner
    return index[first], index[first + len(amt) - 1] + 1


def _norm(vmin: float | None, vmax: float | None) -> tuple[float, float] | None:
    lo, hi = (vmin if vmin is not None else vmax), (vmax if vmax is not None else vmin)
    return None if lo is None or hi is None else (lo, hi)


def _close(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    return (
        a is not None
        and b is not None
        and all(math.isclose(x, y, rel_tol=1e-3) for x, y in zip(a, b, strict=True))
    )


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def score(
    kind: str, gold: Sequence[GoldRow], facts: Sequence[Fact], docs: dict[str, Document]
) -> Score:
    """Greedy one-to-one matching of ``facts`` of ``kind`` against ``gold`` rows."""
    gold = [g for g in gold if g.kind == kind]
    facts = [f for f in facts if f.kind == kind]
    stem_of = {d.doc_id: Path(d.source).stem for d in docs.values()}
    used: set[str] = set()
    matched: list[tuple[GoldRow, Fact]] = []
    missed, unlocated = [], []
    for g in gold:
        doc = next((d for d in docs.values() if Path(d.source).stem == g.doc), None)
        span = locate(doc.text, g.context, g.amount_text) if doc else None
        if span is None:
            unlocated.append(f"{g.doc}: {g.context}")
            continue
        hit = next(
            (
                f
                for f in facts
                if f.fact_id not in used
                and stem_of[f.doc_id] == g.doc
                and f.unit == g.unit
                and _close(_norm(f.value_min, f.value_max), _norm(g.value_min, g.value_max))
                and f.amount_start < span[1]
                and span[0] < f.amount_end
            ),
            None,
        )
        if hit is None:
            missed.append(f"{g.doc}: {g.amount_text} ({g.context})")
        else:
            used.add(hit.fact_id)
            matched.append((g, hit))
    tp = len(matched)
    spurious = [
        f"{stem_of[f.doc_id]}: {f.amount_text} ({f.quote[:40]})"
        for f in facts
        if f.fact_id not in used
    ]
    return Score(
        kind=kind,
        n_gold=len(gold),
        n_extracted=len(facts),
        true_positives=tp,
        precision=_rate(tp, len(facts)),
        recall=_rate(tp, len(gold)),
        bounds_agree=_rate(
            sum((g.value_min, g.value_max) == (f.value_min, f.value_max) for g, f in matched), tp
        ),
        period_agree=_rate(sum(g.period == f.period for g, f in matched), tp),
        beneficiary_agree=_rate(sum(g.beneficiary == f.beneficiary for g, f in matched), tp),
        missed=missed + unlocated,
        spurious=spurious,
        unlocated=unlocated,
    )


def facts_by_kind(facts: Iterable[Fact], docs: dict[str, Document]) -> dict[str, dict[str, int]]:
    """Counts of facts per document stem and kind."""
    counts: dict[str, Counter[str]] = {}
    for f in facts:
        counts.setdefault(Path(docs[f.doc_id].source).stem, Counter())[f.kind] += 1
    return {stem: dict(c) for stem, c in sorted(counts.items())}


def economic_as_amounts(
    gold: Sequence[GoldRow], facts: Sequence[Fact], docs: dict[str, Document]
) -> list[str]:
    """Gold figures that are not facts (statistics, news amounts) found as amounts."""
    out = []
    for g in gold:
        if g.kind not in NOT_FACTS:
            continue
        doc = next((d for d in docs.values() if Path(d.source).stem == g.doc), None)
        span = locate(doc.text, g.context, g.amount_text) if doc else None
        if span is None:
            out.append(f"{g.doc}: {g.context} (not located)")
            continue
        if any(f.kind == "amount" and f.doc_id == doc.doc_id and f.amount_start < span[1]
               and span[0] < f.amount_end for f in facts):
            out.append(f"{g.doc}: {g.amount_text} ({g.context})")
    return out


def run(corpus: Path, gold_path: Path = DEFAULT_GOLD) -> dict[str, object]:
    """Ingest ``corpus``, extract facts and score them; a JSON-ready report."""
    docs = {d.doc_id: d for d in ingest_corpus(corpus).documents}
    facts = [f for d in docs.values() for f in extract_facts(d)]
    gold = load_gold(gold_path)
    return {
        "corpus": str(corpus),
        "gold": str(gold_path),
        "scores": {k: asdict(score(k, gold, facts, docs)) for k in ("amount", "target")},
        "economic_as_amounts": economic_as_amounts(gold, facts, docs),
        "facts_per_document": facts_by_kind(facts, docs),
        "numerals": numeral_agreement(
            (g.amount_text, g.value_min, g.value_max) for g in gold if g.kind != "target"
            or g.unit == "元"),
    }


def run_ncp(ncp: Path, labels_path: Path = NCP_LABELS) -> dict[str, object]:
    """Amount facts on the labelled NCP mentions, and department coverage."""
    docs = {d.doc_id: d for d in ingest_corpus(ncp / "corpus").documents}
    facts = [f for d in docs.values() for f in extract_facts(d)]
    labels = load_labels(labels_path)
    stems = {row.doc for row in labels}
    return {
        "corpus": str(ncp / "corpus"),
        "labels": str(labels_path),
        "amount": score_labels(labels, facts, docs),
        "amount_facts_outside_sampling_frame": outside_frame(facts, docs, stems),
        "departments": department_coverage(list(docs.values()), facts),
        "numerals": numeral_agreement((r.mention, r.value_min, r.value_max) for r in labels),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; prints the report and optionally writes it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--ncp", type=Path, default=DEFAULT_NCP,
                        help="NCP benchmark folder (corpus/ inside); skipped when absent")
    parser.add_argument("--ncp-labels", type=Path, default=NCP_LABELS)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    for path in (args.corpus, args.gold, args.ncp_labels):
        if not path.exists():
            parser.error(f"not found: {path}")
    report = {"sample": run(args.corpus, args.gold)}
    if (args.ncp / "corpus").is_dir():
        report["ncp"] = run_ncp(args.ncp, args.ncp_labels)
    else:
        log.warning("no NCP corpus at %s; NCP figures skipped", args.ncp)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
        log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
