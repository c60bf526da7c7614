"""From a question to the evidence decision: rewrite, analyse, retrieve, decide.

:class:`app.answer.corpus_view.CorpusView` holds what the engine derives once from
the retriever's documents (sentences with offsets, word weights). :func:`make_plan` is
the whole extractive decision for one question; composing text happens after.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from app.answer.asked_names import looked_up
from app.answer.asked_place import (
    LOCAL,
    asked_region,
    asker_whereabouts,
    english_document,
    has_documents,
)
from app.answer.choices import lettered, without_lettered
from app.answer.citing import cited_titles, without_titles
from app.answer.clauses import asked_text
from app.answer.config import AnswerConfig
from app.answer.corpus_view import CorpusView
from app.answer.correction import without_guess
from app.answer.english import english_hints, english_in_chinese, without_letter
from app.answer.english_told import asking_sentences, told_terms
from app.answer.evidence import Candidate, candidates, with_document_lines
from app.answer.followup import rewrite
from app.answer.kinds import asks_comparison
from app.answer.near_words import WordVectors, unseen_left
from app.answer.programmes import quote_recalled
from app.answer.prompt_frame import without_frame
from app.answer.question import QuestionInfo, analyze_query
from app.answer.rules import Decision, decide
from app.answer.script import Script, detect_script, mostly_english
from app.answer.statement_region import speaks_of
from app.answer.story import introduced
from app.answer.transcript import from_transcript
from app.answer.years import AskedTime
from index.types import Hit
from ingest.facts import Fact
from ingest.types import Document
from lexicon import (
    APPLIES,
    Place,
    applies_to,
    document_reference_pattern,
    gazetteer,
    synonym_groups,
)

__all__ = ["CorpusView", "Plan", "RetrieverLike", "make_plan", "read_question"]

logger = logging.getLogger(__name__)

FILTER_KEYS = ("region",)


class RetrieverLike(Protocol):
    """What the engine needs from :class:`index.Retriever`."""

    @property
    def documents(self) -> Mapping[str, Document]: ...

    @property
    def facts(self) -> Sequence[Fact]: ...

    def facts_for(self, *, region: str | None = None, beneficiary: str | None = None,
                  kind: str | None = None) -> Sequence[Fact]: ...

    def search(self, query: str, k: int = 5, *, region: str | None = None,
               query_vector: Any = None) -> list[Hit]: ...

    def embed_query(self, query: str) -> Any: ...

    def embed_queries(self, queries: Sequence[str]) -> Any: ...


@dataclass(frozen=True)
class Plan:
    """Everything decided before any text is written."""

    question: QuestionInfo
    hits: tuple[Hit, ...]
    decision: Decision
    retrieved: tuple[Hit, ...] = ()
    region: str | None = None  # the caller's region filter, else the one place asked about

    def hits_used(self) -> tuple[Hit, ...]:
        """The top-k hits, extended to the lowest-ranked hit an answer quotes."""
        used = max((c.hit.rank for c in self.decision.chosen), default=0)
        return self.hits if used <= len(self.hits) else self.retrieved[:used]


def check_filters(filters: Mapping[str, object] | None) -> str | None:
    """The region filter, after rejecting unknown filter keys with a clear message."""
    if not filters:
        return None
    unknown = sorted(set(filters) - set(FILTER_KEYS))
    if unknown:
        raise ValueError(f"unknown filter(s) {unknown}; supported: {list(FILTER_KEYS)}")
    region = filters.get("region")
    if region is not None and not isinstance(region, str):
        raise ValueError(f"filters['region'] must be a string, got {type(region).__name__}")
    return region or None


def keyword_query(q: QuestionInfo) -> str:
    """A second query of the question's constraints and content, with synonyms spelled out.

    >>> from app.answer.question import analyze
    >>> keyword_query(analyze("硕士在南阳的生活补贴"))
    '南阳 硕士 生活补贴 研究生 补助 津贴 资助 生活津贴 生活补助 生活费 生活资助'
    """
    terms = [*q.places, *q.degrees, *q.programmes, *q.content, *q.hints]
    variants = [word for t in terms for group in synonym_groups()
                if any(w in t for w in group) for word in group if word not in t]
    return " ".join(dict.fromkeys([*terms, *variants]))


def retrieve(retriever: RetrieverLike, queries: Sequence[str], k: int,
             region: str | None) -> list[Hit]:
    """Hits of several queries merged by chunk (best rank first, first query breaks ties);
    with ``region``, hits from documents that hold there come first."""
    best: dict[str, tuple[int, int, Hit]] = {}
    queries = [q for q in queries if q.strip()]
    if not queries:
        return []
    # One dense embedding (of the question itself) serves every lexical variant.
    vector = retriever.embed_query(queries[0])
    for qi, query in enumerate(queries):
        for hit in retriever.search(query, k=k, region=region, query_vector=vector):
            key = (hit.rank, qi, hit)
            if hit.chunk.chunk_id not in best or key[:2] < best[hit.chunk.chunk_id][:2]:
                best[hit.chunk.chunk_id] = key
    ordered = sorted(best.values(), key=lambda t: t[:2])
    if region:  # the region's documents first, the rest after (re-ranks, never filters)
        docs = retriever.documents
        ordered.sort(key=lambda t: not applies_to(docs[t[2].chunk.doc_id].region, region))
    return [replace(h, rank=i) for i, (_, _, h) in enumerate(ordered, start=1)]


def anchored(cands: Sequence[Candidate], anchors: Mapping[str, Collection[str]]
             ) -> list[Candidate]:
    """``cands`` with each anchor word their document never uses added to what they miss:
    a question about 北汽's 青领计划 is not answered by another document's allowance. A
    word that only documents not holding in the asked place use does not take the
    question from the place's own (「崂山驻区的高校和科研院所…」: the paper that writes
    科研院所 names no place, 崂山's report writes 高校院所)."""
    if not anchors:
        return list(cands)
    relation = {c.doc_id: c.relation for c in cands}
    out = []
    for c in cands:
        lacking = tuple(w for w, docs in anchors.items() if c.doc_id not in docs and not (
            c.relation in LOCAL and all(relation.get(d) not in APPLIES for d in docs)))
        out.append(replace(c, missing=(*c.missing, *lacking)) if lacking else c)
    return out


def pinyin_names(q: QuestionInfo, corpus: CorpusView) -> tuple[str, ...]:
    """The documents' words an English question spells in pinyin (Qingling Plan: 青领), but
    places' names (Shenzhen: read as places are); only where it asks when that points at a
    document (「I'm an apprentice in BAIC's Qingling Plan. According to the paper, …?」: the
    paper is asked about, not the plan)."""
    if q.script != "en":
        return ()
    asking = asking_sentences(q.text)
    text = asking if english_document().search(asking) else q.text
    return tuple(w for w in corpus.romanised(text) if not gazetteer().named(w))


def read_question(question: str, history: Sequence[Mapping[str, str]], corpus: CorpusView
                  ) -> QuestionInfo:
    """A question as the engine reads it against these documents: a follow-up merged with
    its context, keyboard slips respelled, English words read (a whole English question,
    or words inside a Chinese one), a quoted abbreviation the documents spell out not
    required, and the asker's background words the documents never use left out."""
    question = from_transcript(question)  # a pasted group chat: what its asker asks
    script = detect_script(question)
    if script == "en":  # a letter's salutation and closing ask nothing (Dear Sir or Madam,),
        # nor the role a chat model is told to play (Act as an HR consultant.)
        question = without_frame(without_letter(question))
    # a multiple choice is read by its question; its options only help find the passage
    text = without_lettered(rewrite(question, history))
    if script != "en":  # a guess the asker takes back (是“一站式”吗？不对，…) asks nothing
        text = without_guess(text)
    renamed: tuple[tuple[str, str], ...] = ()
    cited: tuple[tuple[str, frozenset[str]], ...] = ()
    if script != "en":  # a document cited by its title (《…综述》里) is pointed at, not asked
        cited = cited_titles(text, corpus.documents_using)
        text = without_titles(text, cited)
        # a half-remembered quoted name (智汇崂山) read as the documents',
        # before slips are respelled: as written; one recalled unsure is quoted first
        text, renamed = corpus.renamed(quote_recalled(text))
    info = replace(_read(corpus.correct(text), question, script, corpus), renamed=renamed,
                   cited=cited)
    query = corpus.paraphrased(info)
    if query == info.query:
        return info
    # the notice's word names the thing asked about; what kind of answer is asked for (a
    # sum, a comparison: 区别 read as 差异) stays as the asker wrote it
    read = replace(_read(query, question, script, corpus), renamed=renamed, cited=cited)
    same = read.kinds == info.kinds and asks_comparison(query) == asks_comparison(info.query)
    return read if same else info


def _read(query: str, question: str, script: Script, corpus: CorpusView) -> QuestionInfo:
    hints: tuple[str, ...] = ()
    if script != "en":  # English words in a Chinese question (想找intern)
        query, hints = english_in_chinese(query, corpus.uses, corpus.abbreviated)
    info = analyze_query(query, question, script)
    if script == "en":
        hints = tuple(dict.fromkeys((*english_hints(question, corpus.uses),
                                     *corpus.romanised(question))))
    if script == "en" or mostly_english(question):  # 「…Who may use the 人才贷?」 too
        info = replace(info, told=told_terms(question))
    if hints:
        info = replace(info, hints=hints)
    # a quoted abbreviation the documents spell out (「五专」) is asked, not required
    required = tuple(p for p in info.programmes if not corpus.spelled_out(p))
    if required != info.programmes:
        info = replace(info, programmes=required)
    return corpus.focus(info)


def decide_for_years(q: QuestionInfo, cands: Sequence[Candidate], config: AnswerConfig,
                     keys: Mapping[str, float], unseen: Sequence[str]) -> Decision:
    """:func:`app.answer.rules.decide` over the candidates that may speak of the years the
    question asks about (:mod:`app.answer.years`); a refusal after some were left out says
    that the documents speak of another time. So does one that would quote another
    place's rules, or those of a document that names no place covering the question less,
    when the asked place's own statements were left out for their years (「崂山区 2022年
    人才总量」: 崂山 reports another year, not nothing), and one from a
    sentence that covers the question far less (``time_cover_share``) than one left out."""
    kept = [c for c in cands if not c.other_year]
    decision = decide(q, kept, config, keys, unseen)
    own_left_out = any(c.other_year and c.relation == "same" for c in cands)
    # a document naming no place answers instead only when it covers the question as well
    # as the asked place's own sentence left out (the paper's 「2023年9月…在黑龙江…提出」
    # for 「是不是2023年在浙江提出的」; not a heading beside 崂山's 2023 total for 2022)
    own_cover = max((c.coverage for c in cands if c.other_year and c.relation == "same"),
                    default=0.0)
    unstated_weaker = (decision.outcome == "unknown_region" and bool(decision.chosen)
                       and decision.chosen[0].coverage < own_cover)
    # and one from a sentence covering the question much less than the best of those left
    # out (「2023年全年GDP增长多少」: the 前三季度 figure left, an unrelated one is no answer)
    # (of those left out, only one that would have answered: supported as well as covered)
    left_cover = max((c.coverage for c in cands if c.other_year and c.eligible and c.kind_ok
                      and c.support >= config.min_support
                      and (c.relation is None or c.relation in APPLIES)), default=0.0)
    weaker = bool(decision.chosen) and (
        decision.chosen[0].coverage < config.time_cover_share * left_cover)
    if len(kept) < len(cands) and (decision.outcome == "refuse" or weaker or (
            decision.outcome == "other_region" and own_left_out) or unstated_weaker):
        named = AskedTime.of(q).named()
        return Decision((), "refuse", f"the evidence speaks of another time than {named}",
                        (named,))
    return decision


def _decide(info: QuestionInfo, hits: Sequence[Hit], retriever: RetrieverLike,
            corpus: CorpusView, config: AnswerConfig, place: Place | None,
            vectors: WordVectors, anchors: Mapping[str, frozenset[str]], *,
            introduction: bool = False) -> Decision:
    """Weigh the question's words, read the evidence sentences and decide (see
    :meth:`CorpusView.weights` for ``introduction``; ``anchors``: :meth:`CorpusView.anchors`)."""
    keys, terms = corpus.weights(info, config, introduction=introduction)
    found = candidates(info, hits, retriever.documents, corpus.sentences, keys, config, place,
                       terms, corpus.views)
    cands = with_document_lines(info, found, retriever.documents, corpus.sentences, config)
    # a document cited by title answers alone, when retrieval found it at all
    cited = {t: docs for t, docs in info.cited if any(c.doc_id in docs for c in cands)}
    cands = anchored(cands, {**anchors, **cited})
    unseen = unseen_left(corpus.unseen(info), cands, vectors,
                         config.near_word_similarity, config.near_word_sentences)
    return decide_for_years(info, cands, config, keys, unseen)


def unplaced_elsewhere(decision: Decision, q: QuestionInfo, place: Place,
                       documents: Mapping[str, Document], regions: Collection[str]) -> bool:
    """True when ``decision`` would quote only documents that name no place of their own
    (``unknown_region``) for a question about ``place``, which has no documents in the
    library (``regions``; where it has, a notice of no stated place may well be its own),
    and none of them speaks of it (:func:`app.answer.statement_region.speaks_of`): a
    county's own arrangements are not in a paper that never names the county. Not when
    the place is only where the asker is
    (「我在贵阳做人社工作，文章推广的…」, :func:`app.answer.story.whereabouts`) or they
    point at a document (文章说, 那篇论文): then the document is what they ask about."""
    if (decision.outcome != "unknown_region" or not decision.chosen
            or has_documents(place, regions)):
        return False
    where = asker_whereabouts(q)
    if any(name in where and ref.code == place.code
           for name, ref in zip(q.places, q.place_refs, strict=True)):
        return False
    if document_reference_pattern().search(asked_text(q.query)):
        return False
    return not any(speaks_of(documents[c.doc_id].text, place)
                   for c in decision.chosen)


def make_plan(question: str, history: Sequence[Mapping[str, str]], retriever: RetrieverLike,
              corpus: CorpusView, *, k: int, candidate_k: int,
              filters: Mapping[str, object] | None, config: AnswerConfig,
              word_vectors: WordVectors | None = None) -> Plan:
    """Rewrite a follow-up, analyse, retrieve and decide. ``word_vectors`` keeps the
    words embedded for near-synonyms across questions (a fresh store when None)."""
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question must be a non-empty string")
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    info = read_question(question, history, corpus)
    # names only one document uses (北汽新能源) tie the question to it, wherever the asker is
    anchors = corpus.anchors(info, config.anchor_documents, pinyin_names(info, corpus))
    region, place = asked_region(info, check_filters(filters), corpus.regions,
                                 ties=lambda q: bool(anchors))
    offered = " ".join(lettered(question))  # a multiple choice's options (A.… B.…)
    hits = retrieve(retriever, (info.query, keyword_query(info), offered), max(k, candidate_k),
                    region)
    vectors = word_vectors or WordVectors(retriever.embed_queries)
    decision = _decide(info, hits, retriever, corpus, config, place, vectors, anchors)
    if decision.refused and info.script != "en" and introduced(info.query):
        # the asker's introduction (我在银行做理财经理，…) may be what they qualify by
        # (我是双一流硕士，…) or only who they are: read without it when it finds nothing
        without = _decide(info, hits, retriever, corpus, config, place, vectors, anchors,
                          introduction=True)
        decision = decision if without.refused else without
    if place is not None and unplaced_elsewhere(decision, info, place, retriever.documents,
                                               corpus.regions):
        # 「鄱阳县的人才引进归哪个部门管」 over a paper that names no place and never 鄱阳
        decision = Decision((), "refuse", f"no document speaks of {place.name}", ())
    figure = looked_up(info.query) if info.script != "en" else None
    if figure is not None and not decision.refused and not corpus.states(figure):
        # 「3600元是什么补贴」 where no document gives 3600元: no sentence says what it is
        decision = Decision((), "refuse", f"no document gives {figure}", (figure,))
    logger.debug("question %r -> query %r: %s", question, info.query, decision.reason)
    return Plan(info, tuple(hits[:k]), decision, tuple(hits), region)
