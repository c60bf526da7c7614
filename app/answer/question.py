"""Question analysis: what a question asks about, read through the lexicon.

A question becomes a simplified-Chinese query plus what an answer has to match:
the places it names (any level of China's divisions, or an unknown name with an
administrative suffix), programme names, degrees, person categories, benefit kinds,
the kind of fact asked for (:mod:`app.answer.kinds`) and its remaining content words.
English questions are first read into Chinese (:mod:`app.answer.english`).

>>> q = analyze("我是硕士，去南阳工作每个月有多少生活补贴？")
>>> (q.places, q.degrees, q.benefits, q.kinds)
(('南阳',), ('硕士',), ('生活补贴',), ('amount',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.answer.chatter import without_chatter
from app.answer.claims import claims
from app.answer.clauses import A_NOT_A, asides, asking_clauses, audiences, clauses, excluded
from app.answer.english import english_query
from app.answer.kinds import asks_comparison, find_kinds
from app.answer.programmes import find_programmes
from app.answer.prompt_frame import without_frame
from app.answer.script import Script, detect_script, mostly_english, simplified
from app.answer.story import set_aside, story
from app.answer.wordclass import names_word, without_idioms
from lexicon import (
    Mention,
    Place,
    benefit_kinds,
    compare_words,
    degree_aliases,
    determiner_pattern,
    document_reference_pattern,
    document_words,
    gazetteer,
    kind_words,
    money_words,
    person_categories,
    question_phrases,
    standard_wording,
    umbrella_words,
    writer_words,
)


@dataclass(frozen=True)
class QuestionInfo:
    """What the question asks for, in simplified Chinese.

    ``places`` are the place names as the question writes them; ``place_refs`` the
    places they resolve to (same order).
    """

    text: str
    script: Script
    query: str
    places: tuple[str, ...] = ()
    place_refs: tuple[Place, ...] = ()
    programmes: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # an English question's dictionary words (english.english_hints)
    # quoted names no document uses, read as the documents' name they stand for: (as
    # asked, as written there), e.g. (智汇崂山, 汇智崂山)
    renamed: tuple[tuple[str, str], ...] = ()
    # an English question's terms that only the asker's own story holds, told in
    # statements before what is asked (I completed my PhD in the US. …?): english_told.told_terms
    told: tuple[str, ...] = ()
    # documents the asker cites by title (《…》), each with the one document it names:
    # citing.cited_titles
    cited: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def asks(self) -> bool:
        """True when the question names anything to look up (an English question's
        dictionary words too: 「Does the plan let me delay retirement?」 asks something)."""
        return bool(self.content or self.kinds or self.programmes or self.benefits
                    or self.hints)

    @property
    def asks_benefit(self) -> bool:
        """True when the question asks what someone is granted or must meet: a benefit, a
        sum, a condition, or any benefit at all (补贴, 扶持, 待遇)."""
        return bool(self.benefits or {"amount", "condition"} & set(self.kinds)
                    or names_any_benefit(self.query))


def names_any_benefit(text: str) -> bool:
    """True when ``text`` says money or any benefit at all (多少钱, 补贴, 扶持, 待遇)."""
    return any(w in text for w in (*money_words(), *umbrella_words()))


@lru_cache(maxsize=100_000)
def _asked_mentions(text: str) -> tuple[Mention, ...]:
    """The places a (simplified) question names, but for those right after a verb of taking
    a place as a model (「说要学苏州深圳，…建了几个人才家园」, 对标上海): the asked place is
    compared with them; the answer need not hold there.

    >>> [m.text for m in _asked_mentions("崂山说要学苏州深圳，建了几个人才家园")]
    ['崂山']
    >>> [m.text for m in _asked_mentions("在苏州学习有补贴吗")]
    ['苏州']
    """
    mentions = gazetteer().find(text)
    models = [m for m in mentions if text[:m.start].endswith(compare_words())]
    # a model's name runs on through the places listed with it (学苏州、深圳, 学苏州深圳)
    for m in mentions:
        if models and m not in models and any(
                0 <= m.start - n.end <= 1 and text[n.end:m.start] in ("", "、", "和", "与")
                for n in models):
            models.append(m)
    asked = [m for m in mentions if m not in models]
    # places of the asker's story (「我是从台中嫁到海南的，先生在三亚…。听说海南要新建…」)
    # yield to a place the rest of the question names
    told = [(at, at + len(c)) for c in story(text) if (at := text.find(c)) >= 0]
    own = [m for m in asked if not any(a <= m.start and m.end <= b for a, b in told)]
    return tuple(own or asked)


def find_places(text: str) -> tuple[str, ...]:
    """Place names a (simplified) question names, as written, in order (not a model it
    compares with: :func:`_asked_mentions`)."""
    return tuple(m.text for m in _asked_mentions(text))


def place_refs(text: str) -> tuple[Place, ...]:
    """The places :func:`find_places` names, resolved."""
    return tuple(m.place for m in _asked_mentions(text))


def find_degrees(text: str) -> tuple[str, ...]:
    """Degree names in ``text``; 博士后 is not counted as 博士."""
    found: dict[str, int] = {}
    masked = text
    for alias, degree in degree_aliases():
        pos = masked.find(alias)
        if pos >= 0:
            found.setdefault(degree, pos)
            masked = masked.replace(alias, "□" * len(alias))
    return tuple(sorted(found, key=found.__getitem__))


def asked_degrees(query: str, degrees: tuple[str, ...]) -> tuple[str, ...]:
    """Of the ``degrees`` a Chinese query names, those the clauses that are no aside name
    (:func:`app.answer.clauses.asides`) when each clause that asks names one: the asker's
    own degree is not the one asked about when they ask about another's (「泉州技校生，帮读
    硕士的表哥问：…硕士每月能拿多少？」 asks of 硕士, not 中专); a clause that asks of no
    degree asks of theirs (「我是本科毕业，每个月能领多少？硕士博士又是多少」).

    >>> asked_degrees("泉州技校生，帮表哥问：硕士每月能拿多少？", ("中专", "硕士"))
    ('硕士',)
    >>> asked_degrees("我是本科毕业，每个月能领多少？硕士博士又是多少", ("本科", "硕士", "博士"))
    ('本科', '硕士', '博士')

    Nor when they compare the two, or ask of themselves where the other is named:

    >>> asked_degrees("我是本科毕业，在威海比硕士每月少拿多少生活津贴？", ("本科", "硕士"))
    ('本科', '硕士')
    >>> asked_degrees("我是本科，硕士要求的那个补贴我能申请吗？", ("本科", "硕士"))
    ('本科', '硕士')
    """
    if len(degrees) < 2 or asks_comparison(query):
        return degrees  # 「我是本科，比硕士每月少拿多少」: both are asked
    parts = clauses(query)
    asking = [parts[i] for i in asking_clauses(query)]
    if not all(find_degrees(c) and "我" not in c for c in asking):
        return degrees  # 「我是本科，硕士那个补贴我能申请吗」: asked of the asker
    aside = set(asides(query))
    asked = set(find_degrees("，".join(c for c in parts if c not in aside)))
    return tuple(d for d in degrees if d in asked) if asked else degrees


def _named(text: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Entries of a category table named in ``text`` by their name or an alias, longest
    spelling first and without overlaps (青年人才住房补贴 names 住房补贴, not 人才住房)."""
    spellings = sorted(((w, name) for name, aliases in table.items() for w in (name, *aliases)),
                       key=lambda p: len(p[0]), reverse=True)
    found: dict[str, int] = {}
    masked = text
    for word, name in spellings:
        pos = masked.find(word)
        if pos >= 0:
            found.setdefault(name, pos)
            masked = masked.replace(word, "□" * len(word))
    return tuple(sorted(found, key=found.__getitem__))


def find_persons(text: str) -> tuple[str, ...]:
    """Person categories (高校毕业生, 农民工 …) named in ``text`` as words (科技工作者
    names no 技工)."""
    categories = dict(person_categories())
    return tuple(c for c in _named(text, categories)
                 if any(names_word(w, text) and not _pointed_at(w, text)
                        for w in (c, *categories[c])))


#: 那位 or 这名 with what follows up to the end of its phrase: a person the document tells
#: of (「那位汉缆的技术工人」), no group the question is asked for
_POINTED = re.compile(r"[这那][位名][^，,。？?！!；;\s]{0,10}")


def _pointed_at(word: str, text: str) -> bool:
    """True when every ``word`` in ``text`` is inside a phrase that points at someone the
    document tells of (「那位汉缆的技术工人省了多少钱」), not a group asked about.

    >>> _pointed_at("技术工人", "那位汉缆的技术工人一年省多少钱")
    True
    >>> _pointed_at("技术工人", "技术工人有什么补贴")
    False
    """
    spans = [m.span() for m in _POINTED.finditer(text)]
    found = [m.start() for m in re.finditer(re.escape(word), text)]
    return bool(found) and all(any(lo <= at < hi for lo, hi in spans) for at in found)


def find_benefits(text: str) -> tuple[str, ...]:
    """Benefit kinds (生活补贴, 安家费 …) named in ``text``, not inside an idiom (安家落户
    names no 落户); 生活补贴 hides 补贴-only kinds."""
    found = _named(without_idioms(text), dict(benefit_kinds()))
    return tuple(b for b in found if not any(b != o and b in o for o in found))




# An A-not-A question form (带不带, 有没有, 可以不可以): phrasing, whatever the verb.
# A run of Han, Latin letters and digits; a plus between digits stays inside (「10+1」产业).
_CONTENT_PIECE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9]|(?<=\d)\+(?=\d))+")


def content_segments(text: str, remove: tuple[str, ...] = (),
                     phrasing_only: bool = False) -> tuple[str, ...]:
    """Topic-bearing pieces of ``text``: question phrasing, ``remove`` and punctuation
    cut out. The words that only name the kind of fact asked (条件, 比例 …) are cut too,
    unless ``phrasing_only`` (a follow-up keeps 「申请条件」 to append it).

    >>> content_segments("我是硕士，去南阳工作每个月有多少生活补贴？", ("南阳", "硕士"))
    ('工作每个月有', '生活补贴')
    >>> content_segments("春季那场招聘会来了几家企业")
    ('春季', '招聘会来', '企业')
    >>> content_segments("租赁房带不带家具")
    ('租赁房', '家具')
    """
    # a pointer at the document read (文章里推荐的, 论文中提到) before its document word goes
    masked = document_reference_pattern().sub(" ", text)
    phrases = question_phrases() if not phrasing_only else tuple(
        w for w in question_phrases() if w not in kind_words())
    for word in (*remove, *phrases):
        if word:
            masked = masked.replace(word, " ")
    masked = document_reference_pattern().sub(" ", masked)
    masked = A_NOT_A.sub(" ", determiner_pattern().sub(" ", masked))
    pieces = _CONTENT_PIECE.findall(masked)
    return tuple(p for p in pieces if len(p) >= 2)


# a Chinese name in straight single quotes, as an English keyboard types quotation marks
# (a '人才贷' talent loan): quoted as the documents quote names
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'([\u4e00-\u9fff]{2,20})'(?![A-Za-z])")

# …or in brackets after its English (talent loan (人才贷)), quoted the same way
_BRACKETED = re.compile(r"[(（]([\u4e00-\u9fff]{2,20})[)）]")


def _quoted_unless_place(m: re.Match[str]) -> str:
    """A bracketed Chinese name quoted, but a place's (Huailai County (怀来县)) or a word
    the lexicon reads anyway (master's (硕士), 人才公寓) left as written."""
    word = m.group(1)
    if (gazetteer().named(word) or find_degrees(word) or find_persons(word)
            or find_benefits(word)):
        return m.group(0)
    return f"“{word}”"


# full-width Latin letters and digits (ＰｈＤ, ２０２５), as some input methods type them
_HALF_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for c in range(r[0], r[1] + 1)}


def query_for(question: str, script: Script) -> str:
    """The simplified-Chinese retrieval query for a question in any supported script,
    spoken question words in their written form (啥 -> 什么); a Chinese name in straight
    single quotes is quoted with Chinese marks, full-width letters and digits are read as
    the ordinary ones.

    >>> query_for("Laoshan's '人才贷' loan: how much at most?", "zh-Hans")[:17]
    "Laoshan's “人才贷” l"
    >>> query_for("本科、ＰｈＤ每月多少？", "zh-Hans")
    '本科、PhD每月多少？'
    """
    question = _SINGLE_QUOTED.sub(r"“\1”", question.translate(_HALF_WIDTH))
    if mostly_english(question):  # Laoshan's talent loan (人才贷): the notices' own name
        question = _BRACKETED.sub(_quoted_unless_place, question)
    if script == "en":
        return english_query(question)
    return without_frame(without_chatter(standard_wording(simplified(question)))).strip()


def analyze_query(query: str, original: str, script: Script) -> QuestionInfo:
    """Constraints of an already simplified query (used after follow-up rewriting)."""
    places = find_places(query)
    degrees = find_degrees(query)
    spelled = tuple(a for a, d in degree_aliases() if d in degrees and a in query)
    if script != "en":
        degrees = asked_degrees(query, degrees)
    # an English question that quotes a Chinese term (「talent loan (人才贷)」) is read as
    # Chinese with its English glossed, so its English wording is read for the kind too
    english = script == "en" or mostly_english(original)
    # what the asker tells in whole sentences before the one that asks (「我在国外做了几年
    # 研究。…有哪些选择？」) states: its 几年 asks no period; nor does a remark after it
    # (「…是哪些地方？要是我想去那边发展心里有个数」), nor what they say they already know
    # (「除了只数发了多少篇论文，…批评了哪些做法」)
    told = query
    for clause in (*set_aside(query), *excluded(query)) if not english else ():
        told = told.replace(clause, " ")
    kinds = find_kinds(f"{query} {original}" if english else told)
    # a figure the asker states to have it checked asks for its kind, and is no topic
    claimed = claims(query, kinds)
    kinds = kinds or tuple(dict.fromkeys(c.kind for c in claimed))
    # who wrote 这个文件, or its title: the kind of document names the document asked
    # about, and 作者 the kind of fact asked, no topic
    documents = ((*document_words(), *writer_words())
                 if {"author", "title"} & set(kinds) else ())
    content = content_segments(query, (*places, *spelled, *documents,
                                       *(c.text for c in claimed)))
    return QuestionInfo(
        text=original, script=script, query=query, places=places,
        place_refs=place_refs(query), programmes=find_programmes(query), degrees=degrees,
        persons=find_persons(_without(query, (*spelled, *audiences(query)))),
        benefits=find_benefits(query),
        kinds=kinds, content=content,
    )


def _without(text: str, words: tuple[str, ...]) -> str:
    """``text`` with ``words`` blanked: a degree's spelling holds no person category (技校毕业生
    names no 高校毕业生).

    >>> _without("技校毕业生有补贴吗", ("技校毕业",))
    ' 生有补贴吗'
    """
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, " ")
    return text


def compares(q: QuestionInfo) -> bool:
    """True when ``q`` asks to compare, read as the engine reads it or as it was written (an
    English question's query is its Chinese reading: "higher than" is in its text)."""
    return asks_comparison(q.query) or asks_comparison(q.text)


def analyze(question: str) -> QuestionInfo:
    """Analyse a question in simplified, traditional or English form."""
    script = detect_script(question)
    return analyze_query(query_for(question, script), question, script)
