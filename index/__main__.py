"""Entry point for ``python -m index``."""

import sys

from index.cli import run

if __name__ == "__main__":
    sys.exit(run())
