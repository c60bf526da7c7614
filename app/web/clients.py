"""Which client a question is for, so the embedding engine is shared fairly.

The web edge runs each engine call in a context where :data:`index.query_client`
names the client (its address as uvicorn reports it, after any trusted proxy
headers); :class:`index.batcher.QueryBatcher` then serves waiting clients in
turn, so one client's many or long questions cannot hold the engine for others.

>>> import contextvars
>>> from index import query_client
>>> call_as_client("127.0.0.9", query_client.get)
'127.0.0.9'
>>> list(stream_as_client("127.0.0.9", iter([1, 2])))
[1, 2]
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from index import query_client

T = TypeVar("T")


def client_key(client: Any) -> str:
    """The key of a client address (a ``(host, port)`` pair or an object with ``host``).

    >>> client_key(("127.0.0.2", 5555)), client_key(None)
    ('127.0.0.2', 'unknown')
    """
    host = getattr(client, "host", None)
    if host is None and isinstance(client, tuple | list) and client:
        host = client[0]
    return str(host) if host else "unknown"


def _context(client: str) -> contextvars.Context:
    context = contextvars.copy_context()
    context.run(query_client.set, client)
    return context


def call_as_client(client: str, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` with its queries filed under ``client``."""
    return _context(client).run(fn, *args, **kwargs)


def stream_as_client(client: str, items: Iterator[T]) -> Iterator[T]:
    """``items`` with every step computed with its queries filed under ``client``.

    (A generator's steps run in whatever context calls ``next``; Gradio calls each
    from a worker thread, so the context is entered per step.)
    """
    context = _context(client)
    while True:
        try:
            yield context.run(next, items)
        except StopIteration:
            return
