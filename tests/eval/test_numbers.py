"""The number normaliser: 1万 = 10000 = 一万, 5千 = 5000, 15万人 = 150000."""

from __future__ import annotations

import pytest

from eval.numbers import extract_numbers, parse_chinese_numeral


@pytest.mark.parametrize("text", ["1万元", "10000元", "一万元", "10,000元", "1 万元", "１万元"])
def test_ten_thousand_spellings_agree(text: str) -> None:
    assert extract_numbers(text) == {10000.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5千", {5000.0}),
        ("5000", {5000.0}),
        ("15万人以上", {150000.0}),
        ("15萬人以上", {150000.0}),
        ("1.1亿人", {110000000.0}),
        ("17.52万人", {175200.0}),
        ("2.6萬人次", {26000.0}),
        ("每个基地补助100万-300万元", {1000000.0, 3000000.0}),
        ("缺口仍逾千万。", {10000000.0}),
        ("两千五百元", {2500.0}),
        ("近80%的人", {80.0}),
    ],
)
def test_values(text: str, expected: set[float]) -> None:
    assert extract_numbers(text) == expected


def test_lone_unit_characters_inside_words_are_not_numbers() -> None:
    assert extract_numbers("落实万名大学生聚集计划，千秋基业") == set()


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十四", 14), ("三千五百", 3500), ("两万三千", 23000), ("千万", 10_000_000),
     ("一亿两千万", 120_000_000), ("万亿", 10**12)],
)
def test_parse_chinese_numeral(numeral: str, value: int) -> None:
    assert parse_chinese_numeral(numeral) == value


def test_parse_rejects_non_numerals() -> None:
    with pytest.raises(ValueError):
        parse_chinese_numeral("人才")
