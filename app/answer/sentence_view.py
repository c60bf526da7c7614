"""What a corpus sentence brings to every question it may answer, read once.

A candidate sentence is scored against each question (:mod:`app.answer.evidence`), but
most of what the scoring reads is the same for every question: the sentence's heading,
the text around it normalised for matching, the region it is about, whether it is a
signature, an aside or PDF debris. :class:`SentenceViews` computes that once per
sentence, on first use or for the whole library at start-up (:meth:`SentenceViews.prime`),
so a question pays only for what it asks.

>>> from app.answer.sentences import split_sentences
>>> from ingest.types import Document
>>> text = "一、生活补贴\\n硕士每月2000元。"
>>> doc = Document("d", "d.txt", "南阳市人才政策", None, None, None, "南阳市", text, text)
>>> view = SentenceViews().get(doc, split_sentences(doc.text), 1)
>>> view.heading, view.region, view.signed
('一、生活补贴', '南阳市', False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.answer.scoring import normalise, with_unfolded
from app.answer.script import simplified
from app.answer.sentences import (
    CLOSERS,
    TERMINATORS,
    Sentence,
    aside,
    damaged,
    leans_on_previous,
    signature,
    speaker_words,
)
from app.answer.statement_region import named_region, statement_region
from ingest.headings import is_caption
from ingest.types import Document

CARRY_SENTENCES = 3  # how far back a place named earlier in a paragraph carries over
HEADING_LOOKBACK = 15  # how far back a sentence's item heading is looked for
PIECE_ENDS = frozenset("，,、")  # where :func:`split_sentences` cuts an over-long sentence


@dataclass(frozen=True)
class SentenceView:
    """A sentence's question-independent reading (see the module docstring)."""

    heading_sentence: Sentence | None
    previous: str  # the sentence before, as written ('' at the start)
    following: str  # the sentence after, as written ('' at the end)
    remark: bool  # one bracketed aside (「(责任单位：市财政局)」)
    signed: bool  # a closing signature line (issuer and day)
    damaged: bool  # left unreadable by PDF extraction
    own: str  # the sentence normalised
    own_unfolded: str  # … and unfolded (:func:`app.answer.scoring.with_unfolded`)
    previous_norm: str  # the sentence before, normalised
    context: str  # what speaks for it (heading and previous, or its item), then itself
    wide: str  # its document's region and title and the next sentence, then ``context``
    carried: tuple[str, ...]  # the sentences it continues, nearest first
    region: str | None  # the region the statement is about
    names_region: bool  # the sentence itself names a region as its actor
    own_context: str  # where its degree and person are read (:func:`_own_context`)
    near: str  # heading, previous and itself, plain
    near_next: str  # … and the next sentence
    placed: str  # title, heading, carried sentences and itself, plain

    @property
    def heading(self) -> str:
        return self.heading_sentence.text if self.heading_sentence else ""


class SentenceViews:
    """Each sentence's :class:`SentenceView`, computed on first use and kept (a corpus's
    sentences are fixed for the engine's life). Safe across threads: a view computed twice
    at once is the same value."""

    def __init__(self) -> None:
        self._views: dict[tuple[str, int], SentenceView] = {}

    def get(self, doc: Document, sentences: Sequence[Sentence], index: int) -> SentenceView:
        key = (doc.doc_id, index)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = read_sentence(doc, sentences, index)
        return view

    def prime(self, documents: Mapping[str, Document],
              sentences_of: Mapping[str, Sequence[Sentence]]) -> int:
        """Read every sentence of every document now; the number read."""
        for doc_id, sentences in sentences_of.items():
            for index in range(len(sentences)):
                self.get(documents[doc_id], sentences, index)
        return len(self._views)


def read_sentence(doc: Document, sentences: Sequence[Sentence], index: int) -> SentenceView:
    """The :class:`SentenceView` of ``sentences[index]`` in ``doc``."""
    sentence = sentences[index]
    heading_sentence = heading_before(sentences, index, doc.text)
    heading = heading_sentence.text if heading_sentence else ""
    previous, following = _text(sentences, index - 1), _text(sentences, index + 1)
    remark = aside(sentence.text)
    # an aside (「(责任处室:工资福利处)」) speaks for its whole item, so the item is its context
    # so does a quotation's speaker (「“…投入500万元…”日前，致真…董事长说」) for its words
    # and the body that issued the document speaks in every sentence of it (a question
    # naming 青岛市人社局 is about its notice's measures)
    before = ((item_before(sentences, index, doc.text) if remark else f"{heading}{previous}")
              + speaker_words(doc.text, sentence.start, sentence.end) + (doc.issuer or ""))
    # the document's region is its context as much as its title (火炬 of 威海火炬…开发区)
    around = f"{doc.region or ''}{doc.title}{following}"
    # each read folded and as written (a question's 住房 is in 人才住房, folded to 人才公寓)
    context = with_unfolded(before + sentence.text)
    carried = _carried(doc, sentences, index)
    # a piece of an over-long sentence cut at a comma goes on in the next piece: whom it
    # names there (「…制定“双导师”制度，」 「…培养…未来产业领军人才。」) it names too
    rest = following if sentence.text.rstrip()[-1:] in PIECE_ENDS else ""
    # an aside's item names whom and what it is for: its department answers for all of it
    near = plain(f"{item_before(sentences, index, doc.text)}{sentence.text}" if remark
                 else f"{heading}{previous}{sentence.text}{rest}")
    return SentenceView(
        heading_sentence=heading_sentence, previous=previous, following=following,
        remark=remark, signed=signature(sentence.text), damaged=damaged(sentence.text),
        own=normalise(sentence.text), own_unfolded=with_unfolded(sentence.text),
        previous_norm=normalise(previous), context=context,
        wide=f"{with_unfolded(around)}|{context}", carried=carried,
        region=statement_region(sentence.text, doc.region, *carried, heading),
        names_region=named_region(sentence.text) is not None,
        own_context=_own_context(sentence, heading, previous), near=near,
        near_next=near + ("" if rest else plain(following)),
        placed=plain("".join((doc.title, heading, *carried, sentence.text))),
    )


def heading_index(sentences: Sequence[Sentence], index: int, text: str) -> int | None:
    """Where the item heading over ``sentences[index]`` of document ``text`` stands (None:
    none near). A photo caption a page prints among the paragraphs heads nothing
    (:func:`_captions`)."""
    for j in range(index - 1, max(index - HEADING_LOOKBACK, -1), -1):
        if sentences[j].is_heading and not _captions(sentences[j], text):
            return j
    return None


def _captions(sentence: Sentence, text: str) -> bool:
    """True for a photo caption: a short bulleted sentence, ended as one, alone on its line
    of document ``text`` (「■海洋高端人才交流暨项目洽谈活动现场。」): the 高端人才 it names are not
    whom the next paragraph is about. A bulleted label (「●申报条件」), an item with no full
    stop, and a bulleted sentence that opens a paragraph may head what follows them.

    >>> doc = "■人才交流活动现场。\\n在公司初创期…"
    >>> _captions(Sentence(0, 10, "■人才交流活动现场。"), doc)
    True
    >>> doc = "■高端人才专项支持。在公司初创期…"
    >>> _captions(Sentence(0, 10, "■高端人才专项支持。"), doc)
    False
    """
    body = sentence.text.strip().rstrip("".join(CLOSERS))
    alone = text[sentence.end:].lstrip(" \t\u3000")[:1] in ("", "\n", "\r")
    return alone and is_caption(sentence.text.strip()) and body[-1:] in _FULL_STOPS


#: the marks that end a caption written as a sentence (not ；, which ends a clause)
_FULL_STOPS = TERMINATORS - frozenset("；;")


def heading_before(sentences: Sequence[Sentence], index: int, text: str) -> Sentence | None:
    j = heading_index(sentences, index, text)
    return None if j is None else sentences[j]


def item_before(sentences: Sequence[Sentence], index: int, text: str) -> str:
    """The text of the item a closing aside belongs to: the sentences before it, back to
    and including the item's heading (as far back as a heading is looked for)."""
    j = heading_index(sentences, index, text)
    start = max(index - HEADING_LOOKBACK + 1, 0) if j is None else j
    return "".join(s.text for s in sentences[start:index])


@lru_cache(maxsize=200_000)
def plain(text: str) -> str:
    """Simplified, without spaces (memoised: corpus sentences recur per question)."""
    return re.sub(r"\s+", "", simplified(text))


def _text(sentences: Sequence[Sentence], index: int) -> str:
    return sentences[index].text if 0 <= index < len(sentences) else ""


def _carried(doc: Document, sentences: Sequence[Sentence], index: int) -> tuple[str, ...]:
    """The sentences this one continues, nearest first (at most ``CARRY_SENTENCES``): those
    before it in the same paragraph with no heading between, where a place one names
    carries over (海南省宣布…。其中…。对新建…工作室，每个补助…)."""
    out: list[str] = []
    j = index
    while j > 0 and len(out) < CARRY_SENTENCES and not sentences[j].is_heading:
        prev = sentences[j - 1]
        gap = doc.text[prev.end:sentences[j].start]
        if prev.is_heading or ("\n\n" in gap and not leans_on_previous(sentences[j].text)):
            break
        out.append(prev.text)
        j -= 1
    return tuple(out)


def _own_context(sentence: Sentence, heading: str, previous: str) -> str:
    """Where a sentence's degree, person and benefit are read: itself and its heading, and
    the sentence before only when it leans on it (其…); a neighbour's 博士 is not its own.
    Simplified but not synonym-folded: 研究生 must not read as 硕士 here."""
    lean = previous if leans_on_previous(sentence.text) else ""
    return plain(f"{heading}{lean}{sentence.text}")
