"""A question word the documents never write verbatim is not "never mentioned" when the
documents write it out in another regular Chinese form: a numeral abbreviation spelled
out as its items (三专 as 专区、专窗、专线), or a coordination that writes a shared part
once (中、初级职称 holds 中级职称); nor when it is a function word (专门, 全部). Each
test also checks the form that does not count."""

from __future__ import annotations

from app.answer.config import AnswerConfig
from app.answer.question import analyze
from app.answer.rules import Decision
from app.answer.scoring import normalise
from tests.qa.made_up import MadeUp

SPELLED = "推广“专区、专窗、专线”人才服务模式，实现人才事项一站办理。"
TWO_ONLY = "推广“专区、专窗”人才服务模式，实现人才事项一站办理。"
#: how much of the question the evidence covers is decided by other rules; these tests
#: isolate the unseen one
ONLY_UNSEEN = AnswerConfig(min_coverage=0.0, min_support=0.0)
COORDINATED = "支持符合条件的企业自主开展本企业专业技术人才的中、初级职称评审。"
SENIOR_ONLY = "支持符合条件的企业自主开展本企业专业技术人才的高级职称评审。"


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才服务办法", "某市", body)})


def _unseen(body: str, question: str) -> tuple[str, ...]:
    return _made(body).view.unseen(analyze(question))


def _decide(body: str, question: str) -> Decision:
    """The rules' decision with only the unseen rule able to refuse."""
    return _made(body).decide(question, ONLY_UNSEEN)


def test_a_numeral_abbreviation_spelled_out_is_present() -> None:
    question = "三专人才服务模式是哪三个专？"
    assert normalise("三专") not in _unseen(SPELLED, question)
    d = _decide(SPELLED, question)
    assert not d.refused and "专线" in d.chosen[0].sentence.text


def test_a_numeral_abbreviation_with_too_few_items_stays_unseen() -> None:
    question = "三专人才服务模式是哪三个专？"
    assert normalise("三专") in _unseen(TWO_ONLY, question)
    d = _decide(TWO_ONLY, question)
    assert d.refused and "never mention" in d.reason


def test_a_coordination_holds_each_modifier_with_the_shared_rest() -> None:
    question = "在企业上班能在企业内部评中级职称吗？"
    assert normalise("中级职称") not in _unseen(COORDINATED, question)
    d = _decide(COORDINATED, question)
    assert not d.refused and "中、初级职称" in d.chosen[0].sentence.text


def test_another_modifier_of_the_same_rest_does_not_hold_the_word() -> None:
    assert normalise("中级职称") in _unseen(SENIOR_ONLY, "在企业上班能在企业内部评中级职称吗？")


LOANS = "对创业人才提供人才贷贷款产品，单户最高可贷500万元。"


def test_a_function_word_the_tagger_calls_a_noun_is_never_missing() -> None:
    """专门 (specially) and 全部 (all) are no things a notice could lack; jieba's
    dictionary tags them as nouns, the lexicon's general stop words say otherwise."""
    question = "创业缺钱，有专门给人才的贷款产品吗？"
    assert normalise("专门") not in _unseen(LOANS, question)
    d = _decide(LOANS, question)
    assert not d.refused and "人才贷" in d.chosen[0].sentence.text
    assert normalise("全部") not in _unseen(LOANS, "人才贷占全部贷款多少？")


def test_a_thing_the_documents_lack_is_still_missing() -> None:
    question = "创业缺钱，人才贷的利息是多少？"
    assert normalise("利息") in _unseen(LOANS, question)
    d = _decide(LOANS, question)
    assert d.refused and "利息" in d.reason


def test_a_named_noun_with_a_place_word_after_it_is_present() -> None:
    body = "事业单位高级专家办理延迟退休。(责任处室:工资福利处)"
    assert "局里" not in _unseen(body + "市人社局统一办理。", "人社局里是哪个处负责延迟退休")
    assert "局里" in _unseen(body, "人社局里是哪个处负责延迟退休")  # no 局 in the documents


class _Whole:
    """A retriever over a made-up corpus: every document, whole, for any query."""

    def __init__(self, made: MadeUp) -> None:
        self.made = made
        self.documents = made.documents
        self.facts: tuple[()] = ()

    def embed_query(self, query: str) -> None:
        return None

    def embed_queries(self, queries: object) -> None:
        return None

    def search(self, query: str, k: int = 5, **_: object) -> list:
        return self.made.hits()[:k]


def _plan_outcome(body: str, question: str) -> str:
    from app.answer.plan import make_plan

    made = _made(body)
    plan = make_plan(question, [], _Whole(made), made.view, k=5, candidate_k=5, filters=None,
                     config=AnswerConfig())
    return plan.decision.outcome


def test_a_quoted_abbreviation_spelled_out_is_asked_not_required() -> None:
    question = "那个人才服务模式是哪「三专」？"
    assert _plan_outcome(SPELLED, question) == "answer"
    assert _plan_outcome(TWO_ONLY, question) == "refuse"  # 三专 is named nowhere
