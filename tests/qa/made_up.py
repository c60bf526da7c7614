"""A made-up corpus for tests of the answer rules: documents written as (title, region,
body), each retrieved whole in the order given, and the engine's candidate and decision
steps over them, with no index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.answer.config import AnswerConfig
from app.answer.evidence import Candidate, candidates, with_document_lines
from app.answer.plan import (
    CorpusView,
    anchored,
    asked_region,
    decide_for_years,
    read_question,
)
from app.answer.question import QuestionInfo
from app.answer.rules import Decision
from index.types import Hit
from ingest.types import Chunk, Document

#: a 南阳 notice that waives a year's rent and then halves it: how long the waiver lasts is
#: stated, how long the half-price renewal lasts is not
RENT_WAIVER = {"w": ("某区人才公寓政策", "南阳市",
                     "打造人才公寓，对确定就职的高校毕业生减免1年房租，到期后可按市场价格半价续租。")}


@dataclass(frozen=True)
class MadeUp:
    """Documents keyed by id, their sentence and term view, and one whole-text hit each."""

    documents: dict[str, Document]
    view: CorpusView

    @classmethod
    def of(cls, texts: Mapping[str, tuple[str, str | None, str]],
           dates: Mapping[str, str] | None = None) -> MadeUp:
        """``texts``: doc id -> (title, region, body); a document's text is title + body;
        ``dates``: doc id -> its date (ISO), where it has one."""
        dates = dates or {}
        documents = {key: Document(key, f"{key}.txt", title, None, dates.get(key), None,
                                   region, f"{title}\n{body}", "")
                     for key, (title, region, body) in texts.items()}
        return cls(documents, CorpusView(documents))

    def hits(self) -> list[Hit]:
        """Every document as one chunk, ranked in the order the documents were given."""
        return [Hit(chunk=Chunk(f"{d.doc_id}-0", d.doc_id, d.source, d.title, 0, "", None, 0,
                                len(d.text), d.text), score=1.0 / rank, rank=rank)
                for rank, d in enumerate(self.documents.values(), start=1)]

    def candidates(self, question: str, config: AnswerConfig | None = None, *,
                   introduction: bool = False) -> tuple[QuestionInfo, list[Candidate]]:
        """The question read and its scored candidate sentences, the asked place compared
        (``introduction``: the asker's introduction of themselves weighed as an aside)."""
        q = read_question(question, (), self.view)
        _, place = asked_region(q, None, self.view.regions)
        config = config or AnswerConfig()
        keys, terms = self.view.weights(q, config, introduction=introduction)
        found = candidates(q, self.hits(), self.documents, self.view.sentences,
                           keys, config, place, terms)
        found = with_document_lines(q, found, self.documents, self.view.sentences, config)
        return q, anchored(found, self.view.anchors(q, config.anchor_documents))

    def scores(self, question: str, config: AnswerConfig | None = None) -> dict[str, float]:
        """Candidate sentence text -> evidence score."""
        return {c.sentence.text: c.score for c in self.candidates(question, config)[1]}

    def decide(self, question: str, config: AnswerConfig | None = None, *,
               introduction: bool = False) -> Decision:
        """The rules' decision over the candidates, with the question's unseen nouns."""
        q, cands = self.candidates(question, config, introduction=introduction)
        config = config or AnswerConfig()
        keys, _ = self.view.weights(q, config, introduction=introduction)
        return decide_for_years(q, cands, config, keys, self.view.unseen(q))
