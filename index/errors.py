"""Exceptions raised by the index package; every message says what to run."""

from __future__ import annotations


class IndexError_(Exception):  # name fixed by docs/CONTRACTS.md
    """Base class for index errors (the trailing underscore avoids the builtin)."""


class IndexNotFoundError(IndexError_):
    """No usable index generation exists in the index directory."""


class IndexCorruptError(IndexError_):
    """A file of a generation is missing, truncated or does not match its checksum."""


class IndexMismatchError(IndexError_):
    """The index was built with settings that differ from the ones requested."""


class IndexLockedError(IndexError_):
    """Another build or update holds the index directory's lock."""


class EmbedderError(IndexError_):
    """The embedding model could not be loaded or used."""


class IndexUnavailableError(IndexError_):
    """The index server (Milvus) cannot be reached or refused the request."""


def rebuild_command(index_dir: object, corpus_dir: object = "CORPUS_DIR") -> str:
    """The command line that rebuilds an index, for error messages.

    >>> rebuild_command("idx")
    'python -m index build CORPUS_DIR --index-dir idx'
    """
    flags = getattr(index_dir, "flags", None)  # a MilvusLocation names its own flags
    where = flags() if callable(flags) else f"--index-dir {index_dir}"
    return f"python -m index build {corpus_dir} {where}"
