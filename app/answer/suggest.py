"""Next questions worth asking, built from what the retrieved documents state.

After an answer, the amount facts stated next to the cited passages suggest
what to ask next: the other degree levels in the same clause (本科 and 博士
beside 硕士), or the neighbouring benefit in the same section (a one-off
subsidy beside a monthly allowance). Each candidate is then asked for real
(:func:`verified`) and kept only when the library answers it with a citation
of the very clause the candidate was built from, so a chip never leads to a
refusal. Welcome-screen questions (:func:`starter_candidates`) come from the
same facts, spread over the regions the library covers.

Building candidates is pure; :class:`Suggester` asks the engine, remembers the
outcome per question, and stops checking after a few seconds.

>>> from ingest.facts import extract_facts
>>> from ingest.types import Document
>>> doc = Document("d", "a.txt", "t", None, None, None, "威海",
...                "按照本科、硕士学历分别给予每月1000元、2000元的生活津贴；", "")
>>> docs = {"d": doc}
>>> [c.question for c in candidates("硕士在威海每月生活补贴多少？", [Span("d", 0, 30)],
...                                  extract_facts(doc), docs)]
['威海本科每月生活津贴是多少？']
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from app.answer.facts import benefit_label
from app.answer.script import Script, detect_script, in_script, simplified
from app.answer.types import Answer
from ingest.facts import Fact
from ingest.types import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Span:
    """A stretch of a document the answer rests on (a citation or a related passage)."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Suggestion:
    """A candidate question and the clause (``doc_id``, ``start``..``end``) it asks about."""

    question: str
    doc_id: str
    start: int
    end: int


def answer_spans(answer: Answer) -> tuple[list[Span], list[Span]]:
    """What an answer rests on (its citations, or a refusal's related passages), then
    every passage retrieved for it."""
    def spans(hits: Iterable[Any]) -> list[Span]:
        return [Span(h.chunk.doc_id, h.chunk.char_start, h.chunk.char_end) for h in hits]

    cited = [Span(c.doc_id, c.char_start, c.char_end) for c in answer.citations]
    return cited or spans(answer.related), spans(answer.hits)


def _clause_labels(facts: Sequence[Fact], documents: Mapping[str, Document]) -> dict:
    """The benefit named in each clause; a list of figures names it only once, after the
    last figure, so every fact of the clause shares the label found for any of them."""
    labels: dict[tuple[str, int, int], str] = {}
    for f in facts:
        key = (f.doc_id, f.char_start, f.char_end)
        if not labels.get(key) and f.doc_id in documents:
            labels[key] = benefit_label(f, documents[f.doc_id].text)
    return labels


def _question(fact: Fact, label: str, region: str | None) -> str | None:
    """「某市博士每月生活津贴是多少？」, or a broader question when no benefit is named."""
    who = fact.beneficiary or ""
    place = region or ""
    if label:
        period = fact.period if fact.period and fact.period not in label else ""
        most = "最高" if (fact.amount_text or "").startswith("最高") else ""
        return f"{place}{who}{period}{label}{most}是多少？"
    if fact.period or fact.condition:
        return f"{place}对{who}有哪些资金支持？"
    return None  # a bare figure (a target, a total) makes no useful question


def _repeats(asked: str, fact: Fact, label: str) -> bool:
    """Whether the candidate asks what the user just asked (same person, same benefit)."""
    who = simplified(fact.beneficiary or "")
    return bool(who) and who in asked and (not label or simplified(label)[:2] in asked)


def _distance(fact: Fact, spans: Sequence[Span]) -> int:
    """0 when the fact's clause overlaps a span, else characters to the nearest one."""
    gaps = [
        max(0, s.start - fact.char_end, fact.char_start - s.end)
        for s in spans if s.doc_id == fact.doc_id
    ]
    return min(gaps) if gaps else -1


def candidates(
    asked: str,
    spans: Sequence[Span],
    facts: Iterable[Fact],
    documents: Mapping[str, Document],
    *,
    limit: int = 8,
) -> list[Suggestion]:
    """Questions about the amount facts of the documents ``spans`` point into.

    Facts whose clause overlaps a span come first (the other degree levels),
    then facts of the same section, then the rest of those documents, nearest
    first. Candidates that repeat ``asked`` or each other are dropped.
    """
    doc_ids = {s.doc_id for s in spans}
    found = [f for f in facts if f.kind == "amount" and f.beneficiary and f.doc_id in doc_ids]
    labels = _clause_labels(found, documents)
    near_programmes = {f.programme for f in found if _distance(f, spans) == 0}

    def rank(f: Fact) -> tuple[int, int, int]:
        distance = _distance(f, spans)
        tier = 0 if distance == 0 else 1 if f.programme in near_programmes else 2
        return tier, distance, f.char_start

    asked_s = simplified(asked)
    out: list[Suggestion] = []
    seen: set[str] = {asked_s}
    for fact in sorted(found, key=rank):
        label = labels.get((fact.doc_id, fact.char_start, fact.char_end), "")
        doc = documents[fact.doc_id]
        question = _question(fact, label, fact.region or doc.region)
        if question is None or _repeats(asked_s, fact, label) or question in seen:
            continue
        seen.add(question)
        out.append(Suggestion(question, fact.doc_id, fact.char_start, fact.char_end))
        if len(out) >= limit:
            break
    return out


def starter_candidates(
    facts: Iterable[Fact], documents: Mapping[str, Document], *, limit: int = 9
) -> list[Suggestion]:
    """Welcome-screen questions: one per region in turn (regions with most documents
    first), preferring facts that name their benefit."""
    amounts = [f for f in facts if f.kind == "amount" and f.beneficiary and f.doc_id in documents]
    labels = _clause_labels(amounts, documents)
    per_region: dict[str, list[Suggestion]] = {}
    seen: set[str] = set()
    ordered = sorted(
        amounts,
        key=lambda f: (not labels.get((f.doc_id, f.char_start, f.char_end)), f.doc_id,
                       f.char_start),
    )
    for fact in ordered:
        region = fact.region or documents[fact.doc_id].region
        label = labels.get((fact.doc_id, fact.char_start, fact.char_end), "")
        question = _question(fact, label, region)
        if question is None or question in seen:
            continue
        seen.add(question)
        suggestion = Suggestion(question, fact.doc_id, fact.char_start, fact.char_end)
        per_region.setdefault(region or "", []).append(suggestion)
    size = {r: sum(1 for d in documents.values() if (d.region or "") == r) for r in per_region}
    queues = [per_region[r] for r in sorted(per_region, key=lambda r: (-size[r], r))]
    out: list[Suggestion] = []
    while any(queues) and len(out) < limit:
        for queue in queues:
            if queue and len(out) < limit:
                out.append(queue.pop(0))
    return out


def answers_it(suggestion: Suggestion, answer: Answer) -> bool:
    """The library answers ``suggestion``: not a refusal, and a citation quotes (part of)
    the clause the question was built from."""
    return not answer.refused and any(
        c.doc_id == suggestion.doc_id and c.char_start < suggestion.end
        and suggestion.start < c.char_end
        for c in answer.citations
    )


def verified(
    pool: Sequence[Suggestion],
    accepts: Callable[[Suggestion], bool],
    *,
    want: int = 3,
    budget: int = 6,
    script: Script = "hans",
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> tuple[str, ...]:
    """Up to ``want`` questions from ``pool`` that ``accepts`` (usually :func:`answers_it`
    on the engine's answer), trying at most ``budget`` of them and none after ``clock()``
    passes ``deadline``; returned in the asker's script (Chinese ones only)."""
    if script == "en":
        return ()  # the candidates are Chinese; an English reader gets none rather than noise
    kept: list[str] = []
    for suggestion in pool[:budget]:
        if deadline is not None and clock() > deadline:
            log.info("next-question check stopped at its time limit (%d kept)", len(kept))
            break
        if accepts(suggestion):
            kept.append(in_script(suggestion.question, script))
            if len(kept) >= want:
                break
        else:
            log.debug("suggestion dropped (not answered): %s", suggestion.question)
    return tuple(kept)


class Engine(Protocol):
    """What the suggestions need from :class:`app.answer.engine.QAEngine`."""

    factbook: Any  # .facts: the index's extracted facts
    retriever: Any  # .documents: doc_id -> Document

    def answer(self, question: str, history: Any = (), k: int = 5,
               filters: Any = None) -> Answer: ...


class Suggester:
    """Next-question chips and welcome questions for one engine.

    Each candidate is asked for real; whether the library answers it is remembered
    per index (the engine's fact book) and filter, so a chip offered again costs
    nothing. ``seconds`` bounds the checking after one answer.
    """

    def __init__(self, engine: Engine, *, seconds: float = 3.0, remember: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.seconds = seconds
        self._clock = clock
        self._remember = remember
        self._known: OrderedDict[tuple, bool] = OrderedDict()
        self._lock = threading.Lock()

    def accepts(self, suggestion: Suggestion,
                filters: Mapping[str, object] | None = None) -> bool:
        """Whether the engine answers ``suggestion`` (asked once per index and filter)."""
        key = (id(self.engine.factbook), suggestion, tuple(sorted((filters or {}).items())))
        with self._lock:
            if key in self._known:
                self._known.move_to_end(key)
                return self._known[key]
        ok = answers_it(suggestion, self.engine.answer(suggestion.question, filters=filters))
        with self._lock:
            self._known[key] = ok
            while len(self._known) > self._remember:
                self._known.popitem(last=False)
        return ok

    def next(self, question: str, answer: Answer,
             filters: Mapping[str, object] | None = None) -> tuple[str, ...]:
        """2-3 questions to ask after ``answer``, each answered by the library: first
        from what the answer cites, then from what was retrieved for it, and when that
        gives fewer than two, from the whole library."""
        deadline = self._clock() + self.seconds
        facts, documents = self.engine.factbook.facts, self.engine.retriever.documents
        cited, retrieved = answer_spans(answer)
        pool = candidates(question, cited, facts, documents)
        asked = {c.question for c in pool}
        pool += [c for c in candidates(question, retrieved, facts, documents)
                 if c.question not in asked]

        def accepts(s: Suggestion) -> bool:
            return self.accepts(s, filters)

        script = detect_script(question)
        found = verified(pool, accepts, script=script, deadline=deadline, clock=self._clock)
        if len(found) < 2:  # too little beside this answer: top up from the whole library
            tried = {c.question for c in pool[:6]} | {simplified(question)}
            more = [c for c in starter_candidates(facts, documents) if c.question not in tried]
            found += verified(more, accepts, want=2 - len(found), script=script,
                              deadline=deadline, clock=self._clock)
        return found

    def starters(self, want: int = 3) -> tuple[str, ...]:
        """Welcome-screen questions over the whole library, each answered by it."""
        pool = starter_candidates(self.engine.factbook.facts, self.engine.retriever.documents)
        return verified(pool, self.accepts, want=want, budget=3 * want)
