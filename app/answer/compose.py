"""Write the extractive answer: a first line that answers, then cited quotes.

The first line is the key figure for an amount question (「硕士：每月2000元生活津贴
（威海市）[1]」), else the best sentence itself. Further sentences follow as bullets.
When the evidence comes from several regions, or from a part of the asked place, each
line names its region, so figures from different places are never read as one rule.
Every ``[n]`` maps to ``citations[n-1]``, whose quote is the document text verbatim at
its offsets.

>>> display("补贴每\\n月 2000元；")
'补贴每月 2000元；'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.answer.config import AnswerConfig
from app.answer.eligibility import groups_not_named
from app.answer.evidence import Candidate
from app.answer.facts import amount_cell, key_facts
from app.answer.framing import (
    en_place,
    english_intro,
    general_rules_note,
    key_figure_line,
    region_note,
    renamed_note,
)
from app.answer.question import QuestionInfo
from app.answer.rules import Decision
from app.answer.scoring import normalise
from app.answer.script import Script, in_script
from app.answer.sentences import (
    CLOSERS,
    TERMINATORS,
    Sentence,
    display,
    leans_on_previous,
)
from app.answer.statement_region import mentions
from app.answer.types import Citation
from app.answer.validity import document_status
from index.types import Hit
from ingest.facts import Fact
from ingest.headings import BULLETS
from ingest.types import Document
from lexicon import APPLIES, WIDER, region_label, region_relation, resolve

FRAGMENT_CHARS = 30
ADJACENT_CHARS = 3  # a context sentence this close before a quote is joined to it
PAUSES = frozenset("，,、：:")  # a sentence cut here reads on into the next
LIST_MARKS = frozenset("；;：:")  # a sentence ending here is one clause of a list
_MARKER_PREFIX = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、．.]"
                            r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                            rf"|\d{{1,2}}[.、．](?!\d)|[{''.join(sorted(BULLETS))}])\s*")


@dataclass(frozen=True)
class Quote:
    """One span to cite: a sentence (or its context) of one hit's document."""

    hit: Hit
    start: int
    end: int
    region: str | None = None


def make_citation(n: int, quote: Quote, doc: Document) -> Citation:
    """The citation for ``quote``; its text is ``doc.text[start:end]`` verbatim."""
    chunk = quote.hit.chunk
    return Citation(
        n=n, chunk_id=chunk.chunk_id, doc_id=doc.doc_id, source=doc.source, title=doc.title,
        issuer=doc.issuer, date=doc.date, section_path=chunk.section_path,
        quote=doc.text[quote.start:quote.end], char_start=quote.start, char_end=quote.end,
        status=document_status(doc, date.today()),
    )


def _needs_context(c: Candidate, sentences: Sequence[Sentence],
                   chosen_starts: set[tuple[str, int]]) -> Sentence | None:
    """The sentence a quote leans on: the item heading of a fragment such as 「(責任處室:…)」,
    or the previous sentence when the quote opens with a pronoun (由他牵头…)."""
    text = c.sentence.text
    context: Sentence | None = None
    if len(text) < FRAGMENT_CHARS and text[:1] in "(（":
        context = c.heading_sentence
    elif leans_on_previous(text) and c.index > 0:
        context = sentences[c.index - 1]
    if context is None or (c.doc_id, context.start) in chosen_starts:
        return None
    return context


def reading_order(chosen: Sequence[Candidate]) -> list[Candidate]:
    """The best sentence first, then the rest grouped by document and in text order."""
    if not chosen:
        return []
    doc_order: dict[str, int] = {}
    for c in chosen:
        doc_order.setdefault(c.doc_id, len(doc_order))
    return [chosen[0], *sorted(chosen[1:], key=lambda c: (doc_order[c.doc_id],
                                                          c.sentence.start))]


def runs_on(s: Sentence) -> bool:
    """True when a sentence ends in punctuation (a full stop, or a comma where a long
    sentence was cut), so the text after it reads on; a heading or a line-broken item
    ends without."""
    return s.text.rstrip().rstrip("".join(CLOSERS))[-1:] in TERMINATORS | PAUSES


def _joins(last: Candidate, c: Candidate, sentences: Sequence[Sentence], gap: int) -> bool:
    """Whether ``c`` continues the run ending in ``last``: the same passage and region,
    at most ``gap`` sentences later, and no heading before it."""
    return (last.hit.chunk.chunk_id == c.hit.chunk.chunk_id and last.region == c.region
            and 0 < c.index - last.index <= gap + 1
            and all(runs_on(s) for s in sentences[last.index:c.index]))


def runs(chosen: Sequence[Candidate], sentences_of: Mapping[str, Sequence[Sentence]],
         gap: int = 0) -> list[list[Candidate]]:
    """Chosen sentences in reading order, with those that lie close together in one
    retrieved passage (at most ``gap`` unchosen sentences apart, same stated region, no
    heading between them) joined into one run in text order. The run holding the best
    sentence comes first, so a sentence just before the best one is read before it, as
    its document has it."""
    if not chosen:
        return []
    groups: list[list[Candidate]] = []
    for c in sorted(chosen, key=lambda c: (c.doc_id, c.index)):
        if groups and _joins(groups[-1][-1], c, sentences_of[c.doc_id], gap):
            groups[-1].append(c)
        else:
            groups.append([c])
    first = {id(c): i for i, c in enumerate(reading_order(chosen))}
    groups.sort(key=lambda g: min(first[id(c)] for c in g))
    return groups


def open_list(s: Sentence) -> bool:
    """True when a sentence ends in ； or ： and so goes on in the next clause."""
    return s.text.rstrip()[-1:] in LIST_MARKS


def same_paragraph(text: str, here: Sentence, nxt: Sentence) -> bool:
    """True when ``nxt`` goes on the paragraph of ``here`` in ``text``: ``here`` runs on,
    no line break lies between them, and ``nxt`` opens no item or section.

    >>> from app.answer.sentences import split_sentences
    >>> doc = "对企业减半征收。对个人免征。\\n二、其他"
    >>> a, b, c = split_sentences(doc)[:3]
    >>> same_paragraph(doc, a, b), same_paragraph(doc, b, c)
    (True, False)
    """
    return runs_on(here) and not nxt.is_heading and "\n" not in text[here.end:nxt.start]


def sentence_end(last: Candidate, sentences: Sequence[Sentence], clauses: int,
                 taken: set[int], text: str = "", paragraph: int = 0) -> int:
    """Where the quote of ``last`` ends: at the end of its sentence when it is one clause
    of a list (it ends in ；or ：), through at most ``clauses`` more clauses of its passage,
    then, with the document's ``text``, through at most ``paragraph`` more sentences of its
    paragraph (see :func:`same_paragraph`), always stopping before a sentence quoted
    elsewhere (the indices in ``taken``) and at the passage's end. A numbered heading that
    only restates the question (「二、减免质量检验检测服务收费。」) goes on into the first
    sentence of its item first."""
    i, chunk = last.index, last.hit.chunk

    def next_free(i: int) -> bool:
        return (i + 1 < len(sentences) and i + 1 not in taken
                and sentences[i + 1].end <= chunk.char_end)

    if last.echo and last.sentence.is_heading and next_free(i):
        i += 1  # a heading that only restates the question is read on into its item
    first = i
    while i - first < clauses and next_free(i) and open_list(sentences[i]):
        i += 1
    first = i
    while (text and i - first < paragraph and next_free(i)
           and same_paragraph(text, sentences[i], sentences[i + 1])):
        i += 1
    return sentences[i].end


def quotes_for(chosen: Sequence[Candidate], sentences_of: Mapping[str, Sequence[Sentence]],
               gap: int = 0, clauses: int = 0, documents: Mapping[str, Document] | None = None,
               paragraph: int = 0) -> list[list[Quote]]:
    """One line of quotes per run of chosen sentences (see :func:`runs`): the run as one
    span, continued to the end of its sentence (see :func:`sentence_end`), with the
    context its first sentence leans on joined to it when adjacent, else quoted first on
    its line. With ``documents``, the first line goes on through at most ``paragraph``
    more sentences of its paragraph."""
    starts = {(c.doc_id, c.sentence.start) for c in chosen}
    lines: list[list[Quote]] = []
    for run in runs(chosen, sentences_of, gap):
        c = run[0]
        taken = {o.index for o in chosen if o.doc_id == c.doc_id}
        text = documents[c.doc_id].text if documents is not None and not lines else ""
        end = sentence_end(run[-1], sentences_of[c.doc_id], clauses, taken, text, paragraph)
        context = _needs_context(c, sentences_of[c.doc_id], starts)
        start, line = c.sentence.start, []
        if context is not None:
            starts.add((c.doc_id, context.start))
            if start - context.end <= ADJACENT_CHARS:
                start = context.start
            else:
                line.append(Quote(c.hit, context.start, context.end, c.region))
        line.append(Quote(c.hit, start, end, c.region))
        lines.append(line)
    return lines


def without_repeats(lines: Sequence[Sequence[Quote]], documents: Mapping[str, Document],
                    keep: Collection[tuple[str, int]] = ()) -> list[Sequence[Quote]]:
    """``lines`` without a line whose every quote is already said word for word by an
    earlier line (a news page that repeats its lead paragraph further down). A line
    holding a sentence in ``keep`` (doc id, start) stays: a key figure cites it."""
    out: list[Sequence[Quote]] = []
    said: list[str] = []
    for line in lines:
        texts = ["".join(documents[q.hit.chunk.doc_id].text[q.start:q.end].split())
                 for q in line]
        kept = any(doc == q.hit.chunk.doc_id and q.start <= at < q.end
                   for doc, at in keep for q in line)
        if out and not kept and all(any(t in s for s in said) for t in texts):
            continue
        out.append(line)
        said.extend(texts)
    return out


def line_number(lines: Sequence[Sequence[Quote]], numbers: Sequence[int], doc_id: str,
                sentence: Sentence) -> int:
    """The citation number of the line whose last quote holds ``sentence`` (else 1)."""
    for line, n in zip(lines, numbers, strict=True):
        q = line[-1]
        if q.hit.chunk.doc_id == doc_id and q.start <= sentence.start and sentence.end <= q.end:
            return n
    return 1


def region_labels(lines: Sequence[Sequence[Quote]], decision: Decision, asked: str | None,
                  script: Script) -> tuple[str, list[str]]:
    """The region label for the whole answer (one region, narrower than the asked place
    or with no place asked) and per line (lines from several regions)."""
    regions = list(dict.fromkeys(line[0].region for line in lines))

    def label(region: str | None) -> str:
        if not region:
            return ""
        if script == "en":
            return f"({en_place(region)}) "
        return in_script(f"{region_label(region)}：", script)

    if len(regions) > 1:
        return "", [label(line[0].region) for line in lines]
    narrower = any(c.relation == "inside" for c in decision.chosen)
    whole = label(regions[0]) if regions and (narrower or not asked) else ""
    return whole, ["" for _ in lines]


#: Relations under which a quoted rule is the asked place's own (its own, or a part's).
_LOCAL = APPLIES - WIDER


def note_kind(decision: Decision, asked: str | None) -> str | None:
    """Which region note opens the answer: ``other`` or ``unknown`` for those outcomes,
    ``wider`` when every quoted rule holds for the asked place only through a region
    that contains it (a province, or national), else none. No ``unknown`` note when the
    lead sentence, from a document that names no region, itself speaks of the asked
    place (总书记在黑龙江考察期间提出…: the place is what is asked about, not where a
    rule is sought)."""
    if not asked:
        return None
    if decision.outcome == "unknown_region" and _lead_names(decision, asked):
        return None
    if decision.outcome in ("other_region", "unknown_region"):
        return "other" if decision.outcome == "other_region" else "unknown"
    relations = {c.relation for c in decision.chosen}
    if decision.outcome == "answer" and relations and None not in relations \
            and not relations & _LOCAL:
        return "wider"
    return None


def _lead_names(decision: Decision, asked: str) -> bool:
    place = resolve(asked)
    return (place is not None and bool(decision.chosen)
            and mentions(decision.chosen[0].sentence.text, place))


def _line_text(citations: Sequence[Citation]) -> str:
    return " … ".join(f"{display(c.quote)}[{c.n}]" for c in citations)


def compose(q: QuestionInfo, decision: Decision, documents: Mapping[str, Document],
            sentences_of: Mapping[str, Sequence[Sentence]], facts: Iterable[Fact] = (),
            asked: str | None = None,
            config: AnswerConfig | None = None) -> tuple[str, tuple[Citation, ...]]:
    """Answer text and citations for a decision that quotes evidence. The sentence that
    states the key figure is quoted first; chosen sentences at most ``config.join_gap``
    sentences apart in one passage are quoted as one span, a quote that ends in ；or
    ： goes on through at most ``config.list_clauses`` more clauses, and the first quote
    of a question asking for no particular kind of fact through at most
    ``config.paragraph_sentences`` more sentences of its paragraph."""
    config = config or AnswerConfig()
    key = key_facts(q, decision.chosen, facts, documents)
    sources = [k.source for k in key]
    chosen = [*dict.fromkeys(sources), *(c for c in decision.chosen if c not in sources)]
    # a question for no particular kind of fact (how, which measures) is answered by the
    # lead passage's paragraph rather than by its first sentence alone
    paragraph = 0 if q.kinds else config.paragraph_sentences
    lines = quotes_for(chosen, sentences_of, config.join_gap, config.list_clauses, documents,
                       paragraph)
    lines = without_repeats(lines, documents, {(k.source.doc_id, k.source.sentence.start)
                                               for k in key})
    flat = [quote for line in lines for quote in line]
    citations = tuple(make_citation(n, quote, documents[quote.hit.chunk.doc_id])
                      for n, quote in enumerate(flat, start=1))
    per_line: list[tuple[Citation, ...]] = []
    i = 0
    for line in lines:
        per_line.append(citations[i:i + len(line)])
        i += len(line)
    whole, labels = region_labels(lines, decision, asked, q.script)
    out: list[str] = []
    kind = note_kind(decision, asked)
    if kind is not None and asked:
        titles = [documents[line[0].hit.chunk.doc_id].title for line in lines]
        # the asked place has documents of its own, which say nothing on this
        own = kind == "other" and any(region_relation(asked, d.region) in ("same", "inside")
                                      for d in documents.values() if d.region)
        out.append(region_note("silent" if own else kind, asked,
                               [line[0].region for line in lines], q.script, titles))
    # a quoted name read as the documents' own (智汇崂山 as 汇智崂山) is said to be so
    shown = normalise("".join(c.quote for c in citations))
    renamed = [(asked, doc) for asked, doc in q.renamed if normalise(doc) in shown]
    if renamed:
        out.append(renamed_note(renamed, q.script))
    # the groups the asker says they belong to that the quoted rules do not name (退役军人)
    groups = groups_not_named(q, shown + normalise("".join(c.heading for c in decision.chosen)))
    if groups and kind is None:  # (another place's rules are only for reference anyway)
        out.append(general_rules_note(groups, q.script))
    numbers = [cites[-1].n for cites in per_line]
    if q.script == "en" and not key:
        out.append(english_intro(q.kinds))
    for fact in key:
        n = line_number(lines, numbers, fact.source.doc_id, fact.source.sentence)
        out.append(key_figure_line(fact.who, amount_cell(fact.fact, fact.label), fact.label,
                                   fact.source.region, f"[{n}]", q.script))
    for j, cites in enumerate(per_line):
        text = _line_text(cites)
        if j == 0 and not key:
            out.append(f"{whole}{labels[0]}{_MARKER_PREFIX.sub('', text, count=1)}")
        else:
            out.append(f"• {labels[j]}{text}")
    return "\n".join(out), citations
