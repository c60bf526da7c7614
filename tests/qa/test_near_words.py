"""Near-synonyms of an unseen word by the index's real query embedder (slow: loads the
default models). The threshold must take the documents' word for an everyday one and
leave unrelated words apart; with the hash stand-in no two words are near."""

from __future__ import annotations

import numpy as np
import pytest

from app.answer.config import AnswerConfig
from app.answer.near_words import WordVectors, near_word
from index import DEFAULT_MODEL
from index.embedder import load_embedder

THRESHOLD = AnswerConfig().near_word_similarity


@pytest.fixture(scope="module")
def embed(tmp_path_factory: pytest.TempPathFactory) -> WordVectors:
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYQA_MODEL_CACHE", str(tmp_path_factory.mktemp("models")))
    mp.setenv("HF_HUB_OFFLINE", "1")
    embedder = load_embedder(DEFAULT_MODEL)
    yield WordVectors(embedder.embed_queries)
    mp.undo()


@pytest.mark.slow
@pytest.mark.parametrize(("word", "theirs"), [
    ("手艺", "技艺"), ("评级", "评价"), ("办事", "办理"), ("圈子", "圈层"),
    ("招人", "招聘"), ("租房", "租赁"), ("低息贷款", "贴息贷款"),
])
def test_an_everyday_word_finds_the_documents_word(embed: WordVectors,
                                                  word: str, theirs: str) -> None:
    assert near_word(word, ["公寓", "补贴", theirs], embed, THRESHOLD) == theirs


@pytest.mark.slow
@pytest.mark.parametrize("word", ["手艺", "评级", "办事", "圈子", "交易", "晚点"])
def test_unrelated_words_are_not_near(embed: WordVectors, word: str) -> None:
    assert near_word(word, ["公寓", "补贴", "论文", "医院", "船舶"], embed, THRESHOLD) is None


@pytest.mark.slow
@pytest.mark.parametrize(("word", "other"), [("年龄", "青年"), ("利率", "资金"),
                                             ("失业", "就业"), ("公积金", "住房补贴")])
def test_a_shared_character_or_topic_is_not_a_synonym(embed: WordVectors,
                                                      word: str, other: str) -> None:
    assert near_word(word, [other], embed, THRESHOLD) is None


def test_the_hash_stand_in_finds_no_near_word() -> None:
    hashed = load_embedder("hash")
    assert near_word("手艺", ["技艺", "技能"], WordVectors(hashed.embed_queries),
                     THRESHOLD) is None


@pytest.mark.slow
def test_a_word_embedded_in_a_batch_is_the_word_embedded_alone(embed: WordVectors) -> None:
    words = ["手艺", "技艺", "人才公寓", "低息贷款", "招"]
    batched = embed.of(words)
    for word in words:
        alone = WordVectors(embed._embed_many).of([word])[word]
        assert alone is not None and np.allclose(batched[word], alone, atol=1e-4), word


def test_the_store_embeds_each_word_once_and_starts_afresh_when_full() -> None:
    calls: list[list[str]] = []

    def embed_many(words: list[str]) -> np.ndarray:
        calls.append(list(words))
        return np.asarray([[len(w), 1.0] for w in words])

    store = WordVectors(embed_many, max_words=3)
    store.of(["技艺", "技能"])
    store.of(["技能", "公寓"])
    assert calls == [["技艺", "技能"], ["公寓"]]
    store.of(["补贴", "手艺"])  # 3 known + 2 new > 3: start afresh
    assert calls[-1] == ["补贴", "手艺"] and set(store.of(["补贴"])) == {"补贴"}
    assert len(calls) == 3
    zero = WordVectors(lambda ws: np.zeros((len(ws), 2)))
    assert zero.of(["空"]) == {"空": None}
