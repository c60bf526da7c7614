"""General faults the ninety-seventh to hundredth unseen question sets showed (small-business
owners, returnees from abroad, askers who tell their trade, old-fashioned wording). Each
test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.config import AnswerConfig
from app.answer.question import content_segments
from app.answer.sentences import leans_on_previous
from app.answer.story import introduced
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp

_FINANCE = {"f": ("某区人才工作综述", "南阳市",
                  "南阳自主培育市级金融人才42人、本地金融之星29人。"
                  "南阳为近400名人才办理景区旅游年卡。"
                  "一家银行的客户经理说，他们愿意理财。"
                  "南阳建设人才公寓。南阳举办招聘会。南阳开展技能培训。南阳评选工匠。")}


def test_an_introduction_of_the_asker_is_weighed_as_an_aside_when_read_with_it_finds_nothing(
) -> None:
    assert introduced("我在银行做理财经理，南阳自己培养了多少个市一级的金融方面人才？") == (
        "我在银行做理财经理",)
    assert introduced("我是跑长途的货车司机，文章说哪两种类型的人才要灵活流动？") == (
        "我是跑长途的货车司机",)
    # too little asked of its own, or someone else's story: not an introduction
    assert introduced("我是工程师，补贴多少？") == ()
    assert introduced("我妹在厂里实习，表现好能不能留下？") == ()
    made = MadeUp.of(_FINANCE)
    question = "我在银行做理财经理，南阳自己培养了多少个市一级的金融方面人才？"
    q, _ = made.candidates(question)
    plain = made.view.weights(q, AnswerConfig())[0]
    aside = made.view.weights(q, AnswerConfig(), introduction=True)[0]
    assert aside["经理"] < plain["经理"] and aside["金融"] == plain["金融"]
    d = made.decide(question, introduction=True)
    assert not d.refused and "42人" in d.chosen[0].sentence.text, d.reason


def test_everyday_names_of_passes_offices_and_grades_are_the_documents_words() -> None:
    assert fold_synonyms("景点年票") == fold_synonyms("景区年卡")
    assert fold_synonyms("市一级") == fold_synonyms("市级")
    assert fold_synonyms("人事局") == fold_synonyms("人社局") == fold_synonyms("劳动局")
    assert fold_synonyms("猎头") == fold_synonyms("猎聘")
    d = MadeUp.of(_FINANCE).decide("南阳给人才办景点年票，给多少人办了？")
    assert not d.refused and "近400名" in d.chosen[0].sentence.text, d.reason


def test_a_sentence_that_goes_on_from_the_plan_just_named_needs_the_one_before() -> None:
    assert leans_on_previous("根据规划，未来3年内将合作百所技能院校")
    assert leans_on_previous("按照该方案，每年评选一次")
    assert not leans_on_previous("根据《劳动合同法》规定，企业应当签订合同")
    assert not leans_on_previous("规划未来3年内将合作百所技能院校")


def test_a_document_pointed_at_with_a_verb_of_saying_names_no_topic() -> None:
    assert content_segments("文章里推荐的那种五专服务是哪五个专") == ("五专服务是",)
    assert content_segments("论文中提到培养人才靠哪些平台") == ("培养人才靠", "平台")
    assert "推荐" in "".join(content_segments("有没有推荐的人选名额"))
    made = MadeUp.of({"p": ("人才服务综述", None,
                            "推广“专区、专窗、专线、专网、专员”人才服务模式，实现一网通办。"),
                      "q": ("另一份方案", "南阳市",
                            "在人才工程限额推荐时给予企业配额支持，提供服务。")})
    d = made.decide("文章里推荐的那种“五专”服务是哪五个专？")
    assert not d.refused and "专窗" in d.chosen[0].sentence.text, d.reason


def test_a_document_asked_after_by_its_day_or_office_is_no_word_the_documents_lack() -> None:
    made = MadeUp.of({"n": ("关于人才支撑产业的实施方案", "南阳市",
                            "支持重点产业企业申报项目。(责任处室:人才开发处,各区人力资源社会保障局)")})
    d = made.decide("南阳人社局那份讲人才撑产业的文件，有疑问该找局里哪个处？")
    assert not d.refused and "人才开发处" in d.chosen[0].sentence.text, d.reason
    d = made.decide("南阳人社局那份讲人才撑产业的文件有多少页？")
    assert d.refused, d.chosen
