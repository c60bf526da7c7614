"""Where an index lives: a folder of FAISS generations, or a Milvus alias.

Nothing here imports pymilvus, so the default (FAISS) install never needs it.

>>> MilvusLocation("http://milvus:19530").collection
'policyqa'
>>> as_location("indexes/main")
PosixPath('indexes/main')
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

DEFAULT_COLLECTION = "policyqa"
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")
_SERVER_SCHEMES = ("http://", "https://", "tcp://", "grpc://")


@dataclass(frozen=True)
class MilvusLocation:
    """A Milvus server, cluster or Milvus Lite file, and the alias that names the live index.

    ``uri`` is ``http://host:19530`` (server or cluster) or a local ``*.db`` path
    (Milvus Lite). ``collection`` is the alias readers search; each generation is
    a collection ``<collection>_g<N>`` (plus ``<collection>_g<N>_docs``).
    """

    uri: str
    collection: str = DEFAULT_COLLECTION

    def __post_init__(self) -> None:
        uri = self.uri.strip() if isinstance(self.uri, str) else ""
        if not (uri.startswith(_SERVER_SCHEMES) or uri.endswith(".db")):
            raise ValueError(
                f"--milvus-uri {self.uri!r} is neither a server address such as "
                "http://127.0.0.1:19530 nor a Milvus Lite file ending in .db"
            )
        if not _NAME_RE.match(self.collection):
            raise ValueError(
                f"Milvus collection name {self.collection!r} must start with a letter or _ "
                "and hold only letters, digits and _ (at most 100 characters)"
            )
        object.__setattr__(self, "uri", uri)

    @property
    def is_lite(self) -> bool:
        """True for a local Milvus Lite file (opened inside this process)."""
        return self.uri.endswith(".db") and not self.uri.startswith(_SERVER_SCHEMES)

    def flags(self) -> str:
        """The command-line flags that select this location.

        >>> MilvusLocation("x.db", "jobs").flags()
        '--backend milvus --milvus-uri x.db --milvus-collection jobs'
        """
        extra = "" if self.collection == DEFAULT_COLLECTION else (
            f" --milvus-collection {self.collection}"
        )
        return f"--backend milvus --milvus-uri {self.uri}{extra}"

    def __str__(self) -> str:
        return f"milvus {self.uri} (alias {self.collection})"


#: Either kind of index location.
IndexLocation = Path | MilvusLocation


def as_location(value: str | Path | MilvusLocation) -> IndexLocation:
    """A :class:`MilvusLocation` unchanged, anything else as a folder path."""
    return value if isinstance(value, MilvusLocation) else Path(value)


def current_generation(location: str | Path | MilvusLocation) -> int | None:
    """The live generation number, or None when there is none or it cannot be read.

    A folder's ``CURRENT`` file, or the collection a Milvus alias points at (an
    unreachable server counts as unreadable and is logged).
    """
    location = as_location(location)
    if not isinstance(location, MilvusLocation):
        from index.store import read_current

        return read_current(location)
    from index.errors import IndexUnavailableError
    from index.milvus.client import current_number

    try:
        return current_number(location)
    except IndexUnavailableError as exc:
        logger.warning("cannot read the live generation: %s", exc)
        return None
