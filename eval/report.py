"""Write a run's artefacts: metrics.json, per_question.jsonl, plots, report.md, report.html."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.plots import plot_groups, plot_latency, plot_recall_curve
from eval.runner import RunResult

log = logging.getLogger(__name__)
HEADLINE = ("n_questions", "n", "n_excluded_unanswerable", "recall@1", "recall@3", "recall@5",
            "recall@10", "mrr@10", "ndcg@10", "doc_recall@1", "doc_recall@5", "doc_mrr@10",
            "answer_in_top5", "answer_fact", "rouge_l", "answer_chars_p50", "citation_validity",
            "n_invalid_citations",
            "citation_support", "refusal_precision", "refusal_recall", "false_refusal_rate",
            "answered_rate", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
            "retrieval_latency_p50_ms")
GROUP_COLS = ("n_questions", "recall@5", "doc_recall@5", "mrr@10", "answer_fact", "rouge_l",
              "citation_support", "refusal_recall", "false_refusal_rate")
N_FAILURES = 15


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def failure_score(rec: dict[str, Any]) -> float:
    """How bad a question went: higher is worse; 0 means no failure."""
    m = rec.get("answer_metrics", {})
    r = rec.get("retrieval", {})
    if not rec["answerable"]:
        return 3.0 if m.get("refused") == 0.0 else 0.0
    score = 0.0
    score += 2.0 if m.get("answer_fact") == 0.0 else 0.0
    score += 1.0 if r.get("recall@5") == 0.0 else 0.0
    score += 0.5 if r.get("doc_recall@5") == 0.0 else 0.0
    score += 3.0 * rec.get("n_invalid_citations", 0)
    score += 0.5 if m.get("citation_support") == 0.0 else 0.0
    return score


def worst_failures(records: Sequence[dict[str, Any]], n: int = N_FAILURES) -> list[dict[str, Any]]:
    """The ``n`` worst records (failure score > 0), worst first."""
    bad = [r for r in records if failure_score(r) > 0]
    return sorted(bad, key=lambda r: (-failure_score(r), r["id"]))[:n]


def _failure_md(rec: dict[str, Any]) -> list[str]:
    ans = rec.get("answer", {})
    lines = [f"### {rec['id']} ({rec['lang']}, {rec['kind']}) — score {failure_score(rec):.1f}",
             f"- question: {rec['question']}",
             f"- gold doc: {rec['doc'] or '(unanswerable)'}; reference: {rec['reference_answer']}",
             f"- evidence: {rec['evidence']}",
             f"- chunk rank: {_fmt(rec['chunk_rank'])}; doc rank: {_fmt(rec['doc_rank'])}",
             f"- answer (refused={ans.get('refused')}): {str(ans.get('text', ''))[:400]}",
             "- retrieved passages:"]
    for h in rec["hits"][:3]:
        flag = "RELEVANT" if h["relevant"] else ("gold doc" if h["gold_doc"] else "other")
        text = " ".join(str(h["text"]).split())[:220]
        lines.append(f"  {h['rank']}. [{flag}] {h['source']} › {h['section_path']}: {text}")
    return [*lines, ""]


def render_markdown(result: RunResult, plots: dict[str, str]) -> str:
    m = result.metrics
    out = ["# Evaluation report", "", "## Headline metrics", "", "| metric | value |",
           "|---|---|"]
    out += [f"| {k} | {_fmt(m.get(k))} |" for k in HEADLINE if k in m]
    for field in ("by_lang", "by_kind"):
        out += ["", f"## {field.replace('_', ' ')}", "",
                "| group | " + " | ".join(GROUP_COLS) + " |",
                "|---" * (len(GROUP_COLS) + 1) + "|"]
        for group, gm in m.get(field, {}).items():
            out.append(f"| {group} | " + " | ".join(_fmt(gm.get(c)) for c in GROUP_COLS) + " |")
    out += ["", "## Plots", ""] + [f"![{name}]({path})" for name, path in plots.items()]
    out += ["", f"## Worst failures (up to {N_FAILURES})", ""]
    for rec in worst_failures(result.records):
        out += _failure_md(rec)
    return "\n".join(out) + "\n"


def render_html(result: RunResult, plots: dict[str, str]) -> str:
    m = result.metrics
    e = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Evaluation report</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}"
             ".rel{color:#070}.other{color:#a00}li{margin:4px 0}</style></head><body>",
             "<h1>Evaluation report</h1><h2>Headline metrics</h2><table>"]
    parts += [f"<tr><th>{e(k)}</th><td>{e(_fmt(m.get(k)))}</td></tr>" for k in HEADLINE if k in m]
    parts.append("</table>")
    for field in ("by_lang", "by_kind"):
        parts.append(f"<h2>{e(field.replace('_', ' '))}</h2><table><tr><th>group</th>"
                     + "".join(f"<th>{e(c)}</th>" for c in GROUP_COLS) + "</tr>")
        for group, gm in m.get(field, {}).items():
            parts.append(f"<tr><th>{e(group)}</th>"
                         + "".join(f"<td>{e(_fmt(gm.get(c)))}</td>" for c in GROUP_COLS) + "</tr>")
        parts.append("</table>")
    parts.append("<h2>Plots</h2>")
    parts += [f"<img alt='{e(n)}' src='{e(p)}' style='max-width:48%'>" for n, p in plots.items()]
    parts.append(f"<h2>Worst failures (up to {N_FAILURES})</h2>")
    for rec in worst_failures(result.records):
        ans = rec.get("answer", {})
        parts.append(
            f"<h3>{e(rec['id'])} ({e(rec['lang'])}, {e(rec['kind'])})</h3><ul>"
            f"<li><b>question</b>: {e(rec['question'])}</li>"
            f"<li><b>gold doc</b>: {e(str(rec['doc']))}; <b>reference</b>: "
            f"{e(str(rec['reference_answer']))}</li>"
            f"<li><b>evidence</b>: {e(str(rec['evidence']))}</li>"
            f"<li><b>chunk rank</b> {e(_fmt(rec['chunk_rank']))}, <b>doc rank</b> "
            f"{e(_fmt(rec['doc_rank']))}</li>"
            f"<li><b>answer</b> (refused={e(str(ans.get('refused')))}): "
            f"{e(str(ans.get('text', ''))[:600])}</li></ul><ol>")
        for h in rec["hits"][:3]:
            cls = "rel" if h["relevant"] else "other"
            label = "relevant" if h["relevant"] else ("gold doc" if h["gold_doc"] else "other")
            parts.append(f"<li class='{cls}'>[{label}] {e(str(h['source']))} › "
                         f"{e(str(h['section_path']))}: {e(' '.join(str(h['text']).split())[:300])}"
                         "</li>")
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(result: RunResult, out_dir: Path) -> dict[str, Path]:
    """Write every artefact into ``out_dir`` and return their paths."""
    out_dir = Path(out_dir)
    plot_dir = out_dir / "plots"
    plot_dir.mkdir(parents=True, exist_ok=True)
    m = result.metrics
    files = {
        "recall_curve": plot_recall_curve(result.chunk_curve, result.doc_curve,
                                          plot_dir / "recall_at_k.png"),
        "by_kind": plot_groups(m.get("by_kind", {}), "Metrics by kind", plot_dir / "by_kind.png"),
        "by_lang": plot_groups(m.get("by_lang", {}), "Metrics by language",
                               plot_dir / "by_lang.png"),
        "latency": plot_latency([r.get("answer_seconds", 0.0) for r in result.records],
                                plot_dir / "latency.png"),
    }
    rel = {name: str(p.relative_to(out_dir)) for name, p in files.items()}
    paths = {"metrics": out_dir / "metrics.json", "per_question": out_dir / "per_question.jsonl",
             "markdown": out_dir / "report.md", "html": out_dir / "report.html", **files}
    metrics = dict(m, recall_curve_chunk=result.chunk_curve, recall_curve_doc=result.doc_curve)
    paths["metrics"].write_text(json.dumps(metrics, ensure_ascii=False, indent=2), "utf-8")
    with paths["per_question"].open("w", encoding="utf-8") as fh:
        for rec in result.records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    paths["markdown"].write_text(render_markdown(result, rel), "utf-8")
    paths["html"].write_text(render_html(result, rel), "utf-8")
    log.info("wrote report to %s", out_dir)
    return paths
