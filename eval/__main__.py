"""Command line: ``python -m eval {validate,retrieval,run,compare,refusal}``.

Examples::

    python -m eval validate --questions eval/data/sample_questions.jsonl --corpus ../shared/corpus
    python -m eval retrieval --index-dir IDX --questions FILE --json out.json
    python -m eval run --index-dir IDX --questions FILE --out REPORT_DIR --k 5
    python -m eval compare A/metrics.json B/metrics.json --fail-below recall@5=0.9
    python -m eval refusal --corpus DIR --questions Q.jsonl --holdout 0.25 --seed 1 --out OUT
"""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
from pathlib import Path

from eval.compare import compare_metrics, format_table, load_metrics, parse_thresholds
from eval.errors import EvalError
from eval.questions import QuestionSetError, load_questions

log = logging.getLogger("eval")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__.splitlines()[0])
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check every evidence quote occurs in its document")
    v.add_argument("--questions", type=Path, required=True)
    v.add_argument("--corpus", type=Path, required=True)

    r = sub.add_parser("retrieval", help="retrieval metrics only")
    r.add_argument("--index-dir", type=Path, required=True)
    r.add_argument("--questions", type=Path, required=True)
    r.add_argument("--json", type=Path, required=True, help="where to write the metrics JSON")
    r.add_argument("--model", default=None, help="override the index's embedding model")

    run = sub.add_parser("run", help="retrieval + answers, with metrics.json and a report")
    run.add_argument("--index-dir", type=Path, required=True)
    run.add_argument("--questions", type=Path, required=True)
    run.add_argument("--out", type=Path, required=True, help="report directory")
    run.add_argument("--k", type=int, default=5, help="passages given to the answer engine")
    run.add_argument("--model", default=None, help="override the index's embedding model")

    c = sub.add_parser("compare", help="side-by-side metrics with deltas; optional gate")
    c.add_argument("baseline", type=Path)
    c.add_argument("candidate", type=Path)
    c.add_argument("--fail-below", default="",
                   help="comma-separated metric=minimum for the candidate, e.g. recall@5=0.9")

    ref = sub.add_parser("refusal", help="leave-documents-out refusal test (index built here)")
    ref.add_argument("--corpus", type=Path, required=True, help="corpus folder (read only)")
    ref.add_argument("--questions", type=Path, required=True,
                     help="JSONL with question, doc (gold document) and answer")
    ref.add_argument("--holdout", type=float, required=True,
                     help="share of the gold documents left out, 0 < x < 1, e.g. 0.25")
    ref.add_argument("--seed", type=int, required=True, help="seed of the held-out draw")
    ref.add_argument("--out", type=Path, required=True, help="folder for refusal.json/.md")
    ref.add_argument("--model", default=None,
                     help="embedding model (default: the index default; 'hash' for a fast run)")
    ref.add_argument("--k", type=int, default=5, help="passages given to the answer engine")
    ref.add_argument("--min-questions", type=int, default=5,
                     help="fewest unanswerable and answerable questions accepted (default 5)")
    ref.add_argument("--index-dir", type=Path, default=None,
                     help="keep the held-out index here (default: a temporary folder)")
    return p


def _cmd_validate(args: argparse.Namespace) -> int:
    from eval.validate import load_corpus_texts, validate_questions

    questions = load_questions(args.questions)
    report = validate_questions(questions, load_corpus_texts(args.corpus))
    for w in report.warnings:
        log.warning(w)
    for problem in report.problems:
        print(f"PROBLEM {problem}")
    print(f"{len(questions)} questions; " + "; ".join(
        f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(c.items()))
        for name, c in report.counts.items() if name != "doc"))
    print("OK" if report.ok else f"{len(report.problems)} problem(s)")
    return 0 if report.ok else 1


def _cmd_retrieval(args: argparse.Namespace) -> int:
    from eval.runner import breakdowns, load_retriever, run_retrieval

    questions = load_questions(args.questions)
    retriever = load_retriever(args.index_dir, args.model)
    metrics, records = run_retrieval(retriever, questions, progress=sys.stderr.isatty())
    metrics.update(breakdowns(records, with_answers=False))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in metrics.items() if not isinstance(v, dict)},
                     ensure_ascii=False, indent=2))
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from eval.report import write_report
    from eval.runner import load_retriever, run_full

    if args.k < 1:
        raise QuestionSetError("--k must be at least 1")
    questions = load_questions(args.questions)
    retriever = load_retriever(args.index_dir, args.model)
    result = run_full(retriever, questions, k=args.k, progress=sys.stderr.isatty())
    paths = write_report(result, args.out)
    m = result.metrics
    keys = ("recall@5", "doc_recall@5", "mrr@10", "answer_in_top5", "answer_fact", "rouge_l",
            "answer_chars_p50", "citation_validity",
            "citation_support", "refusal_precision", "refusal_recall", "false_refusal_rate",
            "latency_p50_ms", "latency_p95_ms")
    for key in keys:
        value = m.get(key)
        print(f"{key:22s} {value:.4f}" if isinstance(value, float) else f"{key:22s} {value}")
    print(f"report: {paths['html']}")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    thresholds = parse_thresholds(args.fail_below)
    a, b = load_metrics(args.baseline), load_metrics(args.candidate)
    rows, failures = compare_metrics(a, b, thresholds)
    print(format_table(rows, str(args.baseline), str(args.candidate)))
    if failures:
        print("\nREGRESSION GATE FAILED:", file=sys.stderr)
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    if thresholds:
        print(f"\ngate passed ({len(thresholds)} threshold(s))")
    return 0


def _cmd_refusal(args: argparse.Namespace) -> int:
    from eval.refusal import RefusalConfig, run_refusal
    from eval.refusal_report import summary_text, write_refusal

    if args.out.exists() and not args.out.is_dir():
        raise EvalError(f"--out must be a folder, but {args.out} is a file")
    config = RefusalConfig(corpus=args.corpus, questions=args.questions, holdout=args.holdout,
                           seed=args.seed, model=args.model, k=args.k,
                           min_questions=args.min_questions, index_dir=args.index_dir)
    command = shlex.join(["python", "-m", "eval", *args.argv])
    report = run_refusal(config, command=command, progress=sys.stderr.isatty())
    paths = write_refusal(report, args.out)
    print(summary_text(report))
    print(f"report: {paths['json']} and {paths['md']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code (2 for bad input)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(argv)
    args.argv = argv
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    handlers = {"validate": _cmd_validate, "retrieval": _cmd_retrieval,
                "run": _cmd_run, "compare": _cmd_compare, "refusal": _cmd_refusal}
    try:
        return handlers[args.command](args)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
