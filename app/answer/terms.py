"""The content words a question asks about, weighted by how rare they are in the corpus.

Words come from jieba's segmentation of the question's content (phrasing such as
多少 or 有没有 is removed first), folded by the lexicon's synonyms. A word's weight is
its inverse sentence frequency in the corpus; a word the corpus never uses gets the
largest weight, because it names something the documents may not cover. Whether
evidence holds these words is :mod:`app.answer.presence`.

>>> words("工作每月生活补贴")
('工作', '每月', '生活', '补贴')
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

import jieba

from app.answer.presence import NUMBERED, spells_out
from app.answer.scoring import folded, normalise
from app.answer.spelling import Spellings
from app.answer.wordclass import (
    MIN_CHARS,
    guessed_pair,
    names_thing,
    parts,
    rejoined,
)
from lexicon import (
    NUMERAL_CHARS,
    counted_pattern,
    function_chars,
    general_stop_words,
    localizers,
    question_phrases,
    umbrella_words,
    whereabouts_words,
)
from lexicon.dictionary import glossed, plain_of_erhua
from lexicon.segmenter import JIEBA_LOCK, dictionary_tag

#: characters of the question read past a word the segmenter may have cut wrongly
CUT_READ = 2
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_NUMERAL_START = re.compile(rf"[{NUMERAL_CHARS}0-9]")
_LATIN = re.compile(r"[A-Za-z]+")


def _segment(text: str) -> list[str]:
    with JIEBA_LOCK:  # jieba's lazy initialisation is not thread-safe
        return jieba.lcut(text, HMM=True)


@lru_cache(maxsize=100_000)
def words(segment: str) -> tuple[str, ...]:
    """Content words of one question segment (two characters or more, no phrasing, no
    count such as 一家 or 五个 unless a numeral follows it: 八个一 names a measure)."""
    phrasing = set(question_phrases())
    out = []
    tokens = rejoined(_segment(normalise(segment)))
    for word, after in zip(tokens, [*tokens[1:], ""], strict=True):
        if (len(word) < MIN_CHARS or word in phrasing or all(ch in function_chars() for ch in word)
                or (counted_pattern().fullmatch(word) and not _NUMERAL_START.match(after))):
            continue
        out.append(word)
    return tuple(out)


@cache
def _never_unseen() -> frozenset[str]:
    """Words that never name a missing thing: umbrella words, general stop words and the
    words for the whole country (大陆, 内地: where, not what)."""
    return umbrella_words() | general_stop_words() | frozenset(whereabouts_words()[2])


@cache
def _umbrella_pattern() -> re.Pattern[str]:
    words = sorted(umbrella_words(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def without_umbrella(segments: Iterable[str]) -> tuple[str, ...]:
    """Question segments with umbrella words (资金, 待遇 …) cut out: they name no
    particular benefit, so their characters are no key a sentence must contain.

    >>> without_umbrella(["威海对博士有哪些资金支持"])
    ('威海对博士有哪些',)
    """
    out = (part for s in segments for part in _umbrella_pattern().split(s))
    return tuple(part for part in out if part.strip())


#: shortest word checked for a coordination that writes its shared part once
ELIDED_MIN_CHARS = 3
#: the enumeration comma that joins coordinated modifiers (中、初级)
COORDINATION = "、"
#: what may sit between a modifier and the shared rest: up to three coordinated modifiers
_COORDINATED = rf"(?:{COORDINATION}[\u4e00-\u9fff]{{1,3}}){{1,3}}"


@lru_cache(maxsize=4096)
def _elision(word: str) -> re.Pattern[str]:
    """``word`` with coordinated modifiers allowed after any of its first characters,
    leaving a shared rest of two characters or more.

    >>> pattern = _elision("中级职称")
    >>> bool(pattern.search("中、初级职称评审")), bool(pattern.search("中级、职称"))
    (True, False)
    """
    splits = (re.escape(word[:i]) + _COORDINATED + re.escape(word[i:])
              for i in range(1, len(word) - 1))
    return re.compile("|".join(splits))


def _abbreviation(word: str) -> bool:
    """True when ``word`` is a numeral abbreviation as a whole: a numeral and one character
    (三专), or a numeral, 个 and its head (四个集中); not 四共指, the abbreviation 四共 and
    the verb after it.

    >>> _abbreviation("三专"), _abbreviation("四个集中"), _abbreviation("四共指")
    (True, True, False)
    """
    m = NUMBERED.fullmatch(word)
    return m is not None and (len(m.group(2)) == 1 or "个" in word)


class TermWeights:
    """Sentence frequencies of the corpus's words (segmented once, on first use)."""

    def __init__(self, sentences: Iterable[str], raw: Iterable[str] = ()) -> None:
        """``sentences`` normalised; ``raw`` the same sentences as written, of which those
        with a coordination are kept folded, punctuation and all (see :meth:`_elided`)."""
        self._sentences = list(sentences)
        self._coordinated = [folded(s) for s in raw if COORDINATION in s]
        self._df: Counter[str] | None = None
        self._lock = threading.Lock()
        self._counted: dict[str, int] = {}
        self._written_out: dict[str, bool] = {}
        self.spellings = Spellings(self)  # slips, abbreviations, paraphrases

    def _load(self) -> Counter[str]:
        with self._lock:
            if self._df is None:
                df: Counter[str] = Counter()
                for sentence in self._sentences:
                    df.update(set(_segment(sentence)))
                self._df = df
            return self._df

    def weights(self, segments: Iterable[str]) -> dict[str, float]:
        """Question words -> weight (inverse sentence frequency; unseen: the largest)."""
        df = self._load()
        n = len(self._sentences)
        unseen = math.log((n + 1) / 0.5)
        out: dict[str, float] = {}
        for segment in segments:
            for word in words(segment):
                for key in self._verb_led(word):
                    count = df[key] if key in df else self._count(key)
                    out[key] = math.log((n + 1) / (count + 0.5)) if count else unseen
        return out

    def _verb_led(self, word: str) -> tuple[str, ...]:
        """``word``, or the words the corpus uses inside it when the rest of it is only
        one-character verbs: the segmenter joins a verb to its object (评职称, 领补贴), and
        a notice that writes 职称 holds what is asked; not 人才房 (房 is a noun: a talent
        flat is more than 人才) nor a word the corpus uses. A guess that runs a localizer into
        the corpus word after it (上科捷 of 「招聘会上科捷智能」) is that word."""
        if self.uses(word):
            return (word,)
        if (len(word) > MIN_CHARS and word[0] in localizers() and not dictionary_tag(word)
                and self.uses(word[1:])):
            return (word[1:],)  # 招聘会上/科捷: the segmenter ran 上 into the name after it
        # a dictionary word, so a verb before part of a corpus word stays a question of
        # its own (做磁光 of 做磁光芯片, where the corpus only writes 磁光克尔)
        inside = [p for p in parts(word) if dictionary_tag(p) and self.uses(p)]
        inside = [p for p in inside if not any(p != o and p in o for o in inside)]
        covered = {i for p in inside for at in (word.find(p),) for i in range(at, at + len(p))}
        rest = [ch for i, ch in enumerate(word) if i not in covered]
        if inside and rest and all(dictionary_tag(ch).startswith("v") for ch in rest):
            return tuple(inside)
        return (word,)

    def unseen(self, segments: Iterable[str], query: str) -> tuple[str, ...]:
        """Nouns of the question the corpus never uses, even in part (月租金 when neither it
        nor 租金 occurs; not 总体目标 when 总体 and 目标 both do): the things it asks
        about that these documents cannot hold; nor a used noun with a place word after it
        (局里, 网上), nor an erhua form of a used or one-character word (事儿), nor a Latin
        word (a loan in a Chinese question: offer, HR), nor a fragment neither jieba's
        dictionary nor CC-CEDICT holds (最多值 of 「最多值多少」).
        Umbrella words (资金, 待遇) are never unseen: any benefit the documents name answers
        them; nor are general function words a tagger may call nouns (专门, 全部: the
        lexicon's stop words), nor words for the whole country (大陆)."""
        text = normalise(query)
        never = _never_unseen()
        out = []
        for segment in segments:
            for word in words(segment):
                if word in never or self.uses(word) or _LATIN.fullmatch(word):
                    continue  # cheap checks first: the tagger runs only for absent words;
                    #           a Latin word in a Chinese question is a loan (offer, HR)
                if word[-1] in localizers() and self.uses(word[:-1]):
                    continue  # 局里 asks about the 局 the documents name
                plain = plain_of_erhua(word)
                if plain is not None and (len(plain) < MIN_CHARS or plain in never
                                          or self.uses(plain)):
                    continue  # 事儿 is 事: northern speech's 儿 names nothing new
                if not dictionary_tag(word) and not glossed(word) and not _abbreviation(word):
                    continue  # no dictionary holds it: the segmenter's fragment (最多值 of
                    #           「最多值多少」, 四共指 of 「四共指的哪几样」), not a thing;
                    #           a numeral abbreviation (三专) is checked below
                if self._cut_off(word, text) or self._verb_led(word) != (word,):
                    continue
                if not names_thing(word, query) or guessed_pair(word):
                    continue
                inside = parts(word)
                if inside and all(self.uses(p) for p in inside):
                    continue
                if self.spelled_out(word):
                    continue
                if not self.spellings.homophone_in_corpus(word):
                    out.append(word)
        return tuple(dict.fromkeys(out))

    def token(self, word: str, query: str) -> bool:
        """True when the corpus's own segmentation has ``word`` as a word and the question
        does not merely cut it from its neighbours (复产应 of 复工复产应, 中老年 of
        家中老年亲属, where the corpus writes 老年亲属)."""
        return bool(self._load().get(word)) and not self._cut_off(word, normalise(query))

    def _cut_off(self, word: str, text: str) -> bool:
        """True when the segmenter joined a word's end character to its neighbour: read
        without it and on for CUT_READ characters, the question writes what the corpus
        writes (做磁光 of 做磁光克尔显微镜: 磁光克尔); for two characters, a word of the
        corpus's own (性能 of 一次性能: 一次性; not 工坊 of 大师工坊, only in 大师工作室)."""
        if len(word) < MIN_CHARS:
            return False
        at = text.find(word)
        if at < 0:
            return False
        after = text[at + 1: at + len(word) + CUT_READ]
        before = text[max(0, at - CUT_READ): at + len(word) - 1]
        found = self.uses if len(word) > MIN_CHARS else self._load().get
        return any(len(t) >= len(word) + 1 and _HAN.fullmatch(t) and found(t)
                   for t in (after, before))

    def spelled_out(self, word: str) -> bool:
        """True when the corpus writes ``word`` out in another regular form (memoised per
        word): a numeral abbreviation's items, or a coordination."""
        found = self._written_out.get(word)
        if found is None:
            found = self._written_out[word] = self._enumerated(word) or self._elided(word)
        return found

    def _enumerated(self, word: str) -> bool:
        """True when ``word`` is a numeral abbreviation (五专, 四个集中) and one corpus
        sentence spells it out: it holds the head that many times (专区、专窗、专线、专网、
        专员 for 五专)."""
        m = NUMBERED.fullmatch(word)
        return m is not None and any(spells_out(word, s) for s in self._sentences
                                     if m.group(2) in s)

    def _elided(self, word: str) -> bool:
        """True when the corpus holds ``word`` with a coordinated modifier inserted and the
        shared part written once (中、初级职称 holds 中级职称; 月、年租金 holds 月租金)."""
        if len(word) < ELIDED_MIN_CHARS:
            return False
        pattern = _elision(word)
        return any(pattern.search(s) for s in self._coordinated)

    def uses(self, word: str) -> bool:
        """True when a sentence holds normalised ``word`` (as a word or inside one)."""
        df = self._load()
        return bool(df.get(word) or self._count(word))

    def together(self, words: Iterable[str]) -> bool:
        """True when one sentence holds every one of ``words`` (normalised)."""
        wanted = [w for w in map(normalise, words) if w]
        return bool(wanted) and any(all(w in s for w in wanted) for s in self._sentences)

    def vocabulary(self) -> Counter[str]:
        """The corpus's words (as segmented) -> the sentences holding each."""
        return self._load()

    def segment(self, text: str) -> list[str]:
        """The words of ``text`` once normalised, as the corpus's are segmented."""
        return _segment(normalise(text))

    def frequency(self, word: str) -> int:
        """Sentences holding ``word`` (as a word, else as a substring)."""
        return self._load().get(word) or self._count(word)

    def unused(self, word: str) -> bool:
        """A Chinese word of two or more characters no sentence holds."""
        return (len(word) >= MIN_CHARS and _HAN.fullmatch(word) is not None
                and word not in self._load() and not self._count(word))

    def _count(self, word: str) -> int:
        """Sentences containing ``word`` as a substring (for words segmented otherwise in
        the corpus), counted once per word."""
        found = self._counted.get(word)
        if found is None:
            found = self._counted[word] = sum(1 for s in self._sentences if word in s)
        return found
