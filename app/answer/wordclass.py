"""What kind of word a question word is, read from jieba's tagger and dictionary and
from pypinyin: a noun or not (a thing the documents could lack), the dictionary words
inside it, and its sound (for input slips). Used by :mod:`app.answer.terms`.

>>> parts("个人所得税")
['个人', '个人所得', '所得', '所得税']
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from collections import defaultdict
from collections.abc import Mapping
from functools import cache, lru_cache

import jieba
import jieba.posseg
from pypinyin import Style, lazy_pinyin, pinyin

from app.answer.scoring import normalise
from lexicon import (
    domain_words,
    function_chars,
    localizers,
    modal_chars,
    short_measure_chars,
)
from lexicon.dictionary import idiom
from lexicon.segmenter import JIEBA_LOCK, dictionary_tag, dictionary_verb

MIN_CHARS = 2
NOUN_TAGS = frozenset({"vn", "j", "eng"})


#: jieba's tags for words that name nothing (ICTCLAS set): adverbs (一直), localizers
#: (以后), conjunctions (接着), pronouns, prepositions, particles, interjections and
#: onomatopoeia; not time words, a class that holds 过期 (expired) as well as 将来
FUNCTION_TAGS = frozenset("dfcrpuyeo")


def function_word(word: str) -> bool:
    """True when jieba's dictionary gives ``word`` a tag that names nothing (一直/d,
    以后/f); a word it does not hold is not one.

    >>> function_word("一直"), function_word("以后"), function_word("签证"), function_word("免完")
    (True, True, False, False)
    """
    tag = dictionary_tag(word)
    return bool(tag) and tag[0] in FUNCTION_TAGS


def names_thing(word: str, query: str) -> bool:
    """True when ``word`` of ``query`` names a thing: the tagger calls it a noun there, or
    it is a noun the tagger cut apart, or a compound headed by a dictionary noun
    (个人所得税). Only such a word can be something the documents lack.

    >>> names_thing("场馆", "在哪个场馆开的"), names_thing("合办", "要跟企业合办哪些学院")
    (True, False)

    One character before the measure word 个 is a verb and its measure (评个 in 能评个什么
    称号, 办个) or a pronoun (这个): it names nothing whatever the tagger says.

    >>> names_thing("评个", "能评个什么称号"), names_thing("哪年哪月", "是哪年哪月提出的")
    (False, False)
    """
    if (len(word) == 2 and word[1] == "个") or "哪" in word:
        return False  # 哪年哪月 (an idiom the dictionary holds) asks; it names nothing
    return (word in nouns(query) or cut_apart_noun(word, normalise(query))
            or noun_headed(word) or _verb_fused(word, query))


def _verb_fused(word: str, query: str) -> bool:
    """True when the tagger joined a one-character verb to ``word``, a dictionary noun,
    and called the pair a noun (交个税 of 「要不要交个税」).

    >>> _verb_fused("个税", "要不要交个税"), _verb_fused("个税", "个税有优惠吗")
    (True, False)
    """
    return _is_noun(dictionary_tag(word)) and any(
        len(t) == len(word) + 1 and t.endswith(word) and dictionary_tag(t[0]).startswith("v")
        for t in nouns(query))


def noun_with_localizer(word: str) -> bool:
    """True for a noun with a place word after it (人里, 市里, 单位内): the place word says
    where among the noun's things, and the two make no misspelt word; a verb before it
    may (管里 for 管理).

    >>> noun_with_localizer("人里"), noun_with_localizer("管里")
    (True, False)
    """
    return word[-1:] in localizers() and dictionary_tag(word[:-1]).startswith("n")


def modal_led(word: str) -> bool:
    """True when ``word`` is a modal verb and the one-character verb after it (能带 in
    每年能带出来, 能免): two words the segmenter joined, however its dictionary tags the
    pair.

    >>> modal_led("能带"), modal_led("能免"), modal_led("能力"), modal_led("带来")
    (True, True, False, False)
    """
    return (len(word) == MIN_CHARS and word[0] in modal_chars()
            and dictionary_verb(word[1]))


def verb_and_measure(word: str) -> bool:
    """True when ``word`` is a one-character verb and the short form of 一点, 一个 … after
    it (搞点 of 「搞点活动」, 办个): two words, never a keyboard slip for another word.

    >>> verb_and_measure("搞点"), verb_and_measure("办个"), verb_and_measure("审皮")
    (True, True, False)
    """
    return (len(word) == MIN_CHARS and word[1] in short_measure_chars()
            and dictionary_verb(word[0]))


def set_phrase(word: str) -> bool:
    """True when ``word`` is an idiom: jieba tags it so or CC-CEDICT marks it (天花乱坠 of
    「吹得天花乱坠」, 石沉大海): a figure of speech around what is asked, never a thing the
    documents could lack.

    >>> set_phrase("天花乱坠"), set_phrase("石沉大海"), set_phrase("人才公寓")
    (True, True, False)
    """
    return dictionary_tag(word) == "i" or idiom(word)


def without_idioms(text: str) -> str:
    """``text`` with its set phrases (jieba's idioms, tagged i) blanked out: the words
    inside an idiom are not named by it (落户 of 安家落户, to settle down, is no household
    registration).

    >>> without_idioms("2023年在崂山安家落户的人才"), without_idioms("博士落户崂山")
    ('2023年在崂山    的人才', '博士落户崂山')
    """
    return "".join(" " * len(word) if flag == "i" else word for word, flag in _tagged(text))


@lru_cache(maxsize=100_000)
def nouns(text: str) -> frozenset[str]:
    """Words jieba tags as nouns (n…, vn, j, eng) in normalised ``text``; a verbal noun
    right before a verb is a verb there (预计 in 预计要吸引).

    >>> sorted(nouns("今年预计要吸引多少青年人才")), sorted(nouns("预计成本是多少"))
    (['人才'], ['成本', '预计'])
    """
    with JIEBA_LOCK:
        tagged = jieba.posseg.lcut(normalise(text))
    after = [*(t.flag for t in tagged[1:]), ""]
    return frozenset(t.word for t, nxt in zip(tagged, after, strict=True)
                     if _is_noun(t.flag) and not (t.flag == "vn" and nxt.startswith("v")))


@lru_cache(maxsize=100_000)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    with JIEBA_LOCK:
        return tuple((t.word, t.flag) for t in jieba.posseg.lcut(text))


def _is_noun(flag: str) -> bool:
    return flag.startswith("n") or flag in NOUN_TAGS


def cut_apart_noun(word: str, text: str) -> bool:
    """True when the tagger cut ``word`` into parts of ``text`` where the segmenter kept
    it whole, and those parts make a noun: headed by one (the last part of a Chinese
    compound), with no pronoun (个税 -> 个/m 税/n is a noun; 哪四共 -> 哪/r … is phrasing;
    面积 inside the tagger's 大面积 is not cut apart; 人能/领 is no noun: 领 is a verb).

    >>> cut_apart_noun("个税", "个税有优惠吗"), cut_apart_noun("哪四共", "是哪四共")
    (True, False)
    """
    tokens = _tagged(text)
    bounds, pos = {0}, 0
    for token, _ in tokens:
        pos += len(token)
        bounds.add(pos)
    start = text.find(word)
    end = start + len(word)
    if start < 0 or start not in bounds or end not in bounds:
        return False
    inner = _tagged(word)
    if len(inner) < 2 or not any(start < b < end for b in bounds):
        return False
    head, flag = inner[-1]
    if len(head) == 1:  # the tagger's guess for a lone character: its dictionary tag rules
        flag = dictionary_tag(head) or flag
    return _is_noun(flag) and not any(f.startswith("r") for _, f in inner)


def noun_headed(word: str) -> bool:
    """True when the dictionary's longest word that ends ``word`` (its head, shorter than
    it) is a noun: a compound the tagger may not call a noun as a whole (个人所得税, a
    fixed expression, headed by 所得税).

    >>> noun_headed("个人所得税"), noun_headed("要不要交")
    (True, False)
    """
    heads = [p for p in parts(word) if word.endswith(p)]
    if not heads:
        return False
    return _is_noun(dictionary_tag(max(heads, key=len)))


@lru_cache(maxsize=100_000)
def sound(word: str) -> tuple[str, ...]:
    """``word``'s pinyin with tones, one syllable per character (pypinyin). Tones keep
    words apart that only share their letters (失业 shi1 ye4, 事业 shi4 ye4).

    >>> sound("高薪") == sound("高新"), sound("人材") == sound("人才")
    (True, True)
    >>> sound("失业") == sound("事业")
    False
    """
    return tuple(lazy_pinyin(word, style=Style.TONE3, errors="default"))


def initials(word: str) -> str:
    """The first letters of ``word``'s syllables, as a fast typist abbreviates it (博士
    bs, 人才 rc, 研究生 yjs).

    >>> initials("人才"), initials("研究生")
    ('rc', 'yjs')
    """
    return "".join(s[0] for s in sound(word) if s)


@cache
def domain_by_initials() -> dict[str, tuple[str, ...]]:
    """The domain's words (:func:`lexicon.domain_words`) by their :func:`initials`."""
    out: dict[str, list[str]] = {}
    for word in sorted(domain_words()):
        out.setdefault(initials(word), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=20_000)
def readings(char: str) -> frozenset[str]:
    """Every toneless reading of one character (蚌: bang, beng …; pypinyin's heteronyms).

    >>> sorted(readings("埠")), "beng" in readings("蚌")
    (['bu'], True)
    """
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")[0])


def sounds_alike(word: str, other: str) -> bool:
    """True when ``word`` can be what a pinyin keyboard, which types no tones, offers for
    ``other``: each of its characters has, among its readings, the reading ``other`` gives
    that character in context (蚌部 for 蚌埠, 审皮 for 审批; not 各能 for 各大, though 能
    and 大 share a rare reading, tai: nobody types tai for 大 in 各大).

    >>> sounds_alike("蚌部", "蚌埠"), sounds_alike("审皮", "审批"), sounds_alike("审皮", "审核")
    (True, True, False)
    >>> sounds_alike("各能", "各大")
    False
    """
    if len(word) != len(other):
        return False
    meant = lazy_pinyin(other, style=Style.NORMAL, errors="default")
    return len(meant) == len(word) and all(
        m in readings(a) for a, m in zip(word, meant, strict=True))


def parts(word: str) -> list[str]:
    """Words of two characters or more inside ``word`` (jieba's full mode), itself excluded."""
    with JIEBA_LOCK:
        return [p for p in jieba.lcut(word, cut_all=True) if len(p) >= MIN_CHARS and p != word]


def guessed_pair(word: str) -> bool:
    """True when ``word`` is two characters the segmenter's dictionary lacks and one of
    them is a function character or a place word (人能 of 这样的人能评上, 里管 of 文章里管这
    叫): its guess at two words, not a name.

    >>> guessed_pair("人能"), guessed_pair("里管"), guessed_pair("大牛"), guessed_pair("能力")
    (True, True, False, False)
    """
    return (len(word) == MIN_CHARS and not dictionary_tag(word)
            and any(ch in function_chars() or ch in localizers() for ch in word))


def rejoined(tokens: list[str]) -> list[str]:
    """``tokens`` with two single characters in a row joined where the dictionary holds
    the pair as a common noun headed by a noun: the segmenter cuts 个税返还 into 个/税/返还
    though 个税 is a dictionary noun, and the question's topic would be lost (not 招/人:
    the dictionary's 招人 is a name, and 人 is who is hired); so too when it guessed a
    pair no dictionary holds that ends in the noun's first character (交个/税 -> 交/个税).

    >>> rejoined(["个", "税", "返还"]), rejoined(["学校", "招", "人"])
    (['个税', '返还'], ['学校', '招', '人'])
    >>> rejoined(["要", "不要", "交个", "税"])
    ['要', '不要', '交', '个税']
    >>> rejoined(["四共是", "哪"]), rejoined(["一次", "性能", "给"])
    (['四共', '是', '哪'], ['一次性', '能', '给'])
    """
    out: list[str] = []
    for token in tokens:
        if (len(token) == 1 and out and len(out[-1]) == 1
                and dictionary_tag(out[-1] + token) == "n"
                and dictionary_tag(token).startswith("n")):
            out[-1] += token
        elif (len(token) == 1 and out and len(out[-1]) == 2 and not dictionary_tag(out[-1])
                and dictionary_tag(out[-1][1] + token) == "n"
                and dictionary_tag(token).startswith("n")):
            # 交个/税: the segmenter's guess 交个 holds the first character of 个税
            head = out.pop()
            out += [head[0], head[1] + token]
        elif (len(token) == 2 and out and len(out[-1]) == 2 and token[1] in function_chars()
              and dictionary_tag(out[-1] + token[0])):
            # 一次/性能 of 一次性能给: the word before ends on the guess's first character
            out[-1] += token[0]
            out.append(token[1])
        elif (len(token) > 2 and token[-1] in function_chars() and not dictionary_tag(token)
              and not dictionary_tag(token[-2:])):
            # 四共是: a guess that runs a quoted term into the copula after it
            out += [token[:-1], token[-1]]
        else:
            out.append(token)
    return out


def names_word(word: str, text: str) -> bool:
    """``word`` occurs in ``text`` other than as a two-character span whose characters each
    end or begin a dictionary word with their neighbours outside it (科[技工]作者).

    >>> names_word("技工", "培养技工"), names_word("技工", "科技工作者")
    (True, False)
    """
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (len(word) == 2 and 0 < start < end < len(text)
                and dictionary_tag(text[start - 1:start + 1])
                and dictionary_tag(text[end - 1:end + 1])):
            return True
        start = text.find(word, start + 1)
    return False


#: the most spellings of a sound tried when looking for a corpus word that sounds the same
SOUND_SPELLINGS = 400
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


class SoundIndex:
    """A vocabulary's characters by syllable (with tone), built on first use, to find its
    words that sound exactly like a given one though sharing no character (清岭 -> 青领).

    >>> SoundIndex().words(sound("清岭"), {"青领": 1, "清廉": 1, "领导": 2})
    frozenset({'青领'})
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_syllable: dict[str, frozenset[str]] | None = None

    def words(self, key: tuple[str, ...], vocabulary: Mapping[str, int]) -> frozenset[str]:
        """Words of ``vocabulary`` (its own segmentation's words, not strings inside them:
        享平 of 共享平台 is no spelling of 想评) whose syllables and tones are ``key``; none
        when more than SOUND_SPELLINGS spellings would have to be tried. The index is built
        from the first vocabulary given."""
        with self._lock:
            if self._by_syllable is None:
                chars: dict[str, set[str]] = defaultdict(set)
                for ch in {ch for w in vocabulary for ch in w if _HAN_CHAR.fullmatch(ch)}:
                    chars[sound(ch)[0]].add(ch)
                self._by_syllable = {k: frozenset(v) for k, v in chars.items()}
        options = [self._by_syllable.get(syllable, frozenset()) for syllable in key]
        if math.prod(map(len, options)) > SOUND_SPELLINGS:
            return frozenset()
        return frozenset(w for w in map("".join, itertools.product(*options))
                         if vocabulary.get(w) and sound(w) == key)
