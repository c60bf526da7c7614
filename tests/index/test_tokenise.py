"""Tokenisation and synonym expansion are pure functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.tokenise import bigrams, expand_synonyms, field_text, has_chinese, query_tokens


def test_chinese_runs_become_overlapping_bigrams() -> None:
    assert bigrams("人才公寓") == ["人才", "才公", "公寓"]


def test_single_character_run_stays_a_unigram() -> None:
    assert bigrams("年") == ["年"]


def test_latin_words_and_numbers_are_whole_lowercase_tokens() -> None:
    assert bigrams("申请 PhD 2024年 3.5万") == ["申请", "phd", "2024", "年", "3.5", "万"]


def test_fullwidth_forms_are_folded() -> None:
    assert bigrams("ＡＢＣ１２３") == ["abc", "123"]


def test_punctuation_splits_runs() -> None:
    assert bigrams("补贴，标准") == ["补贴", "标准"]


def test_has_chinese() -> None:
    assert has_chinese("how to apply 公寓")
    assert not has_chinese("how to apply for housing")


def test_synonyms_expand_in_both_directions() -> None:
    assert expand_synonyms("社保怎么缴") == ["社会保险"]
    assert "社保" in expand_synonyms("社会保险怎么缴")
    assert set(expand_synonyms("有什么补贴")) == {"补助", "津贴", "资助"}
    assert expand_synonyms("硕士") == ["研究生"]
    assert expand_synonyms("人才公寓") == ["人才住房", "人才房"]
    assert expand_synonyms("公积金") == ["住房公积金"]


def test_no_expansion_without_a_known_term() -> None:
    assert expand_synonyms("办理流程") == []


def test_query_tokens_add_expansion_bigrams_once() -> None:
    tokens = query_tokens("社保")
    assert tokens[0] == "社保"
    assert {"社会", "会保", "保险"} <= set(tokens)
    assert len(tokens) == len(set(tokens))


def test_field_text_repeats_title_and_skips_empty_fields() -> None:
    assert field_text("标题", "", "正文", 2) == "标题\n标题\n正文"


@given(st.text(alphabet="人才公寓补贴申请条件", min_size=2, max_size=40))
def test_pure_chinese_text_of_length_n_gives_n_minus_1_bigrams(text: str) -> None:
    tokens = bigrams(text)
    assert len(tokens) == len(text) - 1
    assert all(len(t) == 2 for t in tokens)
    assert "".join(t[0] for t in tokens) + tokens[-1][1] == text


@given(st.text(max_size=60))
def test_tokenising_never_fails_and_is_deterministic(text: str) -> None:
    assert bigrams(text) == bigrams(text)
    assert all(tok and not tok.isspace() for tok in bigrams(text))
