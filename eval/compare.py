"""Compare two metrics files side by side and gate on minimum values.

>>> parse_thresholds("recall@5=0.9, answer_fact=0.85")
{'recall@5': 0.9, 'answer_fact': 0.85}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.errors import EvalError


class CompareError(EvalError):
    """A metrics file or a threshold specification is invalid."""


@dataclass(frozen=True)
class Row:
    """One metric in both files; ``None`` where a file lacks it."""

    metric: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


def parse_thresholds(spec: str) -> dict[str, float]:
    """Parse ``metric=min,metric=min`` into a dict; raises CompareError on bad syntax."""
    out: dict[str, float] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            raise CompareError(
                f"bad threshold {part!r}: expected metric=minimum, e.g. recall@5=0.9"
            )
        try:
            out[name.strip()] = float(value)
        except ValueError as exc:
            raise CompareError(f"bad threshold {part!r}: {value!r} is not a number") from exc
    return out


def load_metrics(path: Path) -> dict[str, float]:
    """Top-level numeric entries of a metrics JSON file (nested breakdowns are ignored)."""
    path = Path(path)
    if not path.is_file():
        raise CompareError(f"metrics file not found: {path}")
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CompareError(f"{path}: invalid JSON at line {exc.lineno} ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise CompareError(f"{path}: expected a JSON object of metrics")
    return {
        k: float(v) for k, v in data.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }


def compare_metrics(
    a: Mapping[str, float], b: Mapping[str, float], thresholds: Mapping[str, float]
) -> tuple[list[Row], list[str]]:
    """Rows for every metric in either file, and gate failures for ``b``.

    A threshold fails when the metric in ``b`` is below it or missing from ``b``.

    >>> rows, fails = compare_metrics({"r": 0.8}, {"r": 0.7}, {"r": 0.75})
    >>> round(rows[0].delta, 2), fails
    (-0.1, ['r = 0.7000 is below the minimum 0.7500'])
    """
    names = list(a) + [k for k in b if k not in a]
    rows = [Row(n, a.get(n), b.get(n)) for n in names]
    failures: list[str] = []
    for name, minimum in thresholds.items():
        value = b.get(name)
        if value is None:
            failures.append(f"{name} is missing from the candidate metrics (minimum {minimum})")
        elif value < minimum:
            failures.append(f"{name} = {value:.4f} is below the minimum {minimum:.4f}")
    return rows, failures


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.4f}" if signed else f"{value:.4f}"


def format_table(rows: list[Row], name_a: str = "A", name_b: str = "B") -> str:
    """Plain-text table: metric, A, B, delta."""
    width = max([len("metric"), *(len(r.metric) for r in rows)])
    head = f"{'metric':<{width}}  {'A':>10}  {'B':>10}  {'delta':>10}"
    lines = [f"A = {name_a}", f"B = {name_b}", head, "-" * len(head)]
    lines += [
        f"{r.metric:<{width}}  {_fmt(r.a):>10}  {_fmt(r.b):>10}  {_fmt(r.delta, True):>10}"
        for r in rows
    ]
    return "\n".join(lines)
