"""English questions read into Chinese: glossary terms and the gazetteer's English place
names become the query; the English words those leave over get dictionary hints
(CC-CEDICT words the documents use), which are searched and scored but never required.

>>> english_query("Any living subsidies for PhDs?")
'生活补贴 博士'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from itertools import islice

from app.answer.romanised import pinyin_key
from lexicon import (
    Place,
    english_senses,
    english_stop_words,
    everyday_english,
    gazetteer,
    glossary_en,
    letter_formulas,
)

#: English words that follow a place's name and make it one (Guide County, Qilin District)
PLACE_SUFFIXES_EN = ("district", "county", "city", "prefecture")


#: a hyphen between letters (junior-college), read as a space
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
#: pinyin's syllable apostrophe (Ma'anshan, Xi'an: always before a, e or o), which writers
#: as often leave out (Maanshan); no English contraction puts one there
_SYLLABLE_MARK = re.compile(r"(?<=[a-z])['’](?=[aeo])")


def _plain(text: str) -> str:
    """Lower-case ``text`` with hyphens read as spaces and pinyin apostrophes dropped.

    >>> _plain("Ma’anshan high-tech zone, master's")
    "maanshan high tech zone, master's"
    """
    return _SYLLABLE_MARK.sub("", _HYPHEN.sub(" ", text.lower()))


def _written(place: Place) -> str:
    """How a place named in English is written in the Chinese it is read into: its short
    name, or its full name where the short one is also an everyday word and counts as a
    place only with its suffix (Ninghai: 宁海县, not 宁海)."""
    return place.short if gazetteer().named(place.short) else place.name


@cache
def _english_terms() -> tuple[tuple[str, str, bool], ...]:
    """Glossary terms, then the gazetteer's English place names, each with its Chinese
    and whether it is a glossary term (which may be asked in the plural)."""
    common = everyday_english() | english_stop_words()
    g = gazetteer()
    # guide, dean, mile are words, not 贵德, 德安, 弥勒: those count only with a suffix
    # (Guide County), matched before the glossary reads the suffix alone
    suffixed = tuple((f"{name} {suffix}", _written(g.english(name)[0]), False)
                     for name in g.english_names() if name in common
                     for suffix in PLACE_SUFFIXES_EN)
    places = tuple((name, _written(g.english(name)[0]), False)
                   for name in g.english_names() if name not in common)
    terms = (*suffixed, *((word, chinese, True) for word, chinese in glossary_en()), *places)
    # a hyphen joins words as a space does (high-tech zone matches high tech zone)
    return tuple((_plain(word), chinese, plural) for word, chinese, plural in terms)


#: a word starts after no letter and no letter's apostrophe (not the s of master's), but may
#: follow an opening quote ('cold spots')
_START = r"(?<![a-z])(?<![a-z]')"


@lru_cache(maxsize=4096)
def _english_word(word: str, plural: bool = False) -> re.Pattern[str]:
    """``word`` as a whole word; with ``plural``, also with a plural ending (talent
    apartments, living subsidies). Place names are matched as written.

    >>> bool(_english_word("living subsidy", True).search("any living subsidies?"))
    True
    """
    if not plural:
        return re.compile(rf"{_START}{re.escape(word)}(?![a-z])")
    stem = _plural_stem(word)
    ending = "(?:y|ies)" if stem != word else "(?:e?s)?"
    return re.compile(rf"{_START}{re.escape(stem)}{ending}(?![a-z])")


def _plural_stem(word: str) -> str:
    """What every form of ``word`` begins with: subsid for subsidy (subsidies), the word
    itself otherwise (apartment, apartments)."""
    return word[:-1] if re.search(r"[^aeiou]y$", word) else word


@cache
def _letter_frame() -> tuple[re.Pattern[str], re.Pattern[str]]:
    latin = [tuple(w for w in words if w.isascii()) for words in letter_formulas()]
    openers, greetings, closings = ("|".join(map(re.escape, words)) for words in latin)
    # the salutation: an opener or greeting and whom it addresses, to the end of its line
    # or its comma (Dear Sir or Madam,); the closing: a formula that starts a line or a
    # sentence, and the name signed after it, to the end, with nothing asked
    opening = re.compile(rf"^\s*(?:{openers}|{greetings})\b[^\n,:;!.?]{{0,40}}[,:;!\n]", re.I)
    closing = re.compile(rf"(?:^|(?<=[\n.!?]))\s*(?:{closings})\b[^?]{{0,60}}$", re.I)
    return opening, closing


def without_letter(question: str) -> str:
    """An English question without a letter's salutation (Dear Sir or Madam,) and closing
    (Kind regards, and the name signed after it), when something is left to ask.

    >>> without_letter("Dear Sir,\\nHow much is the allowance for PhDs?\\nKind regards,\\nLi")
    'How much is the allowance for PhDs?'
    >>> without_letter("Thank you")
    'Thank you'
    """
    opening, closing = _letter_frame()
    cleaned = closing.sub("", opening.sub("", question, count=1), count=1).strip()
    return cleaned if re.search(r"[A-Za-z]{2}", cleaned) else question


def english_query(question: str) -> str:
    """Chinese query terms for an English question, in question order: glossary terms
    and place names (the gazetteer's English names).

    >>> english_query("What about PhDs in Chengdu?")
    '博士 成都'

    A place's name right before a zone's term is that zone (Weihai high-tech zone):

    >>> english_query("If I work in Weihai high-tech zone, how much for a master?")
    '工作 威海高新区 多少 硕士'
    """
    found, rest = _english_matches(question)
    terms: list[tuple[int, str]] = []
    for start, chinese in found:
        if terms and not rest[terms[-1][0]:start].strip() and _one_place(terms[-1][1] + chinese):
            terms[-1] = (terms[-1][0], terms[-1][1] + chinese)
        else:
            terms.append((start, chinese))
    return " ".join(dict.fromkeys(chinese for _, chinese in terms))


def _one_place(text: str) -> bool:
    """True when ``text`` is one place's name from end to end (绵阳高新区), not two."""
    found = gazetteer().find(text, unknown=False)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)


#: figures an English question gives (in 2023, 5000 yuan), kept as they are written
_FIGURE = re.compile(r"(?<![a-z0-9.])\d+(?:\.\d+)?(?![a-z0-9])")


def _english_matches(question: str) -> tuple[list[tuple[int, str]], str]:
    """(position, Chinese) of the glossary terms and place names in ``question``, sorted,
    and the lower-cased question with those matches blanked out."""
    # a hyphen joins words as a space does (junior-college, high tech zone); read left to
    # right, the longest term at each word wins (junior college | graduates, not junior |
    # college graduates)
    lowered = _plain(f" {question} ")
    spans: list[tuple[int, int, int, str]] = []
    for order, (word, chinese, plural) in enumerate(_english_terms()):
        if (_plural_stem(word) if plural else word) not in lowered:  # most terms are absent
            continue
        spans.extend((m.start(), m.start() - m.end(), order, chinese)
                     for m in _english_word(word, plural).finditer(lowered))
    found: list[tuple[int, str]] = []
    free_from = 0
    for start, negative_length, _, chinese in sorted(spans):
        if start < free_from:
            continue
        found.append((start, chinese))
        free_from = start - negative_length
        lowered = lowered[:start] + " " * -negative_length + lowered[free_from:]
    found, lowered = _unlisted_places(question, found, lowered)
    found.extend((m.start(), m.group()) for m in _FIGURE.finditer(lowered))  # years, amounts
    return sorted(found), lowered


#: how many syllable marks may stand before a name (its place in ``_plain`` text moves so)
_MARKS_BEFORE = 4
#: a capitalised name before county or district (Yangu County): a place by its suffix
_SUFFIXED_NAME = re.compile(r"\b([A-Z][a-z]{2,11})\s+(county|district)\b", re.I)


def _unlisted_places(question: str, found: list[tuple[int, str]], lowered: str
                     ) -> tuple[list[tuple[int, str]], str]:
    """A name the glossary and the gazetteer do not hold, right before county or district
    (a misspelled 「Yangu county」), read as a place known by its suffix, as 桃花县 is in
    Chinese: ``found`` with the suffix's own reading replaced by the name and its Chinese
    suffix (Yangu县), and the name blanked in ``lowered``."""
    suffixes = dict(glossary_en())
    for m in _SUFFIXED_NAME.finditer(question):
        name, suffix = m.group(1), suffixes.get(m.group(2).lower())
        # ``lowered`` opens with a space and lacks the marks between syllables (Ma'anshan)
        at = lowered.find(name.lower(), max(0, m.start(1) - _MARKS_BEFORE))
        if (suffix is None or not name[0].isupper() or not 0 <= at <= m.start(1) + 1):
            continue  # the name was read already (a gazetteer place: Guide County)
        found = [(start, chinese) for start, chinese in found
                 if not (at < start <= m.end() + 1 and chinese == suffix)]
        found.append((at, f"{name}{suffix}"))
        lowered = lowered[:at] + " " * len(name) + lowered[at + len(name):]
    return found, lowered


def english_hints(question: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """Dictionary words for the English words of ``question`` that the glossary and the
    gazetteer leave over (CC-CEDICT, see :mod:`lexicon.dictionary`): for each, the first
    word the documents use (``known``), in question order. A dictionary sense may be the
    wrong one, so these are hints for search and sentence scoring, never words an answer
    must contain.

    >>> english_hints("How many academicians live in Laoshan?", lambda w: w == "院士")
    ('院士',)
    """
    glossary, rest = _english_matches(question)
    taken = {chinese for _, chinese in glossary}
    return tuple(dict.fromkeys(w for _, w in dictionary_terms(rest, known) if w not in taken))


#: a run of English words inside a Chinese question (想找intern, 这个service model)
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'\-]*(?: +[A-Za-z][A-Za-z'\-]*)*")


# a name in Latin letters with its Chinese beside it in brackets: Wushan Xinyuan (午山馨苑),
# or in the quotation marks a bracketed name is given as a name (Wushan Xinyuan “午山馨苑”)
_ROMANISED = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)*)(?:'s)?\s*[(（“]([\u4e00-\u9fff]+)[)）”]")


def without_romanised(query: str) -> str:
    """``query`` without the pinyin of a Chinese name it gives in brackets right after
    (「the Wushan Xinyuan (午山馨苑) apartments」): the same name, not a place or a word.

    >>> without_romanised("rent at Wushan Xinyuan (午山馨苑) talent apartments")
    'rent at (午山馨苑) talent apartments'
    >>> without_romanised("rent at Wushan Xinyuan “午山馨苑” talent apartments")
    'rent at “午山馨苑” talent apartments'
    >>> without_romanised("talents in Laoshan (崂山区)"), without_romanised("Kaiping (开平)")
    ('talents in Laoshan (崂山区)', 'Kaiping (开平)')
    """
    def drop(m: re.Match[str]) -> str:
        said = m.group(1).replace(" ", "").lower()
        if said != pinyin_key(m.group(2)) or gazetteer().english(m.group(1)):
            return m.group()  # a place's English name (Kaiping (开平)) reads that place
        return m.group()[m.end(1) - m.start():].lstrip("'s").lstrip()

    return _ROMANISED.sub(drop, query)


def english_in_chinese(query: str, known: Callable[[str], bool],
                       abbreviated: Callable[[str], str | None] = lambda _: None,
                       ) -> tuple[str, tuple[str, ...]]:
    """A Chinese question's English words read as an English question's are: a glossary
    term or place name becomes its Chinese in place (PhD -> 博士), a word the documents
    write as it is stays (VR), lower-case letters no glossary knows that ``abbreviated``
    reads as pinyin initials become that word (rc -> 人才), and the rest go, leaving
    dictionary hints (``known``: the documents use them). Returns the query and the hints.

    >>> english_in_chinese("我是PhD，这个service是什么", lambda w: w == "服务")
    ('我是博士，这个 是什么', ('服务',))
    >>> english_in_chinese("做VR方向的创业", lambda w: w == "vr")
    ('做VR方向的创业', ())
    >>> english_in_chinese("崂山有多少rc", lambda w: False, {"rc": "人才"}.get)
    ('崂山有多少人才', ())
    """
    hints: list[str] = []

    def read(m: re.Match[str]) -> str:
        run = m.group()
        glossary, rest = _english_matches(run)
        # initials first: the documents' Latin text holds most letter pairs (rc of source)
        if not glossary and run.islower() and (word := abbreviated(run)) is not None:
            return word
        if known(run.lower()) and (not glossary or run.isupper()):
            return run  # VR the documents write stays; talent is the glossary's 人才
        hints.extend(w for _, w in dictionary_terms(rest, known))
        return " ".join(chinese for _, chinese in glossary) or " "

    text = _LATIN_RUN.sub(read, without_romanised(query))
    return text, tuple(dict.fromkeys(hints))


def english_overlap(question: str, text: str) -> float:
    """Share of an English question's words (stop words aside) that ``text`` writes too:
    how well an English line of a document (an abstract's author line) matches it.

    >>> english_overlap("Which party school is the author from?", "Lanxi Party School, Jinhua")
    0.6666666666666666
    """
    stop = english_stop_words()
    asked = {w for w in _ENGLISH_WORD.findall(question.lower()) if w not in stop}
    if not asked:
        return 0.0
    written = set(_ENGLISH_WORD.findall(text.lower()))
    return len(asked & written) / len(asked)


#: dictionary words kept per English word or phrase (the first the documents use)
DICTIONARY_WORDS = 1
#: longest English phrase looked up in the dictionary, in words
DICTIONARY_PHRASE = 3
_ENGLISH_WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")  # a hyphen parts words


def _lemmas(word: str) -> tuple[str, ...]:
    """``word`` and the singular forms it may be the plural of (academies -> academy)."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return tuple(out)


def _phrase_forms(words: list[str]) -> Iterator[str]:
    """``words`` as a dictionary phrase, with the plural or third-person ending taken off
    the last word or, in a longer phrase, the first (sets up -> set up; academies)."""
    firsts = _lemmas(words[0]) if len(words) > 1 else (words[0],)
    for first in firsts:
        for last in (_lemmas(words[-1]) if len(words) > 1 else _lemmas(first)):
            yield " ".join([first, *words[1:-1], last]) if len(words) > 1 else last


def _first_known(words: Iterable[str], known: Callable[[str], bool]) -> list[str]:
    """The first DICTIONARY_WORDS of ``words`` that ``known`` accepts (asked lazily: a
    corpus lookup may scan every sentence)."""
    return list(islice((w for w in words if known(w)), DICTIONARY_WORDS))


def dictionary_terms(text: str, known: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(position, Chinese word) for the English words of lower-cased ``text`` that are not
    stop words, longest phrase first: the dictionary's words for it that ``known``
    accepts, at most DICTIONARY_WORDS each."""
    tokens = [(m.start(), m.group()) for m in _ENGLISH_WORD.finditer(text)]
    stop = english_stop_words()
    senses = english_senses()
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        step = 1
        for n in range(min(DICTIONARY_PHRASE, len(tokens) - i), 0, -1):
            words = [w for _, w in tokens[i:i + n]]
            # a phrase may end on a particle (sets up: set up), never start on a stop word
            if words[0] in stop or (n == 1 and words[-1] in stop):
                continue
            hits = next((found for phrase in _phrase_forms(words)
                         if (found := _first_known(senses.get(phrase, ()), known))), [])
            if hits:
                out.extend((tokens[i][0], w) for w in hits)
                step = n
                break
        i += step
    return out
