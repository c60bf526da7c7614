"""General faults the thirty-first and thirty-second unseen question sets showed, each on
a made-up notice or the readers themselves: a figure for the first three quarters was
given for 「2023年全年」; a year (2023年) counted as a number of things; a span asked in the
first clause of a question with a comma (「房租减免多长时间，到期了怎么续」) was judged by
the second; a sentence about 我国 in a city's report was read as that city's; a place
carried from an earlier paragraph outweighed the asked place the sentence itself names;
「占几成」 asked no figure; 「我们国家」 was not 我国; an English "how much" did not ask a
sum outright. Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_sum, span_sentence
from app.answer.question import find_kinds
from app.answer.scoring import holds_kind
from app.answer.statement_region import statement_region
from app.answer.years import part_of_year
from lexicon import standard_wording
from tests.qa.made_up import RENT_WAIVER, MadeUp

_GDP = MadeUp.of({"l": ("某区2023年度人才工作综述", "南阳市",
                        "2023年，某区深入实施人才强区战略，出台一系列招才引智政策。"
                        "数据显示，2023年前三季度，某区生产总值增长7.0%，固定资产投资增长13.6%。")})


def test_a_part_of_the_year_does_not_answer_for_the_whole_year() -> None:
    assert part_of_year("2023年前三季度，某区生产总值增长7.0%")
    assert part_of_year("1-9月新增就业2万人") and part_of_year("前两个月新增2万人")
    assert not part_of_year("全年新增2万人，其中上半年1万人")
    assert not part_of_year("2023年新增2万人")
    d = _GDP.decide("南阳2023年全年生产总值增长了多少")
    assert d.refused, d.chosen[0].sentence.text if d.chosen else d.reason
    d = _GDP.decide("南阳2023年前三季度生产总值增长了多少")
    assert not d.refused, d.reason
    assert "7.0%" in d.chosen[0].sentence.text
    # a question that checks a belief names the whole year to be corrected
    assert not _GDP.decide("听说南阳2023年全年生产总值增长7%？").refused


def test_a_year_counts_nothing() -> None:
    assert not holds_kind("2023年，某区深入实施人才强区战略", "count")
    assert holds_kind("2023年共有5031人入住", "count")
    assert holds_kind("新建3个基地", "count")


def test_a_span_asked_in_the_first_clause_is_judged_there() -> None:
    assert span_sentence("人才公寓房租减免多长时间，到期了怎么续") == "人才公寓房租减免多长时间"
    assert span_sentence("我是博士，补贴能领几年") == "补贴能领几年"
    assert span_sentence("补贴能领几年") == "补贴能领几年"
    made = MadeUp.of(RENT_WAIVER)
    d = made.decide("在南阳入职后人才公寓房租减免多长时间，到期了怎么续")
    assert not d.refused, d.reason
    assert "1年房租" in d.chosen[0].sentence.text
    assert made.decide("南阳人才公寓到期后半价续租能续多长时间").refused


def test_a_sentence_about_the_country_is_the_countrys() -> None:
    assert statement_region("目前我国技能人才总量超过2亿人", "青岛高新技术产业开发区") == "全国"
    # a place the sentence names still comes first, and a sentence naming none is the
    # document's
    assert statement_region("我国首个海洋人才港落户崂山区", "青岛市") == "崂山区"
    assert statement_region("技能人才总量超过2亿人", "青岛市") == "青岛市"
    assert standard_wording("我们国家技能人才有多少") == "我国技能人才有多少"
    # the country's figure in a city's report is no rule that holds in another place
    made = MadeUp.of({"q": ("某区青年人才工作", "青岛市",
                            "人社部数据显示，目前我国技能人才总量超过2亿人。")})
    d = made.decide("安阳技能人才总量有多少")
    assert d.refused and d.outcome == "other_region", d.reason
    d = made.decide("我国技能人才总量有多少")
    assert not d.refused and "2亿人" in d.chosen[0].sentence.text
    # in a document of no region (a national paper) a 我国 sentence stays unplaced
    assert statement_region("目前我国技能人才总量超过2亿人", None) is None


def test_the_asked_place_the_sentence_names_outweighs_a_carried_one() -> None:
    made = MadeUp.of({"n": ("职业教育专版", "青岛市",
                            "海南省宣布今年将新建一批省级高技能人才培训基地。"
                            "在蚌埠技师学院实训室内，机电工程系学生进行例行的上机训练。"
                            "这对在技能大赛中斩获机器人赛项二等奖的搭档，已成为蚌埠市高技能人才"
                            "培育工程的生动注脚。")})
    d = made.decide("蚌埠技师学院的学生在技能大赛上拿了几等奖")
    assert not d.refused, d.reason
    top = d.chosen[0]
    assert "二等奖" in top.sentence.text and top.region == "蚌埠市"
    # a place that is not asked keeps the carried reading
    d = made.decide("海南技能大赛拿了几等奖")
    assert all(c.region != "蚌埠市" for c in d.chosen)


def test_a_share_asks_a_figure_and_english_asks_a_sum() -> None:
    assert "count" in find_kinds("高技能人才在技能人才里占几成")
    assert "count" in find_kinds("高技能人才占百分之几")
    assert asks_sum("How much is the monthly allowance?")
    assert asks_sum("What monthly salary does the firm offer?")
    assert not asks_sum("How much of the fund goes to training?")
    assert not asks_sum("How many studios are there?")
