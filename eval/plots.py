"""Matplotlib PNG plots for the eval report (Agg backend, no display needed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # the backend is chosen above, before pyplot loads

_BAR_METRICS = (
    "recall@5", "doc_recall@5", "answer_fact", "citation_support", "refusal_recall"
)


def _save(fig: Any, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_recall_curve(chunk: Sequence[float], doc: Sequence[float], path: Path) -> Path:
    """Recall@k for k = 1..len(chunk) at chunk and document level."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ks = list(range(1, len(chunk) + 1))
    ax.plot(ks, chunk, marker="o", label="chunk (evidence)")
    ax.plot(list(range(1, len(doc) + 1)), doc, marker="s", label="document")
    ax.set_xlabel("k")
    ax.set_ylabel("Recall@k")
    ax.set_ylim(0, 1.05)
    ax.set_xticks(ks)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Recall@k")
    return _save(fig, path)


def plot_groups(groups: Mapping[str, Mapping[str, Any]], title: str, path: Path) -> Path:
    """Grouped bars: one group per tag value, one bar per headline metric."""
    names = list(groups)
    fig, ax = plt.subplots(figsize=(max(7, 1.3 * len(names) + 2), 4.5))
    width = 0.8 / len(_BAR_METRICS)
    for i, metric in enumerate(_BAR_METRICS):
        # a metric that does not apply to a group (None) is left out, not drawn as 0
        values = [float("nan") if (v := groups[g].get(metric)) is None else float(v)
                  for g in names]
        xs = [j + i * width for j in range(len(names))]
        ax.bar(xs, values, width=width, label=metric)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(names))])
    ax.set_xticklabels([f"{g}\n(n={groups[g].get('n_questions', '?')})" for g in names])
    ax.set_ylim(0, 1.05)
    ax.set_title(title)
    ax.legend(fontsize=8, ncols=len(_BAR_METRICS), loc="upper center",
              bbox_to_anchor=(0.5, -0.2), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return _save(fig, path)


def plot_latency(seconds: Sequence[float], path: Path) -> Path:
    """Histogram of end-to-end answer latency in milliseconds."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist([s * 1000.0 for s in seconds], bins=30, color="#4477aa")
    ax.set_xlabel("answer latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    ax.grid(alpha=0.3)
    return _save(fig, path)
