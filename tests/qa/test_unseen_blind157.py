"""General faults the hundred-and-fifty-seventh to hundred-and-sixtieth unseen question
sets showed (a realistic mix, everyday words, askers opening with their city and school,
yes/no checks). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_sum
from app.answer.asked_place import asked_region
from app.answer.clauses import asides, asking_clauses
from app.answer.question import analyze
from app.answer.story import whereabouts
from app.answer.tables import table_plan
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The chosen sentences over a one-document 南阳 corpus, joined; None when refused."""
    d = MadeUp.of({"p": ("某市人才工作综述", "南阳市", text)}).decide(question)
    return None if d.refused else "".join(c.sentence.text for c in d.chosen)


def test_a_money_word_right_before_duoshao_asks_a_sum() -> None:
    assert asks_sum("讲席教授年薪多少") and asks_sum("每人补贴多少")
    assert not asks_sum("奖励多少家企业") and not asks_sum("资助多少年")
    body = "搭建讲席教授校企人才共享平台，企业为人才提供平台和薪资。"
    assert _answers(body, "南阳 讲席教授 年薪多少") is None


def test_a_city_opening_a_self_description_is_where_the_asker_is() -> None:
    assert whereabouts("厦门做医疗器械研发的，企业的研发中心建在哪些地方？", ["厦门"]) == ("厦门",)
    assert whereabouts("银川本科在读，中国科技人力资源总量有多少？", ["银川"]) == ("银川",)
    # a place that opens a topic is asked about
    assert whereabouts("威海做得好的政策有哪些？", ["威海"]) == ()


def test_the_askers_city_yields_to_a_place_or_programme_they_ask_about() -> None:
    regions = {"崂山区", "青岛高新技术产业开发区"}
    q = analyze("邯郸读研的，去青岛高新区住房补贴最高多少？购房券呢？")
    assert asked_region(q, None, regions)[0] == "青岛高新区"
    assert table_plan(q, "青岛高新区") is None  # the asker's home is not compared
    q = analyze("呼和浩特本科在读，“汇智崂山”人才政策累计兑现了多少资金？")
    assert asked_region(q, None, regions) == (None, None)
    # with nothing else asked, the place the asker is in stays the place asked about
    assert asked_region(analyze("呼和浩特本科在读，硕士补贴多少？"), None, regions)[0] == "呼和浩特"


def test_a_total_over_everyone_is_not_the_askers_benefit() -> None:
    body = "系统制定人才政策实施细则23项，累计兑现人才政策资金超过8294万元。"
    assert "8294万元" in (_answers(body, "我是本科在读，南阳人才政策累计兑现了多少资金？") or "")
    # the asker's own sum still has to name their degree
    body = "按照博士学历给予每月5000元的生活津贴。"
    assert _answers(body, "我是本科在读，南阳每月生活津贴多少？") is None


def test_how_long_asks_and_a_study_status_is_an_aside() -> None:
    question = "岳阳汽修专业在读的，北汽的计划打算多长时间内搭起百校联盟？"
    assert asking_clauses(question) == (1,)
    assert asides(question) == ("岳阳汽修专业在读的",)
    assert asides("在威海工作满三年的，能领多少？") == ()


def test_a_department_aside_answers_for_its_whole_item() -> None:
    body = ("10.加强事业单位人才激励。对科研人员发放现金奖励。支持高级专家办理延迟退休。"
            "(责任处室:工资福利处)")
    found = _answers(body, "南阳给搞研究的人发奖励、专家延迟退休，归哪个处管？") or ""
    assert "工资福利处" in found


def test_a_threshold_checked_is_the_askers_guess() -> None:
    body = ("全年引聚青年人才达到15万人以上，新增高技能人才2万人以上。"
            "截至2024年末，南阳市高技能人才总量突破17.52万人。")
    assert "17.52万人" in (_answers(body, "南阳高技能人才有没有超过15万") or "")
    body = "系统制定人才政策实施细则23项，累计兑现人才政策资金超过8294万元。"
    question = "南阳到现在发下去的人才扶持资金一共多少？是不是8000万出头？"
    assert "8294万元" in (_answers(body, question) or "")


def test_an_everyday_word_for_a_company_head() -> None:
    assert fold_synonyms("老总") == fold_synonyms("总经理")


def test_a_notices_contact_line_answers_whom_to_contact() -> None:
    body = ("(联系单位:人才开发处)\n关于强化人才引领的实施方案\n1.实施引才计划。遴选重点项目。"
            "(责任处室:就业人才中心)")
    assert "人才开发处" in (_answers(body, "这个实施方案有问题要找哪个处室联系？") or "")
    # who carries out a measure is still its item's department
    found = _answers(body, "南阳实施引才计划由哪个处室负责？") or ""
    assert "就业人才中心" in found and "人才开发处" not in found


def test_a_quoted_designation_counts_nothing() -> None:
    body = "聚焦“10+1”重点产业优质企业，支持设立博士后站。"
    assert _answers(body, "How many postdoctoral stations will Nanyang set up?") is None


# round two (blind161-164, after the fixes above)

def test_an_english_statement_naming_only_the_asker_is_their_story() -> None:
    from app.answer.english_told import told_terms
    told = told_terms("Master's student in Guangzhou. What share of PhDs stay abroad?")
    assert "广州" in told
    assert told_terms("Students in Weihai get an allowance every month. How much?") == ()


def test_year_on_year_growth_compares_no_places() -> None:
    from app.answer.kinds import asks_comparison
    assert not asks_comparison("蚌埠市高技能人才总量有多少？同比增长多少？")
    assert asks_comparison("免租期是不是比威海长？")


def test_a_study_status_introduces_and_how_long_asks_no_predicate() -> None:
    from app.answer.clauses import after_asking
    from app.answer.story import introduced
    question = "泉州读研的，青岛高新区租赁型人才住房审批现在要多久能办完？"
    assert introduced(question) == ("泉州读研的",)
    assert after_asking("现在多久能批下来") == ""
    assert after_asking("这券会不会过期") == "过期"


def test_which_degree_is_required_asks_a_degree() -> None:
    body = "青年人才可享受最高15万元的住房补贴和安家费。"
    assert _answers(body, "南阳那15万的房补，要什么学历才能拿？") is None
    body = "按照本科、硕士学历分别给予每月1000元、2000元的生活津贴。"
    assert "本科" in (_answers(body, "南阳的生活津贴要什么学历才能领？") or "")
