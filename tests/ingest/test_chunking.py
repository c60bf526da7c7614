"""Chunker: section paths, sentence-respecting splits, exact offsets (and properties)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_spans, find_sections
from ingest.config import ChunkingConfig
from ingest.normalise import normalise_text

POLICY = (
    "关于强化人才引领支撑的实施方案\n"
    "一、目标任务\n"
    "全年引聚青年人才达到15万人以上。\n"
    "二、主要举措\n"
    "（一）实施企业人才保障行动\n"
    "1.实施就业服务保障计划。聚焦重点产业发展，统筹优化就业创业支持政策。\n"
    "2.实施重点项目引才计划。遴选确定100个市级重点招才引智项目。\n"
    "（二）实施产教融合育才行动\n"
    "3.强化产业技能人才培育。全年培养高技能人才2万人。"
)


def test_section_paths_follow_the_heading_hierarchy() -> None:
    spans = chunk_spans(POLICY, ChunkingConfig(chunk_size=60, chunk_overlap=0))
    paths = [s.section_path for s in spans]
    assert paths == [
        "",
        "一、目标任务",
        "二、主要举措 > （一）实施企业人才保障行动 > 1.实施就业服务保障计划",
        "二、主要举措 > （一）实施企业人才保障行动 > 2.实施重点项目引才计划",
        "二、主要举措 > （二）实施产教融合育才行动 > 3.强化产业技能人才培育",
    ]


def test_heading_only_sections_join_the_next_section() -> None:
    sections = find_sections(POLICY)
    starts = [POLICY[s.start : s.end].split("\n")[0] for s in sections]
    assert "二、主要举措" in starts
    assert "（一）实施企业人才保障行动" not in starts


def test_chunks_end_at_sentence_boundaries_when_sentences_fit() -> None:
    text = "一、总则\n" + "".join(f"第{i}句话讲的是人才政策的第{i}项内容。" for i in range(30))
    spans = chunk_spans(text, ChunkingConfig(chunk_size=80, chunk_overlap=20))
    assert len(spans) > 3
    for span in spans:
        assert text[span.start : span.end].endswith("。")
        assert span.end - span.start <= 80


def test_a_sentence_longer_than_the_chunk_is_split() -> None:
    text = "人" * 500
    spans = chunk_spans(text, ChunkingConfig(chunk_size=100, chunk_overlap=10))
    assert max(s.end - s.start for s in spans) <= 100
    assert spans[0].start == 0 and spans[-1].end == 500


def test_traditional_headings_are_recognised() -> None:
    text = "二、主要舉措\n(一)實施企業人才保障行動\n1.實施就業服務保障計劃。聚焦產業。"
    (span,) = chunk_spans(text, ChunkingConfig())
    assert span.section_path == "二、主要舉措 > (一)實施企業人才保障行動 > 1.實施就業服務保障計劃"


_TEXT = st.text(
    alphabet=st.sampled_from(list("人才政策补贴。！？；，、 \n一二（）()1.2、第章条abc?")),
    max_size=600,
)


@settings(max_examples=300, deadline=None)
@given(
    _TEXT,
    st.integers(min_value=20, max_value=200),
    st.integers(min_value=0, max_value=19),
)
def test_chunk_offsets_are_exact_and_sizes_bounded(text: str, size: int, overlap: int) -> None:
    config = ChunkingConfig(chunk_size=size, chunk_overlap=overlap)
    spans = chunk_spans(text, config)
    previous_start = -1
    for span in spans:
        piece = text[span.start : span.end]
        assert piece.strip() and piece == piece.strip()
        assert span.end - span.start <= size
        assert span.start > previous_start
        previous_start = span.start
    covered = "".join(text[s.start : s.end] for s in spans)
    assert set(covered) >= set(text) - set(" \n")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("人才政策。，一、（二）1.\n ?？ab")), max_size=800))
def test_normalised_then_chunked_offsets_are_exact(raw: str) -> None:
    text = normalise_text(raw)
    for span in chunk_spans(text, ChunkingConfig(chunk_size=40, chunk_overlap=8)):
        assert 0 <= span.start < span.end <= len(text)
        assert span.end - span.start <= 40
