"""The fast scoring paths give exactly what the plain definitions give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.answer.scoring import bigrams, coverage, holds_kind, normalise, text_bigrams
from app.answer.sentences import Sentence, split_sentences

CHARS = st.sampled_from(list("补贴生活津硕士博威海元每月2000一、（）。 \n"))
TEXT = st.text(CHARS, max_size=40)
KEY = st.text(CHARS, min_size=1, max_size=3)


def reference_coverage(keys: dict[str, float], evidence: str) -> float:
    """The definition: weighted share of keys that are bigrams of ``evidence``."""
    total = sum(keys.values())
    if total <= 0:
        return 1.0
    present = bigrams(evidence)
    return sum(w for b, w in keys.items() if b in present) / total


@given(st.dictionaries(KEY, st.floats(0.0, 5.0, allow_nan=False), max_size=8), TEXT)
def test_coverage_equals_the_set_definition(keys: dict[str, float], evidence: str) -> None:
    assert coverage(keys, evidence) == reference_coverage(keys, evidence)


def test_coverage_examples() -> None:
    assert coverage({"补贴": 1.0, "活贴": 3.0}, "生活补贴") == 0.25
    assert coverage({"补": 1.0}, "补") == 1.0  # a one-character text is its own "bigram"
    assert coverage({"补": 1.0}, "补贴") == 0.0  # ... but a longer text has only pairs
    assert coverage({}, "补贴") == 1.0


@given(TEXT)
def test_text_bigrams_are_the_bigrams_of_the_normalised_text(text: str) -> None:
    assert text_bigrams(text) == bigrams(normalise(text))


def test_holds_kind_is_stable_across_calls() -> None:
    text = "按照硕士每月2000元的标准发放生活津贴"
    assert [holds_kind(text, "amount") for _ in range(3)] == [True, True, True]
    assert holds_kind(text, "department") is False


def test_sentence_heading_flag_is_computed_once_and_does_not_change_equality() -> None:
    heading, body = split_sentences("一、总则\n补贴每月 2000元。")
    assert heading.is_heading and not body.is_heading
    copy = Sentence(heading.start, heading.end, heading.text)
    assert copy == heading and hash(copy) == hash(heading)
    assert "is_heading" in vars(heading)  # cached on the instance after the first read


@pytest.mark.parametrize(("text", "states"), [
    ("接受申请后由人才综合服务大厅专窗及主管部门即时审核", True),  # 由 X 审核 names X
    ("申请材料由区人社局受理", True),
    ("由于材料较多审核时间延长", False),  # 由于 is "because"
    ("审核时间压缩至当日", False),
])
def test_a_body_named_as_handling_a_step_states_a_department(text: str, states: bool) -> None:
    assert holds_kind(text, "department") is states
