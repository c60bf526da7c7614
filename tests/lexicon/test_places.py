"""The gazetteer: the whole table, its hierarchy, and places named in text."""

from __future__ import annotations

import pytest

from lexicon import gazetteer, region_relation
from lexicon.places import DATA, Gazetteer, Place, load_places


def test_table_covers_every_level_of_china() -> None:
    g = gazetteer()
    levels = [p.level for p in g]
    assert levels.count("province") == 34
    assert levels.count("city") >= 330
    assert levels.count("county") >= 2800
    assert levels.count("zone") >= 100


def test_every_place_has_a_known_parent_and_reaches_a_province() -> None:
    g = gazetteer()
    for place in g:
        if place.level == "province":
            assert place.parent is None
            continue
        assert place.parent is not None
        g.get(place.parent)  # raises KeyError when the parent is missing
        top = g.province_of(place)
        assert top is not None and top.level == "province", place


def test_codes_are_unique_across_the_data_files() -> None:
    rows = load_places(DATA / "places.tsv", DATA / "places_extra.tsv")
    assert len({p.code for p in rows}) == len(rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我是硕士，去南阳工作每个月有多少生活补贴？", [("南阳", "南阳市")]),
        ("从江苏来青岛崂山工作", [("江苏", "江苏省"), ("青岛", "青岛市"), ("崂山", "崂山区")]),
        ("崂山有什么人才政策", [("崂山", "崂山区")]),
        ("内蒙古自治区人民政府", [("内蒙古自治区", "内蒙古自治区")]),
        ("中山大学毕业去中山市", [("中山市", "中山市")]),  # 中山 alone is a common word
        ("科技创新平台有什么补贴", []),  # 新平 county inside 创新平台 is no place
        ("复杂多变的形势", []),
        ("去开发区工作", []),
        # a short name whose first character ends another word is no place
        ("确保定点医疗机构不因支付政策影响救治", []),  # 确保|定点, not 保定
        ("所有生产力的形成都是通过人类的劳动", []),  # 形成|都是, not 成都
        ("主营口罩等无纺布制品", []),  # 主营|口罩, not 营口
        ("毕业后去保定工作", [("保定", "保定市")]),
        ("成都都有哪些补贴", [("成都", "成都市")]),
        # a suffix that belongs to a level word: 海南 + 省级, 青岛 + 市级
        ("海南省级技能大师工作室", [("海南", "海南省")]),
        ("青岛市级重点项目", [("青岛", "青岛市")]),
        ("海南省宣布新建基地", [("海南省", "海南省")]),
        # cities whose short names are no everyday word count alone (they were once listed
        # as common words, so questions about them got another city's figures unlabelled)
        ("想去大理工作", [("大理", "大理白族自治州")]),
        ("我老家在宜宾", [("宜宾", "宜宾市")]),
        ("长春和安庆哪个补贴高", [("长春", "长春市"), ("安庆", "安庆市")]),
    ],
)
def test_find_known_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.place.name) for m in gazetteer().find(text)] == expected


def test_zone_after_a_known_place_is_a_zone_of_that_place() -> None:
    g = gazetteer()
    (m,) = g.find("毕业去绵阳高新区工作")
    assert (m.text, m.place.level, m.known) == ("绵阳高新区", "zone", False)
    assert g.parent(m.place).name == "绵阳市" and g.province_of(m.place).name == "四川省"
    (table_zone,) = g.find("威海经济技术开发区")
    assert table_zone.known and table_zone.place.code == "371072"


def test_a_zone_named_by_its_kind_alone_is_one_place_however_spelled() -> None:
    """北京经开区 is 北京经济技术开发区 (the table lists neither); 北京高新区 is another."""
    g = gazetteer()
    (short,), (full,) = g.find("在北京经开区上学"), g.find("北京经济技术开发区")
    assert short.place.code == full.place.code and not short.known
    assert region_relation("北京经开区", "北京经济技术开发区") == "same"
    assert region_relation("北京高新区", "北京经济技术开发区") == "other"


def test_unknown_name_by_suffix_only_in_a_place_slot() -> None:
    g = gazetteer()
    (m,) = g.find("我想去星河新区工作")
    assert (m.text, m.known, m.place.parent) == ("星河新区", False, None)
    assert g.find("我想去星河新区工作", unknown=False) == ()
    assert g.find("在本市工作") == () and g.find("去工业园区上班") == ()


def test_unknown_name_opening_a_clause_counts_when_it_ends_a_word() -> None:
    g = gazetteer()
    (m,) = g.find("星河新区所设置的隔离点提供哪些服务？")
    assert (m.text, m.known, m.place.listed) == ("星河新区", False, False)
    assert [x.text for x in g.find("请问，星河新区有补贴吗")] == ["星河新区"]
    assert g.find("休市期间市民去哪里买菜？") == ()  # 市 of 市民 ends no name
    assert g.find("高新区有创业导师吗") == ()  # a bare suffix names no place
    assert g.resolve("青岛市").listed


@pytest.mark.parametrize("text", ["对于保障城市基本运行的商超", "崂山是哪年建区的",
                                  "被认为是人才冷点区域", "在各运输区段安排的联运人"])
def test_no_unknown_place_where_the_words_run_otherwise(text: str) -> None:
    assert [m.text for m in gazetteer().find(text) if not m.known] == []


def test_ambiguous_short_names_keep_the_other_readings() -> None:
    (m,) = gazetteer().find("朝阳的政策")
    assert m.place.level == "city" and {p.level for p in m.others} == {"county"}


def test_resolve_names_short_full_and_nested() -> None:
    g = gazetteer()
    assert g.resolve("青岛").name == g.resolve("青岛市").name == "青岛市"
    assert g.resolve("青岛市崂山区").name == "崂山区"
    assert g.resolve("全国") is None and g.resolve("") is None
    assert g.resolve("没有这个地方") is None


def test_english_names() -> None:
    g = gazetteer()
    assert [p.name for p in g.english("Chengdu")] == ["成都市"]
    assert [p.name for p in g.english("shaanxi")] == ["陕西省"]
    assert {p.name for p in g.english("Taizhou")} == {"台州市", "泰州市"}
    # names read as the dictionary reads them, not character by character
    assert [p.name for p in g.english("Guoyang")] == ["涡阳县"]
    assert [p.name for p in g.english("Changzhi")] == ["长治市"]
    assert "闵行区" in {p.name for p in g.english("Minhang")} and not g.english("Minxing")


def test_a_small_gazetteer_from_rows() -> None:
    places = [Place("1", "甲省", "甲", "province", None), Place("2", "乙市", "乙城", "city", "1")]
    g = Gazetteer(places)
    assert [m.place.code for m in g.find("去乙城工作")] == ["2"]
    assert g.within(places[1], places[0]) and not g.within(places[0], places[1])


def test_a_citys_suffix_that_begins_its_district_is_lent_to_the_district() -> None:
    g = gazetteer()
    assert [(m.text, m.place.name) for m in g.find("青岛市南区人才总量")] == [
        ("青岛", "青岛市"), ("市南区", "市南区")]
    assert [m.place.name for m in g.find("济南市中区")] == ["济南市", "市中区"]
    # a district that does not begin with 市 keeps the city's full name
    assert [m.text for m in g.find("青岛市崂山区")] == ["青岛市", "崂山区"]
    assert [m.text for m in g.find("去青岛市工作")] == ["青岛市"]
