"""Near-synonyms of an unseen word by the index's real query embedder (slow: loads the
default models). The threshold must take the documents' word for an everyday one and
leave unrelated words apart; with the hash stand-in no two words are near."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from app.answer.config import AnswerConfig
from app.answer.near_words import near_word
from index import DEFAULT_MODEL
from index.embedder import load_embedder

THRESHOLD = AnswerConfig().near_word_similarity


@pytest.fixture(scope="module")
def embed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], np.ndarray]:
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYQA_MODEL_CACHE", str(tmp_path_factory.mktemp("models")))
    mp.setenv("HF_HUB_OFFLINE", "1")
    embedder = load_embedder(DEFAULT_MODEL)
    yield lambda word: embedder.embed_queries([word])[0]
    mp.undo()


@pytest.mark.slow
@pytest.mark.parametrize(("word", "theirs"), [
    ("手艺", "技艺"), ("评级", "评价"), ("办事", "办理"), ("圈子", "圈层"),
    ("招人", "招聘"), ("租房", "租赁"), ("低息贷款", "贴息贷款"),
])
def test_an_everyday_word_finds_the_documents_word(embed: Callable[[str], np.ndarray],
                                                  word: str, theirs: str) -> None:
    assert near_word(word, ["公寓", "补贴", theirs], embed, THRESHOLD) == theirs


@pytest.mark.slow
@pytest.mark.parametrize("word", ["手艺", "评级", "办事", "圈子", "交易", "晚点"])
def test_unrelated_words_are_not_near(embed: Callable[[str], np.ndarray], word: str) -> None:
    assert near_word(word, ["公寓", "补贴", "论文", "医院", "船舶"], embed, THRESHOLD) is None


@pytest.mark.slow
@pytest.mark.parametrize(("word", "other"), [("年龄", "青年"), ("利率", "资金"),
                                             ("失业", "就业"), ("公积金", "住房补贴")])
def test_a_shared_character_or_topic_is_not_a_synonym(embed: Callable[[str], np.ndarray],
                                                      word: str, other: str) -> None:
    assert near_word(word, [other], embed, THRESHOLD) is None


def test_the_hash_stand_in_finds_no_near_word() -> None:
    hashed = load_embedder("hash")
    assert near_word("手艺", ["技艺", "技能"], lambda w: hashed.embed_queries([w])[0],
                     THRESHOLD) is None
