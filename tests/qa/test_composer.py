"""The extractive composer on Hits built from real chunks of the sample corpus."""

from __future__ import annotations

import re

import pytest

from app.answer.compose import compose
from app.answer.evidence import candidates
from app.answer.plan import CorpusView, asked_region
from app.answer.question import analyze
from app.answer.rules import decide
from app.answer.sentences import aside
from index.types import Hit
from ingest import ingest_corpus
from ingest.facts import extract_facts
from ingest.types import Chunk, Document
from tests.paths import SAMPLE_CORPUS

CORPUS = SAMPLE_CORPUS


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, Document], list[Chunk]]:
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    result = ingest_corpus(CORPUS)
    return {d.doc_id: d for d in result.documents}, result.chunks


def _hits(chunks: list[Chunk], *needles: str) -> list[Hit]:
    found = [c for needle in needles for c in chunks if needle in c.text]
    return [Hit(chunk=c, score=1.0 / i, rank=i) for i, c in enumerate(found, start=1)]


def _answer(question: str, hits: list[Hit], documents: dict[str, Document]):
    view = CorpusView(documents)
    q = analyze(question)
    _, place = asked_region(q, None)
    keys = view.keys(q.content)
    cands = candidates(q, hits, documents, view.sentences, keys, None, place, view.terms(q))
    return q, decide(q, cands, None, keys, view.unseen(q))


def test_master_allowance_is_quoted_with_exact_offsets(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "生活津贴", "高技能人才培训基地")
    q, decision = _answer("我是硕士，去威海工作每个月有多少生活补贴？", hits, documents)
    assert not decision.refused
    sentences = CorpusView(documents).sentences
    facts = [f for d in documents.values() for f in extract_facts(d)]  # the key-line source
    text, citations = compose(q, decision, documents, sentences, facts, "威海")
    assert "2000元" in text.replace(" ", "")
    for c in citations:
        assert documents[c.doc_id].text[c.char_start:c.char_end] == c.quote
        chunk = next(ch for ch in chunks if ch.chunk_id == c.chunk_id)
        assert len(c.quote) < len(chunk.text)  # the answering sentences, not the chunk
        assert c.quote.endswith(("。", "；"))  # … whole ones
    assert {int(n) for n in re.findall(r"\[(\d+)\]", text)} == {c.n for c in citations}
    assert text.split("\n")[0] == "硕士：每月2000元生活津贴（威海火炬高技术产业开发区）[1]"
    for line in text.split("\n")[1:]:
        assert re.search(r"\[\d+\]$", line), line  # every line ends with its citation


def test_overlapping_chunks_do_not_repeat_sentences(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "生活津贴", "生活津贴", "返乡留威")
    _, decision = _answer("威海博士生活津贴每月多少？", hits, documents)
    starts = [(c.doc_id, c.sentence.start) for c in decision.chosen]
    assert len(starts) == len(set(starts))


def test_department_fragment_is_shown_with_its_item(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "職稱制度改革")
    q, decision = _answer("青岛职称制度改革由哪个处室负责？", hits, documents)
    sentences = CorpusView(documents).sentences
    text, citations = compose(q, decision, documents, sentences, (), "青岛")
    first = text.split("\n")[0]
    assert "職稱制度改革" in first and "專技處" in first  # the fragment with its item
    assert any("職稱制度改革" in c.quote for c in citations)


def test_another_citys_rule_is_only_a_reference(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "生活津贴")
    q, decision = _answer("我是硕士，去济南工作每个月有多少生活补贴？", hits, documents)
    assert decision.refused and decision.outcome == "other_region"
    text, _ = compose(q, decision, documents, CorpusView(documents).sentences, (), "济南")
    assert text.startswith("没有找到济南的相关规定。以下是威海")


def test_asked_kind_missing_is_refused(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "青領計劃", "青领计划")
    _, decision = _answer("北汽新能源青领计划的学员每月工资多少钱？", hits, documents)
    assert decision.refused


def test_umbrella_words_are_answered_by_the_benefits_named(corpus) -> None:
    """资金支持 names no benefit in particular: Weihai's 生活津贴 answers it, although the
    documents never write 资金支持."""
    documents, chunks = corpus
    assert not any("资金支持" in d.text for d in documents.values())
    hits = _hits(chunks, "生活津贴")
    _, decision = _answer("威海对硕士有哪些资金支持？", hits, documents)
    assert not decision.refused
    assert "2000" in decision.chosen[0].sentence.text


def test_a_tax_question_is_refused_when_no_document_mentions_tax(corpus) -> None:
    """个税 is cut apart by jieba's tagger (个/m 税/n) yet is still a noun the documents
    never use; 优惠 alone must not carry the question to an unrelated news item."""
    documents, chunks = corpus
    assert not any("个税" in d.text or "所得税" in d.text for d in documents.values())
    hits = _hits(chunks, "青岛高新区", "生活津贴")
    _, decision = _answer("研究生毕业在青岛工作，个税有优惠吗？", hits, documents)
    assert decision.refused and "个税" in decision.missing


def test_a_refusal_names_the_missing_thing_in_the_askers_words(corpus) -> None:
    from app.answer.refusal import refusal_subject

    documents, chunks = corpus
    hits = _hits(chunks, "青岛高新区", "生活津贴")
    q, decision = _answer("研究生毕业在青岛工作，个税有优惠吗？", hits, documents)
    assert refusal_subject(q, decision.missing) == "青岛对研究生的个税"
    q, decision = _answer("青岛失业保险金每月能领多少钱", _hits(chunks, "生活津贴"), documents)
    assert refusal_subject(q, decision.missing) == "青岛的失业保险金"


def test_a_responsibility_aside_speaks_for_its_whole_item(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "年薪制")
    q, decision = _answer("事业单位高层次人才搞年薪制，这事归哪个处负责？", hits, documents)
    assert not decision.refused, decision.reason
    text, _ = compose(q, decision, documents, CorpusView(documents).sentences, (), "青岛")
    assert "工資福利處" in text  # 年薪制 is said earlier in the item the aside closes


def test_an_aside_alone_does_not_answer_other_questions(corpus) -> None:
    documents, chunks = corpus
    hits = _hits(chunks, "按薪定才")
    _, decision = _answer("企业新引进的高端技术人才怎么拿到青岛高层次人才服务绿卡？", hits,
                          documents)
    assert decision.chosen, decision.reason
    assert not any(aside(c.sentence.text) for c in decision.chosen)


def test_a_line_repeating_an_earlier_quote_word_for_word_is_dropped() -> None:
    """A news page that repeats its lead paragraph: the repeat is not a second bullet,
    unless a key figure cites it."""
    from app.answer.compose import Quote, without_repeats

    lead = "市民可通过姓名查询结束时间。查询结果可作为返岗复工的参考依据。"
    text = f"查询结果可作为返岗复工的参考依据。\n{lead}\n另设热线电话。"
    doc = Document("d", "d.txt", "t", None, None, None, None, text, text)
    chunk = Chunk(chunk_id="d-0", doc_id="d", source="d.txt", title="t", ordinal=0,
                  section_path="", page=None, char_start=0, char_end=len(text), text=text)
    hit = Hit(chunk=chunk, score=1.0, rank=1)
    start = text.index(lead)
    first = [Quote(hit, start, start + len(lead))]
    repeat = [Quote(hit, 0, text.index("\n"))]
    other = [Quote(hit, text.rindex("另"), len(text))]
    assert without_repeats([first, repeat, other], {"d": doc}) == [first, other]
    assert without_repeats([first, repeat, other], {"d": doc}, {("d", 0)}) == [first, repeat,
                                                                                other]


@pytest.mark.parametrize(("line", "bare"), [
    ("强化“四个集中”", True),         # an unnumbered heading on its own line
    ("密云区社保中心", True),          # an office's name closing a notice
    ("(联系单位:人才开发处)", False),  # a pause inside: it states something
    ("做好场站的消毒、通风。", False),
    ("中国教育电视台4频道", False),    # a figure: it may be the answer
])
def test_a_short_line_of_its_own_is_a_heading_not_an_answer(line: str, bare: bool) -> None:
    from app.answer.config import AnswerConfig
    from app.answer.evidence import restates
    from app.answer.scoring import normalise
    from app.answer.sentences import Sentence

    text = f"第一段讲了很多内容。\n{line}\n下面是正文，说明具体做法。"
    doc = Document("d", "d.txt", "标题", None, None, None, None, text, text)
    start = text.index(line)
    sentence = Sentence(start, start + len(line), line)
    assert restates(sentence, doc, normalise(line), {}, AnswerConfig()) is bare
    inline = Document("d", "d.txt", "标题", None, None, None, None, f"开头{line}", "")
    # the same words inside a line are not a heading
    assert not restates(Sentence(2, 2 + len(line), line), inline, normalise(line), {},
                        AnswerConfig())
