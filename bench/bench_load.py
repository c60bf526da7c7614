"""Load benchmark for ``/api/ask`` (a benchmark, not a test).

Starts ``python -m app`` on a free loopback port (or targets ``--url``), then
drives ``/api/ask`` from this second process with N concurrent clients for a
fixed time over a mix of questions, and reports throughput, latency
percentiles and errors. Each client binds its own loopback source address
(127.0.0.<n>), so the server's per-client rate limiter sees distinct clients;
one extra "abusive" client (several connections from one address, 127.0.1.1)
sends as fast as it can and should get 429s while the others are served.

Usage::

    python bench/bench_load.py --corpus ../shared/corpus --clients 50 --seconds 60 \
        --out bench/results/load.json

Questions come from ``--questions`` (default: the ``question`` field of every
line of ``eval/data/sample_questions.jsonl``, 146 distinct questions); each
client walks its own shuffled order of all of them, so concurrent clients rarely
ask the same question at once and no cache could serve a short cycle. The report
says how many distinct questions were used and how often each was asked.

Clients are closed-loop by default (the next question as soon as an answer
arrives), the harshest reading of "50 concurrent clients"; ``--think 5`` adds a
pause after each answer, closer to people reading. Fixed pauses keep clients that
start together in lock-step, so their questions arrive in waves; ``--jitter``
staggers each client's start over one pause and draws every pause uniformly
from 0.5-1.5 times ``--think``, as independent readers would. Abusive connections ignore
``Retry-After``, so their cheap 429s also cost the server some CPU.

Both processes share the machine, so the report also gives the CPU time each
used per answered request (from ``/proc``, Linux only; ``null`` elsewhere or
with ``--url``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

log = logging.getLogger("bench_load")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = ROOT / "eval" / "data" / "sample_questions.jsonl"


def load_questions(path: Path) -> list[str]:
    """Distinct ``question`` fields of a JSONL file, in file order.

    Raises ``SystemExit`` with a clear message when the file holds none.
    """
    questions: dict[str, None] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                question = json.loads(line).get("question")
                if isinstance(question, str) and question.strip():
                    questions[question] = None
    if not questions:
        raise SystemExit(f"{path} has no lines with a non-empty \"question\" field")
    return list(questions)


def client_order(questions: list[str], seed: int) -> list[str]:
    """This client's own shuffled order of all ``questions`` (deterministic per seed).

    >>> sorted(client_order(["a", "b", "c"], 1)) == ["a", "b", "c"]
    True
    """
    order = list(questions)
    random.Random(seed).shuffle(order)
    return order


@dataclass
class Tally:
    """Thread-safe counters for one group of clients."""

    latencies: list[float] = field(default_factory=list)
    status: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(
        self, status: int | None, seconds: float, question: str = "", error: str = ""
    ) -> None:
        """Count one reply (``status``) or one failed request (``status=None``, ``error``)."""
        with self.lock:
            if status is None:
                self.errors += 1
                kind = error or "unknown"
                self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1
                return
            self.status[status] = self.status.get(status, 0) + 1
            if status == 200:
                self.latencies.append(seconds)
                self.asked[question] = self.asked.get(question, 0) + 1


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile; 0.0 for an empty list.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.0
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, int(-(-q * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def client_loop(
    url: str,
    source_ip: str,
    deadline: float,
    tally: Tally,
    questions: list[str],
    think: float = 0.0,
    jitter: bool = False,
) -> None:
    """Send ``questions`` in order (cycling) from ``source_ip`` until ``deadline``,
    pausing ``think`` seconds after each answer (0: closed loop, no pause); with
    ``jitter``, start after a random part of one pause and vary every pause."""
    rng = random.Random(source_ip)

    def pause() -> float:
        return rng.uniform(0.5 * think, 1.5 * think) if jitter else think

    # TCP_NODELAY as browsers do: otherwise each POST can wait ~40 ms for a delayed ACK.
    transport = httpx.HTTPTransport(
        local_address=source_ip,
        socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
    )
    with httpx.Client(transport=transport, timeout=30.0) as client:
        i = 0
        if think and jitter:
            time.sleep(rng.uniform(0.0, think))
        while time.monotonic() < deadline:
            question = questions[i % len(questions)]
            i += 1
            t0 = time.perf_counter()
            try:
                resp = client.post(f"{url}/api/ask", json={"question": question})
                tally.add(resp.status_code, time.perf_counter() - t0, question)
            except httpx.HTTPError as exc:
                log.debug("request from %s failed: %r", source_ip, exc)
                tally.add(None, 0.0, question, type(exc).__name__)
            if think:
                time.sleep(min(pause(), max(0.0, deadline - time.monotonic())))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "app", "--corpus", str(args.corpus), "--port", str(port),
           "--rate-limit", args.rate_limit]
    if args.index_dir:
        cmd += ["--index-dir", str(args.index_dir)]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + args.startup_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early with code {proc.returncode}")
        try:
            if httpx.get(f"{url}/api/health", timeout=2.0).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("server did not become healthy in time")


@contextlib.contextmanager
def target(args: argparse.Namespace) -> Iterator[tuple[str, int | None]]:
    """``(url, server pid)``: ``args.url``, or a server started for the run and
    stopped after it (pid None for ``--url``)."""
    if args.url:
        yield args.url, None
        return
    proc, url = start_server(args)
    try:
        yield url, proc.pid
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def emit(result: dict[str, object], out: Path | None) -> None:
    """Print ``result`` as JSON and, with ``out``, write it there too."""
    text = json.dumps(result, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` (all its threads), from ``/proc``."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def cpu_ms_per_request(before: float | None, after: float | None, requests: int) -> float | None:
    """CPU milliseconds per request between two readings (None when unknown).

    >>> cpu_ms_per_request(1.0, 2.0, 100)
    10.0
    """
    if before is None or after is None or requests <= 0:
        return None
    return round((after - before) / requests * 1000, 2)


def summarise(tally: Tally, seconds: float) -> dict[str, object]:
    ok = len(tally.latencies)
    return {
        "requests_ok": ok,
        "throughput_rps": round(ok / seconds, 2),
        "p50_ms": round(percentile(tally.latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(tally.latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(tally.latencies, 99) * 1000, 1),
        "status_counts": {str(k): v for k, v in sorted(tally.status.items())},
        "errors": tally.errors + sum(v for k, v in tally.status.items() if k >= 500),
        "failed_requests_by_kind": dict(sorted(tally.error_kinds.items())),
    }


def question_mix(tally: Tally, available: int) -> dict[str, object]:
    """How varied the answered questions were: distinct count and repeats per question."""
    counts = sorted(tally.asked.values())
    return {
        "distinct_available": available,
        "distinct_asked": len(counts),
        "asks_per_question_mean": round(sum(counts) / len(counts), 1) if counts else 0.0,
        "asks_per_question_max": counts[-1] if counts else 0,
    }


def run(
    url: str,
    clients: int,
    seconds: float,
    abusive: int,
    think: float = 0.0,
    questions: list[str] | None = None,
    server_pid: int | None = None,
    jitter: bool = False,
) -> dict[str, object]:
    """Drive ``clients`` normal clients and ``abusive`` connections from one abusive address.

    Each client cycles through its own shuffled order of ``questions``. With
    ``server_pid``, the server's CPU time is reported next to this process's.
    """
    questions = questions or load_questions(DEFAULT_QUESTIONS)
    normal, abuser = Tally(), Tally()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=client_loop,
            args=(url, f"127.0.0.{i + 2}", deadline, normal, client_order(questions, i), think,
                  jitter),
        )
        for i in range(clients)
    ]
    threads += [
        threading.Thread(
            target=client_loop,
            args=(url, "127.0.1.1", deadline, abuser, client_order(questions, 10_000 + j)),
        )
        for j in range(abusive)
    ]
    server_cpu0 = process_cpu_seconds(server_pid) if server_pid else None
    own_cpu0 = time.process_time()
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    server_cpu1 = process_cpu_seconds(server_pid) if server_pid else None
    own_cpu1 = time.process_time()
    answered = len(normal.latencies) + len(abuser.latencies)
    result: dict[str, object] = {
        "clients": clients,
        "think_s": think,
        "think_jitter": jitter,
        "seconds": round(elapsed, 1),
        "normal": summarise(normal, elapsed),
        "questions": question_mix(normal, len(questions)),
        "cpu_ms_per_answered_request": {
            "server": cpu_ms_per_request(server_cpu0, server_cpu1, answered),
            "load_generator": cpu_ms_per_request(own_cpu0, own_cpu1, answered),
        },
    }
    if abusive:
        result["abusive_client"] = summarise(abuser, elapsed)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="target a running server instead of starting one")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rate-limit", default="120/minute",
                        help="per-client limit given to the server it starts")
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds each normal client pauses after an answer (default 0)")
    parser.add_argument("--jitter", action="store_true",
                        help="stagger client starts and vary pauses (0.5-1.5 x --think)")
    parser.add_argument("--abusive-connections", type=int, default=16,
                        help="parallel connections of the abusive client (0: none)")
    parser.add_argument("--startup-timeout", type=float, default=900.0)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                        help="JSONL file whose \"question\" fields form the mix "
                             "(default: eval/data/sample_questions.jsonl)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)

    questions = load_questions(args.questions)
    with target(args) as (url, pid):
        result = run(url, args.clients, args.seconds, args.abusive_connections, args.think,
                     questions, server_pid=pid, jitter=args.jitter)
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
