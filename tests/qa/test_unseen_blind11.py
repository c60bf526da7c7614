"""General faults an eleventh unseen question set showed: a zone written after its
province and city (山东威海火炬高新区) read as an unknown zone of the province; 高区, the
everyday short form of 高新区 (威海高区), not read as a zone; and the English of policy
levels and counts (national-level, person-times) missing from the glossary."""

from __future__ import annotations

from app.answer.english import english_query
from lexicon.places import gazetteer


def _named(text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.place.name, m.known) for m in gazetteer().find(text)]


def test_a_zone_after_its_province_and_city_is_the_citys_zone() -> None:
    zone = "威海火炬高技术产业开发区"
    assert _named("山东威海火炬高新区，硕士") == [("山东", "山东省", True),
                                                ("威海火炬高新区", zone, True)]
    assert _named("山东青岛高新区")[-1] == ("青岛高新区", "青岛高新技术产业开发区", True)
    # a zone right after its city is still one mention, and a zone the table lacks is
    # still read as a zone of that city
    assert _named("威海火炬高新区") == [("威海火炬高新区", zone, True)]
    assert [(m.text, m.place.parent) for m in gazetteer().find("去绵阳高新区")] == [
        ("绵阳高新区", "510700")]


def test_gaoqu_is_the_high_tech_zone() -> None:
    assert _named("威海高区本科生每个月补多少钱") == [
        ("威海高区", "威海火炬高技术产业开发区", True)]
    assert _named("去青岛高区工作") == [("青岛高区", "青岛高新技术产业开发区", True)]


def test_policy_levels_and_counts_in_english() -> None:
    assert "国家级" in english_query("How many national-level high-level talents are there?")
    assert "省级" in english_query("provincial-level skill master studios")
    assert "人次" in english_query("How many person-times of skill evaluations?")
