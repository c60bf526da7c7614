"""Answer metrics: reference fact, verbatim quotes, refusal scores."""

from __future__ import annotations

import pytest

from eval.answer_metrics import (
    QuoteCheck,
    fact_present,
    fold_text,
    quote_is_verbatim,
    refusal_scores,
)


@pytest.mark.parametrize(
    ("reference", "response", "expected"),
    [
        ("1万元", "博士研究生补贴为10000元[1]", True),
        ("1万元", "博士研究生补贴为一万元[1]", True),
        ("1万元", "硕士研究生补贴为1000元[1]", False),
        ("15万人以上", "全年引聚青年人才達到15萬人以上[1]", True),
        ("5000元；2000元", "硕士每月5000元[1]", False),
        ("5000元；2000元", "每月2000元，提高至5000元[1]", True),
        ("人才开发处", "(聯系單位:人才開發處)[1]", True),
        ("威高学院、迪尚学院", "先后成立威高学院、迪尚学院、惠普班[1]", True),
        ("青岛科技大学", "以中国海洋大学为试点[1]", False),
        ("Lan Minxin", "The author is LAN MINXIN [1]", True),
        ("1年", "减免房租，到期后半价续租[1]", False),  # the marker [1] is not the number 1
        ("2万人以上", "新增高技能人才[2]", False),
    ],
)
def test_fact_present(reference: str, response: str, expected: bool) -> None:
    assert fact_present(reference, response) is expected


def test_fact_present_rejects_empty_reference() -> None:
    with pytest.raises(ValueError):
        fact_present(" ；", "任何回答")


def test_fold_text_strips_punctuation_and_folds_script() -> None:
    assert fold_text("「青島 市」，人才！") == "青岛市人才"


DOCS = {"d1": "对求职面试的大学生提供5天免费住宿。"}  # "5" is character 11


def test_quote_verbatim_at_offsets() -> None:
    assert quote_is_verbatim(QuoteCheck("d1", 11, 18, "5天免费住宿。"), DOCS)


@pytest.mark.parametrize(
    "check",
    [
        QuoteCheck("d1", 10, 17, "5天免费住宿。"),  # offsets shifted by one
        QuoteCheck("d1", 11, 18, "5天免費住宿。"),  # script changed
        QuoteCheck("d2", 0, 3, "对求职"),  # unknown document
        QuoteCheck("d1", 12, 99, "天免费住宿。"),  # out of range
        QuoteCheck("d1", 3, 3, ""),  # empty quote
    ],
)
def test_quote_not_verbatim(check: QuoteCheck) -> None:
    assert not quote_is_verbatim(check, DOCS)


def test_refusal_scores_hand_computed() -> None:
    answerable = [True, True, True, False, False]
    refused = [False, True, False, True, False]
    got = refusal_scores(answerable, refused)
    # refused: q2 (answerable, wrong) and q4 (unanswerable, right)
    assert got["refusal_precision"] == pytest.approx(0.5)
    assert got["refusal_recall"] == pytest.approx(0.5)
    assert got["false_refusal_rate"] == pytest.approx(1 / 3)
    assert got["answered_rate"] == pytest.approx(2 / 3)


def test_refusal_scores_undefined_when_no_refusals() -> None:
    got = refusal_scores([True, False], [False, False])
    assert got["refusal_precision"] is None
    assert got["refusal_recall"] == 0.0


def _lcs_table(a: str, b: str) -> int:
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            rows[i + 1][j + 1] = rows[i][j] + 1 if x == y else max(rows[i][j + 1], rows[i + 1][j])
    return rows[-1][-1]


def test_bit_parallel_lcs_equals_the_dynamic_programme() -> None:
    import random

    from eval.answer_metrics import lcs_length

    rng = random.Random(7)
    for _ in range(500):
        a = "".join(rng.choice("补贴每月元") for _ in range(rng.randint(0, 40)))
        b = "".join(rng.choice("补贴每月元") for _ in range(rng.randint(0, 40)))
        assert lcs_length(a, b) == _lcs_table(a, b)


def test_rouge_l_rewards_the_reference_and_penalises_padding() -> None:
    from eval.answer_metrics import rouge_l

    assert rouge_l("单户最高可贷500万元", "单户最高可贷500万元[1]") == 1.0
    short = rouge_l("单户最高可贷500万元", "单户最高可贷500万元，期限一年")
    padded = rouge_l("单户最高可贷500万元", "单户最高可贷500万元，期限一年，利率下浮，还可以展期")
    assert 0 < padded < short < 1.0
    assert rouge_l("單戶最高可貸", "单户最高可贷") == 1.0  # Traditional folds to Simplified
