"""Reading ``vectors.npy`` in blocks, checking its sha256 on the way, optionally as float16.

A generation's exact vectors serve two purposes at search time: re-ranking the
IVF-PQ candidates and scoring the lexical side's candidates. Both are cosine
scores of unit vectors, where float16 rounding (relative error below 1e-3)
does not reorder anything that the compressed codes had not already blurred.
So above the IVF-PQ threshold a generation keeps them as float16 (half the
memory: 0.7 GiB instead of 1.5 GiB at a million 384-d chunks). The file on disk
stays float32, and a build that reuses vectors reads the exact ones again.

Reading in blocks keeps the peak near the size of the result, instead of the
file's bytes plus a copy of them.

>>> import tempfile, hashlib
>>> path = Path(tempfile.mkdtemp()) / "v.npy"
>>> np.save(path, np.eye(3, dtype=np.float32))
>>> sha = hashlib.sha256(path.read_bytes()).hexdigest()
>>> read_vectors(path, sha, half=True).dtype, read_vectors(path, sha).sum()
(dtype('float16'), np.float32(3.0))
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from index.store import open_regular

_BLOCK_BYTES = 32 << 20


class VectorFileError(ValueError):
    """The file is not the float32 matrix its checksum promises."""


class _Hashing:
    """A read-only file wrapper that feeds every byte read into ``digest``."""

    def __init__(self, raw: Any, digest: Any) -> None:
        self._raw, self._digest = raw, digest

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._digest.update(data)
        return data


def read_vectors(path: Path, expected_sha256: str, *, half: bool = False) -> np.ndarray:
    """The 2-d float32 array in ``path`` (float16 when ``half``), read in blocks.

    Raises :class:`VectorFileError` when the bytes do not hash to
    ``expected_sha256`` (changed since they were verified) or are not a plain
    little-endian float32 matrix.
    """
    digest = hashlib.sha256()
    with open_regular(path) as raw:
        fh = _Hashing(raw, digest)
        version = np.lib.format.read_magic(fh)  # type: ignore[no-untyped-call]
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(fh)  # type: ignore[no-untyped-call]
        else:
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(fh)  # type: ignore[no-untyped-call]
        if len(shape) != 2 or fortran or dtype != np.dtype("<f4"):
            raise VectorFileError(
                f"{path} holds {dtype} {shape}{' (Fortran order)' if fortran else ''}, "
                "not a float32 matrix"
            )
        rows, dim = shape
        out = np.empty((rows, dim), dtype=np.float16 if half else np.float32)
        step = max(1, _BLOCK_BYTES // max(1, dim * 4))
        for start in range(0, rows, step):
            n = min(step, rows - start)
            block = fh.read(n * dim * 4)
            if len(block) != n * dim * 4:
                raise VectorFileError(f"{path} ends after {start} of {rows} rows")
            out[start : start + n] = np.frombuffer(block, dtype="<f4").reshape(n, dim)
        if fh.read(1):
            raise VectorFileError(f"{path} has bytes after its {rows} rows")
    if digest.hexdigest() != expected_sha256:
        raise VectorFileError(f"{path} changed while it was read")
    return out
