"""Normaliser: real damaged snippets from the sample corpus, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ingest.normalise import clean_spaces, fold_fullwidth, normalise_text, undouble

_COLUMN_003 = [  # 003_*: a narrow PDF column, blank lines between all lines
    "党群工作部开展的“青有独钟、",
    "赢在高新”系列2025年招才引智",
    "名校行首场招聘活动。招聘会",
    "吸引了大量应聘者参加，并踊跃",
    "投递简历。",
    "招 聘 会 吸 引 包 括 科 捷 智",
    "能、普瑞森医药等 20 余家重点",
    "企业参与，涵盖信息技术、人工",
    "智能、大数据、智能制造等领",
    "域，共提供优质岗位 300余个。",
]


def test_letter_spaced_cjk_is_closed_up_and_column_lines_joined() -> None:
    text = normalise_text("\n\n".join(_COLUMN_003))
    assert text.split("\n") == [
        "党群工作部开展的“青有独钟、赢在高新”系列2025年招才引智名校行首场招聘活动。"
        "招聘会吸引了大量应聘者参加，并踊跃投递简历。",
        "招聘会吸引包括科捷智能、普瑞森医药等20余家重点企业参与，涵盖信息技术、人工智能、"
        "大数据、智能制造等领域，共提供优质岗位300余个。",
    ]


def test_number_next_to_cjk_loses_the_stray_space() -> None:
    assert clean_spaces("目前我国技能人才总量超过 2亿人") == "目前我国技能人才总量超过2亿人"
    assert clean_spaces("2023 年 9 月，习近平") == "2023年9月，习近平"


def test_latin_words_and_numbers_keep_their_spaces() -> None:
    assert normalise_text("Python 3.11 and AI") == "Python 3.11 and AI"
    assert clean_spaces("通过湘税社保 APP 缴费") == "通过湘税社保 APP 缴费"


def test_spaces_between_multi_character_words_are_kept() -> None:
    # 001_*: a list of names is not letter-spacing
    assert clean_spaces("(梁太宏 陈娟 崔润泽)") == "(梁太宏 陈娟 崔润泽)"


def test_doubled_heading_collapses() -> None:
    raw = "我国新兴产业高技能人才缺口逾千万我国新兴产业高技能人才缺口逾千万\n\n正文。"
    assert normalise_text(raw).split("\n")[0] == "我国新兴产业高技能人才缺口逾千万"
    assert undouble("人才缺口 人才缺口") == "人才缺口"
    assert undouble("一二三一二三四") == "一二三一二三四"


def test_question_mark_runs_vanish() -> None:
    # 004_*: full-width spaces destroyed by a bad encoding
    raw = (
        "確保各項任務高質量完成。\n?\n"
        "???????????????????????青島市人力資源和社會保障局\n2025年4月7日"
    )
    assert (
        normalise_text(raw) == "確保各項任務高質量完成。\n青島市人力資源和社會保障局\n2025年4月7日"
    )


def test_traditional_script_is_kept() -> None:
    assert "關于強化人才引領" in normalise_text("關于強化人才引領支撐")


def test_full_width_ascii_folds_but_chinese_punctuation_stays() -> None:
    assert fold_fullwidth("ＡＢＣ１２３％，：；（）！？") == "ABC123%，：；（）！？"


def test_lines_wrapped_in_a_narrow_column_are_joined() -> None:
    # 000_*: a 13-character column with blank lines between every line
    lines = [
        "新质生产力是创新起主导",
        "作用，摆脱传统经济增长方式、",
        "生产力发展路径，具有高科技、",
        "高效能、高质量特征，符合新发",
        "展理念的先进生产力质态。新",
        "质生产力的核心要素是科技创",
        "新，通过技术革命性突破、生产",
        "要素创新性配置、产业深度转型",
        "升级而催生。",
        "二、人才对新质生产力",
        "发展的重要意义",
    ]
    text = normalise_text("\n\n".join(lines[:-1]) + "\n" + lines[-1])
    first, heading = text.split("\n")
    assert first.startswith("新质生产力是创新起主导作用，摆脱")
    assert first.endswith("产业深度转型升级而催生。")
    assert heading == "二、人才对新质生产力发展的重要意义"


def test_single_line_notice_is_split_into_paragraphs() -> None:
    # NCP corpus: one line per document, paragraphs separated by spaces
    raw = (
        "关于城乡居民基本医疗保险费征收有关事项的通知 各市州医疗保障局：为确保缴费人权益，"
        "现将有关事项通知如下： 一、延长缴费期限 集中缴费截止日期由 2020 年 2 月 29 日统一延长。"
        " 二、鼓励网上缴费 鼓励缴费人通过湘税社保 APP 缴费。"
    )
    paragraphs = normalise_text(raw).split("\n")
    assert paragraphs[0] == "关于城乡居民基本医疗保险费征收有关事项的通知"
    assert "一、延长缴费期限" in paragraphs
    assert "集中缴费截止日期由2020年2月29日统一延长。" in paragraphs
    assert "二、鼓励网上缴费" in paragraphs


@pytest.mark.parametrize("raw", ["", "   ", "\n\n", "???", "?\n?\n"])
def test_blank_input_gives_empty_text(raw: str) -> None:
    assert normalise_text(raw) == ""


_ALPHABET = st.sampled_from(
    list("人才政策补贴一二三、（）()。，；：！？?  \n\u3000abcAB12３４５關於這?\t\r“”《》.-")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300) | st.text(max_size=200))
def test_normaliser_never_crashes_and_is_tidy(raw: str) -> None:
    text = normalise_text(raw)
    assert "\n\n" not in text
    assert text == text.strip()
    assert "??" not in text
    assert all(line == line.strip() for line in text.split("\n"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("人才政策补贴就业岗位關於這")), min_size=2, max_size=40))
def test_letter_spaced_han_always_closes_up(chars: list[str]) -> None:
    """Letter-spaced Han closes up exactly, unless the closed-up line is the same text
    twice (人人人人人人人人), which :func:`undouble` reads as a heading printed twice."""
    joined = "".join(chars)
    assume(undouble(joined) == joined)
    assert normalise_text(" ".join(chars)) == joined
