"""General faults the hundred-and-twenty-ninth to hundred-and-thirty-second unseen question
sets showed (superlatives and bounds, fluent English, pasted group chats, messages written
as prompts for a chat model). Each test also checks the case that must still be read the
old way."""

from __future__ import annotations

from app.answer.asked_place import asked_region
from app.answer.plan import unplaced_elsewhere
from app.answer.question import analyze
from app.answer.transcript import from_transcript
from tests.qa.made_up import MadeUp

#: a paper that names no region of its own, by a party school of 兰溪 (金华)
_PAPER = {"p": ("人才赋能新质生产力", None,
                "地方政府要为人才提供包括住房、子女教育在内的全方位生活支持。"
                "相关政府部门可牵头搭建校企合作平台。作者单位：中共兰溪市委党校。")}


def _unplaced(made: MadeUp, question: str) -> bool:
    q, _ = made.candidates(question)
    _, place = asked_region(q, None, made.view.regions)
    d = made.decide(question)
    assert not d.refused, d.reason
    return place is not None and unplaced_elsewhere(d, q, place, made.documents,
                                                   made.view.regions)


def test_a_paper_of_no_place_does_not_answer_for_a_county_it_never_names() -> None:
    made = MadeUp.of(_PAPER)
    assert _unplaced(made, "兰州给人才提供住房、子女教育方面的生活支持吗？")
    # where the asker only is, or a place the paper itself names, keeps it
    assert not _unplaced(made, "我在兰州上班，文章说地方政府要为人才提供哪些生活支持？")
    assert not _unplaced(made, "金华给人才提供住房、子女教育方面的生活支持吗？")


def test_a_cap_asked_of_a_count_of_people_is_a_count() -> None:
    assert analyze("人才总量到2024年末最多突破了多少万人？").kinds == ("count",)
    assert analyze("住房补贴最多能拿多少？").kinds == ("amount",)


def test_a_prompt_frame_is_no_part_of_the_question() -> None:
    made = MadeUp.of({"w": ("某区人才政策", "南阳市",
                            "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴。")})
    for framed in ("你是一名人社政策专家，请以HR顾问的口吻回答：南阳硕士每月生活津贴多少？"
                   "要求：1. 分点 2. 注明出处",
                   "Act as a housing advisor and answer in one sentence: what is the monthly "
                   "allowance for a master in Nanyang?"):
        d = made.decide(framed)
        assert not d.refused and "2000元" in d.chosen[0].sentence.text, (framed, d.reason)
    # the asker's own standing is no frame
    assert analyze("以硕士身份申请，能拿多少？").query.startswith("以硕士身份")


def test_a_group_chat_asks_what_its_asker_asks() -> None:
    chat = ("阿姨：湖北咸丰县去年引进了多少人才？\n表弟：南阳人才总量都破23万了\n"
            "阿姨：@小助手 咸丰县一年引进多少人才？")
    assert "南阳" not in from_transcript(chat)
    made = MadeUp.of({"n": ("某市人才综述", "南阳市", "截至目前，南阳人才总量突破23万。")})
    assert made.decide(chat).refused
    chat = ("师傅：南阳新建30个技能大师工作室\n徒弟：每个给100万吧\n"
            "徒弟：@小助手 那工作室每个补助多少？")
    kept = from_transcript(chat)
    assert "南阳新建30个技能大师工作室" in kept and "100万" not in kept


def test_a_price_conditions_or_materials_asked_need_a_sentence_stating_them() -> None:
    made = MadeUp.of({"h": ("某区人才住房", "南阳市",
                            "南阳构建产权型、租赁型人才住房分配机制，产权型人才住房可以申请。"
                            "为近400名人才办理景区旅游年卡。")})
    for question in ("南阳产权型人才住房售价是多少？", "申请南阳景区旅游年卡要满足什么条件？",
                     "申请南阳产权型人才住房需要的材料是什么？"):
        d = made.decide(question)
        assert d.refused, (question, [c.sentence.text for c in d.chosen])
    made = MadeUp.of({"h": ("某区人才住房", "南阳市",
                            "产权型人才住房售价为每平方米8000元。"
                            "申请景区旅游年卡须满足在区内工作满一年的条件。")})
    for question, fact in (("南阳产权型人才住房售价是多少？", "8000元"),
                           ("申请南阳景区旅游年卡要满足什么条件？", "满一年")):
        d = made.decide(question)
        assert not d.refused and fact in d.chosen[0].sentence.text, (question, d.reason)


def test_a_five_year_plan_names_its_years() -> None:
    made = MadeUp.of({"b": ("某市技能人才", "南阳市",
                            "截至2024年末，南阳市高技能人才总量突破17.52万人。"
                            "面向“十五五”，南阳市将重点攻坚信息技术、生物制造等新兴领域。")},
                     dates={"b": "2025-03-01"})
    d = made.decide("南阳到“十五五”末高技能人才总量要达到多少万人？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("“十五五”期间南阳要重点攻坚哪些新兴领域？")
    assert not d.refused and "信息技术" in d.chosen[0].sentence.text, d.reason
