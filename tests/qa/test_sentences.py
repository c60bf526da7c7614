"""Sentence splitting keeps exact offsets and reads column-wrapped text as prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.answer.sentences import display, split_sentences
from tests.paths import SAMPLE_CORPUS

CORPUS = SAMPLE_CORPUS


def _check_spans(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.start >= previous_end
        assert s.text == s.text.strip()
        previous_end = s.end


@given(st.text(alphabet="补贴每月元硕士。；！？\n 12（一）、", max_size=200))
def test_spans_are_verbatim_and_ordered_for_any_text(text: str) -> None:
    _check_spans(text)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_spans_are_verbatim_on_the_sample_corpus(path: Path) -> None:
    _check_spans(path.read_text(encoding="utf-8"))


def test_column_wraps_are_joined_and_items_start_new_sentences() -> None:
    text = ("三是提高人才政策投\n\n放精准性。按照本科、硕士、博士学历分别给予每\n\n"
            "月 1000元、2000元、5000元的生\n\n活津贴；\n2.實施重點項目引才計劃。")
    got = [display(s.text) for s in split_sentences(text)]
    assert got == [
        "三是提高人才政策投放精准性。",
        "按照本科、硕士、博士学历分别给予每月 1000元、2000元、5000元的生活津贴；",
        "2.實施重點項目引才計劃。",
    ]


def test_base_offset_is_added() -> None:
    (s,) = split_sentences("补贴每月2000元。", base=100)
    assert (s.start, s.end) == (100, 110)


def test_department_fragment_is_its_own_sentence() -> None:
    text = "為重點產業企業做好用工保障。(責任處室:就業處、就業人才中心)\n2.實施重點項目引才計劃。"
    texts = [s.text for s in split_sentences(text)]
    assert "(責任處室:就業處、就業人才中心)" in texts


def test_a_bullet_glyph_run_into_a_line_starts_its_own_item() -> None:
    """Flattened web text: the notice's title, a ■ heading and its items on one line."""
    text = ("具体方法参照指引。\n《预防性消毒指引（2.0版）》■消毒原则\n"
            "1.没有出现病人的场所，以清洁卫生为主。")
    parts = [s.text for s in split_sentences(text)]
    assert parts == ["具体方法参照指引。", "《预防性消毒指引（2.0版）》", "■消毒原则",
                     "1.没有出现病人的场所，以清洁卫生为主。"]
    assert split_sentences(text)[2].is_heading
