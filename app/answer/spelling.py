"""How a question's words may be the corpus's words misspelled or said otherwise: pinyin
input slips (高薪区 for 高新区, 补帖 for 补贴), speech input (清岭 for 青领), initials typed
for a word (rc for 人才), and a noun the documents name with another word of the same
sense (薪水 for 薪资). Read against a corpus's :class:`Vocabulary`
(:class:`app.answer.terms.TermWeights`).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from app.answer.wordclass import (
    MIN_CHARS,
    SoundIndex,
    domain_by_initials,
    noun_with_localizer,
    sound,
    sounds_alike,
    verb_and_measure,
)
from lexicon import Mention, function_chars, question_phrases
from lexicon.dictionary import partner_words
from lexicon.segmenter import dictionary_tag

#: how many times as often as any other homophone a spelling must occur to fix a slip
DOMINANT = 10
#: longest word a run of Latin initials may stand for (yjs 研究生), in characters
INITIALS_MAX = 4
_INITIALS = re.compile(rf"[a-z]{{{MIN_CHARS},{INITIALS_MAX}}}")
#: negation characters: a token holding one is a verb with its negation, never a slip
_NEGATION = re.compile(r"[不没未别]")


class Vocabulary(Protocol):
    """What spelling reads of a corpus's words."""

    def vocabulary(self) -> Mapping[str, int]: ...
    def segment(self, text: str) -> list[str]: ...
    def frequency(self, word: str) -> int: ...
    def unused(self, word: str) -> bool: ...
    def uses(self, word: str) -> bool: ...


class Spellings:
    """Slips, abbreviations and paraphrases of a corpus's words (memoised per word)."""

    def __init__(self, terms: Vocabulary) -> None:
        self._terms = terms
        self._lock = threading.Lock()
        self._by_char: dict[str, set[str]] | None = None
        self._sound_index = SoundIndex()
        self._sounds_like: dict[str, frozenset[str]] = {}

    def homophone_in_corpus(self, word: str) -> bool:
        """True when the corpus uses a word that sounds the same and shares a character
        (高薪区 typed for 高新区, 人材 for 人才): a pinyin input slip, not a thing the
        documents lack."""
        return bool(self._homophones(word))

    def _homophones(self, word: str) -> frozenset[str]:
        """Corpus spellings that sound like ``word`` (memoised per word: the slip check
        and the unseen check ask about the same words)."""
        found = self._sounds_like.get(word)
        if found is None:
            key, n = sound(word), len(word)
            sharing = self._sharing(word)
            windows = {other[i:i + n] for other in sharing
                       for i in range(len(other) - n + 1)} - {word}
            # a real word is mistyped only for another word the documents write as a word
            # or begin one with (高薪 for 高新 of 高新区), not for two characters that
            # merely meet in the corpus (新添 is not 创新天地's 新天, 留人 not 交流人员's 流人)
            real = bool(dictionary_tag(word))
            heads = {other[:n] for other in sharing}
            found = frozenset(w for w in windows if sound(w) == key
                              and (not real or (dictionary_tag(w) and w in heads)))
            if not found and not real:  # speech input: 清岭 for 青领
                found = self._sound_index.words(key, self._terms.vocabulary())
            if not found and not real and not verb_and_measure(word):
                # a pinyin keyboard types no tones: a non-word may be a slip in any tone
                # or reading (审皮 for 审批, 蚌部 for 蚌埠); a real word only in its own
                # (失业 is not 事业)
                found = frozenset(w for w in windows if sounds_alike(word, w))
            self._sounds_like[word] = found
        return found

    def slips(self, text: str) -> dict[str, str]:
        """Input slips in ``text`` -> the corpus's spelling: words of two or more Chinese
        characters the corpus never uses, each with one homophone it uses far more than
        any other (高薪 -> 高新, 补帖 -> 补贴, 人材 -> 人才). Words are taken from
        normalised ``text``. Question phrasing competes as a spelling (能补 may be 能不 of
        能不能: left as typed) but is never the fix (那篇 is not 哪篇文章's 哪篇)."""
        out = {}
        for word in self._terms.segment(text):
            if not self._terms.unused(word) or _NEGATION.search(word):
                continue  # 是不(是不要房租) is a verb and a negation, not a slip for 是否
            if noun_with_localizer(word) and self._terms.uses(word[:-1]):
                continue  # 人里 of 「从哪些人里选」 is 人 and a localizer, not a slip for 人力
            found = self._homophones(word)
            if found:
                fix = self._likeliest(found)
                if fix is not None and self._terms.uses(fix):
                    out[word] = fix
            elif len(word) == MIN_CHARS + 1:
                # the segmenter may have joined a slip to a function character beside it
                # (审皮要 of 审皮要几天); not so 保险金, a word the corpus lacks
                pieces = ((word[:-1],) if word[-1] in function_chars() else ()) + (
                    (word[1:],) if word[0] in function_chars() else ())
                for piece in pieces:
                    near = self._homophones(piece) if self._terms.unused(piece) else frozenset()
                    fix = self._likeliest(near) if near else None
                    if fix is not None and self._terms.uses(fix):
                        out[piece] = fix
        return out

    def abbreviated(self, letters: str) -> str | None:
        """The word of the domain (:func:`lexicon.domain_words`) that Latin ``letters`` (two
        to four, lower case) abbreviate by their pinyin initials, as fast typists write
        them (rc 人才, bs 博士, yjs 研究生): of those the documents use, the only one, or
        the one they use far more than any other (:meth:`_likeliest`); None when there is
        none or no clear one."""
        if not _INITIALS.fullmatch(letters):
            return None
        found = frozenset(w for w in domain_by_initials().get(letters, ()) if self._terms.uses(w))
        return self._likeliest(found) if found else None

    def paraphrase(self, word: str) -> str | None:
        """The corpus word for ``word``, a noun it never uses that no keyboard slip explains:
        one the dictionary glosses with the same English sense and that shares a character
        with it (薪水 -> 薪资 「salary」, 工坊 -> 工作室 「workshop」), the notice's word for
        what the asker names in everyday words. Of several, the one sharing the most
        senses, then the one the corpus uses most; None when there is none."""
        if not self._terms.unused(word) or self._homophones(word):
            return None
        found = [(bool(set(other) & set(word)), len(senses), self._terms.frequency(other), other)
                 for other, senses in partner_words(word).items() if self._terms.uses(other)]
        return max(found)[-1] if found else None

    def _likeliest(self, spellings: frozenset[str]) -> str | None:
        """The one corpus spelling a slip stands for: the only one, or one the corpus uses
        DOMINANT times as often as any other (人材: 人才 in 279 sentences, 人财 in 1), as
        a pinyin keyboard offers its commonest word first; None when that is unclear."""
        if len(spellings) == 1:  # no corpus count needed
            return next(iter(spellings))
        ranked = sorted(((self._terms.frequency(w), w) for w in spellings), reverse=True)
        if ranked[0][0] >= DOMINANT * max(1, ranked[1][0]):
            return ranked[0][1]
        return None

    def _sharing(self, word: str) -> set[str]:
        """Corpus words (up to six characters) that share one of ``word``'s characters."""
        vocabulary = self._terms.vocabulary()
        with self._lock:
            if self._by_char is None:
                by_char: dict[str, set[str]] = defaultdict(set)
                # phrasing words are spellings a slip may stand for as well: 能补 sounds
                # like 能部 (of 职能部门) and 能不 (of 能不能), so it is not respelled
                for w in (*vocabulary, *question_phrases()):
                    if MIN_CHARS <= len(w) <= 6:
                        for ch in set(w):
                            by_char[ch].add(w)
                self._by_char = by_char
        return set().union(*(self._by_char.get(ch, set()) for ch in set(word)))


#: characters a run across a word's edge must have for the documents' use of it to show
#: that the word was cut out of a longer one (一次性 of 一次性能, 高技能 of 高技能培训)
EDGE_RUN = 3


def respelled(text: str, word: str, fix: str, uses: Callable[[str], bool]) -> str:
    """``text`` with ``word`` written as ``fix`` wherever it is a word of its own: not
    where a run of ``EDGE_RUN`` characters across either of its edges is one the
    documents write (``uses``) and the new spelling would break, for there the segmenter
    cut the word out of a longer one (「一次性能给多少」 is 一次性 and 能, not 性能;
    「高技能培训中心」 keeps 高技能).

    >>> used = {"一次性", "高技能", "生活补"}.__contains__
    >>> respelled("一次性能给多少，性能如何", "性能", "功能", used)
    '一次性能给多少，功能如何'
    >>> respelled("生活补帖多少", "补帖", "补贴", used)
    '生活补贴多少'
    """
    out: list[str] = []
    at = 0
    for found in re.finditer(re.escape(word), text):
        start, end = found.span()
        runs = (text[max(0, i):i + EDGE_RUN] for i in (start - 2, start - 1, end - 2, end - 1)
                if i >= 0 and i + EDGE_RUN <= len(text))
        window = text[max(0, start - 2):start] + fix + text[end:end + 2]
        cut = any(uses(run) for run in runs if run not in window)
        out.append(text[at:start] + (word if cut else fix))
        at = end
    return "".join(out) + text[at:]


def inside_places(query: str, word: str, places: Sequence[Mention]) -> bool:
    """True when ``word`` is written in ``query`` only where it overlaps one of
    ``places`` (named there)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(word), query)]
    return bool(spans) and all(any(p.start < end and start < p.end for p in places)
                               for start, end in spans)
