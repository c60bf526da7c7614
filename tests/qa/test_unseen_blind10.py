"""General faults a tenth unseen question set showed, each on a made-up notice or the real
gazetteer: a zone called by its own name and another suffix (火炬高新区 for 威海火炬高技术
产业开发区) taken for a place the library lacks; forum phrasing (求问, 球球了) and a modal
joined to its verb (能带) taken for things the documents lack; 没什么 read as asking; a
state after 不 (不沾边) demanded; a dictionary noun the segmenter cut apart (个税) lost; and
「什么时候截止」 answered by any date. Each test also checks the case that must still refuse
or answer otherwise."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.question import analyze, content_segments
from app.answer.terms import words
from lexicon.places import gazetteer
from tests.qa.made_up import MadeUp


def _made(body: str, region: str = "某市") -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", region, body)})


def _named(text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.place.name, m.known) for m in gazetteer().find(text)]


def test_a_zone_called_by_its_name_and_another_suffix_is_that_zone() -> None:
    """The table's short name 火炬开发区 makes 火炬高新区 the same zone; a city with its
    zone after it stays one mention (威海火炬高新区), a listed zone after its city is that
    zone (重庆两江新区), and a city's name is no zone's name of its own (南阳开发区 is not
    some other entry whose short name starts 南阳)."""
    zone = "威海火炬高技术产业开发区"
    assert _named("在火炬高新区签了工作") == [("火炬高新区", zone, True)]
    assert _named("威海火炬高新区") == [("威海火炬高新区", zone, True)]
    assert _named("重庆两江新区规上企业")[-1] == ("两江新区", "两江新区", True)
    assert all(not known for _, _, known in _named("去南阳开发区"))


def test_forum_phrasing_names_nothing() -> None:
    content = "".join(content_segments("求问崂山区给创业人才准备了哪些金融工具？球球了"))
    assert "求问" not in content and "球球" not in content and "金融工具" in content


def test_a_modal_joined_to_its_verb_is_no_missing_thing() -> None:
    """「每年能带出来多少研究生」: the segmenter's 能带 (a dictionary noun) is 能 + 带."""
    body = "崂山区每年培养虚拟现实专业硕士、博士200余人。企业参与人才培养。"
    d = _made(body).decide("崂山搞虚拟现实那块，每年能带出来多少研究生？")
    assert not d.refused and "200余人" in d.chosen[0].sentence.text
    # a thing the documents do lack is still missing
    assert _made(body).decide("崂山每年培养多少虚拟现实领域的院士？").refused


def test_what_someone_lacks_is_background() -> None:
    """「没什么头衔」 asks nothing (没 before 什么) and, before the clause that asks, is
    what the person lacks, not what is asked; 「有什么头衔」 still asks."""
    q = "公司挖来一个技术大牛，没什么头衔，能凭什么给他发人才绿卡？"
    assert "没什么头衔" in asides(q)
    assert "有什么头衔" not in asides("公司挖来一个技术大牛，有什么头衔，能凭什么给他发人才绿卡？")
    body = "对企业新引进的紧缺人才，可以采取按薪定才的方式发放人才绿卡。"
    d = _made(body).decide(q)
    assert not d.refused and "按薪定才" in d.chosen[0].sentence.text


def test_a_state_after_bu_is_not_demanded() -> None:
    body = "学历不高、没论文的他竟能获评“崂山工匠”。企业参与人才培养。"
    d = _made(body).decide("他没论文，学历不高，觉得跟人才不沾边，这样的人能获评什么？")
    assert not d.refused and "崂山工匠" in d.chosen[0].sentence.text


def test_a_dictionary_noun_cut_apart_stays_asked() -> None:
    """个税返还 is cut 个/税/返还; 个税 is the topic, and a library without it refuses."""
    assert "个税" in words("个税返还")
    body = "高层次人才可申请入住人才公寓。新培育省级以上高层次人才23人。"
    d = _made(body).decide("崂山的高层次人才有没有个税返还？能返多少？")
    assert d.refused and "个税" in d.missing


def test_when_a_deadline_falls_asks_the_day() -> None:
    """「什么时候截止申报」 asks a day: a sentence that only says 2月底 something was
    announced does not answer it; 「什么时候宣布的」 is still a date question."""
    assert analyze("省级技能大师工作室什么时候截止申报？").kinds == ("day",)
    assert analyze("省级技能大师工作室什么时候宣布的？").kinds == ("date",)
    body = "今年2月底，某省宣布今年将新建一批省级技能大师工作室。"
    assert _made(body).decide("某省的省级技能大师工作室什么时候截止申报？").refused


def test_asking_for_a_title_names_no_topic() -> None:
    """「能评上什么称号」 asks for a name; 称号 itself is no thing the documents must hold."""
    assert "称号" not in "".join(content_segments("他这样的在崂山能评上什么称号"))


def test_the_askers_errand_is_background() -> None:
    """「老板让我先问清楚」 ends on a verb of asking: it is the asker's errand, and its
    words (老板) are not what the documents must hold; 「想了解一下安家费」 names a topic."""
    q = "公司想申请建一个技能大师工作室，老板让我先问清楚，一个工作室能补多少钱？"
    assert "老板让我先问清楚" in asides(q)
    assert "想了解一下安家费" not in asides("公司想申请建工作室，想了解一下安家费，博士能拿多少？")
    body = "对新建30个省级技能大师工作室，每个工作室补助10万-20万元。企业参与人才培养。"
    d = _made(body).decide(q)
    assert not d.refused and "10万-20万元" in d.chosen[0].sentence.text



def test_the_askers_own_people_are_no_missing_thing() -> None:
    """「给员工评职称」, 「几个同事要申请」: where the documents never say 员工 or 同事 they
    are whom the question is told about; a thing they lack (年终奖) is still missing."""
    body = "支持重点产业企业自主开展企业内部专业技术人才的工程技术中、初级职称评审。"
    d = _made(body).decide("我们是重点产业的企业，想自己给员工评工程师职称，能评到哪一级？")
    assert not d.refused and "初级职称" in d.chosen[0].sentence.text
    assert _made(body).decide("重点产业企业给员工发的年终奖有多少？").refused


def test_hearsay_after_the_question_is_background() -> None:
    """「…要等几天，听说以前要一个礼拜」: what the asker heard, after the clause that asks,
    is not asked; 「听说有个一次性补贴，本科能拿多少」 still names its topic first."""
    assert asides("审批要等几天啊，听说以前要一个礼拜") == ("听说以前要一个礼拜",)
    assert asides("听说有个一次性补贴，本科能拿多少") == ()
    body = "租赁型人才住房将原有7个工作日的审批流程压缩至当日办结。企业参与人才培养。"
    d = _made(body).decide("某市人才住房审批要等几天啊，听说以前要一个礼拜")
    assert not d.refused and "当日办结" in d.chosen[0].sentence.text
