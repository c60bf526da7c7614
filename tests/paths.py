"""Where the shared material lives: ``../shared`` beside the repository root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_CORPUS = SHARED / "corpus"
NCP_CORPUS = SHARED / "benchmarks" / "ncp_policies" / "corpus"
