"""General faults an eighth unseen question set showed, each on a made-up notice: the
document being read (那篇论文里) taken for a topic, adverbs the documents never use (一直,
以后) thinning a question's support, English words inside a Chinese question (PhD,
platform) weighed as Chinese, the asker's own degree demanded of a sentence that names no
one, a discount (几折) read as no kind of fact, and an authorship question (哪个单位写的)
answered from the retrieved passage instead of the document's byline. Each test also
checks the case that must still refuse or answer otherwise."""

from __future__ import annotations

from app.answer.clauses import only_stated
from app.answer.config import AnswerConfig
from app.answer.english import english_in_chinese
from app.answer.evidence import candidates, with_document_lines
from app.answer.plan import read_question
from app.answer.question import content_segments, find_degrees, find_kinds
from app.answer.rules import decide
from app.answer.wordclass import function_word
from index.types import Hit
from ingest.types import Chunk
from tests.qa.made_up import MadeUp


def _made(body: str, region: str | None = "某市") -> MadeUp:
    return MadeUp.of({"d": ("人才工作综述", region, body)})


def test_the_document_being_read_is_no_topic() -> None:
    """「那篇…的论文里」 points at the text; the documents need not say 论文."""
    segments = content_segments("那篇讲产教融合的论文里建议搞什么导师制度")
    assert not any("论文" in s or "那篇" in s for s in segments)
    assert any("导师" in s for s in segments)
    made = _made("推进产教融合，建议院校与企业共同制定“双导师”制度。企业参与人才培养。")
    d = made.decide("那篇讲产教融合的论文里建议搞什么导师制度？")
    assert not d.refused and "双导师" in d.chosen[0].sentence.text
    # a kind of document without a place word after it is still a topic
    assert any("论文" in s for s in content_segments("没发过论文能评职称吗"))
    assert content_segments("通知中小企业怎么申报") == ("通知中小企业", "申报")


def test_never_used_adverbs_do_not_thin_the_support() -> None:
    """一直 and 以后 name nothing; a never-used noun still counts against the evidence."""
    assert function_word("一直") and function_word("以后") and not function_word("签证")
    body = "人才公寓对就职的毕业生减免1年房租，到期后可按市场价格半价续租。人才公寓共5000套。"
    d = _made(body).decide("人才公寓房租是一直免吗？免完以后怎么算？")
    assert not d.refused and "半价续租" in d.chosen[0].sentence.text
    assert _made(body).decide("人才公寓的物业费以后怎么交？").refused


def test_english_words_in_a_chinese_question_are_read_as_english() -> None:
    """PhD is the glossary's 博士: the degree is asked; an unknown word leaves a hint."""
    text, hints = english_in_chinese("想做博后，里面提到的人才培养mechanism有哪些",
                                     lambda w: w == "机制")
    assert "mechanism" not in text and hints == ("机制",)
    # a glossary term is read in place (platform is the glossary's 平台)
    text, hints = english_in_chinese("里面提到的人才培养platform有哪些", lambda w: False)
    assert "人才培养平台" in text and hints == ()
    made = _made("对硕士研究生给予5万元安家费。对博士研究生给予10万元安家费。")
    q, _ = made.candidates("PhD的安家费有多少？")
    assert q.degrees == ("博士",)
    assert find_degrees("以后想做博后") == ("博士后",)  # the everyday short form
    d = made.decide("PhD的安家费有多少？")
    assert not d.refused and "10万元" in d.chosen[0].sentence.text


def test_a_sentence_naming_no_one_leaves_the_askers_degree_in() -> None:
    """The asker's degree, said in a clause that does not ask, is not demanded of a
    sentence that names no one; a degree the question asks about still is."""
    assert only_stated("我是研究生，人才住房分哪几类？", ["研究生"])
    assert not only_stated("博士后有什么待遇？", ["博士后"])
    made = _made("人才住房分为产权型、租赁型两类。累计兑现人才政策资金8000万元。")
    d = made.decide("我是研究生，人才住房分哪几类？")
    assert not d.refused and "产权型" in d.chosen[0].sentence.text
    assert made.decide("博士后有什么待遇？").refused


def test_a_discount_asks_a_share_of_a_price() -> None:
    """「市场价的几折」 is answered by 7折 or 半价, not by a sentence with no share."""
    assert find_kinds("人才住房价格是市场价的几折？") == ("discount",)
    assert _made("人才住房面向各类人才供应，价格低于市场价。").decide(
        "人才住房价格是市场价的几折？").refused
    d = _made("人才住房面向各类人才供应。人才住房按市场价格的7折出售。").decide(
        "人才住房价格是市场价的几折？")
    assert not d.refused and "7折" in d.chosen[0].sentence.text



def test_an_authorship_question_reads_the_byline() -> None:
    """「哪个单位写的」 asks the byline (作者单位, an article's last line) of the document
    the question is about, wherever it stands: a passage from the document's start brings
    it in; 防疫工作者 is no author."""
    assert find_kinds("这篇讲大学生就业的文章是哪个单位写的") == ("author",)
    assert "author" not in find_kinds("为防疫工作者提供了哪些待遇")
    body = "高新区推动大学生就业，每年新增岗位3000个。" + "企业参与人才培养。" * 3
    made = _made(body + "（作者单位：某市高新区管委会）")
    question = "这篇讲大学生就业的文章是哪个单位写的？"
    q = read_question(question, (), made.view)
    doc = made.documents["d"]
    start = Hit(chunk=Chunk("d-0", "d", doc.source, doc.title, 0, "", None, 0,
                            doc.text.index("企业"), doc.text[:doc.text.index("企业")]),
                score=1.0, rank=1)
    passage = candidates(q, [start], made.documents, made.view.sentences,
                         made.view.keys(q.content), AnswerConfig(), None, made.view.terms(q))
    assert not any("作者单位" in c.sentence.text for c in passage)
    read = with_document_lines(q, passage, made.documents, made.view.sentences, AnswerConfig())
    d = decide(q, read, AnswerConfig(), made.view.keys(q.content), made.view.unseen(q))
    assert not d.refused and "作者单位" in d.chosen[0].sentence.text
