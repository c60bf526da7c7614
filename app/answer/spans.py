"""A span of time asked of one thing (「半价续租最多能续几年」): which of the question's
words the span is asked of, and whether a sentence states a span beside them (「减免1年
房租」 says how long the rent is waived, not how long the half-price renewal lasts)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.answer.asked import asks_span, span_sentence, span_subject
from app.answer.question import QuestionInfo
from app.answer.scoring import holds_kind, normalise
from app.answer.script import simplified
from app.answer.wordclass import parts

_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
#: the question's words that a stated span must stand beside: of those the sentence holds,
#: the ones weighing at least this share of the heaviest (the rarest in the documents)
SPAN_TERM_SHARE = 0.8


def span_beside(text: str, terms: Mapping[str, float] | None,
                subject: str | None = None) -> bool:
    """True when a span of time in ``text`` stands in a clause that holds (or follows one
    that holds) the word the span is asked of (``subject``, where the sentence holds it,
    or all the words it is made of: 房租减免 in 「减免1年房租」), else the rarest of the
    question's words the sentence holds: 「减免1年房租，到期后可半价续租」 states how long
    the rent is waived, not how long the half-price renewal lasts."""
    own = normalise(text)
    held = {w: weight for w, weight in ((normalise(t), x) for t, x in (terms or {}).items())
            if w in own}
    subject = normalise(subject) if subject else None
    if subject and subject not in held and _parts_in(subject, own):
        held[subject] = max(held.values(), default=1.0)
    if not held:
        return True
    top = max(held.values())
    rare = [w for w, weight in held.items() if weight >= SPAN_TERM_SHARE * top]
    if subject and subject in held:
        rare = [subject]
    parts = [normalise(p) for p in _CLAUSE_BREAK.split(simplified(text))]
    return any(holds_kind(part, "duration")
               and any(_parts_in(w, part + (parts[i - 1] if i else "")) for w in rare)
               for i, part in enumerate(parts))


def _parts_in(word: str, text: str) -> bool:
    """True when ``text`` holds ``word``, or every word it is made of (房租 and 减免 of
    房租减免)."""
    if word in text:
        return True
    inside = parts(word)
    return bool(inside) and all(p in text for p in inside)


def span_focus(q: QuestionInfo, terms: Mapping[str, float] | None
               ) -> tuple[Mapping[str, float] | None, str | None]:
    """The terms a span of time is asked of and the one written just before the asking
    words (see :func:`span_beside`), read once per question: in a question that also asks
    something else, the words of the sentence that asks the span (「房租减免多长时间？到期后
    怎么租」: how long the rent is waived)."""
    if not asks_span(q.query, q.kinds):
        return terms, None
    asked_in = normalise(span_sentence(q.query))
    span_terms = {t: w for t, w in (terms or {}).items() if normalise(t) in asked_in} or terms
    return span_terms, span_subject(q.query, span_terms or {})
