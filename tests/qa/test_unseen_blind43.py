"""General faults the forty-third and forty-fourth unseen question sets showed (numbers
said in words; documents pointed at by their source: 威海那篇, 崂山那篇报道). Each test
also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.config import AnswerConfig
from app.answer.plan import read_question
from app.answer.question import analyze
from app.answer.scoring import holds_kind
from app.answer.sentences import speaker_words
from tests.qa.made_up import MadeUp

_REPORT = {"r": ("跨山越海觅知音 彩云长在有新天", "南阳市",
                 "——南阳市2023年度人才工作综述\n全市人才总量突破23万人，占常住人口的46%。"
                 "招聘会吸引包括科捷智能等20余家重点企业参与。\n"
                 "“我们这次招聘的岗位主要面向软件专业方向，所以英语是我们着重考虑的方面。”"
                 "科捷智能的李女士表示，现已收到很多简历。\n(梁太宏 陈娟 崔润泽)")}


def test_a_localizer_run_into_a_name_is_the_name() -> None:
    corpus = MadeUp.of(_REPORT)
    q = read_question("那场招聘会上科捷智能说他们招人看重哪方面", (), corpus.view)
    _, terms = corpus.view.weights(q, AnswerConfig())
    assert "科捷" in terms and "上科捷" not in terms, terms


def test_an_attribution_is_its_first_clauses_up_to_the_verb_of_saying() -> None:
    text = _REPORT["r"][2]
    start = text.index("“我们")
    assert speaker_words(text, start, text.index("”", start) + 1) == "科捷智能的李女士表示，"
    # a clause without a verb of saying, then the sentence's end: no attribution
    plain = "“我们这次招聘的岗位主要面向软件专业方向。所以英语是考虑的方面。”现已收到很多简历。"
    assert speaker_words(plain, 0, 20) == ""


def test_a_closing_line_of_names_is_a_byline() -> None:
    assert holds_kind("(梁太宏 陈娟 崔润泽)", "author")
    assert not holds_kind("(梁太宏)", "author") and not holds_kind("（责任单位 财政局）", "author")
    d = MadeUp.of(_REPORT).decide("南阳那篇报道的作者是谁")
    assert not d.refused, d.reason
    assert d.chosen[0].sentence.text == "(梁太宏 陈娟 崔润泽)"


def test_a_title_asked_is_answered_by_the_title_line() -> None:
    assert "title" in analyze("南阳那篇报道的大标题是什么").kinds
    assert "title" not in analyze("那个计划叫什么名字").kinds  # a programme's name
    d = MadeUp.of(_REPORT).decide("南阳那篇报道的大标题是什么")
    assert not d.refused, d.reason
    assert d.chosen[0].index == 0 and "跨山越海" in d.chosen[0].sentence.text


def test_who_issued_it_asks_the_byline() -> None:
    assert "author" in analyze("哪份文件提到新八级工？是谁发的？").kinds
    assert "author" not in analyze("补贴是谁发放给企业").kinds



def test_the_kind_of_document_is_no_topic_of_a_title_or_author_question() -> None:
    assert not any("报道" in c for c in analyze("南阳那篇报道的大标题是什么").content)
    assert not any("作者" in c for c in analyze("南阳那篇报道的作者是谁").content)
    assert any("报道" in c for c in analyze("南阳媒体报道的人才总量多少").content)
