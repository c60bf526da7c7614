"""Exceptions raised by the ingest package."""

from __future__ import annotations


class IngestError(Exception):
    """The corpus cannot be ingested at all (missing folder, nothing readable)."""


class UnreadableFileError(Exception):
    """One file cannot be read; the message is the one-line reason shown to users."""
