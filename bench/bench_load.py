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
        --out reports/load.json

Clients are closed-loop by default (the next question as soon as an answer
arrives), the harshest reading of "50 concurrent clients"; ``--think 5`` adds a
pause after each answer, closer to people reading. Abusive connections ignore
``Retry-After``, so their cheap 429s also cost the server some CPU.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

log = logging.getLogger("bench_load")

QUESTIONS = [
    "我是硕士，去威海工作每个月有多少生活补贴？",
    "青岛今年计划引进多少青年人才？",
    "崂山区对人才有什么支持？",
    "高技能人才缺口有多大？",
    "就業服務保障計劃由哪個處室負責？",
    "What support does Qingdao give to young talent?",
    "新质生产力是什么意思",
    "深圳的落户政策是什么？",
    "博士后有什么待遇",
    "重点项目引才计划要引进多少人？",
]


@dataclass
class Tally:
    """Thread-safe counters for one group of clients."""

    latencies: list[float] = field(default_factory=list)
    status: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int | None, seconds: float) -> None:
        with self.lock:
            if status is None:
                self.errors += 1
                return
            self.status[status] = self.status.get(status, 0) + 1
            if status == 200:
                self.latencies.append(seconds)


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
    url: str, source_ip: str, deadline: float, tally: Tally, offset: int, think: float = 0.0
) -> None:
    """Send questions one after another from ``source_ip`` until ``deadline``,
    pausing ``think`` seconds after each answer (0: closed loop, no pause)."""
    # TCP_NODELAY as browsers do: otherwise each POST can wait ~40 ms for a delayed ACK.
    transport = httpx.HTTPTransport(
        local_address=source_ip,
        socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
    )
    with httpx.Client(transport=transport, timeout=30.0) as client:
        i = offset
        while time.monotonic() < deadline:
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            t0 = time.perf_counter()
            try:
                resp = client.post(f"{url}/api/ask", json={"question": question})
                tally.add(resp.status_code, time.perf_counter() - t0)
            except httpx.HTTPError as exc:
                log.debug("request failed: %s", exc)
                tally.add(None, 0.0)
            if think:
                time.sleep(min(think, max(0.0, deadline - time.monotonic())))


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
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(cmd, cwd=root, start_new_session=True)
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
    }


def run(
    url: str, clients: int, seconds: float, abusive: int, think: float = 0.0
) -> dict[str, object]:
    """Drive ``clients`` normal clients and ``abusive`` connections from one abusive address."""
    normal, abuser = Tally(), Tally()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=client_loop, args=(url, f"127.0.0.{i + 2}", deadline, normal, i, think)
        )
        for i in range(clients)
    ]
    threads += [
        threading.Thread(target=client_loop, args=(url, "127.0.1.1", deadline, abuser, j))
        for j in range(abusive)
    ]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    result: dict[str, object] = {"clients": clients, "think_s": think,
                                 "seconds": round(elapsed, 1),
                                 "normal": summarise(normal, elapsed)}
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
    parser.add_argument("--abusive-connections", type=int, default=16,
                        help="parallel connections of the abusive client (0: none)")
    parser.add_argument("--startup-timeout", type=float, default=900.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)

    proc = None
    url = args.url
    if url is None:
        proc, url = start_server(args)
    try:
        result = run(url, args.clients, args.seconds, args.abusive_connections, args.think)
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
