"""Decide from the candidates whether and how to answer: small pure rules, in order.

1. a question that names nothing to look up is met with a clarifying question;
2. with no passages, or no candidate that names the asked degree, person category and
   programme, the engine refuses and says what was missing;
3. when the question names a place, candidates whose statement holds there (same
   place, a place containing it, a part of it, national) are used first; without
   enough of those, candidates whose region is not stated come next (said so), and
   then another region's candidates (said so, and the answer counts as a refusal);
   unstated-region candidates go first when they score ``unstated_over_applying``
   times better than the best that holds there;
4. the best candidate (one stating the asked kind of fact, when a kind is asked)
   must cover enough of the question: ``min_coverage`` of the weighted key bigrams in
   the sentence and ``min_support`` of its content words in its neighbourhood, and
   ``unseen_support`` when the question names something the documents never mention
   (养老金 in a library without it), and no support at all when it asks for that thing
   by name (「在哪个场馆」, 「有没有年龄限制」);
5. further sentences are added for what they add, never repeating one another, and only
   ones that answer too (the asked kind, enough support, readable, not a heading that
   restates the question).

>>> Decision((), "refuse", "no passages").refused
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from app.answer.asked import asks_outright
from app.answer.asked_names import asks_about, names_asked
from app.answer.config import AnswerConfig
from app.answer.evidence import Candidate
from app.answer.kinds import KIND_NAMES
from app.answer.question import QuestionInfo
from app.answer.scoring import counts_only, holds_kind, stated_counts, text_bigrams
from lexicon import APPLIES, resolve, total_words, whole_place_words

#: kinds asked outright that only a sentence stating that very kind answers, whatever
#: other kind asked beside it it states (「电话是多少，打给谁」: an office is no number)
_STATED_ALONE = frozenset({"phone", "age", "area", "web", "address", "change", "people"})

#: what a refusal says is missing when the evidence counts the things asked for by name
NAMES_MISSING = "具体名单"

Outcome = Literal["answer", "refuse", "clarify", "unknown_region", "other_region"]


@dataclass(frozen=True)
class Decision:
    """The chosen sentences (best first), what kind of answer they make, and why.

    ``other_region`` answers quote another region's rules for reference: the question
    itself is not answered, so they count as refusals.
    """

    chosen: tuple[Candidate, ...]
    outcome: Outcome
    reason: str
    missing: tuple[str, ...] = ()

    @property
    def refused(self) -> bool:
        return self.outcome in ("refuse", "clarify", "other_region")


def _refuse(reason: str, missing: Sequence[str] = ()) -> Decision:
    return Decision((), "refuse", reason, tuple(missing))


def best_of(pool: Sequence[Candidate], q: QuestionInfo, kind_share: float = 0.0
            ) -> Candidate | None:
    """The highest-scoring readable candidate, among those stating the asked kind when one
    is asked, unless the best of those scores below ``kind_share`` of the best readable
    one (the kind was read from the question's wording and may be wrong). One giving a
    number in the measure word a count is asked in (多少套: 5300多套, not 「四位一体」) comes
    first when it covers the question as well as the best (a 間 of Cantonese is the 家 of a
    notice, so none may)."""
    readable = [c for c in pool if not c.damaged]
    stating = [c for c in readable if c.kind_ok] if q.kinds else readable
    best = max(stating, key=lambda c: c.score) if stating else None
    # a fuller sentence a caption repeats is the same statement: as well supported
    measured = [c if c.support >= best.support else replace(c, support=best.support)
                for c in stating if best is not None and c.measured
                and (c.support >= best.support or _fuller(c, best))]
    best = max(measured, key=lambda c: c.score) if measured else best
    if best is None or not kind_share:
        return best
    top = max(readable, key=lambda c: c.score)
    return top if best.score < kind_share * top.score else best


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _fuller(full: Candidate, short: Candidate) -> bool:
    """True when ``full`` is a longer sentence of the same document giving every number
    ``short`` gives: ``short`` repeats part of it (a caption 「提供岗位300余个」 of 「…20余家
    重点企业参与，…共提供优质岗位300余个」), so the support of its own neighbourhood
    says nothing against ``full``."""
    numbers = set(_NUMBER.findall(short.sentence.text))
    return (full.doc_id == short.doc_id and bool(numbers)
            and len(full.sentence.text) > len(short.sentence.text)
            and numbers <= set(_NUMBER.findall(full.sentence.text)))


def supported(best: Candidate, config: AnswerConfig) -> bool:
    """Rule 4: the best sentence covers enough of the question."""
    return best.coverage >= config.min_coverage and best.support >= config.min_support


def _own_place_answers(best: Candidate, outcome: Outcome,
                       pools: Sequence[tuple[Outcome, list[Candidate]]], q: QuestionInfo,
                       config: AnswerConfig) -> bool:
    """True when ``best`` holds in the asked place, states the kind of fact asked (if one
    is) and covers the question nearly as far as :func:`supported` asks
    (``own_place_support``), and nearly as far as another region's supported sentence
    (``own_place_share`` of its support), while only
    another region's rules would answer otherwise: the place's own words, not another's
    quoted for reference (「在崂山创业…区里有哪些专门给人才的金融产品」: 崂山's 人才贷、人才险
    over 青岛高新区's 人才贷)."""
    return (outcome == "answer" and best.relation in APPLIES and (best.kind_ok or not q.kinds)
            and best.coverage >= config.min_coverage
            and best.support >= config.own_place_support
            and any(o == "other_region" and any(
                supported(c, config) and best.support >= config.own_place_share * c.support
                for c in pool) for o, pool in pools))


def counted_instead(best: Candidate, pool: Sequence[Candidate], names: Sequence[str],
                    counts: Sequence[str] = ()) -> bool:
    """True when what is asked for by name (``names``: :func:`asked.names_asked`) is only
    counted: by the best sentence (「将合作百所技能院校」, or 「已收录179家企业」 when the
    question states that count itself: ``counts``), or, when the best one names none
    of them (the programme's announcement), by the sentence after it."""
    if not names:
        return False
    if counts_only(best.sentence.text, names, counts):
        return True
    if any(n in text_bigrams(best.sentence.text) for n in names):
        return False
    after = next((c for c in pool if c.doc_id == best.doc_id and c.index == best.index + 1),
                 None)
    return after is not None and counts_only(after.sentence.text, names)


def most_missing(cands: Sequence[Candidate]) -> tuple[str, ...]:
    """The constraints most often missing among the best candidates."""
    top = sorted(cands, key=lambda c: -c.score)[:6]
    counts = Counter(m for c in top for m in c.missing)
    return tuple(m for m, _ in counts.most_common())


def region_pools(pool: Sequence[Candidate], q: QuestionInfo | None = None
                 ) -> list[tuple[Outcome, list[Candidate]]]:
    """Rule 3: candidates that hold in the asked place, then unstated, then elsewhere.
    When ``q`` asks a figure for the whole of the place it names (see :func:`asks_whole`),
    only the place's own figure answers: one of its cities (蚌埠's total is not 安徽's), a
    wider or national one, or one that names no place is elsewhere; a development zone of
    the asked city stays the city's (威海 for 威海火炬高新区)."""
    if all(c.relation is None for c in pool):
        return [("answer", list(pool))]
    whole = q is not None and asks_whole(q)
    part = {id(c) for c in pool if whole and _not_the_whole(c, q)}
    applying = [c for c in pool if c.relation in APPLIES and id(c) not in part]
    unknown = [c for c in pool if c.relation == "unknown" and id(c) not in part]
    other = [c for c in pool if c.relation == "other" or id(c) in part]
    return [("answer", applying), ("unknown_region", unknown), ("other_region", other)]


def asks_whole(q: QuestionInfo) -> bool:
    """True when ``q`` names a place and asks a count or sum for the whole of it
    (全省一共多少, 人才总量: the lexicon's ``total`` words).

    >>> from app.answer.question import analyze
    >>> asks_whole(analyze("安徽省全省高技能人才总量有多少")), asks_whole(analyze("安徽有什么补贴"))
    (True, False)
    """
    return (bool(q.place_refs) and bool({"count", "amount"} & set(q.kinds))
            and any(w in q.query for w in total_words()))


def _not_the_whole(c: Candidate, q: QuestionInfo | None) -> bool:
    """True when ``c`` speaks of another place than the one whose whole figure is asked;
    not a sentence that names the whole place as the question does (全省银行业机构累计…
    in a city's report answers 「河南全省…累计多少」)."""
    if c.relation in (None, "same") or q is None:
        return False
    if any(w in q.query and w in c.sentence.text for w in whole_place_words()):
        return False
    if c.relation == "inside":
        place = resolve(c.region)
        return not (place is not None and place.level == "zone"
                    and place.parent in {p.code for p in q.place_refs})
    return True


def prefer_stronger(pools: list[tuple[Outcome, list[Candidate]]], q: QuestionInfo,
                    config: AnswerConfig) -> list[tuple[Outcome, list[Candidate]]]:
    """Rule 3, refined: evidence whose region is not stated goes before evidence that
    holds in the asked place when it answers far better (``unstated_over_applying``
    times the score; a national sentence that only touches the question should not
    hide a matching one from a notice that says 本市 without naming its city). Another
    region's evidence never moves up."""
    ratio = config.unstated_over_applying
    if ratio <= 0 or len(pools) < 2:
        return pools
    (_, applying), (_, unknown) = pools[0], pools[1]
    best_a, best_u = best_of(applying, q), best_of(unknown, q)
    if (best_a is not None and best_u is not None and supported(best_u, config)
            and best_u.score >= ratio * best_a.score):
        return [pools[1], pools[0], *pools[2:]]
    return pools


def _jaccard(a: str, b: str) -> float:
    x, y = text_bigrams(a), text_bigrams(b)
    return len(x & y) / max(1, len(x | y))


def is_duplicate(c: Candidate, chosen: Sequence[Candidate], limit: float) -> bool:
    """True when ``c`` is a chosen sentence or says nearly the same thing as one."""
    for o in chosen:
        if o.doc_id == c.doc_id and o.sentence.start == c.sentence.start:
            return True
        text_c = c.sentence.text if len(c.sentence.text) >= 30 else c.heading + c.sentence.text
        text_o = o.sentence.text if len(o.sentence.text) >= 30 else o.heading + o.sentence.text
        if _jaccard(text_c, text_o) >= limit:
            return True
    return False


def extend(best: Candidate, pool: Sequence[Candidate], q: QuestionInfo,
           keys: Mapping[str, float], config: AnswerConfig) -> tuple[Candidate, ...]:
    """Rule 5: the best sentence plus others that add key bigrams, best value first."""
    chosen = [best]
    floor = config.relative_score * best.score
    # every further line must answer too: the asked kind, enough of the question, readable,
    # not a restatement of the question or a bare heading
    rest = [c for c in pool if c is not best and (c.kind_ok or not q.kinds)
            and c.coverage >= config.min_coverage and c.support >= config.min_support
            and not c.echo and not c.damaged
            and (c.doc_id == best.doc_id or c.score >= config.related_score * best.score)]
    total = sum(keys.values()) or 1.0
    while rest and len(chosen) < config.max_sentences:
        seen = set().union(*(text_bigrams(c.sentence.text) for c in chosen))

        def value(c: Candidate, seen: set[str] = seen) -> float:
            new = text_bigrams(c.sentence.text) - seen
            return c.score + config.gain_weight * sum(w for b, w in keys.items()
                                                      if b in new) / total

        pick = max(rest, key=value)
        rest.remove(pick)
        if value(pick) >= floor and not is_duplicate(pick, chosen, config.duplicate_jaccard):
            chosen.append(pick)
    return tuple(chosen)


def _for_others(best: Candidate, cands: Sequence[Candidate], q: QuestionInfo,
                config: AnswerConfig) -> tuple[str, ...]:
    """The asker's degrees when a sentence that answers the question, but for other degrees
    only, scores above ``best`` and covers ``config.others_coverage`` times as much of it:
    ``best`` answers something else (an apartment's free days for 「我是大专…能拿多少返乡
    留威补贴」, stated for 博士, 硕士 and 本科); empty otherwise."""
    for c in cands:
        if (c.missing and set(c.missing) <= set(q.degrees) and c.kind_ok
                and c.score > best.score
                and c.coverage >= config.others_coverage * best.coverage):
            return c.missing
    return ()


def _stated_off_topic(best: Candidate, pool: Sequence[Candidate], config: AnswerConfig
                      ) -> bool:
    """True when ``best``, the sentence stating a kind asked outright, covers far less of
    the question (``outright_cover_share``) than a readable sentence that states none: that
    one speaks of what is asked and does not state it (「回乡就业的毕业生一次性补贴要在毕业后
    多长时间内申请」: the 返乡留威补贴 sentence gives no period; the 人才公寓's 减免1年房租
    is another benefit's). Not read for an English question, whose query is a few words
    looked up, so that how much of it a sentence covers says little."""
    topic = max((c.coverage for c in pool if not c.damaged and not c.echo and not c.kind_ok),
                default=0.0)
    return best.coverage < config.outright_cover_share * topic


def decide(q: QuestionInfo, cands: Sequence[Candidate], config: AnswerConfig | None = None,
           keys: Mapping[str, float] | None = None, unseen: Sequence[str] = ()) -> Decision:
    """Apply the rules in order; see the module docstring. ``unseen`` are the question's
    nouns the corpus never uses: unless the evidence is strong, they are not covered."""
    config = config or AnswerConfig()
    keys = keys or {}
    if not q.asks:
        return Decision((), "clarify", "the question names no topic to look up")
    if not cands:
        return _refuse("the retriever returned no passages")
    eligible = [c for c in cands if c.eligible]
    if not eligible:
        missing = most_missing(cands)
        return _refuse(f"no passage names {'、'.join(missing)}", missing)
    # a kind asked in so many words is what the answer must state: no fallback to a
    # sentence that states none because it matches the wording better
    # (an English question's own words too: its query is the Chinese it was read into)
    outright = asks_outright(q.query if q.text == q.query else f"{q.query} {q.text}", q.kinds)
    pools = prefer_stronger(region_pools(eligible, q), q, config)
    for outcome, pool in pools:
        if outright == "people":  # 多少人: of the sentences counting people, the best
            pool = [c for c in pool if holds_kind(c.sentence.text, outright)]
        best = best_of(pool, q, 0.0 if outright else config.kind_share)
        if (best is not None and outright is not None and supported(best, config)
                and q.script != "en" and _stated_off_topic(best, pool, config)):
            return _refuse(f"the sentences that speak of it state no {KIND_NAMES[outright]}",
                           (KIND_NAMES[outright],))
        if (best is not None and outright is not None and supported(best, config)
                and not (best.kind_ok and (outright not in _STATED_ALONE
                                           or holds_kind(best.sentence.text, outright)))):
            # 「能拿多少钱」 over a sentence naming the benefit without its sum: say so
            return _refuse(f"no evidence sentence states the asked-for {KIND_NAMES[outright]}",
                           (KIND_NAMES[outright],))
        if (best is not None and supported(best, config)
                and counted_instead(best, pool, names_asked(q.query),
                                    stated_counts(q.query))):
            # 「合作的院校都有哪些」 over 「将合作百所技能院校」: how many, not which
            return _refuse("the evidence counts what is asked for but names none",
                           (NAMES_MISSING,))
        if unseen and best is not None and (best.support < config.unseen_support or any(
                asks_about(q.query, w) for w in unseen)):  # 「在哪个场馆」: what is asked
            return _refuse(f"the documents never mention {'、'.join(unseen)}", unseen)
        if best is not None and (supported(best, config)
                                 or _own_place_answers(best, outcome, pools, q, config)):
            others = _for_others(best, cands, q, config)
            if others:  # 「我是大专…能拿多少返乡留威补贴」: stated for 博士, 硕士 and 本科 only
                return _refuse(f"the documents state it for others than {'、'.join(others)}",
                               others)
            return Decision(extend(best, pool, q, keys, config), outcome,
                            f"answered from evidence ({outcome})")
    best = best_of(eligible, q)
    if q.kinds and best is None:
        kinds = "、".join(KIND_NAMES[k] for k in q.kinds)
        return _refuse(f"no evidence sentence states the asked-for {kinds}", (kinds,))
    if best is not None and best.support >= config.min_support:
        return _refuse(f"the best evidence sentence holds only {best.coverage:.0%} of the "
                       "question's key phrases")
    share = best.support if best is not None else 0.0
    return _refuse(f"the best evidence covers only {share:.0%} of the question")
