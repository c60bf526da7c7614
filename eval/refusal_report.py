"""The refusal test's outputs: ``refusal.json``, ``refusal.md`` and the stdout summary.

>>> summary_text({"command": "python -m eval refusal ...", "refusal_rate": 0.5,
...     "false_refusal_rate": None, "n_unanswerable": 2, "n_refused_unanswerable": 1,
...     "n_answerable": 0, "n_refused_answerable": 0}).splitlines()[1]
'refused unanswerable   0.500  (1 of 2)'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.errors import EvalError
from eval.holdout import BIGRAM_SHARE, refusal_figures
from eval.refusal import HoldOutPlan, RefusalConfig, model_name

#: Examples of each kind of error kept in the report.
MAX_EXAMPLES = 10
#: Of those, how many the stdout summary shows.
SUMMARY_EXAMPLES = 3
JSON_NAME = "refusal.json"
MD_NAME = "refusal.md"


def _example(r: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("id", "question", "answer", "doc", "gold_source", "reference_answer", "reason")
    return {k: r[k] for k in keys}


def place_note_counts(unans: Sequence[Mapping[str, Any]], ans: Sequence[Mapping[str, Any]]
                      ) -> dict[str, int]:
    """Answers (not refusals) whose first line says the asked place has no rules of its
    own (「没有找到天津市本地的规定。以下是国家层面的规定：」), per group: told, though not
    refused. Records without the field (older reports) count as not told."""
    return {
        "n_place_not_covered_unanswerable": sum(bool(r.get("place_not_covered")) for r in unans),
        "n_place_not_covered_answerable": sum(bool(r.get("place_not_covered")) for r in ans),
    }


def refusal_report(config: RefusalConfig, command: str, plan: HoldOutPlan,
                   records: Sequence[Mapping[str, Any]], *, n_corpus_documents: int,
                   seconds: float) -> dict[str, Any]:
    """The ``refusal.json`` content: command, parameters, figures, counts, examples, records.

    Figures and counts are flat top-level numbers, so ``python -m eval compare``
    can gate on them (``answered_rate`` is 1 - ``false_refusal_rate``).
    """
    unans = [r for r in records if r["group"] == "unanswerable"]
    ans = [r for r in records if r["group"] == "answerable"]
    figures = refusal_figures([r["refused"] for r in unans], [r["refused"] for r in ans])
    return {
        "command": command,
        "parameters": {"corpus": str(config.corpus), "questions": str(config.questions),
                       "holdout": config.holdout, "seed": config.seed,
                       "model": model_name(config), "k": config.k,
                       "min_questions": config.min_questions, "bigram_share": BIGRAM_SHARE},
        **figures,
        **place_note_counts(unans, ans),
        "n_unanswerable": len(unans),
        "n_answerable": len(ans),
        "n_answerable_pool": plan.split.n_answerable_pool,
        "n_answer_still_in_corpus": len(plan.split.answer_remains),
        "n_questions": len(records),
        "n_questions_in_file": plan.n_questions_in_file,
        "n_gold_doc_missing": plan.n_gold_doc_missing,
        "n_gold_documents": len(set(plan.gold_of.values())),
        "n_held_out_documents": len(plan.held_out),
        "n_removed_files": len(plan.leaving),
        "n_corpus_documents": n_corpus_documents,
        "n_index_documents": n_corpus_documents - len(plan.held_out),
        "seconds": round(seconds, 1),
        "held_out_documents": list(plan.held_out),
        "removed_copies": sorted(plan.leaving - set(plan.held_out)),
        "errors": {
            "unanswerable_answered": [_example(r) for r in unans if not r["refused"]][
                :MAX_EXAMPLES],
            "answerable_refused": [_example(r) for r in ans if r["refused"]][:MAX_EXAMPLES],
        },
        "answer_still_in_corpus": [
            {"id": q.id, "doc": q.doc, "reference_answer": q.answer, "found_in": where}
            for q, where in plan.split.answer_remains[:MAX_EXAMPLES]],
        "records": list(records),
    }


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def summary_text(report: Mapping[str, Any]) -> str:
    """One screen for stdout: the command, the figures with their counts, a few errors."""
    lines = [
        f"command: {report['command']}",
        f"refused unanswerable   {_rate(report['refusal_rate'])}  "
        f"({report['n_refused_unanswerable']} of {report['n_unanswerable']})",
        f"refused answerable     {_rate(report['false_refusal_rate'])}  "
        f"({report['n_refused_answerable']} of {report['n_answerable']})",
    ]
    if "n_place_not_covered_unanswerable" in report:
        lines.append(
            "answered, told the asked place has no rules of its own: "
            f"{report['n_place_not_covered_unanswerable']} unanswerable, "
            f"{report['n_place_not_covered_answerable']} answerable")
    if "n_held_out_documents" in report:
        lines.append(
            f"held out {report['n_held_out_documents']} of {report['n_gold_documents']} gold "
            f"documents ({report['n_removed_files']} files with copies); "
            f"{report['n_answer_still_in_corpus']} question(s) kept their answer elsewhere")
    errors = report.get("errors", {})
    for key, label in (("unanswerable_answered", "answered, answer had left"),
                       ("answerable_refused", "refused, gold doc indexed")):
        for r in errors.get(key, [])[:SUMMARY_EXAMPLES]:
            lines.append(f"  {label}: {_one_line(r['question'], 40)} -> "
                         f"{_one_line(r['answer'], 60)}")
    return "\n".join(lines)


def _one_line(text: str | None, limit: int = 120) -> str:
    flat = " ".join(str(text or "").split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _error_table(title: str, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [f"## {title}", ""]
    if not rows:
        return [*lines, "None.", ""]
    lines += ["| id | question | our answer | reference answer | gold doc |",
              "|---|---|---|---|---|"]
    lines += [f"| {r['id']} | {_one_line(r['question'])} | {_one_line(r['answer'])} | "
              f"{_one_line(r['reference_answer'], 60)} | {r['doc']} |" for r in rows]
    return [*lines, ""]


def markdown(report: Mapping[str, Any]) -> str:
    """``refusal.md``: the figures, what was left out and examples of both errors."""
    p = report["parameters"]
    lines = [
        "# Leave-documents-out refusal test", "",
        f"`{report['command']}`", "",
        f"Held out {report['n_held_out_documents']} of {report['n_gold_documents']} gold "
        f"documents (seed {p['seed']}, holdout {p['holdout']}), {report['n_removed_files']} "
        f"files with their copies; the index keeps {report['n_index_documents']} of "
        f"{report['n_corpus_documents']} documents (model `{p['model']}`, k={p['k']}).",
        f"{report['n_answer_still_in_corpus']} question(s) on held-out documents still find "
        f"their answer elsewhere (substring, or ≥ {p['bigram_share']:.0%} of its bigrams in "
        "one document) and are not asked.", "",
        "| | rate | refused | answered, told the asked place has no rules of its own "
        "| asked |", "|---|---|---|---|---|",
        f"| unanswerable (answer left the corpus) | {_rate(report['refusal_rate'])} | "
        f"{report['n_refused_unanswerable']} | "
        f"{report.get('n_place_not_covered_unanswerable', 0)} | {report['n_unanswerable']} |",
        f"| answerable (gold document indexed) | {_rate(report['false_refusal_rate'])} | "
        f"{report['n_refused_answerable']} | "
        f"{report.get('n_place_not_covered_answerable', 0)} | {report['n_answerable']} |", "",
    ]
    lines += _error_table("Unanswerable but answered", report["errors"]["unanswerable_answered"])
    lines += _error_table("Answerable but refused", report["errors"]["answerable_refused"])
    return "\n".join(lines)


def write_refusal(report: Mapping[str, Any], out: Path) -> dict[str, Path]:
    """Write ``refusal.json`` and ``refusal.md`` into ``out``; returns their paths."""
    out = Path(out)
    paths = {"json": out / JSON_NAME, "md": out / MD_NAME}
    try:
        out.mkdir(parents=True, exist_ok=True)
        paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")
        paths["md"].write_text(markdown(report), encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot write the report into {out}: {exc}") from exc
    return paths
