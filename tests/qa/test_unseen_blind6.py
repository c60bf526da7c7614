"""General faults a sixth unseen question set showed, each on a made-up notice: the
asker's own background (老家, 校区, 中专) read as the thing asked, a hometown taken for
the place asked about, places that do not nest, A-not-A forms of any verb (带不带), pinyin
slips in another tone (审皮 for 审批), and an asker who names a degree and a category
(a 博士 who is also a 高层次人才). Each test also checks the case that must still refuse
or stay unchanged."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.config import AnswerConfig
from app.answer.plan import asked_region
from app.answer.question import analyze, find_kinds
from app.answer.scoring import normalise
from tests.qa.made_up import MadeUp

ONLY_UNSEEN = AnswerConfig(min_coverage=0.0, min_support=0.0)
GRANT = "对列入政策支持范围的本地籍毕业生，按照本科毕业生3000元的标准发放一次性返乡补贴。"


def _made(body: str, region: str | None = "某市") -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", region, body)})


def test_an_asides_unknown_noun_is_not_what_is_asked() -> None:
    """老家 and 爸妈 sit in clauses that ask nothing; the question asks the grant."""
    question = ("我是本科，今年六月毕业，老家就在这边，爸妈也都在，"
                "听说有个一次性返乡补贴，本科能拿多少？")
    made = _made(GRANT)
    assert asides(question)[:2] == ("我是本科", "今年六月毕业")
    q = made.view.focus(analyze(question))
    assert made.view.unseen(q) == ()
    d = made.decide(question, ONLY_UNSEEN)
    assert not d.refused and "3000元" in d.chosen[0].sentence.text


def test_an_unknown_noun_in_the_clause_that_asks_still_refuses() -> None:
    question = "我是本科，今年六月毕业，老家就在这边，听说有补贴，爸妈的养老金能拿多少？"
    made = _made(GRANT)
    assert normalise("养老金") in made.view.unseen(made.view.focus(analyze(question)))
    assert made.decide(question, ONLY_UNSEEN).refused


def test_the_clause_before_the_question_states_its_topic() -> None:
    """A topic-first question keeps its topic: 「…，购房补贴这块，能给多少？」."""
    question = "我是本科，今年六月毕业，购房补贴这块，能给多少？"
    assert asides(question) == ("我是本科", "今年六月毕业")
    made = _made(GRANT)
    assert normalise("购房") in made.view.unseen(made.view.focus(analyze(question)))


def test_a_question_mark_alone_makes_the_last_clause_ask() -> None:
    question = "我是博士，刚来，老婆孩子还在国外，住房这块只能住人才公寓，还是也能申请产权房？"
    assert asides(question) == ("我是博士", "刚来", "老婆孩子还在国外")


def test_a_hometown_in_an_aside_is_not_the_asked_place() -> None:
    """文登 (the asker's hometown) is named only in an aside; the question asks 威海."""
    made = MadeUp.of({"d": ("人才工作综述", "威海", GRANT)})
    question = "我是本科，老家文登的，爸妈也在，想回威海工作，听说有返乡补贴，能拿多少？"
    q = made.view.focus(analyze(question))
    assert q.places == ("威海",)
    assert made.decide(question, ONLY_UNSEEN).outcome == "answer"


def test_places_that_do_not_nest() -> None:
    """The one place the library has documents for; else the first named, narrowed to a
    place named inside it; a comparison has none."""
    asker = analyze("我是台湾应届毕业生，去青岛工作有什么补贴？")
    assert asked_region(asker, None, {"青岛市"})[0] == "青岛"
    home = analyze("我是江西的本科，老家赣州，在广东干了两年，补贴有多少？")
    assert asked_region(home, None, {"威海"})[0] == "赣州"
    both = analyze("青岛和威海的生活补贴差多少？")
    assert asked_region(both, None, {"青岛市", "威海市"}) == (None, None)
    two = analyze("云南省对赴湖北省支援的医护人员有什么奖励？")
    assert asked_region(two, None, {"云南省", "湖北省"}) == (None, None)


def test_a_place_without_documents_is_not_answered_with_another_citys_figures() -> None:
    made = MadeUp.of({"d": ("人才工作综述", "威海", GRANT)})
    d = made.decide("我是江西的本科，老家赣州，在广东干了两年，听说有返乡补贴，能拿多少？",
                    ONLY_UNSEEN)
    assert d.outcome != "answer"


def test_any_a_not_a_form_is_phrasing() -> None:
    made = _made("首批房源家具家电已配套齐全，可实现零负担入住。")
    q = made.view.focus(analyze("房源带不带家具家电？"))
    assert "带不带" not in "".join(q.content)
    d = made.decide("房源带不带家具家电？")
    assert not d.refused and "家具家电" in d.chosen[0].sentence.text


def test_a_non_word_slip_in_another_tone_is_respelled() -> None:
    """审皮 (shen3 pi2) is no word: read as the corpus's 审批 (shen3 pi1). A real word
    in another tone is not respelled: 失业 stays, though the corpus writes only 事业."""
    made = _made("将原有7个工作日的审批流程压缩至当日办结。促进事业发展。")
    assert made.view.correct("申请人才住房审皮要几天") == "申请人才住房审批要几天"
    assert made.view.correct("失业了能领多少") == "失业了能领多少"
    assert made.view.correct("失业保险金能领多少") == "失业保险金能领多少"


def test_a_category_no_degree_implies_names_the_asker() -> None:
    """A 博士 who is a 高层次人才 is answered by a sentence for 高层次人才; a sentence for
    毕业生 (every degree's word) does not stand for the 博士."""
    made = _made("海外高层次人才来本区创业，可申请入住人才公寓，也可申请产权型人才住房。")
    d = made.decide("我是海外回来的博士，算高层次人才，能申请产权型人才住房吗？")
    assert not d.refused and "产权型" in d.chosen[0].sentence.text
    grad = _made("本科毕业生来本区就业，可申请入住人才公寓，也可申请产权型人才住房。")
    assert grad.decide("我是刚毕业的博士，也是高校毕业生，能申请产权型人才住房吗？").refused


def test_everyday_words_for_degrees_and_contracts() -> None:
    """硕博 (masters and doctors) is the 研究生 slot, which 硕士 or 博士 evidence; 合约 is
    a 合同 (lexicon data)."""
    assert analyze("崂山每年培养多少硕博").degrees == ("研究生",)
    assert normalise("签正式合约") == normalise("签正式合同")
    made = _made("每年培养虚拟现实专业硕士、博士200余人。")
    d = made.decide("崂山每年培养多少硕博？")
    assert not d.refused and "200余人" in d.chosen[0].sentence.text


def test_a_phone_question_needs_a_number_to_call() -> None:
    """「…的电话是多少」 asks a number to dial, not a count: a sentence that only names
    the office does not answer it; one with the office's number does."""
    assert find_kinds("人才开发处的电话是多少") == ("phone",)
    assert find_kinds("12345热线共受理咨询多少件") == ("count",)
    office = "人才开发处负责人才工程推荐，全年推荐“10+1”重点产业企业人选300名。"
    assert _made(office).decide("人才开发处的电话是多少？").refused
    d = _made(office + "咨询电话：0532-85912345。").decide("人才开发处的电话是多少？")
    assert not d.refused and "0532-85912345" in d.chosen[0].sentence.text
