"""General faults an eleventh unseen question set showed: a zone written after its
province and city (山东威海火炬高新区) read as an unknown zone of the province; 高区, the
everyday short form of 高新区 (威海高区), not read as a zone; and the English of policy
levels and counts (national-level, person-times) missing from the glossary."""

from __future__ import annotations

from app.answer.english import english_query
from app.answer.question import analyze, content_segments
from lexicon.places import gazetteer
from tests.qa.made_up import MadeUp


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


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", "某市", body)})


def test_a_never_used_word_that_names_nothing_does_not_thin_support() -> None:
    """「读完博士回某市上班，回来能领…吗」: the documents never say 读完, 上班 or 回来, verbs,
    and the question still asks about the 一次性补助 they name; a predicate after the asking
    word stays asked (「年薪至少要多少才够格」: 够格 is what is asked, and the notice does
    not say it)."""
    body = "对某市籍毕业生，按照博士研究生1万元的标准发放一次性返乡补贴。企业参与人才培养。"
    d = _made(body).decide("读完博士回某市上班，回来能领一次性补助吗？")
    assert not d.refused and "1万元" in d.chosen[0].sentence.text
    green = ("对企业新引进的紧缺人才，可以采取按薪定才的方式发放人才绿卡。"
             "园区举办活动，每场补贴1000元。")
    assert _made(green).decide("某市按薪定才发人才绿卡，年薪至少要多少才够格？").refused


def test_a_missing_thing_asked_by_name_is_refused() -> None:
    """「在哪个场馆」, 「有没有年龄限制」: a noun the documents never use, asked for by name,
    is refused however well the rest matches; 「有没有官方的平台」 asks about a 平台."""
    body = "近日，某市举办春季青软集团专场招聘会，共提供岗位300余个。"
    assert _made(body).decide("某市青软集团那场专场招聘会在哪个场馆开的？").refused
    assert not _made(body).decide("某市青软集团那场专场招聘会一共提供多少岗位？").refused
    platform = "依托某市青年实习见习公共服务平台，集聚优质实习见习岗位。"
    d = _made(platform).decide("我想在某市找个实习见习岗位，有没有官方的平台可以用？")
    assert not d.refused


def test_internet_and_name_asking_words_are_phrasing() -> None:
    """有木有 is 有没有; 名字, 名称 and 例子 name the kind of fact asked, not a topic."""
    assert "有木有" not in "".join(analyze("那个津贴有木有年龄限制啊？").content)
    assert "名字" not in "".join(content_segments("合办的学院都叫什么名字"))
    assert "例子" not in "".join(content_segments("能评上人才吗，有什么例子"))
