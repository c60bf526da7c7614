"""Milvus Lite for the tests: its gRPC server in a child process on a loopback port,
the way several app replicas share one index (production uses a Milvus server)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from index import MilvusLocation
from index.milvus.client import forget
from tests.web.serving import bound_socket


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    sock = bound_socket()
    port = sock.getsockname()[1]
    sock.close()
    return port


@contextlib.contextmanager
def lite_server(data_dir: Path, log: Path) -> Iterator[str]:
    """``python -m milvus_lite server`` on 127.0.0.1; yields ``http://127.0.0.1:PORT``."""
    port = free_port()
    uri = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "milvus_lite", "server", "--data-dir", str(data_dir),
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(uri, proc, log)
        yield uri
    finally:
        forget(MilvusLocation(uri))
        stop(proc)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM a child we started, SIGKILL it if it lingers."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _wait_until_serving(uri: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    from pymilvus import MilvusClient
    from pymilvus.exceptions import MilvusException

    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"milvus_lite server exited: {log.read_text()}")
        try:
            client = MilvusClient(uri=uri, timeout=2)
            client.list_collections(timeout=2)
            client.close()
            return
        except MilvusException:
            if time.monotonic() > deadline:
                raise RuntimeError(f"milvus_lite server did not start: {log.read_text()}") from None
            time.sleep(0.3)
