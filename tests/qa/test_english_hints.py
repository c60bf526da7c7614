"""English words the glossary lacks are looked up in CC-CEDICT and, when the documents
use the dictionary's word, searched and scored as hints (院士 for academicians); a hint
is never required of an answer, so it cannot turn an unanswerable question into one."""

from __future__ import annotations

import pytest

from app.answer.engine import QAConfig, QAEngine
from app.answer.english import english_hints, english_query
from index import IndexConfig, Retriever, build_index

NOTICES = {
    "laoshan.txt": "崂山区人才工作综述\n"
                   "崂山区聚焦重点产业，持续优化人才服务。"
                   "崂山区建成人才公寓1200套，为青年人才提供租房补贴。"
                   "崂山区去年新引进青年人才3000人。"
                   "目前，全区拥有住崂两院院士16人。",
    "weihai.txt": "威海高新区人才政策\n"
                  "对博士研究生每月发放5000元生活津贴。"
                  "对新引进的高层次人才提供人才公寓免费住宿。",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QAEngine:
    corpus = tmp_path_factory.mktemp("hint-corpus")
    for name, text in NOTICES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("hint-index") / "index"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    return QAEngine(Retriever.load(index_dir), QAConfig())


def test_hints_are_the_dictionary_words_the_documents_use() -> None:
    assert english_hints("How many academicians live in Laoshan?", {"院士"}.__contains__) == (
        "院士",)
    assert english_hints("How many academicians live in Laoshan?", lambda w: False) == ()
    # words the glossary covers (talent -> 人才) are not looked up again
    assert "人才" not in english_hints("talent academicians", lambda w: True)


def test_a_word_only_the_dictionary_knows_finds_its_sentence(engine: QAEngine) -> None:
    answer = engine.answer("How many academicians live in Laoshan?")
    assert not answer.refused
    assert "16人" in answer.text and "1200套" not in answer.text


def test_a_hint_is_never_required(engine: QAEngine) -> None:
    """pension -> 养老金 is a dictionary word the documents do not use: no hint, and the
    question is refused as before."""
    assert english_hints("What is the monthly pension in Laoshan?", engine._corpus.uses) == ()
    assert engine.answer("What is the monthly pension in Laoshan?").refused


def test_without_the_dictionary_the_question_misses(engine: QAEngine,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import app.answer.plan as plan

    monkeypatch.setattr(plan, "english_hints", lambda question, known: ())
    answer = engine.answer("How many academicians live in Laoshan?")
    assert answer.refused or "1200套" in answer.text  # no longer focused on 院士


def test_glossary_terms_are_found_in_the_plural() -> None:
    """talent apartments is the glossary's talent apartment: the phrase, not its parts."""
    assert english_query("How many talent apartments are in use?") == "人才公寓"
    assert english_query("Is there a talent apartment?") == "人才公寓"
    assert english_query("Any living subsidies for PhDs?") == "生活补贴 博士"
    # the longer phrase wins: PhD students are 博士生, not 博士 and 学生
    assert english_query("How many PhD students went abroad?") == "博士生"



def test_english_words_are_not_read_as_places_and_figures_carry_over() -> None:
    """guide, dean and mile are words (not 贵德, 德安, 弥勒); yuan is money (not 裕安);
    the figures a question gives (a year, an amount) are searched as written."""
    assert english_query("Is there a guide to the living allowance in Laoshan?") == "生活补贴 崂山"
    assert english_query("Is 5000 yuan for a PhD?") == "5000 元 博士"
    assert english_query("How many got housing in Laoshan in 2023?") == "住房 崂山 2023"
    assert english_query("Any subsidy in Tibet or Hong Kong?") == "补贴 西藏 香港"
    # with its suffix such a name is the place again
    assert english_query("Is there a guide to subsidies in Guide County?") == "补贴 贵德"


def test_a_hyphenated_word_is_looked_up_by_its_parts() -> None:
    assert english_hints("Any adult-education courses?", {"教育"}.__contains__) == ("教育",)
