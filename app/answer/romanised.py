"""Chinese names an English question writes in pinyin: 「BAIC's Qingling Plan」 for
青领计划, 「Zhizhen Instruments」 for 致真, 「Wushan Xinyuan」 for 午山馨苑. No glossary
holds a company's or a programme's name, but its pinyin is its English name: a run of
capitalised words whose letters spell, without tones, exactly one word or quoted name of
the documents reads as that word. Such a word is a hint (searched and scored, never
required), like a dictionary hint.

>>> names = PinyinNames(["青领计划", "青领", "致真", "午山馨苑", "人才"])
>>> romanised_names("Within how many years will the Qingling Plan partner schools?",
...                 names, frozenset({"within", "plan"}))
('青领',)
>>> romanised_names("rent at Wushan Xinyuan for Zhizhen staff", names, frozenset())
('午山馨苑', '致真')
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from functools import cache

from pypinyin import lazy_pinyin

from lexicon import english_stop_words, everyday_english

#: capitalised words in a row (Wushan Xinyuan, Qingling-Plan): one name or several
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
#: fewest letters a romanised name is read from (two syllables: Lan or Wei alone is a
#: surname or a sound, not a name)
MIN_LETTERS = 4
#: most capitalised words read as one name
MAX_WORDS = 3


def pinyin_key(word: str) -> str:
    """``word``'s toneless pinyin run together: 青领 -> qingling."""
    return "".join(lazy_pinyin(word)).lower()


class PinyinNames:
    """Chinese words by their toneless pinyin; a spelling more than one word shares (a
    homophone) names none of them."""

    def __init__(self, words: Iterable[str]) -> None:
        found: dict[str, set[str]] = {}
        for word in words:
            if _HAN.fullmatch(word):
                found.setdefault(pinyin_key(word), set()).add(word)
        self._by_key = {key: next(iter(ws)) for key, ws in found.items() if len(ws) == 1}

    def name(self, letters: str) -> str | None:
        """The one word whose pinyin is ``letters`` (lower case, no spaces), or None."""
        return self._by_key.get(letters) if len(letters) >= MIN_LETTERS else None


def romanised_names(question: str, names: PinyinNames, common: frozenset[str]
                    ) -> tuple[str, ...]:
    """The words of ``names`` that runs of capitalised words in ``question`` spell, the
    longest run first; a single word ``common`` holds (an English word: Plan, Within) is
    never read as pinyin."""
    out: list[str] = []
    for run in _CAPITALISED_RUN.finditer(question):
        tokens = re.split(r"[ -]", run.group())
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + MAX_WORDS), i, -1):
                if j - i == 1 and tokens[i].lower() in common:
                    continue
                found = names.name("".join(tokens[i:j]).lower())
                if found is not None:
                    out.append(found)
                    i = j
                    break
            else:
                i += 1
    return tuple(dict.fromkeys(out))


@cache
def english_words() -> frozenset[str]:
    """Words no capitalised English word is read as pinyin for: everyday English and
    English stop words (Plan, Within)."""
    return everyday_english() | english_stop_words()


class PinyinIndex:
    """:class:`PinyinNames` of words read when first needed, built once across threads
    (a library's words: about 1 s per 50,000)."""

    def __init__(self, words: Callable[[], Iterable[str]]) -> None:
        self._words = words
        self._names: PinyinNames | None = None
        self._lock = threading.Lock()

    def names(self) -> PinyinNames:
        """The index, built on the first call."""
        with self._lock:
            if self._names is None:
                self._names = PinyinNames(self._words())
            return self._names

    def read(self, question: str) -> tuple[str, ...]:
        """The indexed words an English ``question`` writes in pinyin
        (:func:`romanised_names`)."""
        return romanised_names(question, self.names(), english_words())
