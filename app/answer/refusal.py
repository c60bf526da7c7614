"""What a refusal says: the asked thing in the asker's words, and what there is instead.

The subject is rebuilt from the question's own parts: its place, the degree or person
category, and the benefit or content words as written (「南阳对硕士的生活补贴」), never
the engine's internal terms. When the exact item is missing but the asked person (in
the asked place) has other benefits in the extracted facts, the refusal lists them:
「没有找到威海对博士的安家费。威海对博士有：每月5000元生活津贴[1]、…」.

>>> from app.answer.question import analyze
>>> refusal_subject(analyze("我是硕士，去南阳工作每个月有多少生活补贴？"))
'南阳对硕士的生活补贴'
>>> refusal_subject(analyze("深圳落户需要什么条件？"))
'深圳的落户条件'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.answer.facts import amount_cell, benefit_label
from app.answer.framing import en_place, en_term, partial_lead
from app.answer.kinds import KIND_NAMES
from app.answer.question import QuestionInfo
from app.answer.script import mostly_english
from app.answer.types import Citation
from ingest.facts import Fact
from ingest.types import Document
from lexicon import applies_to, benefit_kinds, degree_aliases, person_categories

_ASKING_TAIL = re.compile(
    r"(?:几[年天个月次条家人]?|多久|多长时间|多少[钱元人]?|分别|是|有|能|会|要|给|呢|吗|拿|领|"
    r"享受|申请|可以|需要|什么|哪些|怎么|如何|[每一].?个?[月年])+$")
_ASKING_HEAD = re.compile(r"^(?:对|在|去|到|给|从|向|我|是|有|能|想|要|可以|请问)+")
MAX_PARTIAL = 3
QUOTE_CHARS = 40  # a question quoted as the refusal's subject is cut after this many
EN_QUOTE_CHARS = 100  # the same for an English question, cut at a word
_TRAILING_PUNCT = re.compile(r"[\s?？。.!！~～]+$")
# the missing aspect of a named benefit (住房补贴 + 期限); its amount is the benefit itself
_ASPECTS = {kind: name for kind, name in KIND_NAMES.items() if kind != "amount"}


def _as_written(query: str, names: Mapping[str, Sequence[str]], found: Sequence[str]) -> list[str]:
    """Each found entry in the spelling the question used."""
    out = []
    for name in found:
        spellings = sorted((name, *names.get(name, ())), key=len, reverse=True)
        out.append(next((s for s in spellings if s in query), name))
    return out


def _written_spans(query: str, words: Sequence[str]) -> list[str]:
    """``words`` as the question writes them, neighbours merged (失业 + 保险金 ->
    失业保险金); words the question does not contain are left out.

    >>> _written_spans("青岛失业保险金每月能领多少钱", ["保险金", "失业", "养老"])
    ['失业保险金']
    """
    spans = sorted((query.find(w), query.find(w) + len(w)) for w in words if w and w in query)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [query[a:b] for a, b in merged]


def _apart(query: str, spans: Sequence[str], named: Sequence[str]) -> list[str]:
    """The ``spans`` that share no character of ``query`` with a ``named`` word (券能 is
    part of 购房券, 本科 of 本科生).

    >>> _apart("崂山区人才公寓的月租金是多少", ["月租金", "公寓"], ["人才公寓"])
    ['月租金']
    """
    taken = {i for w in named if w in query
             for i in range(query.find(w), query.find(w) + len(w))}
    return [s for s in spans if s in query
            and taken.isdisjoint(range(query.find(s), query.find(s) + len(s)))]


def _core(q: QuestionInfo, skip: Sequence[str]) -> str:
    """The content words with asking words trimmed, without what ``skip`` already says."""
    pieces = []
    for piece in q.content:
        for word in skip:
            piece = piece.replace(word, "")
        piece = _ASKING_TAIL.sub("", _ASKING_HEAD.sub("", piece))
        if len(piece) >= 2:
            pieces.append(piece)
    return "".join(pieces[:2])


def _opens(q: QuestionInfo, core: str) -> bool:
    """True when the question opens with ``core`` (after its place and a 的): then
    「{place}的{core}」 reads as the question wrote it. A core cut from the middle of a
    question (「崂山有几个两院院士」 -> 几个两院院士) or joined from several of its parts
    would not."""
    head = q.query.strip()
    for place in q.places:
        if head.startswith(place):
            head = head[len(place):]
    return head.removeprefix("的").startswith(core)


def quoted_question(query: str, limit: int = QUOTE_CHARS) -> str:
    """The question itself as the thing asked, when no short phrase of it names that:
    「能回答「崂山有几个两院院士」的内容」 (long questions cut at ``limit`` with …; a mostly
    English one at a word within ``EN_QUOTE_CHARS``).

    >>> quoted_question("崂山有几个两院院士？")
    '能回答「崂山有几个两院院士」的内容'
    """
    if mostly_english(query):
        text = _TRAILING_PUNCT.sub("", _english_quote(query))
    else:
        text = _TRAILING_PUNCT.sub("", " ".join(query.split()))
        if len(text) > limit:
            text = text[:limit] + "…"
    return f"能回答「{text}」的内容"


def _english_quote(text: str) -> str:
    """An English question as quoted in a refusal: cut at a word within
    ``EN_QUOTE_CHARS``."""
    text = " ".join(text.split())
    if len(text) > EN_QUOTE_CHARS:
        text = text[:EN_QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
    return text


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def refusal_subject(q: QuestionInfo, missing: Sequence[str] = ()) -> str:
    """What was asked, in the question's words (see the module docstring). ``missing``
    are what the decision found absent; those the question itself writes (个税, not an
    internal term) name the thing asked for.

    >>> from app.answer.question import analyze
    >>> refusal_subject(analyze("研究生毕业在青岛工作，个税有优惠吗？"), ("个税",))
    '青岛对研究生的个税'
    >>> refusal_subject(analyze("参加北汽那个技能人才计划的学员，有多少生活补贴？"), ("北汽",))
    '北汽对技能人才的生活补贴'
    """
    if q.script == "en":
        text = _english_quote(q.text)
        return f"“{text}”" if text else ""
    who = [a for a, d in degree_aliases() if d in q.degrees and a in q.query][:1]
    who += [w for w in _as_written(q.query, dict(person_categories()), q.persons)
            if w not in who]
    what = _as_written(q.query, dict(benefit_kinds()), q.benefits)
    aspect = "".join(_ASPECTS.get(k, "") for k in q.kinds[:1])
    if not aspect and KIND_NAMES["amount"] in missing:  # named, but without its sum
        aspect = KIND_NAMES["amount"]
    # an asked degree or category is named by ``who``, as the asker wrote it (技校毕业, not 中专)
    absent = _written_spans(q.query, [m for m in missing
                                      if m not in (*who, *q.places, *q.degrees, *q.persons)])
    core = _core(q, (*who, *q.places))
    extra = _apart(q.query, absent, (*what, *who))
    # a name written before the benefit is whose it is (北汽…生活补贴), not what of it is asked
    first = min((q.query.find(w) for w in what if w in q.query), default=-1)
    owner = [e for e in extra if 0 <= q.query.find(e) < first]
    extra = [e for e in extra if e not in owner]
    if what and extra:  # the documents have the benefit but not what was asked of it
        thing = ("、".join(what) if len(what) == 1 else "、".join(what) + "的") + "、".join(extra)
    elif what:
        thing = "、".join(what) + aspect
    elif absent and not all(a in core for a in absent):
        thing = "、".join(absent)  # the words the documents lack, which the core left out
    elif core and (who or not _opens(q, core)):
        # an English question quoting a Chinese term, or a Chinese one whose English words
        # the reading dropped (我是HR), is quoted as the asker wrote it, not as it was read
        dropped = len(_LATIN_WORD.findall(q.text)) > len(_LATIN_WORD.findall(q.query))
        return quoted_question(q.text if dropped or mostly_english(q.text) else q.query)
    else:
        thing = core
    place = q.places[0] if q.places else ""
    if what and owner:  # 崂山工匠 is 崂山's: the place is named once
        place = "、".join(owner) if any(place in o for o in owner) else place + "、".join(owner)
    holder = f"{place}对{'、'.join(who)}" if who else place
    if holder and thing:
        return f"{holder}的{thing}"
    return holder or thing or q.query[:20]


@dataclass(frozen=True)
class Partial:
    """Benefits the asked person has (in the asked place), each with its fact."""

    holder: str
    facts: tuple[Fact, ...]


def related_benefits(q: QuestionInfo, facts: Sequence[Fact], documents: Mapping[str, Document],
                     region: str | None) -> Partial | None:
    """Amount facts for the question's degree or person category, from documents that hold
    in the asked region: what to offer when the exact item is missing."""
    who = (*q.degrees, *q.persons)
    if not who:
        return None
    found: list[Fact] = []
    for fact in facts:
        if fact.kind != "amount" or not fact.beneficiary:
            continue
        if not any(w in fact.beneficiary for w in who):
            continue
        if region and not applies_to(documents[fact.doc_id].region, region):
            continue
        if all(f.quote != fact.quote or f.beneficiary != fact.beneficiary for f in found):
            found.append(fact)
    if not found:
        return None
    place = q.places[0] if q.places else ""
    holder = f"{place}对{'、'.join(who)}" if place else f"政策库中对{'、'.join(who)}"
    return Partial(holder, tuple(found[:MAX_PARTIAL]))


def partial_text(q: QuestionInfo, partial: Partial, subject: str, documents: Mapping[str, Document],
                 citations: Sequence[Citation]) -> str:
    """「没有找到…。…有：每月5000元生活津贴[1]、…」 with one citation per fact."""
    items = []
    for fact, c in zip(partial.facts, citations, strict=True):
        label = benefit_label(fact, documents[fact.doc_id].text)
        if q.script == "en":
            items.append(f"{en_term(label) if label else 'amount'} "
                         f"{amount_cell(fact, label)}[{c.n}]")
        else:
            items.append(f"{amount_cell(fact, label)}{label}[{c.n}]")
    holder = partial.holder
    if q.script == "en":
        holder = " ".join(en_term(w) for w in (*q.degrees, *q.persons))
        if q.places:
            holder += f" in {en_place(q.places[0])}"
    joiner = "; " if q.script == "en" else "、"
    return partial_lead(subject, holder, q.script) + joiner.join(items) + (
        "." if q.script == "en" else "。")
