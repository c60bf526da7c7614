"""General faults the forty-fifth to forty-eighth unseen question sets showed (regional
speech and voice input; two questions in one and checked premises; mostly English;
mostly Traditional). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.kinds import asks_comparison, find_kinds
from app.answer.plan import CorpusView, read_question
from app.answer.question import analyze, content_segments
from app.answer.scoring import holds_kind
from ingest.types import Document
from lexicon import gazetteer
from tests.qa.made_up import MadeUp

_REPORT = {"r": ("某区人才工作综述", "南阳市",
                 "在公司初创期，某区给我们投入500万元的引导资金和480万元的贴息贷款。"
                 "某区在人才工作生活聚集区域打造了20个人才家园。"
                 "数据显示，2023年前三季度，某区生产总值增长7.0%。"
                 "2023年，该公司订单较上一年度翻一番，承担了多项重点研究项目。")}


def test_a_comparative_is_phrasing_and_asks_to_compare() -> None:
    assert "更大" not in "".join(content_segments("引导资金和贴息贷款，哪个数额更大？"))
    assert asks_comparison("引导资金和贴息贷款，哪个数额更大？")
    assert not asks_comparison("哪个部门更合适") and not asks_comparison("更多人才来了吗")
    d = MadeUp.of(_REPORT).decide("某区给的引导资金和贴息贷款，哪个数额更大？")
    assert not d.refused, d.reason
    assert "500万元" in d.chosen[0].sentence.text


def test_a_clause_of_exclusion_is_an_aside() -> None:
    assert asides("除了看病和孩子上学，南阳还给人才办了啥福利？") == ("除了看病和孩子上学",)
    assert asides("供需错配、机制僵化之外，另外两个是什么？") == ("供需错配、机制僵化之外",)
    assert asides("看病和孩子上学，南阳给人才办了啥福利？") == ()  # the topic before the ask


def test_a_count_asked_before_the_things_themselves_is_answered_by_naming_them() -> None:
    assert "count" not in find_kinds("有几个现实问题，另外两个是什么")
    assert "count" in find_kinds("一共有几个现实问题")
    assert "count" in find_kinds("是什么问题，有几个")  # the count asked after
    assert find_kinds("每月补贴多少，是什么补贴") == ("amount",)  # no count read to drop


def test_a_year_is_a_date_and_a_span_of_years_a_period() -> None:
    assert not holds_kind("2023年共有5031人实现了梦想", "duration")
    assert holds_kind("减免1年房租", "duration")
    assert holds_kind("关于构建创新型产业体系的实施方案(2025—2027年)", "duration")


def test_what_the_asker_told_before_the_question_asks_nothing() -> None:
    story = "我在国外做了几年研究，入选了国家级人才，今年去南阳创业。住房有哪些选择？"
    assert "duration" not in analyze(story).kinds
    assert "duration" in analyze("我在国外做研究，住房补贴能领几年？").kinds


def test_the_issuer_of_a_notice_speaks_in_every_sentence_of_it() -> None:
    body = "关于强化人才支撑的实施方案\n全年集聚青年人才15万人以上。"
    notice = Document("n", "n.txt", "关于强化人才支撑的实施方案", "南阳市人力资源和社会保障局",
                      "2025-04-07", None, "南阳市", body, "")
    other = Document("o", "o.txt", "人社部数据", None, None, None, None,
                     "人社部数据\n我国技能人才总量超过2亿人。", "")
    documents = {"n": notice, "o": other}
    plan = MadeUp(documents, CorpusView(documents))
    d = plan.decide("How many young talents does the Nanyang human resources and social "
                    "security bureau plan to gather?")
    assert not d.refused, d.reason
    assert "15万人" in d.chosen[0].sentence.text


def test_english_growth_asks_a_figure_and_which_year_the_year() -> None:
    assert "count" in find_kinds("What was Nanyang's GDP growth in 2023?")
    assert "count" not in find_kinds("What drove growth in Nanyang?")
    assert "year" in find_kinds("Which year is the survey from?")
    assert "amount" not in find_kinds("What flexible pay schemes can institutions use?")
    assert "amount" in find_kinds("What living allowance do PhDs get?")


def test_a_county_after_an_asking_phrase_is_in_a_place_slot() -> None:
    assert analyze("请问一下德令哈对硕士有没有补贴").places == ("德令哈",)
    assert analyze("下德令哈").places == ()  # 下德 is no asking phrase


def test_english_names_in_use_besides_the_pinyin() -> None:
    g = gazetteer()
    assert [p.name for p in g.english("Kokdala")] == [p.name for p in g.english("Kekedala")]
    assert [p.name for p in g.english("Shigatse")] == ["日喀则市"]
    assert analyze("How much do PhDs get in Kashgar?").places


_GDP = {"g": ("某区人才工作综述", "南阳市",
               "2023年，南阳一家企业订单翻一番，生产出国内首台显微镜。"
               "南阳在人才工作生活聚集区域打造了20个人才家园。"
               "数据显示，2023年前三季度，南阳生产总值增长7.0%，固定资产投资增长13.6%。")}


def test_a_far_weaker_sentence_is_no_answer_for_the_year_left_out() -> None:
    plan = MadeUp.of(_GDP, {"g": "2024-01-10"})
    d = plan.decide("南阳2023年全年生产总值增长多少")
    assert d.refused and "another time" in d.reason, d.reason
    d = plan.decide("南阳2023年前三季度生产总值增长多少")
    assert not d.refused, d.reason
    assert "7.0%" in d.chosen[0].sentence.text


def test_a_word_glossed_only_as_an_action_names_nothing_whatever_the_tagger_says() -> None:
    view = MadeUp.of(_GDP).view
    asked = read_question("南阳在人才扎堆的地方建了几个人才家园", (), view).content
    assert not any("扎堆" in c for c in asked), asked
    asked = read_question("南阳的人才家园有几个", (), view).content
    assert any("人才家园" in c for c in asked), asked


def test_a_day_asked_is_not_answered_by_lately() -> None:
    body = ("近日，南阳举办春季专场招聘会，提供岗位300余个。南阳还建设了一批人才公寓。"
            "3月1日起，人才公寓开放申请。")
    d = MadeUp.of({"f": ("南阳招聘会", "南阳市", body)}).decide("南阳春季专场招聘会是哪天举办的")
    assert d.refused, d.reason
    dated = body.replace("近日", "2月20日")
    d = MadeUp.of({"f": ("南阳招聘会", "南阳市", dated)}).decide("南阳春季专场招聘会是哪天举办的")
    assert not d.refused, d.reason
    assert "2月20日" in d.chosen[0].sentence.text


def test_a_year_asked_is_not_answered_by_now() -> None:
    assert find_kinds("Which year is that survey from?") == ("year",)
    assert "count" not in find_kinds("这个数是哪一年的") and "count" in find_kinds("个数是多少")
    assert find_kinds("新质生产力是哪年几月提出的") == ("date",)  # the month too
    said = "出国留学的博士生中近80%的人有意愿留在国外发展。"
    asked = "出国博士近80%想留在国外，这个数是哪一年的？"
    d = MadeUp.of({"p": ("人才论文", None, f"当前，{said}")}).decide(asked)
    assert d.refused, d.reason
    d = MadeUp.of({"p": ("人才论文", None, f"2019年调查显示，{said}")}).decide(asked)
    assert not d.refused, d.reason
