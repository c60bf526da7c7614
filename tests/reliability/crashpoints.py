"""Test-only fault injection: run ``python -m index`` and die at a named build stage.

    POLICYQA_CRASH_AT=before-current python -m tests.reliability.crashpoints build CORPUS \
        --index-dir IDX --model hash

The hook wraps functions of :mod:`index.build` / :mod:`index.store` in this
process only (nothing in ``index/`` changes) and, when the named stage is
reached, either sends itself a real ``SIGKILL`` (``POLICYQA_CRASH_MODE=kill``,
the default) or writes ``POLICYQA_CRASH_MARKER`` and sleeps so the parent can
kill it from outside (``pause``) while it holds the build lock.
``POLICYQA_CRASH_AT=delay:<seconds>`` kills after a fixed delay instead.

Stages, in build order:

- ``after-vectors``: ``vectors.npy`` written, the faiss file not yet;
- ``after-faiss``: faiss written, chunk/document tables not yet;
- ``before-manifest``: all data files written, nothing fsynced, no manifest;
- ``before-rename``: manifest written and fsynced, ``gen-N.partial`` not renamed;
- ``before-current``: ``gen-N`` complete, ``CURRENT`` still names the old one;
- ``before-prune``: ``CURRENT`` switched, old generations not yet pruned.

Milvus stages (``--backend milvus``), in build order:

- ``milvus-after-docs``: collections created, documents inserted, chunks not yet;
- ``milvus-before-seal``: every row inserted, nothing flushed, no manifest;
- ``milvus-before-alias``: generation complete with its manifest, alias unchanged;
- ``milvus-before-prune``: alias switched, old generations not yet dropped.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

STAGES = (
    "after-vectors",
    "after-faiss",
    "before-manifest",
    "before-rename",
    "before-current",
    "before-prune",
)

MILVUS_STAGES = (
    "milvus-after-docs",
    "milvus-before-seal",
    "milvus-before-alias",
    "milvus-before-prune",
)

# stage -> (module, attribute whose first call marks the stage)
_TARGETS = {
    "milvus-after-docs": ("index.milvus.publish", "insert_chunks"),
    "milvus-before-seal": ("index.milvus.publish", "seal_generation"),
    "milvus-before-alias": ("index.milvus.publish", "switch_alias"),
    "milvus-before-prune": ("index.milvus.publish", "prune_generations"),
    "after-vectors": ("index.build", "save_faiss"),
    "after-faiss": ("index.build", "write_jsonl"),
    "before-manifest": ("index.build", "finish_generation"),
    "before-rename": ("index.store", "generation_dir"),
    "before-current": ("index.store", "switch_current"),
    "before-prune": ("index.build", "prune_generations"),
}


def die(stage: str) -> None:
    """Reach ``stage``: SIGKILL ourselves, or announce it and wait to be killed."""
    if os.environ.get("POLICYQA_CRASH_MODE", "kill") == "pause":
        marker = Path(os.environ["POLICYQA_CRASH_MARKER"])
        marker.write_text(f"{os.getpid()} {stage}\n", encoding="utf-8")
        while True:
            time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGKILL)


def install(stage: str) -> None:
    """Arrange for this process to die when ``stage`` is reached."""
    if stage.startswith("delay:"):
        timer = threading.Timer(float(stage.split(":", 1)[1]), die, args=(stage,))
        timer.daemon = True
        timer.start()
        return
    if stage not in _TARGETS:
        raise SystemExit(
            f"unknown crash stage {stage!r}; one of {', '.join(STAGES + MILVUS_STAGES)}"
        )
    module_name, attr = _TARGETS[stage]
    module = sys.modules[module_name]
    original: Callable[..., Any] = getattr(module, attr)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        die(stage)
        return original(*args, **kwargs)

    setattr(module, attr, wrapper)


def main(argv: list[str]) -> int:
    """Install the hook named by ``POLICYQA_CRASH_AT`` and run the index CLI."""
    import index.build
    import index.milvus.publish
    import index.store  # noqa: F401
    from index.cli import run

    stage = os.environ.get("POLICYQA_CRASH_AT", "")
    if stage:
        install(stage)
    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
