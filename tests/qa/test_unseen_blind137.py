"""General faults the hundred-and-thirty-seventh to hundred-and-fortieth unseen question
sets showed (Shandong and north-eastern speech, exclusions and limits, formatting noise,
learners of Chinese). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright
from app.answer.chatter import without_chatter
from app.answer.question import analyze
from app.answer.scoring import holds_kind, states_people
from app.answer.years import asked_years
from ingest.normalise import normalise_text
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The first chosen sentence over a one-document 南阳 corpus, None when refused."""
    d = MadeUp.of({"p": ("某市人才方案", "南阳市", text)}).decide(question)
    return None if d.refused else d.chosen[0].sentence.text


def test_a_document_number_is_no_year_asked() -> None:
    assert asked_years("宛人社字〔2025〕12号文件里硕士补贴多少") == ()
    assert asked_years("[2024]3号文规定的补贴") == ()
    assert asked_years("2025年硕士补贴多少") == ((2025, 2025),)


def test_a_department_asked_where_to_go_needs_a_department() -> None:
    body = ("为近400名人才办理景区旅游年卡，构建全周期服务体系。"
            "人才公寓由市住房保障中心受理申请。")
    question = "南阳给人才办的景区旅游年卡去哪个部门申请？"
    assert asks_outright(question, ("department",)) == "department"
    # not the sentence that matches best but names no department
    assert "年卡" not in (_answers(body, question) or "")
    # which departments a measure is for is no department that handles it
    assert asks_outright("需要针对哪些部门开展感染控制培训？", ("department",)) is None


def test_anyone_is_no_one_asked_for() -> None:
    assert "department" not in analyze("按薪定才发的是什么卡？是不是谁都能拿").kinds
    assert "department" in analyze("这项补贴的负责单位是谁").kinds


def test_markdown_is_taken_off_a_question() -> None:
    assert without_chatter("- **南阳硕士**每月补多少？") == "南阳硕士每月补多少？"
    assert without_chatter("## 求问\n- 南阳博士补贴多少") == "求问\n南阳博士补贴多少"
    # a star inside a line, a blank to fill in and a numbered question stay
    for kept in ("3*4=12吗", "20多家企业拿出了____个岗位", "1. 补贴多少\n2. 住房呢"):
        assert without_chatter(kept) == kept


def test_a_part_of_the_document_pointed_at_is_no_topic() -> None:
    body = "加强事业单位人才激励，落实绩效工资倾斜政策。（责任处室：工资福利处）"
    assert "工资福利处" in (_answers(body, "事业单位人才激励那一部分，是哪个处室负责的？") or "")


def test_a_share_of_people_counts_people() -> None:
    sentence = "据调查，我国出国留学的博士生中近80% 的人有意愿留在国外发展。"
    assert states_people(sentence) and holds_kind(sentence, "people")
    assert not states_people("补贴标准提高80%。")
    assert "80%" in (_answers(sentence, "出国留学的博士生，有多少的人是想留在国外的？") or "")


def test_applying_alone_sets_no_condition() -> None:
    question = "南阳企业申请认定见习实习基地要满足什么条件？"
    assert _answers("鼓励企业申请认定见习实习基地，扩大青年人才储备。", question) is None
    stated = "吸纳见习人员10人以上的企业，符合条件的可申请认定见习实习基地。"
    assert "符合条件" in (_answers(stated, question) or "")


#: a paragraph of full width, so that the cut one is not read as a line wrapped at the
#: page's edge
_LONG = ("崂山区以青岛科技大学为试点，建立校地合作共建专班，搭建校企人才共享平台，"
         "学校为人才提供编制和岗位，企业为人才提供平台和薪资。")
_CUT = "人才工作如棋局。崂山推出人才配额制管理等举措，出台金融、文旅和信息技术等产"
_REST = "业专属人才政策，先后自主培育市级金融人才42人。"


def test_a_sentence_cut_by_photo_captions_is_joined_again() -> None:
    captions = ["■海外人才联盟成立仪式。", "■人才交流活动现场。"]
    raw = "\n\n".join([_LONG, _CUT, *captions, _REST])
    assert normalise_text(raw).split("\n") == [_LONG, *captions, _CUT + _REST]
    # a finished sentence before a caption stays its own paragraph, and so does a subtitle
    subtitle = "人以城为家、城以人为本，共绘发展新蓝图"
    kept = normalise_text(f"{subtitle}\n\n■现场。\n\n结合片区更新建设人才公园。")
    assert kept.split("\n")[0] == subtitle
    kept = "出台人才政策23项。\n\n■活动现场。\n\n先后培育金融人才42人。"
    assert normalise_text(kept).split("\n") == ["出台人才政策23项。", "■活动现场。",
                                                "先后培育金融人才42人。"]
