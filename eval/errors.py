"""Errors the eval CLI reports as one clear line with exit code 2."""

from __future__ import annotations


class EvalError(Exception):
    """Bad input to the eval suite (file, flag or index); the message says what to fix."""
