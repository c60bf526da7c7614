"""Chosen sentences quoted as passages: runs in text order and list clauses to their end."""

from __future__ import annotations

from dataclasses import replace

from app.answer.compose import quotes_for, runs, sentence_end
from app.answer.evidence import Candidate
from app.answer.sentences import split_sentences
from index.types import Hit
from ingest.types import Chunk

TEXT = ("一、补贴标准\n"
        "毕业生每月发放生活补贴1000元。补贴期限为两年。"
        "申请须提交下列材料；身份证；毕业证；劳动合同。\n"
        "二、申请程序\n"
        "（一）每年三月集中受理。")


def _chunk(start: int, end: int, n: int) -> Chunk:
    return Chunk(chunk_id=f"d-{n}", doc_id="d", source="d.txt", title="t", ordinal=n,
                 section_path="", page=None, char_start=start, char_end=end,
                 text=TEXT[start:end])


SENTENCES = split_sentences(TEXT)
WHOLE = _chunk(0, len(TEXT), 0)


def _cand(index: int, score: float, chunk: Chunk = WHOLE, region: str | None = None
          ) -> Candidate:
    return Candidate(hit=Hit(chunk=chunk, score=1.0, rank=1), sentence=SENTENCES[index],
                     index=index, heading_sentence=None, score=score, coverage=1.0,
                     support=1.0, kind_ok=True, missing=(), region=region)


def _texts(lines) -> list[str]:
    return [TEXT[line[-1].start:line[-1].end] for line in lines]


def test_sentences_are_what_the_tests_assume() -> None:
    assert [s.text for s in SENTENCES] == [
        "一、补贴标准", "毕业生每月发放生活补贴1000元。", "补贴期限为两年。",
        "申请须提交下列材料；", "身份证；", "毕业证；", "劳动合同。", "二、申请程序",
        "（一）每年三月集中受理。"]


def test_a_sentence_just_before_the_best_is_read_first() -> None:
    best, before = _cand(2, 0.9), _cand(1, 0.7)
    assert [[c.index for c in run] for run in runs([best, before], {"d": SENTENCES})] == [[1, 2]]
    assert _texts(quotes_for([best, before], {"d": SENTENCES})) == [
        "毕业生每月发放生活补贴1000元。补贴期限为两年。"]


def test_one_unchosen_sentence_between_is_quoted_only_when_the_gap_allows() -> None:
    chosen = [_cand(1, 0.9), _cand(3, 0.8)]
    assert len(runs(chosen, {"d": SENTENCES}, gap=0)) == 2
    assert _texts(quotes_for(chosen, {"d": SENTENCES}, gap=1)) == [
        "毕业生每月发放生活补贴1000元。补贴期限为两年。申请须提交下列材料；"]


def test_a_heading_between_two_sentences_keeps_them_apart() -> None:
    chosen = [_cand(6, 0.9), _cand(8, 0.8)]
    assert [[c.index for c in run] for run in runs(chosen, {"d": SENTENCES}, gap=1)] == [[6], [8]]


def test_sentences_of_different_passages_or_regions_keep_their_own_lines() -> None:
    cut = SENTENCES[2].end
    first, second = _chunk(0, cut, 0), _chunk(cut, len(TEXT), 1)
    split = [_cand(2, 0.9, first), _cand(3, 0.8, second)]
    assert len(runs(split, {"d": SENTENCES})) == 2
    regions = [_cand(1, 0.9, region="甲市"), _cand(2, 0.8, region="乙市")]
    assert len(runs(regions, {"d": SENTENCES})) == 2


def test_the_best_run_comes_first_and_the_rest_in_text_order() -> None:
    chosen = [_cand(8, 0.9), _cand(1, 0.8), _cand(5, 0.7)]
    order = [[c.index for c in run] for run in runs(chosen, {"d": SENTENCES})]
    assert order == [[8], [1], [5]]


def test_a_list_clause_is_quoted_to_the_end_of_its_sentence() -> None:
    intro = _cand(3, 0.9)
    assert TEXT[SENTENCES[3].start:sentence_end(intro, SENTENCES, 4, set())] == (
        "申请须提交下列材料；身份证；毕业证；劳动合同。")
    assert TEXT[SENTENCES[3].start:sentence_end(intro, SENTENCES, 1, set())] == (
        "申请须提交下列材料；身份证；")
    # a clause quoted on a line of its own is not repeated
    assert TEXT[SENTENCES[3].start:sentence_end(intro, SENTENCES, 4, {5})] == (
        "申请须提交下列材料；身份证；")
    # a full stop ends the sentence
    assert sentence_end(_cand(1, 0.9), SENTENCES, 4, set()) == SENTENCES[1].end


def test_a_list_clause_stays_inside_its_passage() -> None:
    short = _chunk(0, SENTENCES[4].end, 0)
    assert sentence_end(_cand(3, 0.9, short), SENTENCES, 4, set()) == SENTENCES[4].end


def test_a_heading_that_restates_the_question_is_read_on_into_its_item() -> None:
    heading = replace(_cand(7, 0.9), echo=True)
    assert TEXT[SENTENCES[7].start:sentence_end(heading, SENTENCES, 4, set())] == (
        "二、申请程序\n（一）每年三月集中受理。")
    # a heading that says more than the question stands as it is
    assert sentence_end(_cand(7, 0.9), SENTENCES, 4, set()) == SENTENCES[7].end
    # … and so does one whose item is quoted on a line of its own
    assert sentence_end(heading, SENTENCES, 4, {8}) == SENTENCES[7].end
