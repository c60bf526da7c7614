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


@lru_cache(maxsize=4096)
def dictionary_verb(word: str) -> bool:
    """True when jieba's dictionary tags ``word`` as a verb (v, vn, vd …): 申请, 入驻.

    >>> dictionary_verb("申请"), dictionary_verb("临江")
    (True, False)
    """
    with JIEBA_LOCK:
        tags = jieba.posseg.dt.word_tag_tab
        if not tags:  # loaded with the dictionary, on first use
            jieba.posseg.lcut("")
            tags = jieba.posseg.dt.word_tag_tab
        return tags.get(word, "").startswith("v")
