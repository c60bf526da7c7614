"""Where test data lives.

The five sample documents ship inside the repository (``demo/corpus``), so the
default test run needs nothing beside it. Only the NCP benchmark tests read
``../shared``; they skip with a clear message on a clone that does not have it.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = ROOT / "demo" / "corpus"
SHARED = ROOT.parent / "shared"
NCP_CORPUS = SHARED / "benchmarks" / "ncp_policies" / "corpus"

needs_ncp = pytest.mark.skipif(
    not NCP_CORPUS.is_dir(),
    reason=f"NCP benchmark corpus not found at {NCP_CORPUS} (benchmark data, not in the "
    "repository; place ../shared/benchmarks/ncp_policies beside the clone to run this test)",
)
