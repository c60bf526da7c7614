"""Choose the sentences to quote, or decide to refuse, by evidence coverage.

The rule (retrieval scores alone do not separate answerable questions):

1. a candidate is eligible only if its neighbourhood names every key
   constraint of the question: each place (or a part of it), degree,
   programme and policy topic;
2. when the question asks for a kind of fact (an amount, a count, a date, a
   department, a condition, a duration), an eligible sentence must itself
   state one;
3. the best such sentence must cover enough of the question's content
   (weighted character bigrams);

otherwise the engine refuses and names what was missing.

>>> Selection((), True, "no passages").refused
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.answer.evidence import Candidate
from app.answer.question import QuestionInfo
from app.answer.scoring import text_bigrams

KIND_NAMES = {
    "amount": "金额", "count": "数量", "duration": "期限", "date": "时间",
    "department": "负责部门", "condition": "条件",
}


@dataclass(frozen=True)
class Selection:
    """Chosen sentences (best first) or a refusal with its reason."""

    chosen: tuple[Candidate, ...]
    refused: bool
    reason: str
    missing: tuple[str, ...] = ()
    vague: bool = False


@dataclass(frozen=True)
class SelectConfig:
    """Thresholds of the coverage rule."""

    max_sentences: int = 3
    min_coverage: float = 0.15
    relative_score: float = 0.6
    duplicate_jaccard: float = 0.6


def required_topics(q: QuestionInfo) -> tuple[str, ...]:
    """What the whole answer must cover: the policy topics, and each place of a comparison."""
    return (*q.topics, *(q.places if len(q.places) > 1 else ()))


def _jaccard(a: str, b: str) -> float:
    x, y = text_bigrams(a), text_bigrams(b)
    return len(x & y) / max(1, len(x | y))


def _is_duplicate(c: Candidate, chosen: Sequence[Candidate], limit: float) -> bool:
    for o in chosen:
        if o.doc_id == c.doc_id and o.sentence.start == c.sentence.start:
            return True
        text_c = c.sentence.text if len(c.sentence.text) >= 30 else c.heading + c.sentence.text
        text_o = o.sentence.text if len(o.sentence.text) >= 30 else o.heading + o.sentence.text
        if _jaccard(text_c, text_o) >= limit:
            return True
    return False


def _refuse_missing(cands: Sequence[Candidate], q: QuestionInfo) -> Selection:
    top = sorted(cands, key=lambda c: -c.score)[:6]
    absent = [t for t in required_topics(q) if not any(t in c.topics for c in cands)]
    counts = Counter([*absent, *absent, *(m for c in top for m in c.missing)])
    missing = tuple(m for m, _ in counts.most_common()) or ("相关内容",)
    reason = f"key constraint not found in the retrieved evidence: {'、'.join(missing)}"
    return Selection((), True, reason, missing)


def select(q: QuestionInfo, cands: Sequence[Candidate], config: SelectConfig = SelectConfig(),
           keys: Mapping[str, float] | None = None) -> Selection:
    """Apply the coverage rule; extra sentences are picked for what they add (``keys``)."""
    keys = keys or {}
    if not (q.content or q.topics or q.kinds or q.programmes):
        return Selection((), True, "the question names no topic to look up", vague=True)
    if not cands:
        return Selection((), True, "the retriever returned no passages")
    eligible = [c for c in cands if c.eligible]
    on_topic = [c for c in eligible if c.topics or not required_topics(q)]
    if not on_topic:
        return _refuse_missing(cands, q)
    primary = [c for c in on_topic if c.kind_ok] if q.kinds else on_topic
    if not primary:
        kinds = "、".join(KIND_NAMES[k] for k in q.kinds)
        return Selection((), True, f"no evidence sentence states the asked-for {kinds}",
                         (kinds,))
    best = max(primary, key=lambda c: c.score)
    if best.coverage < config.min_coverage:
        return Selection((), True, f"the best evidence covers only {best.coverage:.0%} of the "
                         "question", tuple(q.content[:1]))
    chosen = [best]
    floor = config.relative_score * best.score
    pool = [c for c in eligible if c is not best and (c.kind_ok or not q.kinds)
            and c.coverage >= config.min_coverage
            and (c.doc_id == best.doc_id or c.score >= 0.8 * best.score)]
    total = sum(keys.values()) or 1.0
    while pool and len(chosen) < config.max_sentences:
        seen = set().union(*(text_bigrams(c.sentence.text) for c in chosen))

        topics = {t for c in chosen for t in c.topics}

        def value(c: Candidate, seen: set[str] = seen, topics: set[str] = topics) -> float:
            new = text_bigrams(c.sentence.text) - seen
            gain = sum(w for b, w in keys.items() if b in new) / total
            return c.score + 0.5 * gain + 0.3 * len(set(c.topics) - topics)

        pick = max(pool, key=value)
        pool.remove(pick)
        if value(pick) >= floor and not _is_duplicate(pick, chosen, config.duplicate_jaccard):
            chosen.append(pick)
    for topic in required_topics(q):
        if not any(topic in c.topics for c in chosen):
            carriers = [c for c in eligible if topic in c.topics and c not in chosen]
            if carriers:
                chosen.append(max(carriers, key=lambda c: (c.kind_ok, c.score)))
    uncovered = set(required_topics(q)) - {t for c in chosen for t in c.topics}
    if uncovered:
        missing = tuple(sorted(uncovered))
        return Selection((), True, f"no evidence on {'、'.join(missing)}", missing)
    return Selection(tuple(chosen), False, "answered from evidence covering the question")


def reading_order(chosen: Sequence[Candidate]) -> list[Candidate]:
    """Group by document (best document first), then by position in the document."""
    doc_order: dict[str, int] = {}
    for c in chosen:
        doc_order.setdefault(c.doc_id, len(doc_order))
    return sorted(chosen, key=lambda c: (doc_order[c.doc_id], c.sentence.start))
