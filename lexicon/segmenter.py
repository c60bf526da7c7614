"""jieba, shared by every module that segments Chinese: one lock, because jieba's lazy
initialisation and its global dictionary are not thread-safe, and one log level."""

from __future__ import annotations

import logging
import threading

import jieba

jieba.setLogLevel(logging.WARNING)
#: held around every jieba call in the project (lexicon and answer engine alike)
JIEBA_LOCK = threading.Lock()
