"""``python -m tests``: run the test suite (the same command CI runs)."""

import sys

import pytest

if __name__ == "__main__":
    sys.exit(pytest.main(["-q", *sys.argv[1:]]))
