"""Region matching used by the region boost."""

from __future__ import annotations

import pytest

from index.regions import region_matches


@pytest.mark.parametrize(
    ("doc_region", "wanted", "expected"),
    [
        ("青岛", "青岛", True),
        ("青岛市", "青岛", True),
        ("青岛", "青岛市", True),
        ("崂山区", "青岛", True),
        ("青岛市崂山区", "青岛", True),
        ("青岛", "崂山区", True),
        ("济南市", "青岛", False),
        ("上海", "崂山区", False),
        (None, "青岛", False),
        ("青岛", "  ", False),
    ],
)
def test_region_matches(doc_region: str | None, wanted: str, expected: bool) -> None:
    assert region_matches(doc_region, wanted) is expected
