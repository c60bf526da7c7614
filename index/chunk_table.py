"""A generation's chunks held as columns, made into :class:`Chunk` objects on access.

A chunk's text is always ``document.text[char_start:char_end]`` (the citation
contract of :class:`ingest.types.Chunk`), so the table keeps offsets into the
documents instead of a second copy of every text, and packs the string fields
into one string per column. A million chunks then cost about 60 MB instead of
the 1.5 GB that a tuple of frozen dataclasses (and their text) takes.

>>> from ingest.types import Document
>>> doc = Document("d1", "a.txt", "标题", None, None, None, None, "一、总则。二、附则。", "")
>>> table = ChunkTable.from_chunks([
...     Chunk("d1-0", "d1", "a.txt", "标题", 0, "一", None, 0, 5, "一、总则。"),
...     Chunk("d1-1", "d1", "a.txt", "标题", 1, "二", 3, 5, 10, "二、附则。")], {"d1": doc})
>>> table[1].text, table[1].page, table[-1].section_path, len(table)
('二、附则。', 3, '二', 2)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import overload

import numpy as np

from ingest.types import Chunk, Document

_NO_PAGE = -1


class StringColumn:
    """Strings by row: the distinct values packed into one string, and a code per row.

    >>> col = StringColumn.from_values(["甲", "乙乙", "甲"])
    >>> [col[i] for i in range(3)], col.n_distinct
    (['甲', '乙乙', '甲'], 2)
    """

    def __init__(self, packed: str, offsets: np.ndarray, codes: np.ndarray) -> None:
        self._packed, self._offsets, self._codes = packed, offsets, codes

    @classmethod
    def from_values(cls, values: Iterable[str]) -> StringColumn:
        encoder = _Encoder()
        for value in values:
            encoder.add(value)
        return encoder.column()

    @property
    def n_distinct(self) -> int:
        return len(self._offsets) - 1

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, row: int) -> str:
        code = self._codes[row]
        return self._packed[self._offsets[code] : self._offsets[code + 1]]

    def nbytes(self) -> int:
        """Approximate bytes held (the packed string at its widest character size)."""
        widest = max(map(ord, self._packed), default=0)
        width = 1 if widest < 0x100 else 2 if widest < 0x10000 else 4
        return len(self._packed) * width + self._offsets.nbytes + self._codes.nbytes


class _Encoder:
    """Dictionary-encodes one string column as its rows arrive."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._codes = array("i")

    def add(self, value: str) -> None:
        self._codes.append(self._seen.setdefault(value, len(self._seen)))

    def column(self) -> StringColumn:
        offsets = np.zeros(len(self._seen) + 1, dtype=np.int64)
        np.cumsum([len(v) for v in self._seen], out=offsets[1:])
        return StringColumn("".join(self._seen), offsets,
                            np.frombuffer(self._codes, dtype=np.int32).copy())


_STRINGS = ("chunk_id", "doc_id", "source", "title", "section_path")
_NUMBERS = {"ordinal": "i", "page": "i", "char_start": "q", "char_end": "q"}


class _ColumnBuilder:
    """Collects chunk fields row by row (no Chunk object is kept)."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.strings = {name: _Encoder() for name in _STRINGS}
        self.numbers = {name: array(code) for name, code in _NUMBERS.items()}

    def add(self, chunk: Chunk) -> None:
        doc = self.documents.get(chunk.doc_id)
        if doc is None:
            raise ValueError(f"chunk {chunk.chunk_id!r} names document {chunk.doc_id!r}, "
                             "which is not in this generation")
        if doc.text[chunk.char_start : chunk.char_end] != chunk.text:
            raise ValueError(f"chunk {chunk.chunk_id!r}: its text is not "
                             f"{chunk.doc_id}[{chunk.char_start}:{chunk.char_end}]")
        for name, encoder in self.strings.items():
            encoder.add(getattr(chunk, name))
        for name, values in self.numbers.items():
            value = getattr(chunk, name)
            values.append(_NO_PAGE if value is None else value)

    def table(self) -> ChunkTable:
        strings = {name: encoder.column() for name, encoder in self.strings.items()}
        numbers = {name: np.array(values) for name, values in self.numbers.items()}
        return ChunkTable(self.documents, strings, numbers)


class ChunkRowsBase(Sequence[Chunk]):
    """Chunks by row, made on demand by :meth:`fetch` (which subclasses provide)."""

    _n: int

    def fetch(self, rows: Sequence[int]) -> list[Chunk]:
        """The chunks at ``rows``, in that order."""
        raise NotImplementedError

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> Chunk: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Chunk]: ...

    def __getitem__(self, index: int | slice) -> Chunk | Sequence[Chunk]:
        if isinstance(index, slice):
            return self.fetch(range(self._n)[index])
        row = index + self._n if index < 0 else index
        if not 0 <= row < self._n:
            raise IndexError(f"chunk row {index} is out of range (0..{self._n - 1})")
        return self.fetch([row])[0]


class ChunkTable(ChunkRowsBase):
    """Read-only sequence of chunks in index order, stored as columns (see module doc)."""

    def __init__(
        self,
        documents: Mapping[str, Document],
        strings: Mapping[str, StringColumn],
        numbers: Mapping[str, np.ndarray],
    ) -> None:
        self._documents = documents
        self._strings = dict(strings)
        self._numbers = dict(numbers)
        self._n = len(self._numbers["ordinal"])

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk], documents: Mapping[str, Document]) -> ChunkTable:
        """Columns of ``chunks`` (a stream is fine); ValueError when a chunk's text is not
        the slice of its document that its offsets name."""
        builder = _ColumnBuilder(documents)
        for chunk in chunks:
            builder.add(chunk)
        return builder.table()

    def fetch(self, rows: Sequence[int]) -> list[Chunk]:
        return [self._chunk(int(r)) for r in rows]

    def __iter__(self) -> Iterator[Chunk]:
        return (self._chunk(i) for i in range(self._n))

    def _chunk(self, row: int) -> Chunk:
        s, n = self._strings, self._numbers
        doc_id = s["doc_id"][row]
        start, end, page = int(n["char_start"][row]), int(n["char_end"][row]), int(n["page"][row])
        return Chunk(
            chunk_id=s["chunk_id"][row], doc_id=doc_id, source=s["source"][row],
            title=s["title"][row], ordinal=int(n["ordinal"][row]),
            section_path=s["section_path"][row], page=None if page == _NO_PAGE else page,
            char_start=start, char_end=end, text=self._documents[doc_id].text[start:end],
        )

    def doc_ids(self) -> Iterator[str]:
        """Each row's document id, without making the chunks."""
        column = self._strings["doc_id"]
        return (column[i] for i in range(self._n))

    def nbytes(self) -> int:
        """Approximate bytes the table holds (the documents' text not counted)."""
        return sum(c.nbytes() for c in self._strings.values()) + sum(
            a.nbytes for a in self._numbers.values())

