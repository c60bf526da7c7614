"""Connections to Milvus, failures turned into index errors, and generation names.

One client per URI per process (pymilvus clients are thread-safe). A Milvus
Lite ``*.db`` path is opened inside this process by pymilvus; only one process
may hold it, so several app replicas share one Lite file through its server
mode (``python -m milvus_lite server``) or, in production, a Milvus server.

>>> chunk_collection("policyqa", 7), docs_collection("policyqa", 7)
('policyqa_g7', 'policyqa_g7_docs')
>>> generation_number("policyqa", "policyqa_g7")
7
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.errors import IndexUnavailableError
from index.location import MilvusLocation

logger = logging.getLogger(__name__)

#: Seconds to wait for a server before saying it cannot be reached.
CONNECT_TIMEOUT = 10.0
#: Seconds one call may take before it is reported as failed.
CALL_TIMEOUT = 120.0

#: pymilvus pings every 10 s; gRPC servers that keep its default policy (Milvus Lite's
#: does) answer pings more often than every 5 minutes with GOAWAY "too_many_pings".
GRPC_OPTIONS = {"grpc.keepalive_time_ms": 300_000}

_clients: dict[str, Any] = {}
_lock = threading.Lock()


def chunk_collection(alias: str, number: int) -> str:
    """Name of generation ``number``'s chunk collection (the one the alias points at)."""
    return f"{alias}_g{number}"


def docs_collection(alias: str, number: int) -> str:
    """Name of generation ``number``'s document collection."""
    return f"{alias}_g{number}_docs"


def generation_number(alias: str, collection: str, *, docs: bool = False) -> int | None:
    """The generation a chunk collection name (or, with ``docs``, either name) holds."""
    suffix = "(?:_docs)?" if docs else ""
    m = re.fullmatch(rf"{re.escape(alias)}_g(\d+){suffix}", collection)
    return int(m.group(1)) if m else None


def _lite_hint(location: MilvusLocation) -> str:
    return (
        f"Milvus Lite lets one process open {location.uri}; to share it, serve it with "
        f"`python -m milvus_lite server --data-dir {location.uri} --port 19530` "
        "and pass --milvus-uri http://127.0.0.1:19530"
    )


def connect(location: MilvusLocation) -> Any:
    """The (cached) ``MilvusClient`` for ``location``; a clear error when unreachable."""
    with _lock:
        client = _clients.get(location.uri)
        if client is not None:
            return client
        try:
            from pymilvus import MilvusClient
            from pymilvus.exceptions import MilvusException
        except ImportError as exc:
            raise IndexUnavailableError(
                "the milvus backend needs pymilvus (and milvus-lite for *.db files): "
                "pip install -r requirements.txt"
            ) from exc
        # pymilvus and Milvus Lite log a traceback for every failed call; each failure
        # reaches the caller as one index error that says what to do instead.
        for name in ("pymilvus", "milvus_lite"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            client = MilvusClient(uri=location.uri, timeout=CONNECT_TIMEOUT,
                                  grpc_options=GRPC_OPTIONS)
            client.list_collections(timeout=CONNECT_TIMEOUT)
        except MilvusException as exc:
            hint = _lite_hint(location) if location.is_lite else (
                "check that the server runs and --milvus-uri is right"
            )
            raise IndexUnavailableError(
                f"cannot reach Milvus at {location.uri} ({_message(exc)}); {hint}"
            ) from exc
        _clients[location.uri] = client
        logger.info("connected to Milvus at %s", location.uri)
        return client


def forget(location: MilvusLocation) -> None:
    """Close and drop the cached client for ``location``; a Milvus Lite file is released
    too, so another process may open it (tests, tools)."""
    with _lock:
        client = _clients.pop(location.uri, None)
    if client is not None:
        with contextlib.suppress(Exception):
            client.close()
    if location.is_lite:
        from milvus_lite.server_manager import server_manager_instance

        server_manager_instance.release_server(location.uri)


def _message(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())


@contextlib.contextmanager
def calling(location: MilvusLocation, what: str) -> Iterator[None]:
    """Turn a pymilvus failure inside the block into :class:`IndexUnavailableError`."""
    from pymilvus.exceptions import MilvusException

    try:
        yield
    except MilvusException as exc:
        raise IndexUnavailableError(
            f"Milvus at {location.uri} failed to {what}: {_message(exc)}"
        ) from exc


def alias_target(client: Any, location: MilvusLocation) -> str | None:
    """The collection the location's alias points at, or None when there is no alias."""
    with calling(location, f"read the alias {location.collection}"):
        aliases = client.list_aliases(timeout=CALL_TIMEOUT).get("aliases", [])
        if location.collection not in aliases:
            return None
        return str(client.describe_alias(location.collection, timeout=CALL_TIMEOUT)[
            "collection_name"
        ])


def current_number(location: MilvusLocation) -> int | None:
    """The live generation (the alias's collection), None when nothing was built yet."""
    if location.is_lite and not Path(location.uri).exists():
        return None
    client = connect(location)
    target = alias_target(client, location)
    return None if target is None else generation_number(location.collection, target)


def generation_numbers(client: Any, location: MilvusLocation) -> list[int]:
    """Numbers of every generation collection under this alias, complete or not, ascending."""
    with calling(location, "list collections"):
        names = client.list_collections(timeout=CALL_TIMEOUT)
    found = {generation_number(location.collection, str(n), docs=True) for n in names}
    return sorted(n for n in found if n is not None)
