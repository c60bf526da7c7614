"""Serve the live index generation: notice a new ``CURRENT`` (or a moved Milvus
alias) and swap atomically.

:class:`LiveIndex` stands in for both the engine and the retriever the web
routes were given. Each call reads one immutable :class:`Live` pair (a single
attribute read, atomic), so an answer is always computed from one generation.
At most every ``interval`` seconds a call compares ``<index_dir>/CURRENT`` with
what was last loaded; when it changed, a background thread loads and verifies
the new generation and then swaps the pair. A generation that fails to load is
logged and reported by ``info()``; the old one keeps serving.

Every ``verify_interval`` seconds (while :meth:`LiveIndex.watch` runs) the files
of the served generation are checked against their checksums. Answers come
from the copies verified and loaded into memory, so they stay right when a file
changes on disk; the change is logged and reported by ``info()``
(``integrity_error``), which turns ``/api/health`` to degraded and readiness to
503, until the files match again or a new generation is swapped in.

>>> # live = LiveIndex(Path("idx"), retriever, engine, load=Retriever.load)
>>> # live.answer("硕士补贴？")  # from whichever generation is live
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from app.answer.engine import QAEngine
from app.answer.factbook import FactBook
from app.answer.types import Answer
from index import IndexError_, IndexLocation, Retriever, as_location, current_generation
from index.errors import rebuild_command
from ingest.types import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Live:
    """One generation's retriever and the engine built on it."""

    retriever: Retriever
    engine: QAEngine

    @property
    def generation(self) -> int | None:
        return self.retriever.info().get("generation")


class LiveIndex:
    """The engine/retriever pair in service, reloaded when ``CURRENT`` changes."""

    def __init__(
        self,
        index_dir: IndexLocation,
        retriever: Retriever,
        engine: QAEngine,
        *,
        load: Callable[[IndexLocation], Retriever],
        interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        verify_interval: float = 60.0,
    ) -> None:
        self.index_dir = as_location(index_dir)  # a folder, or a Milvus alias
        self._live = Live(retriever, engine)
        self._load = load
        self._interval = interval
        self._clock = clock
        self._next_check = clock() + interval
        self._seen = current_generation(self.index_dir)  # the CURRENT we last acted on
        self._reloading = threading.Lock()
        self.last_error: str | None = None
        self.integrity_error: str | None = None
        self.verify_interval = verify_interval
        self._stop = threading.Event()

    @property
    def live(self) -> Live:
        """The pair in service now; hold on to it for a whole request."""
        self._maybe_check()
        return self._live

    def _maybe_check(self) -> None:
        now = self._clock()
        if now < self._next_check:
            return
        self._next_check = now + self._interval
        changed = current_generation(self.index_dir) != self._seen
        if changed and self._reloading.acquire(blocking=False):
            threading.Thread(target=self._reload_locked, name="index-reload", daemon=True).start()

    def reload(self) -> bool:
        """Load ``CURRENT`` now if it changed; True when a new generation was swapped in."""
        with self._reloading:
            return self._reload_unlocked()

    def _reload_locked(self) -> None:
        try:
            self._reload_unlocked()
        finally:
            self._reloading.release()

    def _reload_unlocked(self) -> bool:
        current = current_generation(self.index_dir)
        if current is None or current == self._seen:
            return False
        self._seen = current
        old = self._live
        try:
            retriever = self._load(self.index_dir)
            engine = QAEngine(retriever, old.engine.config)
            engine.warm_up()
        except (IndexError_, OSError, ValueError) as exc:
            self.last_error = (
                f"could not load gen-{current}, still serving gen-{old.generation}: {exc}"
            )
            log.warning("%s", self.last_error)
            return False
        self._live = Live(retriever, engine)  # one reference assignment: atomic swap
        self.last_error = None
        self.integrity_error = None
        log.info("now serving gen-%s (was gen-%s)", self._live.generation, old.generation)
        return True

    def verify(self) -> bool:
        """Check the served generation's files on disk; True when they all still match."""
        live = self._live
        changed = live.retriever.verify()
        if live is not self._live:  # a new generation came in meanwhile: check it next time
            return self.integrity_error is None
        if not changed:
            if self.integrity_error:
                log.info("the files of gen-%s match their checksums again", live.generation)
            self.integrity_error = None
            return True
        message = (f"gen-{live.generation} files changed on disk: {', '.join(changed)}; "
                   "still answering from the copy verified at load")
        if message != self.integrity_error:
            log.error("%s; restore the files or rebuild with: %s", message,
                      rebuild_command(self.index_dir))
        self.integrity_error = message
        return False

    def watch(self) -> None:
        """Start checking the served files every ``verify_interval`` seconds (a daemon
        thread; :meth:`stop` ends it)."""
        def loop() -> None:
            while not self._stop.wait(self.verify_interval):
                try:
                    self.verify()
                except Exception:  # never let the watcher die silently
                    log.exception("checking the index files failed")

        self._stop.clear()
        threading.Thread(target=loop, name="index-verify", daemon=True).start()

    def stop(self) -> None:
        """Stop the thread started by :meth:`watch`."""
        self._stop.set()

    # What the routes call: engine-like ...
    def answer(self, question: str, history: Any = (), k: int = 5, filters: Any = None) -> Answer:
        return self.live.engine.answer(question, history, k=k, filters=filters)

    def stream(
        self, question: str, history: Any = (), k: int = 5, filters: Any = None
    ) -> Iterator[str | Answer]:
        return self.live.engine.stream(question, history, k=k, filters=filters)

    def warm_up(self) -> None:
        self._live.engine.warm_up()

    @property
    def factbook(self) -> FactBook:
        """The live generation's extracted facts (for ``/api/facts`` and 「补贴一览」)."""
        return self.live.engine.factbook

    # ... and retriever-like.
    @property
    def documents(self) -> Mapping[str, Document]:
        return self.live.retriever.documents

    def __getattr__(self, name: str) -> Any:
        """Anything else (e.g. ``factbook``, ``facts_for``): the live engine's, else the
        live retriever's, so the proxy stays transparent as those classes grow."""
        if name.startswith("_"):
            raise AttributeError(name)
        live = self.live
        for target in (live.engine, live.retriever):
            if hasattr(target, name):
                return getattr(target, name)
        raise AttributeError(f"neither the engine nor the retriever has {name!r}")

    def info(self) -> dict[str, Any]:
        info = dict(self.live.retriever.info())
        if self.last_error:
            info["reload_error"] = self.last_error
        if self.integrity_error:
            info["integrity_error"] = self.integrity_error
        return info
