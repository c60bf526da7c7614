"""Reading ``vectors.npy`` in blocks, checking its sha256 on the way, optionally as int8.

A generation's exact vectors serve two purposes at search time: re-ranking the
IVF-PQ candidates and scoring the lexical side's candidates. Both are inner
products of unit vectors. Above the IVF-PQ threshold a generation keeps them as
int8 codes with one scale per row (:class:`Int8Rows`, the scalar quantisation
FAISS itself offers for re-ranking): a quarter of the memory (0.36 GiB instead
of 1.4 GiB at a million 384-d chunks), inner products within about 1e-3 of
the exact ones, nothing clipped. The file on disk stays float32, and a build
that reuses vectors reads the exact ones again.

Reading in blocks keeps the peak near the size of the result, instead of the
file's bytes plus a copy of them.

>>> import tempfile, hashlib
>>> path = Path(tempfile.mkdtemp()) / "v.npy"
>>> np.save(path, np.eye(3, dtype=np.float32))
>>> sha = hashlib.sha256(path.read_bytes()).hexdigest()
>>> read_vectors(path, sha, int8=True)[[2]], read_vectors(path, sha).sum()
(array([[0., 0., 1.]], dtype=float32), np.float32(3.0))
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from index.store import open_regular

_BLOCK_BYTES = 32 << 20


class Int8Rows:
    """Rows of a float32 matrix as int8 codes and a scale per row: ``x ~ codes * scale``.

    Each row is scaled by its own largest magnitude, so no value is clipped and the
    error of any component is at most half a step (``max|x| / 254``).

    >>> rows = Int8Rows.encode(np.array([[0.6, -0.8], [1.0, 0.0]], dtype=np.float32))
    >>> rows[[0]].round(2), rows.shape, rows.nbytes
    (array([[ 0.6, -0.8]], dtype=float32), (2, 2), 12)
    """

    dtype = np.dtype(np.int8)

    def __init__(self, codes: np.ndarray, scales: np.ndarray) -> None:
        self._codes, self._scales = codes, scales

    @classmethod
    def empty(cls, rows: int, dim: int) -> Int8Rows:
        return cls(np.zeros((rows, dim), dtype=np.int8), np.zeros(rows, dtype=np.float32))

    @classmethod
    def encode(cls, x: np.ndarray) -> Int8Rows:
        out = cls.empty(*x.shape)
        out.put(0, x)
        return out

    def put(self, start: int, block: np.ndarray) -> None:
        """Encode ``block`` into rows ``start`` onwards."""
        peak = np.abs(block).max(axis=1) if block.size else np.zeros(len(block), np.float32)
        scale = np.where(peak > 0, peak / 127, 1).astype(np.float32)
        self._scales[start : start + len(block)] = scale
        self._codes[start : start + len(block)] = np.rint(block / scale[:, None])

    @property
    def shape(self) -> tuple[int, int]:
        return self._codes.shape  # type: ignore[return-value]

    @property
    def nbytes(self) -> int:
        return self._codes.nbytes + self._scales.nbytes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, rows: Any) -> np.ndarray:
        """Decoded float32 rows (``rows``: an index array, a slice or one row)."""
        return self._codes[rows].astype(np.float32) * self._scales[rows][..., None]


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


def read_vectors(
    path: Path, expected_sha256: str, *, int8: bool = False
) -> np.ndarray | Int8Rows:
    """The 2-d float32 array in ``path`` (as :class:`Int8Rows` when ``int8``), read in blocks.

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
        out = Int8Rows.empty(rows, dim) if int8 else np.empty((rows, dim), dtype=np.float32)
        step = max(1, _BLOCK_BYTES // max(1, dim * 4))
        for start in range(0, rows, step):
            n = min(step, rows - start)
            block = fh.read(n * dim * 4)
            if len(block) != n * dim * 4:
                raise VectorFileError(f"{path} ends after {start} of {rows} rows")
            values = np.frombuffer(block, dtype="<f4").reshape(n, dim)
            if isinstance(out, Int8Rows):
                out.put(start, values)
            else:
                out[start : start + n] = values
        if fh.read(1):
            raise VectorFileError(f"{path} has bytes after its {rows} rows")
    if digest.hexdigest() != expected_sha256:
        raise VectorFileError(f"{path} changed while it was read")
    return out
