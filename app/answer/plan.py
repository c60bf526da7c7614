"""From a question to the evidence decision: rewrite, analyse, retrieve, decide.

:class:`CorpusView` holds what the engine derives once from the retriever's
documents (sentences with offsets, bigram weights). :func:`make_plan` is the
whole extractive decision for one question; composing text happens after.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Protocol

from app.answer.config import AnswerConfig
from app.answer.eligibility import degree_spellings, person_spellings
from app.answer.english import english_hints, english_in_chinese
from app.answer.evidence import Candidate, candidates, with_bylines
from app.answer.followup import rewrite
from app.answer.question import (
    QuestionInfo,
    after_asking,
    analyze_query,
    asides,
    asks_comparison,
    clauses,
)
from app.answer.rules import Decision, decide
from app.answer.scoring import document_frequencies, idf, key_bigrams, normalise
from app.answer.script import Script, detect_script
from app.answer.sentences import Sentence, split_sentences
from app.answer.terms import TermWeights, without_umbrella, words
from app.answer.wordclass import function_word, modal_led, names_thing
from index.types import Hit
from ingest.facts import Fact
from ingest.types import Document
from lexicon import (
    APPLIES,
    Place,
    applies_to,
    gazetteer,
    names_nothing,
    people_words,
    region_relation,
    resolve,
    synonym_groups,
)
from lexicon.segmenter import dictionary_tag

logger = logging.getLogger(__name__)

#: how a document's region must relate to a place for the place to have documents of
#: its own: any relation under which its rules apply there, but national
_LOCAL = APPLIES - {"national"}

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


class _SentenceTable(Mapping[str, tuple[Sentence, ...]]):
    """Sentences per doc_id; a document not seen at warm-up is split on first use."""

    def __init__(self, documents: Mapping[str, Document],
                 table: dict[str, tuple[Sentence, ...]]) -> None:
        self._documents, self._table = documents, table

    def __getitem__(self, doc_id: str) -> tuple[Sentence, ...]:
        found = self._table.get(doc_id)
        if found is None:
            found = self._table[doc_id] = split_sentences(self._documents[doc_id].text)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)


#: a figure in a question with its unit (两年, 一个工作日, 两千来万人, 8000元), or a bare
#: number of three digits or more (月薪8000); not a year (2023年)
_GUESS = re.compile(r"(?<![0-9零〇一二两三四五六七八九十百千万亿])(?!\d{4}年)"
                    r"(?:[0-9零〇一二两三四五六七八九十百千万亿]+(?:\.\d+)?[来余多几]?[十百千万亿]*个?"
                    r"(?:工作日|小时|个月|人次|万元|元|年|天|月|周|人|套|家|名|岁|块)|\d{3,}(?![\d年]))")


#: dictionary tags of a name: none (not in the dictionary), a place's, an organisation's or
#: another proper name; not an abbreviation (国企) nor a person's name, a tag the dictionary
#: also gives common nouns (师傅, 安家费)
_NAME_TAGS = frozenset({"", "ns", "nt", "nz"})
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


class CorpusView:
    """Sentences and bigram weights of a retriever's documents, computed once, thread-safe."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents
        # the regions the library's documents hold in (read once: documents are fixed)
        self.regions = frozenset(d.region for d in documents.values() if d.region)
        self._lock = threading.Lock()
        self._sentences: _SentenceTable | None = None
        self._weights: dict[str, float] = {}
        self._unseen = 0.0
        self._terms: TermWeights | None = None
        self._using: dict[str, frozenset[str]] = {}
        self._doc_texts: dict[str, str] = {}

    def _load(self) -> _SentenceTable:
        with self._lock:
            if self._sentences is None:
                table = {d: split_sentences(doc.text) for d, doc in self._documents.items()}
                texts = [normalise(s.text) for ss in table.values() for s in ss]
                self._weights = idf(document_frequencies(texts), len(texts))
                self._unseen = max(self._weights.values(), default=1.0)
                self._terms = TermWeights(texts, [s.text for ss in table.values() for s in ss])
                # each document's sentences, normalised, one a line (for documents_using)
                self._doc_texts = {d: "\n".join(normalise(s.text) for s in ss)
                                   for d, ss in table.items()}
                self._sentences = _SentenceTable(self._documents, table)
                logger.info("answer engine: %d documents, %d sentences", len(table),
                            len(texts))
            return self._sentences

    @property
    def sentences(self) -> Mapping[str, tuple[Sentence, ...]]:
        """Sentences of every document, by doc_id."""
        return self._load()

    def keys(self, segments: Sequence[str], hints: Sequence[str] = (),
             hint_weight: float = 1.0) -> dict[str, float]:
        """Weighted content bigrams of a question (see :func:`scoring.key_bigrams`); the
        bigrams only ``hints`` (an English question's dictionary words) bring count
        ``hint_weight`` of their weight."""
        self._load()
        keys = key_bigrams(without_umbrella(segments), self._weights, self._unseen)
        if hints:
            for key, weight in key_bigrams(without_umbrella(hints), self._weights,
                                           self._unseen).items():
                keys.setdefault(key, weight * hint_weight)
        return keys

    def correct(self, query: str) -> str:
        """``query`` with its pinyin input slips spelled as the documents spell them (see
        :meth:`app.answer.terms.TermWeights.slips`): 签了威海高薪区的工作 -> 签了威海高新区的
        工作. Place names are never respelled (桃园 is not 桃源), and a slip the question
        writes in another form (Traditional) is left as it is."""
        self._load()
        if self._terms is None:
            return query
        for slip, fix in self._terms.slips(query).items():
            if not gazetteer().named(slip):  # a place the library lacks is asked as named
                query = query.replace(slip, fix)
        return query

    def paraphrased(self, q: QuestionInfo) -> str:
        """``q``'s query with each noun the documents never use written as the word they
        use for the same thing (see :meth:`app.answer.terms.TermWeights.paraphrase`)."""
        query = q.query
        for word in self.unseen(q):
            fix = self._terms.paraphrase(word) if self._terms is not None else None
            if fix is not None and not gazetteer().named(word) and word in query:
                query = query.replace(word, fix)
        return query

    def uses(self, word: str) -> bool:
        """True when some sentence of the documents holds ``word`` (simplified)."""
        self._load()
        return self._terms is not None and self._terms.uses(normalise(word))

    def spelled_out(self, word: str) -> bool:
        """True when the documents never write ``word`` but spell it out in another regular
        form (五专 as 专区、专窗、专线、专网、专员; see :mod:`app.answer.terms`)."""
        self._load()
        key = normalise(word)
        return (self._terms is not None and not self._terms.uses(key)
                and self._terms.spelled_out(key))

    def unseen(self, q: QuestionInfo) -> tuple[str, ...]:
        """The question's nouns these documents never use (see :mod:`app.answer.terms`)."""
        self._load()
        return self._terms.unseen(q.content, q.query) if self._terms is not None else ()

    def focus(self, q: QuestionInfo) -> QuestionInfo:
        """``q`` without the words the documents never use that only its asides hold (see
        :func:`app.answer.question.asides`): the asker's 老家 or 校区 is not what is
        asked, and a word no sentence holds cannot lead to one; nor those that name
        nothing (一直, 以后: :func:`app.answer.wordclass.function_word`) or join a modal to
        its verb (能带: :func:`app.answer.wordclass.modal_led`)."""
        aside = asides(q.query) if q.script != "en" else ()
        self._load()
        if self._terms is None:
            return q
        aside_text = normalise("，".join(aside))
        asked = normalise("，".join(c for c in clauses(q.query) if c not in aside))
        # and a never-used word that names nothing (一直, 以后) only thins the support, as
        # does a figure no document states: the asker's guess (是不是免两年) or own (月薪8000)
        # who the asker is (残疾人, 博士) is never background
        # a word right after 不 is a state (跟他不沾边), not a thing the documents could hold,
        # and the asker's own people (员工, 同学) are whom the question is told about; a
        # word that names nothing (a verb the dictionary glosses only as an action: 报名,
        # 合办, 读完) does not either, unless it is what is asked (会不会过期, 才够格);
        # figures are left to the guess rule below
        slots = (*degree_spellings(q.degrees), *person_spellings(q.persons))
        said = normalise(q.query)
        predicate = normalise(after_asking(q.query))
        drop = {w for seg in q.content for w in words(seg) if not self._terms.uses(w)
                and not any(w in s for s in slots)
                and ((aside and w in aside_text and w not in asked) or function_word(w)
                     or modal_led(w) or f"不{w}" in said or w in people_words()
                     or (not names_thing(w, q.query) and names_nothing(w) and w not in predicate
                         and not any(ch.isdigit() for ch in w)))}
        drop |= {f for f in map(normalise, _GUESS.findall(q.query)) if not self._terms.uses(f)}
        if drop:
            pattern = re.compile("|".join(map(re.escape, sorted(drop, key=len, reverse=True))))
            q = replace(q, content=tuple(
                p for seg in q.content for p in pattern.sub(" ", normalise(seg)).split()
                if len(p) >= 2))
        # a place only an aside names (the asker's hometown) is not where the answer must
        # hold, when the clauses that ask name one
        kept = [(p, r) for p, r in zip(q.places, q.place_refs, strict=True)
                if aside and p in asked]
        if kept and len(kept) < len(q.places):
            q = replace(q, places=tuple(p for p, _ in kept), place_refs=tuple(r for _, r in kept))
        return q

    def documents_using(self, word: str) -> frozenset[str]:
        """Ids of the documents a sentence of which holds normalised ``word``, memoised per
        word."""
        self._load()
        found = self._using.get(word)
        if found is None:
            found = self._using[word] = frozenset(
                d for d, text in self._doc_texts.items() if word in text)
        return found

    def anchors(self, q: QuestionInfo, most: int) -> dict[str, frozenset[str]]:
        """The question's names that at most ``most`` documents use -> those documents: a
        word the segmenter's dictionary lacks or holds as a name or abbreviation (北汽,
        青领, 健康码) ties the question to them; an ordinary word (每月) does not, however
        few documents use it."""
        self._load()
        if most < 1 or self._terms is None:
            return {}
        out = {}
        for word in self.terms(q):
            if (dictionary_tag(word) not in _NAME_TAGS or not _HAN_WORD.fullmatch(word)
                    or word in people_words() or not self._terms.token(word, q.query)):
                continue  # a figure (8000) or the asker's own people name no document
            using = self.documents_using(word)
            if 0 < len(using) <= most:
                out[word] = using
        return out

    def terms(self, q: QuestionInfo) -> dict[str, float]:
        """Weighted content words of a question (see :mod:`app.answer.terms`); a benefit
        kind it names is one term, weighted as its rarest word."""
        self._load()
        if self._terms is None:
            return {}
        found = self._terms.weights(q.content)
        for kind in q.benefits:
            key = normalise(kind)
            parts = [w for w in found if w in key]
            weight = max((found.pop(w) for w in parts), default=0.0)
            found[key] = max(weight, self._terms.weights((kind,)).get(key, weight))
        return found


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


def asked_region(q: QuestionInfo, region_filter: str | None,
                 regions: Collection[str] = ()) -> tuple[str | None, Place | None]:
    """The place an answer must hold in: the one place the question names (the narrowest
    of a nested chain such as 北京市东城区), else the caller's region filter (a widget's
    page region). A comparison of places has none, unless the library has no documents
    for one of them: that one is asked, so the answer says so. Of places that do not nest, the one
    that has documents of its own among ``regions`` (the library's) when only one has
    (「我是台湾应届毕业生，去青岛工作…」), and the first named, narrowed to a place named
    inside it, when none has (「我是江西师大毕业的，老家赣州，在广东干了两年…」);
    none when several have."""
    if q.places:
        g = gazetteer()
        pairs = list(zip(q.places, q.place_refs, strict=True))
        chain = sorted(pairs, key=lambda pr: len(g.ancestors(pr[1])))
        nested = all(g.within(inner, outer) for (_, outer), (_, inner) in pairwise(chain))
        if nested:
            return chain[-1]
        if asks_comparison(q.query):  # one side the library lacks cannot be compared
            lacking = [pr for pr in pairs if not _has_documents(pr[1], regions)]
            return lacking[0] if lacking and regions else (None, None)
        local = [pr for pr in pairs if _has_documents(pr[1], regions)]
        if len({r for _, r in local}) == 1:
            return local[0]
        if local:
            return None, None
        first = pairs[0][1]
        inside = [pr for pr in pairs if g.within(pr[1], first)]
        return max(inside, key=lambda pr: len(g.ancestors(pr[1])), default=pairs[0])
    if not region_filter:
        return None, None
    place = resolve(region_filter)
    if place is None:
        found = gazetteer().find(region_filter)
        place = found[0].place if found else None
    return region_filter, place


def _has_documents(place: Place, regions: Collection[str]) -> bool:
    """True when one of the library's ``regions`` is ``place``, holds it or lies in it."""
    return any(region_relation(place, r) in _LOCAL for r in regions)


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
    a question about 北汽's 青领计划 is not answered by another document's allowance."""
    if not anchors:
        return list(cands)
    out = []
    for c in cands:
        lacking = tuple(w for w, docs in anchors.items() if c.doc_id not in docs)
        out.append(replace(c, missing=(*c.missing, *lacking)) if lacking else c)
    return out


def read_question(question: str, history: Sequence[Mapping[str, str]], corpus: CorpusView
                  ) -> QuestionInfo:
    """A question as the engine reads it against these documents: a follow-up merged with
    its context, keyboard slips respelled, English words read (a whole English question,
    or words inside a Chinese one), a quoted abbreviation the documents spell out not
    required, and the asker's background words the documents never use left out."""
    script = detect_script(question)
    info = _read(corpus.correct(rewrite(question, history)), question, script, corpus)
    query = corpus.paraphrased(info)
    if query == info.query:
        return info
    # the notice's word names the thing asked about; what kind of answer is asked for (a
    # sum, a comparison: 区别 read as 差异) stays as the asker wrote it
    read = _read(query, question, script, corpus)
    same = read.kinds == info.kinds and asks_comparison(query) == asks_comparison(info.query)
    return read if same else info


def _read(query: str, question: str, script: Script, corpus: CorpusView) -> QuestionInfo:
    hints: tuple[str, ...] = ()
    if script != "en":  # English words in a Chinese question (想找intern)
        query, hints = english_in_chinese(query, corpus.uses)
    info = analyze_query(query, question, script)
    if script == "en":
        hints = english_hints(question, corpus.uses)
    if hints:
        info = replace(info, hints=hints)
    # a quoted abbreviation the documents spell out (「五专」) is asked, not required
    required = tuple(p for p in info.programmes if not corpus.spelled_out(p))
    if required != info.programmes:
        info = replace(info, programmes=required)
    return corpus.focus(info)


def make_plan(question: str, history: Sequence[Mapping[str, str]], retriever: RetrieverLike,
              corpus: CorpusView, *, k: int, candidate_k: int,
              filters: Mapping[str, object] | None, config: AnswerConfig) -> Plan:
    """Rewrite a follow-up, analyse, retrieve and decide."""
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question must be a non-empty string")
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    info = read_question(question, history, corpus)
    region, place = asked_region(info, check_filters(filters), corpus.regions)
    hits = retrieve(retriever, (info.query, keyword_query(info)), max(k, candidate_k), region)
    keys = corpus.keys(info.content, info.hints, config.hint_weight)
    cands = with_bylines(info, candidates(info, hits, retriever.documents, corpus.sentences,
                                          keys, config, place, corpus.terms(info)),
                         retriever.documents, corpus.sentences, config)
    cands = anchored(cands, corpus.anchors(info, config.anchor_documents))
    decision = decide(info, cands, config, keys, corpus.unseen(info))
    logger.debug("question %r -> query %r: %s", question, info.query, decision.reason)
    return Plan(info, tuple(hits[:k]), decision, tuple(hits), region)
