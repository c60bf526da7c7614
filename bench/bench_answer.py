"""Answer latency against the time to embed the question alone, in the same run.

    python -m bench.bench_answer --index-dir IDX --questions Q.jsonl [--out R.json]

For every question, in turn: embed it alone (what any dense search must pay), then
answer it end to end with ``QAEngine`` (embedding, both searches, evidence, decision,
composition). The machines are noisy, so the figure that compares across runs is the
ratio of the two medians, and the median of each question's answer time minus its
embedding time (the engine's own work). The engine is warmed up as the server warms it
before it listens (``QAEngine.warm_up``: sentences split and read, dictionary indexed),
then a first pass over a few questions warms the caches that any running server has warm.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.bench_load import load_questions
from bench.metrics import percentile

logger = logging.getLogger("bench")

WARMUP = 5


def _ms(seconds: Sequence[float], q: float) -> float:
    return round(percentile([s * 1000 for s in seconds], q), 2)


def measure(engine: Any, embed: Any, questions: Sequence[str], *, rounds: int = 1
            ) -> dict[str, Any]:
    """Per-question embedding and answer times (seconds), interleaved; summary in ms."""
    for q in questions[:WARMUP]:
        embed(q)
        engine.answer(q)
    embeds: list[float] = []
    answers: list[float] = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            embed(q)
            embeds.append(time.perf_counter() - start)
            start = time.perf_counter()
            engine.answer(q)
            answers.append(time.perf_counter() - start)
    own = [a - e for a, e in zip(answers, embeds, strict=True)]
    return {
        "questions": len(questions),
        "rounds": rounds,
        "embed_ms_p50": _ms(embeds, 50),
        "answer_ms_p50": _ms(answers, 50),
        "answer_ms_p95": _ms(answers, 95),
        "engine_own_ms_p50": _ms(own, 50),
        "answer_over_embed_p50": round(statistics.median(answers) / statistics.median(embeds), 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True, help="JSONL with 'question'")
    parser.add_argument("--limit", type=int, default=200, help="first N questions (default 200)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write the summary here as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.limit < 1 or args.rounds < 1:
        parser.error("--limit and --rounds must be at least 1")
    if not args.questions.is_file():
        parser.error(f"questions file not found: {args.questions}")

    from app.answer.engine import QAEngine
    from eval.errors import EvalError
    from eval.runner import load_retriever

    try:
        retriever = load_retriever(args.index_dir)
    except EvalError as exc:
        parser.exit(2, f"error: {exc}\n")
    questions = load_questions(args.questions)[: args.limit]
    engine = QAEngine(retriever)
    engine.warm_up()  # as the server does before it listens (app.__main__.build_engine)
    summary = measure(engine, retriever.embed_query, questions, rounds=args.rounds)
    summary.update(index_dir=str(args.index_dir), questions_file=str(args.questions))
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    logger.info("%s", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
