"""jieba, shared by every module that segments Chinese: one lock, because jieba's lazy
initialisation and its global dictionary are not thread-safe, and one log level."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)
#: held around every jieba call in the project (lexicon and answer engine alike)
JIEBA_LOCK = threading.Lock()


@lru_cache(maxsize=16_384)
def dictionary_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag for ``word`` ('' when it is no dictionary
    word): the tag a word carries out of context, where the tagger's own guess for an
    unknown split may be wrong.

    >>> dictionary_tag("申请"), dictionary_tag("税"), dictionary_tag("临江申请")
    ('v', 'n', '')
    """
    with JIEBA_LOCK:
        tags = jieba.posseg.dt.word_tag_tab
        if not tags:  # loaded with the dictionary, on first use
            jieba.posseg.lcut("")
            tags = jieba.posseg.dt.word_tag_tab
        return tags.get(word, "")


def dictionary_verb(word: str) -> bool:
    """True when jieba's dictionary tags ``word`` as a verb (v, vn, vd …): 申请, 入驻.

    >>> dictionary_verb("申请"), dictionary_verb("临江")
    (True, False)
    """
    return dictionary_tag(word).startswith("v")


def dictionary_parts(word: str) -> tuple[str, ...]:
    """The dictionary words jieba cuts ``word`` into (人才公寓 -> 人才, 公寓).

    >>> dictionary_parts("人才公寓")
    ('人才', '公寓')
    """
    with JIEBA_LOCK:
        return tuple(jieba.lcut(word, HMM=False))
