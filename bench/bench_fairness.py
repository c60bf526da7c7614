"""Fairness benchmark (a benchmark, not a test): one ordinary client's ``/api/ask``
latency alone, then while 4 clients send the heaviest questions the limits allow.

Starts ``python -m app`` on a free loopback port with the server's default rate
limit (or targets ``--url``). The measured client (source address 127.0.0.2)
asks the questions of ``eval/data/sample_questions.jsonl`` one every
``--interval`` seconds (2 s: 30 a minute, the default limit), first alone for
``--seconds``, then for as long again while 4 heavy clients (127.0.0.10-13)
send, each as fast as the server lets it and ignoring ``Retry-After``:

- a 500-character question made of policy text (the longest ``/api/ask``
  accepts), with 3 history turns of 4,000 characters (the per-turn limit) and
  ``k=20``;
- the follow-up 「那博士呢？」 after a 4,000-character user turn (the rewrite path).

Each body stays under the 64 KB body cap. The target is the measured client's
p95 with the heavy clients within 2x its p95 alone.

Usage::

    nice -n 10 python -m bench.bench_fairness --corpus ../shared/corpus --seconds 60 \
        --out bench/results/fairness.json
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.bench_load import (
    DEFAULT_QUESTIONS,
    Tally,
    emit,
    load_questions,
    process_cpu_seconds,
    summarise,
    target,
)

log = logging.getLogger("bench_fairness")

MEASURED_IP = "127.0.0.2"
HEAVY_IPS = [f"127.0.0.{10 + i}" for i in range(4)]
MAX_QUESTION, MAX_TURN = 500, 4000


def _client(source_ip: str, timeout: float = 120.0) -> httpx.Client:
    transport = httpx.HTTPTransport(
        local_address=source_ip, socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
    )
    return httpx.Client(transport=transport, timeout=timeout)


def policy_text(corpus: Path, seed: int, length: int) -> str:
    """``length`` characters of real policy text (varied, so every part is scored)."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*"))
             if p.is_file() and p.suffix in {".txt", ".md"}]
    joined = "".join("".join(t.split()) for t in texts) or "补贴政策"
    rng = random.Random(seed)
    start = rng.randrange(max(1, len(joined) - length))
    return (joined[start:] + joined)[:length]


def heavy_bodies(corpus: Path, seed: int) -> list[dict[str, Any]]:
    """The two heaviest shapes of question the limits allow (see the module docstring)."""
    turns = [{"role": "user", "content": policy_text(corpus, seed + i, MAX_TURN)}
             for i in range(3)]
    long_question = {"question": policy_text(corpus, seed + 7, MAX_QUESTION),
                     "history": turns, "k": 20}
    follow_up = {"question": "那博士呢？", "history": turns[-1:], "k": 20}
    for body in (long_question, follow_up):
        size = len(json.dumps(body, ensure_ascii=False).encode("utf-8"))
        if size > 64 * 1024:
            raise SystemExit(f"a heavy body is {size} bytes, over the 64 KB body cap")
    return [long_question, follow_up]


def heavy_loop(url: str, source_ip: str, bodies: list[dict[str, Any]], stop: threading.Event,
               tally: Tally) -> None:
    """Send ``bodies`` in turn, closed loop, until ``stop``; 429s are retried at once."""
    with _client(source_ip) as client:
        i = 0
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                resp = client.post(f"{url}/api/ask", json=bodies[i % len(bodies)])
                tally.add(resp.status_code, time.perf_counter() - t0, "heavy")
            except httpx.HTTPError as exc:
                tally.add(None, 0.0, "heavy", type(exc).__name__)
            i += 1


def measured_phase(url: str, questions: list[str], seconds: float, interval: float,
                   offset: int) -> Tally:
    """The ordinary client: one question every ``interval`` seconds for ``seconds``."""
    tally = Tally()
    with _client(MEASURED_IP) as client:
        deadline = time.monotonic() + seconds
        next_at = time.monotonic()
        i = offset
        while time.monotonic() < deadline:
            question = questions[i % len(questions)]
            i += 1
            t0 = time.perf_counter()
            try:
                resp = client.post(f"{url}/api/ask", json={"question": question})
                tally.add(resp.status_code, time.perf_counter() - t0, question)
            except httpx.HTTPError as exc:
                tally.add(None, 0.0, question, type(exc).__name__)
            next_at += interval
            time.sleep(max(0.0, next_at - time.monotonic()))
    return tally


def run(url: str, corpus: Path, seconds: float, interval: float,
        server_pid: int | None = None) -> dict[str, Any]:
    questions = load_questions(DEFAULT_QUESTIONS)
    random.Random(0).shuffle(questions)
    with _client(MEASURED_IP) as warm:  # load the model's pages before measuring
        warm.post(f"{url}/api/ask", json={"question": questions[-1]})
    cpu0 = process_cpu_seconds(server_pid) if server_pid else None
    alone = measured_phase(url, questions, seconds, interval, offset=0)
    cpu1 = process_cpu_seconds(server_pid) if server_pid else None

    stop, heavy = threading.Event(), Tally()
    threads = [threading.Thread(target=heavy_loop,
                                args=(url, ip, heavy_bodies(corpus, n * 100), stop, heavy))
               for n, ip in enumerate(HEAVY_IPS)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # the heavy clients are sending before measuring starts
    t0 = time.monotonic()
    loaded = measured_phase(url, questions, seconds, interval, offset=len(questions) // 2)
    elapsed = time.monotonic() - t0
    stop.set()
    for thread in threads:
        thread.join(180)
    cpu2 = process_cpu_seconds(server_pid) if server_pid else None

    alone_s, loaded_s = summarise(alone, seconds), summarise(loaded, elapsed)
    ratio = (loaded_s["p95_ms"] / alone_s["p95_ms"]) if alone_s["p95_ms"] else None
    return {
        "seconds_per_phase": seconds,
        "interval_s": interval,
        "measured_alone": alone_s,
        "measured_with_heavy_clients": loaded_s,
        "p95_ratio": round(ratio, 2) if ratio is not None else None,
        "target": "p95 ratio <= 2.0 and no failed request",
        "target_met": ratio is not None and ratio <= 2.0 and not loaded_s["errors"],
        "heavy_clients": {"count": len(HEAVY_IPS), **summarise(heavy, elapsed)},
        "server_cpu_share": {
            "alone": _share(cpu0, cpu1, seconds),
            "with_heavy_clients": _share(cpu1, cpu2, elapsed),
        },
    }


def _share(before: float | None, after: float | None, seconds: float) -> float | None:
    """Server CPU seconds per wall second (2.0 = both cores of this machine)."""
    if before is None or after is None or seconds <= 0:
        return None
    return round((after - before) / seconds, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="target a running server instead of starting one")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    parser.add_argument("--interval", type=float, default=2.0,
                        help="seconds between the measured client's questions (default 2)")
    parser.add_argument("--rate-limit", default="30/min",
                        help="per-client limit of the server it starts (default: the default)")
    parser.add_argument("--startup-timeout", type=float, default=900.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus folder {args.corpus} does not exist")
    with target(args) as (url, pid):
        result = run(url, args.corpus, args.seconds, args.interval, server_pid=pid)
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
