"""Encoding detection on bytes we encode ourselves."""

from __future__ import annotations

import pytest

from ingest.encoding import decode_bytes, frequency_score
from ingest.errors import UnreadableFileError
from tests.ingest.conftest import BIG5_TEXT, GBK_TEXT


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (GBK_TEXT, "gbk"),
        (GBK_TEXT, "gb18030"),
        (BIG5_TEXT, "big5"),
        (BIG5_TEXT, "utf-16"),
        (GBK_TEXT, "utf-8-sig"),
        (GBK_TEXT, "utf-8"),
        (GBK_TEXT, "utf-16-le"),
    ],
)
def test_decodes_each_supported_encoding(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == text


def test_gbk_and_big5_are_told_apart_even_when_both_decode() -> None:
    gbk_bytes = "各地要落实就业补贴政策".encode("gbk")
    wrong = gbk_bytes.decode("big5", errors="replace")
    assert frequency_score(wrong) < frequency_score("各地要落实就业补贴政策")
    assert decode_bytes(gbk_bytes) == "各地要落实就业补贴政策"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\t ", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_unreadable_bytes_give_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFileError, match=reason):
        decode_bytes(data)
