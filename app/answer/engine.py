"""The answer engine: grounded, cited answers over the retriever.

Extractive by default (no model, no network): the sentences that answer the question
are quoted with ``[n]`` markers, or the engine refuses and says what is missing. A
question about a place the documents do not cover is told so before anything else.
With ``QAConfig(llm=LLMConfig(...))`` an OpenAI-compatible endpoint writes the answer
from the same numbered passages; every ``[n]`` is checked and the engine falls back to
the extractive answer on any failure.

>>> # engine = QAEngine(Retriever.load(Path("indexes/main")))
>>> # engine.answer("我是硕士，去威海工作每个月有多少生活补贴？").citations[0].quote
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from app.answer.compose import compose, note_kind
from app.answer.config import AnswerConfig
from app.answer.coverage import coverage_sentence, summarize
from app.answer.factbook import FactBook
from app.answer.framing import clarify, fallback_note, refusal
from app.answer.generative import GenerativeError, generate, passages_for
from app.answer.limits import bounded_history, bounded_question
from app.answer.llm import LLMConfig
from app.answer.near_words import WordVectors
from app.answer.plan import CorpusView, Plan, RetrieverLike, make_plan
from app.answer.refusal import partial_text, refusal_subject, related_benefits
from app.answer.smalltalk import social_reply
from app.answer.tables import table_answer
from app.answer.types import Answer
from app.answer.validity import mark_citations
from index.types import Hit
from lexicon import english_senses
from lexicon.dictionary import index_senses

logger = logging.getLogger(__name__)

#: read once at start-up so that every model and table is loaded before a user asks
WARM_UP_QUESTION = "硕士去工作每个月有多少生活补贴？"

DEFAULT_HOTLINE = "如需进一步咨询，可拨打 12333 人社服务热线。"
DEFAULT_HOTLINE_EN = ("For further help, call the 12333 human resources and social security "
                      "hotline.")

__all__ = ["DEFAULT_HOTLINE", "DEFAULT_HOTLINE_EN", "AnswerConfig", "LLMConfig", "QAConfig",
           "QAEngine"]


@dataclass(frozen=True)
class QAConfig:
    """How answers are written. ``llm=None`` keeps the engine extractive and offline.
    ``hotline`` closes a Chinese refusal, ``hotline_en`` an English one (None: no line)."""

    hotline: str | None = DEFAULT_HOTLINE
    hotline_en: str | None = DEFAULT_HOTLINE_EN
    llm: LLMConfig | None = None
    candidate_k: int = 12
    related_k: int = 3
    answer: AnswerConfig = field(default_factory=AnswerConfig)

    def __post_init__(self) -> None:
        if self.candidate_k < 1 or self.related_k < 0:
            raise ValueError("QAConfig.candidate_k must be >= 1 and related_k >= 0")


class QAEngine:
    """Answers questions from a retriever's documents, always with citations."""

    def __init__(self, retriever: RetrieverLike, config: QAConfig = QAConfig()) -> None:
        self.retriever = retriever
        self.config = config
        self._corpus = CorpusView(retriever.documents)
        self._word_vectors = WordVectors(retriever.embed_queries)  # near-synonym checks
        self.factbook = FactBook(retriever)
        self.coverage = summarize(retriever.documents.values())  # regions, count, latest date

    def warm_up(self) -> None:
        """Split every document into sentences, read what each sentence brings to any
        question (its heading, normalised context, region: about 1 s per 10,000
        sentences) and index the English-Chinese dictionary now instead of on the first
        questions, then answer one question, so the segmenter's tagger, the word weights
        and the query embedding are loaded too (the first question was otherwise about
        0.8 s slower, and each question about a document not yet read some 7 ms)."""
        logger.info("answer engine: %d sentences read", self._corpus.prime())
        english_senses()
        index_senses()
        self.answer(WARM_UP_QUESTION)

    def _plan(self, question: str, history: Sequence[Mapping[str, str]], k: int,
              filters: Mapping[str, object] | None) -> Plan:
        return make_plan(question, history, self.retriever, self._corpus, k=k,
                         candidate_k=self.config.candidate_k, filters=filters,
                         config=self.config.answer, word_vectors=self._word_vectors)

    def _refusal(self, plan: Plan) -> Answer:
        related = related_hits(plan.hits, self.config.related_k)
        q, decision = plan.question, plan.decision
        if decision.outcome == "clarify":
            text = clarify("".join((*q.places, *q.degrees)), q.script)
            return Answer(text=text, citations=(), hits=plan.hits, refused=True,
                          reason=decision.reason, mode="extractive")
        subject = refusal_subject(q, decision.missing)
        partial = related_benefits(q, self.factbook.facts, self.retriever.documents,
                                   plan.region)
        if partial is not None:
            citations = tuple(self.factbook.citation(f, n)
                              for n, f in enumerate(partial.facts, start=1))
            text = partial_text(q, partial, subject, self.retriever.documents, citations)
            text = f"{text}\n{coverage_sentence(self.coverage, q.script)}"
            return Answer(text=text, citations=citations, hits=plan.hits, refused=True,
                          reason=f"{decision.reason}; related benefits listed",
                          related=related, mode="extractive-partial")
        hotline = self.config.hotline_en if q.script == "en" else self.config.hotline
        text = refusal(subject, q.script, has_related=bool(related), hotline=hotline,
                       coverage=coverage_sentence(self.coverage, q.script))
        return Answer(text=text, citations=(), hits=plan.hits, refused=True,
                      reason=decision.reason, related=related, mode="extractive")

    def _extractive(self, plan: Plan) -> Answer:
        text, citations = compose(plan.question, plan.decision, self.retriever.documents,
                                  self._corpus.sentences, self.factbook.facts, plan.region,
                                  self.config.answer)
        return Answer(text=text, citations=citations, hits=plan.hits_used(),
                      refused=plan.decision.refused, reason=plan.decision.reason,
                      mode="extractive", region_note=note_kind(plan.decision, plan.region))

    def _table(self, plan: Plan) -> Answer | None:
        """A figure answer built from fact rows (difference or cross-region table)."""
        found = table_answer(plan.question, plan.region, self.factbook, self._corpus.sentences)
        if found is None:
            return None
        reason = (f"no rules found for {', '.join(found.lacking)}: nothing to compare with"
                  if found.lacking else "answered from extracted fact rows")
        return Answer(text=found.text, citations=found.citations, hits=plan.hits,
                      refused=bool(found.lacking), reason=reason,
                      mode="extractive-table", table=found.table)

    def _finish(self, answer: Answer) -> Answer:
        """Mark outdated citations in the text."""
        if not answer.citations:
            return answer
        return replace(answer, text=mark_citations(answer.text, answer.citations))

    def _fallback(self, plan: Plan, error: Exception) -> Answer:
        logger.warning("generative answer failed, using extractive: %s", error)
        base = self._extractive(plan)
        note = fallback_note(plan.question.script)
        return replace(base, text=f"{note}\n{base.text}", mode="extractive-fallback",
                       reason=f"generative mode failed ({error}); extractive answer shown")

    def answer(self, question: str, history: Sequence[Mapping[str, str]] = (), k: int = 5,
               filters: Mapping[str, object] | None = None) -> Answer:
        """The final answer for ``question`` (see :meth:`stream` for progressive text)."""
        final: Answer | None = None
        for item in self.stream(question, history, k, filters):
            if isinstance(item, Answer):
                final = item
        if final is None:  # stream always ends with an Answer; this guards refactors
            raise RuntimeError("answer stream ended without an Answer")
        return final

    def stream(self, question: str, history: Sequence[Mapping[str, str]] = (), k: int = 5,
               filters: Mapping[str, object] | None = None) -> Iterator[str | Answer]:
        """Yield the answer text so far (each string replaces the previous one), then the
        final :class:`Answer`. After a generative failure the text restarts with the
        extractive fallback, so a UI should always show the latest string.
        The question and history are cut first (:mod:`app.answer.limits`)."""
        question, history = bounded_question(question), bounded_history(history)
        social = social_reply(question)
        if social is not None:
            yield social
            yield Answer(text=social, citations=(), hits=(), refused=True,
                         reason="a conversational message, not a question", mode="social")
            return
        plan = self._plan(question, history, k, filters)
        table = self._table(plan)
        if table is not None:
            answer = table
        elif plan.decision.outcome in ("refuse", "clarify"):
            answer = self._refusal(plan)
        elif self.config.llm is None or plan.decision.outcome != "answer":
            answer = self._extractive(plan)
        else:
            answer = yield from self._generative(plan, self.config.llm)
        answer = self._finish(answer)
        if answer.mode != "generative":
            yield from _growing(answer.text)
        yield answer

    def _generative(self, plan: Plan, llm: LLMConfig) -> Generator[str, None, Answer]:
        passages = passages_for(plan, self.retriever.documents, self._corpus.sentences,
                                self.config.answer)
        try:
            answer = yield from generate(plan, passages, llm, self.retriever.documents)
        except GenerativeError as error:
            return self._fallback(plan, error)
        return answer


def related_hits(hits: Sequence[Hit], n: int) -> tuple[Hit, ...]:
    """The closest passages shown beside a refusal."""
    return tuple(sorted(hits, key=lambda h: h.rank)[:n])


def _growing(text: str) -> Iterator[str]:
    """Line-by-line growing prefixes of ``text``."""
    lines = text.split("\n")
    for i in range(1, len(lines) + 1):
        yield "\n".join(lines[:i])
