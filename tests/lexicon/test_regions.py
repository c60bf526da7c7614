"""Region relations through the hierarchy."""

from __future__ import annotations

import pytest

from lexicon import applies_to, province_of, region_label, region_matches, region_relation


@pytest.mark.parametrize(
    ("asked", "doc_region", "expected"),
    [
        ("南阳", "南阳市", "same"),
        ("南阳", "河南省", "contains"),
        ("南阳", "河南", "contains"),
        ("南阳", "威海市", "other"),
        ("青岛", "崂山区", "inside"),
        ("崂山区", "青岛", "contains"),
        ("绵阳高新区", "绵阳", "contains"),
        ("绵阳高新区", "威海火炬高新区", "other"),
        ("青岛", "全国", "national"),
        ("青岛", None, "unknown"),
        ("星河新区", "威海市", "other"),
    ],
)
def test_region_relation(asked: str, doc_region: str | None, expected: str) -> None:
    assert region_relation(asked, doc_region) == expected


def test_applies_and_matches() -> None:
    assert applies_to("全国", "南阳") and applies_to("河南省", "南阳")
    assert not applies_to(None, "南阳") and not applies_to("威海市", "南阳")
    assert region_matches("崂山区", "青岛") and region_matches("青岛市", "崂山区")
    assert not region_matches("全国", "青岛") and not region_matches("济南", "青岛")
    assert not region_matches("青岛", "  ")


def test_province_and_labels() -> None:
    assert province_of("绵阳高新区") == "四川" and province_of("全国") is None
    assert region_label("青岛") == "青岛市" and region_label("全国") == "国家层面"
