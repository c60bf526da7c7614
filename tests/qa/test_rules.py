"""The decision rules over real candidates from a tiny made-up corpus (no index)."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from app.answer.question import analyze
from app.answer.rules import decide
from index.types import Hit
from ingest.types import Chunk
from tests.qa.made_up import MadeUp

TEXTS = {
    "nj": ("南京市关于高校毕业生生活补贴的通知", "南京市",
           "对在南京就业的硕士研究生，每月给予2000元生活补贴。对博士研究生每月给予3000元生活补贴。"),
    "nat": ("人力资源社会保障部关于做好就业工作的通知", "全国",
            "对离校未就业高校毕业生给予一次性求职创业补贴，标准为每人1500元。"),
    "none": ("关于人才公寓的说明", None, "人才公寓面向新就业的青年人才，租金按市场价五折收取。"),
}
CORPUS = MadeUp.of(TEXTS)


def test_the_asked_places_rule_is_quoted() -> None:
    d = CORPUS.decide("硕士去南京工作每月生活补贴多少？")
    assert d.outcome == "answer" and not d.refused
    assert "2000元" in d.chosen[0].sentence.text and d.chosen[0].relation == "same"


@pytest.mark.parametrize("question", ["硕士去苏州每月生活补贴多少？",
                                      "硕士去南阳每月生活补贴多少？"])
def test_another_citys_rule_is_only_a_reference_and_counts_as_refused(question: str) -> None:
    d = CORPUS.decide(question)
    assert d.outcome == "other_region" and d.refused
    assert all(c.relation == "other" for c in d.chosen)


def test_a_province_question_takes_its_citys_rule() -> None:
    d = CORPUS.decide("硕士在江苏工作每月生活补贴多少？")
    assert d.outcome == "answer" and d.chosen[0].relation == "inside"


def test_national_rules_hold_everywhere() -> None:
    d = CORPUS.decide("在兰州，离校未就业的高校毕业生一次性求职创业补贴标准是多少？")
    assert d.outcome == "answer" and d.chosen[0].relation == "national"


@pytest.mark.parametrize(("question", "asked", "first"), [
    ("在兰州，离校未就业的高校毕业生一次性求职创业补贴标准是多少？", "兰州",
     "没有找到兰州本地的规定。以下是国家层面的规定："),
    ("硕士去南京工作每月生活补贴多少？", "南京", None),
    ("离校未就业的高校毕业生一次性求职创业补贴标准是多少？", None, None),
])
def test_a_rule_that_holds_only_through_a_wider_region_is_named_first(
        question: str, asked: str | None, first: str | None) -> None:
    """National (or provincial) rules apply to the asked city, but the answer says first
    that none of the library's rules is the city's own, and whose rules these are."""
    from app.answer.compose import compose, note_kind

    d = CORPUS.decide(question)
    assert d.outcome == "answer" and not d.refused
    text, citations = compose(analyze(question), d, CORPUS.documents, CORPUS.view.sentences, (),
                              asked)
    lead = text.split("\n")[0]
    assert citations and ("1500元" in text or "2000元" in text)
    if first is None:
        assert "没有找到" not in text and note_kind(d, asked) is None
    else:
        assert lead == first and note_kind(d, asked) == "wider"


def test_unstated_region_is_said_and_not_counted_as_refused() -> None:
    d = CORPUS.decide("在兰州，人才公寓租金怎么收？")
    assert d.outcome == "unknown_region" and not d.refused


def test_missing_degree_refuses_and_names_it() -> None:
    d = CORPUS.decide("南京对博士后每月生活补贴多少？")
    assert d.outcome == "refuse" and "博士后" in d.missing


def test_asked_kind_must_be_stated() -> None:
    d = CORPUS.decide("南京生活补贴由哪个部门负责？")
    assert d.outcome == "refuse" and d.reason.startswith("no evidence sentence states")


def test_vague_question_is_met_with_a_question() -> None:
    assert CORPUS.decide("那博士呢？").outcome == "clarify"


def test_support_threshold_decides() -> None:
    question = "硕士在南京每月的生活补贴和餐费补助是多少？"  # 餐费 is in no document
    strict = CORPUS.decide(question)
    assert strict.refused and "餐费" in strict.missing
    lenient = AnswerConfig(min_support=0.0, min_coverage=0.0, unseen_support=0.0)
    assert not CORPUS.decide(question, lenient).refused


def test_a_clause_with_a_link_or_markup_is_still_readable() -> None:
    from app.answer.sentences import damaged

    assert not damaged("登录https://rsj.example.gov.cn/apply/index.html在线申报生活补贴")
    assert not damaged("每月发放见习补贴1500元<img src=x onerror=alert(1)>，期限三至十二个月")
    assert damaged("Figure 2 Talent inflow by region and industry 人才流入")  # a caption
    assert damaged("人才引进 Talent introduction policies of the city government")


def test_a_much_better_unstated_region_sentence_goes_before_a_weak_applying_one() -> None:
    from dataclasses import replace

    from app.answer.rules import prefer_stronger, region_pools

    q, cands = CORPUS.candidates("在兰州，新就业的青年人才住人才公寓租金怎么收？")
    unstated = next(c for c in cands if c.relation == "unknown")
    weak = replace(unstated, relation="national", score=unstated.score / 2)
    close = replace(unstated, relation="national", score=unstated.score / 1.1)
    on = AnswerConfig(unstated_over_applying=1.2)
    first = [prefer_stronger(region_pools([c, unstated]), q, on)[0][0] for c in (weak, close)]
    assert first == ["unknown_region", "answer"]
    off = AnswerConfig(unstated_over_applying=0.0)
    assert prefer_stronger(region_pools([weak, unstated]), q, off)[0][0] == "answer"
    other = replace(unstated, relation="other", score=unstated.score * 3)  # never moves up
    assert [o for o, _ in prefer_stronger(region_pools([weak, other]), q, on)] == [
        "answer", "unknown_region", "other_region"]



def test_a_refusal_reason_names_the_measure_that_fell_short() -> None:
    """Full support but too little of the key phrases in the sentence itself: the reason
    says so, instead of 「covers only 100% of the question」."""
    from app.answer.evidence import Candidate
    from app.answer.sentences import Sentence

    text = "威海提供人才公寓。"
    chunk = Chunk(chunk_id="d-0", doc_id="d", source="d.txt", title="t", ordinal=0,
                  section_path="", page=None, char_start=0, char_end=len(text), text=text)
    weak = Candidate(hit=Hit(chunk=chunk, score=1.0, rank=1),
                     sentence=Sentence(0, len(text), text), index=0, heading_sentence=None,
                     score=0.5, coverage=0.05, support=1.0, kind_ok=True, missing=())
    decision = decide(analyze("威海对博士有什么住房支持？"), [weak], AnswerConfig())
    assert decision.refused
    assert "5%" in decision.reason and "100%" not in decision.reason
    # too little coverage is not one missing word: the refusal must not name a fragment
    assert decision.missing == ()


def test_a_homophone_slip_is_not_a_missing_topic() -> None:
    """高薪区 typed for 高新区 (same pinyin and tones, a shared character) is an input slip:
    the question is answered. 失业 is not 事业 (shi1 ye4 / shi4 ye4): still missing."""
    from app.answer.terms import normalise

    texts = {"wh": ("威海高新区人才公寓说明", "威海市",
                    "在威海高新区就业的毕业生可入住人才公寓，免收房租一年。事业单位人员同等享受。"
                    "桃源县人员参照执行。")}
    view = MadeUp.of(texts).view
    slip = analyze("签了威海高薪区的工作，人才公寓房租能免多久？")
    assert "高薪" in "".join(slip.content) and "高薪" not in view.unseen(slip)
    missing = analyze("失业了在威海能领失业金吗？")
    assert normalise("失业") in view.unseen(missing)
    # the question is searched in the documents' spelling; a real absence stays as asked
    assert view.correct("签了威海高薪区的工作，人才公寓房租能免多久？") == (
        "签了威海高新区的工作，人才公寓房租能免多久？")
    assert view.correct("失业了在威海能领失业金吗？") == "失业了在威海能领失业金吗？"
    assert view.correct("桃园的人才公寓房租能免多久？") == "桃园的人才公寓房租能免多久？"


def test_a_benefit_named_with_an_infix_answers_the_plain_name() -> None:
    """A notice's 一次性返乡留威补贴 is the 返乡补贴 and the 一次性补贴 a job seeker asks
    about; folding synonyms twice changes nothing (一次性 stays 一次性)."""
    from app.answer.scoring import normalise

    assert normalise(normalise("一次性补贴")) == normalise("一次性补贴") == "一次性补贴"
    body = "对回威海工作的威海籍博士研究生发放1万元一次性返乡留威补贴。"
    d = MadeUp.of({"wh": ("威海人才政策", "威海市", body)}).decide(
        "我是威海人，读完博士想回来工作，有没有一次性的返乡补贴？")
    assert not d.refused and "1万元" in d.chosen[0].sentence.text
