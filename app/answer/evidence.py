"""Candidate evidence sentences from retrieved passages, with what each one covers.

A candidate is one sentence of a hit's document that overlaps the hit's chunk. It
records how much of the question's weighted key bigrams it holds (in itself, with its
heading and previous sentence, and in its wider neighbourhood), whether it states the
kind of fact asked for, which asked degrees, person categories or programmes its
context lacks, the region the statement is about (:mod:`app.answer.statement_region`),
and a relevance score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from app.answer.asked import asked_measure, asked_period, asks_people, asks_span
from app.answer.clauses import asked_text
from app.answer.config import AnswerConfig
from app.answer.eligibility import degree_in, missing_constraints
from app.answer.english import english_overlap
from app.answer.presence import spells_out
from app.answer.presence import support as term_support
from app.answer.question import QuestionInfo
from app.answer.scoring import (
    bigrams,
    coverage,
    holds_kind,
    normalise,
    states_measure,
    states_people,
    states_period,
    without_designations,
)
from app.answer.script import simplified
from app.answer.sentence_view import SentenceView, SentenceViews
from app.answer.sentences import Sentence
from app.answer.spans import span_beside, span_focus
from app.answer.statement_region import mentions
from app.answer.story import without_asides
from app.answer.years import AskedTime, document_year
from index.types import Hit
from ingest.types import Document
from lexicon import (
    NUMERAL_CHARS,
    WIDER,
    Place,
    Relation,
    list_words,
    region_relation,
)

_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be quoted, with what it covers and how relevant it is."""

    hit: Hit
    sentence: Sentence
    index: int
    heading_sentence: Sentence | None
    score: float
    coverage: float  # key bigrams in the sentence (with its heading and previous one)
    support: float  # key bigrams in the sentence's neighbourhood and document title
    kind_ok: bool
    missing: tuple[str, ...]
    echo: bool = False  # restates the question (heading, question, title) without answering
    damaged: bool = False  # PDF extraction left it unreadable (a caption, doubled heading …)
    region: str | None = None  # the region the statement is about
    relation: Relation | None = None  # of ``region`` to the asked place (None: none asked)
    other_year: bool = False  # speaks only of another time than the one asked
    measured: bool = False  # gives a number in the measure word a count is asked in (多少套)

    @property
    def doc_id(self) -> str:
        return self.hit.chunk.doc_id

    @property
    def heading(self) -> str:
        """Text of the item or section heading the sentence falls under ('' if none)."""
        return self.heading_sentence.text if self.heading_sentence else ""

    @property
    def eligible(self) -> bool:
        """True when no asked degree, person category or programme is missing."""
        return not self.missing


TITLE_CHARS = 8  # a document's first line opening with this much of its title is its title


@lru_cache(maxsize=10_000)
def asks_for_list(query: str) -> bool:
    """True when a question asks for several things (哪些栏目, 包括什么): a sentence that
    lists several answers it better. Memoised: every candidate of a question asks."""
    return any(w in query for w in list_words())


ECHO_CHARS = 40  # a restating sentence is at most this long (a heading, a question)
BARE_HEADING_CHARS = 24  # a numbered heading this short, with no figure, only names a topic


_INNER = re.compile(r"[\d，,、；;：:。！？!?]")
_BLANKS = frozenset(" \t\u3000")


def own_line(sentence: Sentence, text: str) -> bool:
    """True when ``sentence`` is a whole line of ``text`` (a line break or the text's edge
    on both sides).

    >>> own_line(Sentence(4, 8, "强化集中"), "一段。\\n强化集中\\n正文")
    True
    """
    i, j = sentence.start, sentence.end
    while i > 0 and text[i - 1] in _BLANKS:
        i -= 1
    while j < len(text) and text[j] in _BLANKS:
        j += 1
    return (i == 0 or text[i - 1] == "\n") and (j == len(text) or text[j] == "\n")


def restates(sentence: Sentence, doc: Document, own: str, keys: Mapping[str, float],
             config: AnswerConfig) -> bool:
    """True when a sentence restates the question instead of answering it: a question
    itself, a list heading ending in a colon, a bare numbered heading (「7.强化企业职业技能
    提升培训。」), the document's title line, or a short sentence nearly all of whose
    bigrams are the question's."""
    text = sentence.text.rstrip()
    if text.endswith(("？", "?", "：", ":")):
        return True
    if sentence.is_heading and len(own) <= BARE_HEADING_CHARS and not re.search(r"\d", own[2:]):
        return True
    if len(own) <= BARE_HEADING_CHARS and not _INNER.search(text) and own_line(sentence, doc.text):
        return True  # a short line of its own with no figure and no pause: a heading or a name
    title = normalise(doc.title)
    if (sentence.start <= len(doc.title) + 2 and title and own.startswith(title[:12])
            and len(own) - len(title) <= ECHO_CHARS):
        return True  # the title line, with at most a short lead
    if len(own) > ECHO_CHARS:
        return False
    grams = bigrams(own)
    novel = sum(1 for b in grams if b not in keys) / max(1, len(grams))
    return novel < config.echo_novelty


def candidates(q: QuestionInfo, hits: Sequence[Hit], documents: Mapping[str, Document],
               sentences_of: Mapping[str, Sequence[Sentence]], keys: Mapping[str, float],
               config: AnswerConfig | None = None, asked: Place | None = None,
               terms: Mapping[str, float] | None = None, views: SentenceViews | None = None
               ) -> list[Candidate]:
    """Every sentence overlapping a hit's chunk, once (best-ranked hit wins), scored.
    ``views`` keeps each sentence's question-independent reading between questions."""
    config = config or AnswerConfig()
    views = views if views is not None else SentenceViews()
    focus = span_focus(q, terms)
    time = AskedTime.of(q)
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for hit in sorted(hits, key=lambda h: h.rank):
        chunk = hit.chunk
        doc = documents[chunk.doc_id]
        sentences = sentences_of[chunk.doc_id]
        index, last = 0, None
        while index < len(sentences):
            sentence = sentences[index]
            inside = sentence.end > chunk.char_start and sentence.start < chunk.char_end
            follows = last is not None and last.echo and index == last.index + 1
            if sentence.start >= chunk.char_end and not follows:
                break
            if (inside or follows) and (chunk.doc_id, sentence.start) not in seen:
                seen.add((chunk.doc_id, sentence.start))
                last = _candidate(q, hit, doc, views.get(doc, sentences, index), sentence,
                                  index, keys, config, asked, terms, focus, time)
                out.append(last)
            index += 1
    return out


def with_document_lines(q: QuestionInfo, cands: Sequence[Candidate],
                        documents: Mapping[str, Document],
                        sentences_of: Mapping[str, Sequence[Sentence]], config: AnswerConfig
                        ) -> list[Candidate]:
    """An authorship question (作者单位, 哪个单位写的, who wrote it) is answered by the byline
    of the document it is about, wherever the byline stands (an article's last line, the
    author line under an English abstract, a notice's signature naming its issuer), a
    question for a document's title (那篇报道的大标题) by its title line, and one asking
    whom to contact about it (有问题找哪个处室联系) by its contact line. The
    question's words describe the document,
    not its byline, so each retrieved document's byline joins the candidates with the
    score, coverage, support and region of that document's best sentence;
    an English question's words written in the byline itself (an author line under an
    English abstract) count for it as its own coverage would.

    Other questions' candidates are returned as they are."""
    kinds = [k for k in ("author", "title") if k in q.kinds]
    if "department" in q.kinds and _CONTACT_ASKED.search(q.query):
        kinds.append("contact")
    if not kinds:
        return list(cands)
    best: dict[str, Candidate] = {}
    for c in sorted(cands, key=lambda c: -c.score):
        best.setdefault(c.doc_id, c)
    out = list(cands)
    for doc_id, top in best.items():
        for index in _document_lines(documents[doc_id], sentences_of[doc_id], kinds):
            sentence = sentences_of[doc_id][index]
            out = [c for c in out if (c.doc_id, c.index) != (doc_id, index)]
            out.append(replace(
                top, sentence=sentence, index=index, heading_sentence=None, kind_ok=True,
                echo=False, damaged=False,
                score=top.score + (0.0 if top.kind_ok else config.kind_weight)
                + config.own_weight * english_overlap(q.text, sentence.text)))
    return out


#: whom to contact about a document is asked (有问题找哪个处室联系, 有疑问找哪个部门): a
#: notice's contact line (联系单位：人才开发处) answers, wherever it stands (not 咨询一下, a
#: courtesy before any question)
_CONTACT_ASKED = re.compile(r"联系|有(?:问题|疑问)")
_CONTACT_LINE = re.compile(r"联系(?:单位|处室|部门|人)\s*[:：]")


def _document_lines(doc: Document, sentences: Sequence[Sentence], kinds: Sequence[str]
                    ) -> list[int]:
    """The sentences that say who wrote ``doc`` (its byline, or a line naming its issuer),
    for ``title`` its title line, and for ``contact`` its contact line."""
    found = []
    for index, sentence in enumerate(sentences):
        byline = "author" in kinds and (holds_kind(sentence.text, "author")
                                        or bool(doc.issuer and doc.issuer in sentence.text))
        title = ("title" in kinds and index == 0 and bool(doc.title)
                 and normalise(sentence.text).startswith(normalise(doc.title)[:TITLE_CHARS]))
        contact = ("contact" in kinds
                   and _CONTACT_LINE.search(simplified(sentence.text)) is not None)
        if byline or title or contact:
            found.append(index)
    return found


def _named_where_asked(q: QuestionInfo) -> list[str]:
    """The question's quoted programme names (normalised) that a clause asking stands on
    (「高新区的“人才贷”最多能贷多少钱」; not 「评上“崂山工匠”的张刚，他改的东西省多少钱」)."""
    asked = asked_text(q.query) if q.programmes else ""
    return [normalise(p) for p in q.programmes if p in asked]


def _candidate(q: QuestionInfo, hit: Hit, doc: Document, view: SentenceView,
               sentence: Sentence, index: int, keys: Mapping[str, float],
               config: AnswerConfig, asked: Place | None, terms: Mapping[str, float] | None,
               focus: tuple[Mapping[str, float] | None, str | None],
               time: AskedTime | None = None) -> Candidate:
    own = view.own
    # a numeral abbreviation the sentence spells out (五专: 专区、专窗、专线、专网、专员) is
    # what it names
    spelled = [b for b in keys if b[:1] in NUMERAL_CHARS and spells_out(b, view.own_unfolded)]
    own_cov = coverage(keys, view.own_unfolded + "".join(f"，{b}" for b in spelled))
    ctx_cov = coverage(keys, view.context)
    support = (coverage(keys, view.wide) if terms is None
               else term_support(terms, view.wide, config.partner_credit))
    asks_list = asks_for_list(q.query)
    signed = view.signed  # a closing signature line (issuer and day) dates; it states no fact
    # a sum asked per month or year is stated only by a sentence that gives that period
    # and a number of people asked only by a sentence that counts people (all read once
    # per question: memoised)
    # (the period read from what is asked: 「我现在一个月工资去一半」 is the asker's own)
    period = asked_period(without_asides(q.query), q.kinds)
    named = _named_where_asked(q)
    people = asks_people(q.query, q.kinds)
    span = asks_span(q.query, q.kinds)
    measure = asked_measure(q.query, q.kinds)
    kind_ok = not signed and any(  # a designation the question names (10+1) counts nothing
        holds_kind(without_designations(sentence.text, q.query) if k == "count"
                   else sentence.text, k)
        and (k != "amount" or period is None or states_period(sentence.text, period))
        # a sum asked of a named programme (「“人才贷”最多能贷多少」) is stated by a sentence
        # that names it, or follows one that does; not by the next sum in its passage
        and (k != "amount" or not named or any(n in own or n in view.previous_norm
                                               for n in named))
        and (k != "count" or not people or states_people(sentence.text))
        and (k != "duration" or not span or span_beside(sentence.text, *focus))
        for k in q.kinds)
    specific = sum(1 for d in q.degrees if degree_in(d, own)) + sum(
        1 for b in q.benefits if normalise(b) in own)
    if {"date", "day"} & set(q.kinds) and not signed and _FULL_DATE.search(sentence.text):
        specific += 2  # a day-exact date answers 「哪天」 better than a year range
    # neither a signature nor a bare aside answers alone, unless the question asks who is
    # responsible (the aside names the office)
    echo = (restates(sentence, doc, own, keys, config) or signed
            or (view.remark and "department" not in q.kinds))
    previous = view.previous
    score = (config.own_weight * own_cov + config.context_weight * ctx_cov
             + config.previous_weight * coverage(keys, view.previous_norm)
             + config.support_weight * support
             + config.rank_weight / hit.rank + (config.kind_weight if kind_ok else 0.0)
             + config.specific_weight * min(specific, 2)
             + config.list_weight * (asks_list and sentence.text.count("、") >= 2)
             - config.echo_penalty * echo - config.heading_penalty * sentence.is_heading
             - config.dateline_penalty * sentence.is_dateline
             - config.after_colon_penalty * previous.rstrip().endswith(("：", ":"))
             - config.short_penalty * (len(own) < config.short_chars))
    region = view.region
    relation = region_relation(asked, region) if asked is not None else None
    if (asked is not None and not asked.listed and relation != "same"
            and asked.name in view.placed):
        region, relation = asked.name, "same"  # the text names the unlisted place asked
    elif (asked is not None and relation == "other" and region != doc.region
          and not view.names_region and mentions(sentence.text, asked)):
        # a place carried from sentences before yields to the asked place the sentence
        # itself names, though not as its actor (「…已成为蚌埠市高技能人才培育工程的注脚」
        # after a paragraph on 海南, where a newspaper column runs on)
        region, relation = asked.name, "same"
    if relation == "national" and region != doc.region:
        # 「目前我国技能人才总量超过2亿人」 in a city's report: a fact about the country,
        # not a national rule that holds in the asked place
        relation = "other"
    if relation in WIDER:
        score -= config.broader_penalty
    return Candidate(
        hit=hit, sentence=sentence, index=index, heading_sentence=view.heading_sentence,
        score=score, coverage=max(own_cov, ctx_cov), support=support,
        kind_ok=kind_ok, missing=missing_constraints(
            q, doc, view.own_context, view.near, f"{view.near_next}{view.placed}",
            relation != "other"),
        region=region, echo=echo,
        damaged=view.damaged,
        relation=relation,
        measured=kind_ok and measure is not None and states_measure(sentence.text, measure),
        other_year=time is not None and time.missed_by(sentence.text, document_year(doc.date),
                                  f"{view.heading}{previous}"),
    )
