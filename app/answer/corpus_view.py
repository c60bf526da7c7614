"""What the engine derives once from the documents: sentences and word weights.

:class:`CorpusView` splits every document into sentences with offsets, weighs the
question's words by how rare they are in them, and answers the questions the engine
asks of the corpus as a whole: does any sentence use this word, which nouns of the
question does no document use, which words name one document's subject.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.answer.choices import options
from app.answer.claims import reported
from app.answer.clauses import after_asking, asides, clauses
from app.answer.config import AnswerConfig
from app.answer.eligibility import degree_spellings, person_spellings, slot_persons
from app.answer.programmes import (
    NAME_SHARE,
    asked_names,
    closest_name,
    describes,
    quoted_names,
    quoted_one_by_one,
    unmarked,
    without_quoted,
)
from app.answer.question import QuestionInfo
from app.answer.romanised import PinyinIndex
from app.answer.scoring import document_frequencies, idf, key_bigrams, normalise
from app.answer.script import simplified
from app.answer.self_told import checked_thresholds, plans_move
from app.answer.sentence_view import SentenceViews
from app.answer.sentences import Sentence, SentenceTable, split_sentences
from app.answer.spelling import inside_places, respelled
from app.answer.story import aside_only, only_aside, said_after, story
from app.answer.terms import TermWeights, without_umbrella, words
from app.answer.wordclass import function_word, modal_led, names_thing, set_phrase
from ingest.types import Document
from lexicon import (
    complements,
    document_words,
    gazetteer,
    hedge_words,
    names_nothing,
    people_words,
    whereabouts_words,
    you_words,
)
from lexicon.dictionary import action_words
from lexicon.segmenter import dictionary_tag

logger = logging.getLogger(__name__)


#: a figure in a question with its unit (两年, 一个工作日, 两千来万人, 8000元), a bare number
#: of three digits or more (月薪8000), or a rough one (几百号人, 几十万); not a year (2023年)
_GUESS = re.compile(r"(?<![0-9零〇一二两三四五六七八九十百千万亿])(?!\d{4}年)"
                    r"(?:[0-9零〇一二两三四五六七八九十百千万亿]+(?:\.\d+)?[来余多几]?[十百千万亿]*个?"
                    r"(?:工作日|小时|个月|人次|万元|月份|元|年|天|月|周|人|套|家|名|岁|块)|\d{3,}(?![\d年])"
                    r"|几[十百千万亿]+[来余多]?(?:号人|个?(?:人次|万元|元|人|套|家|名|块))?)")


#: dictionary tags of a name: none (not in the dictionary), a place's, an organisation's, another
#: proper name or an abbreviation (北汽, 国企); not a person's, also given to 师傅 or 安家费
_NAME_TAGS = frozenset({"", "ns", "nt", "nz", "j"})
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")

#: kinds of fact a question may ask of a document it points at rather than of a topic
_OF_THE_DOCUMENT = frozenset({"date", "day", "year", "department"})


class CorpusView:
    """Sentences and bigram weights of a retriever's documents, computed once, thread-safe."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents
        # the regions the library's documents hold in (read once: documents are fixed)
        self.regions = frozenset(d.region for d in documents.values() if d.region)
        self._lock = threading.Lock()
        self._sentences: SentenceTable | None = None
        self._weights: dict[str, float] = {}
        self._unseen = 0.0
        self._terms: TermWeights | None = None
        self._using: dict[str, frozenset[str]] = {}
        self._doc_texts: dict[str, str] = {}
        self._quoted: dict[str, str] = {}  # the documents' quoted names, normalised -> written
        self._quoted_by_char: dict[str, set[str]] = {}  # a character -> the names holding it
        # the words and quoted names by their pinyin, indexed on first use
        self._pinyin = PinyinIndex(lambda: [*self._terms.vocabulary(), *self._quoted.values()]
                                   if self._terms is not None else [])
        self.views = SentenceViews()  # each sentence's question-independent reading

    def _load(self) -> SentenceTable:
        with self._lock:
            if self._sentences is None:
                table = {d: split_sentences(doc.text) for d, doc in self._documents.items()}
                texts = [normalise(s.text) for ss in table.values() for s in ss]
                self._weights = idf(document_frequencies(texts), len(texts))
                self._unseen = max(self._weights.values(), default=1.0)
                self._terms = TermWeights(texts, [s.text for ss in table.values() for s in ss])
                # each document's sentences, normalised, one a line (for documents_using)
                self._doc_texts = {d: "\n".join(normalise(s.text) for s in ss)
                                   for d, ss in table.items()}
                self._quoted = {normalise(n): simplified(n) for ss in table.values()
                                for s in ss for n in quoted_names(s.text) if normalise(n)}
                for key in self._quoted:
                    for ch in set(key):
                        self._quoted_by_char.setdefault(ch, set()).add(key)
                self._sentences = SentenceTable(self._documents, table)
                logger.info("answer engine: %d documents, %d sentences", len(table),
                            len(texts))
            return self._sentences

    @property
    def sentences(self) -> Mapping[str, tuple[Sentence, ...]]:
        """Sentences of every document, by doc_id."""
        return self._load()

    def prime(self) -> int:
        """Read every sentence's question-independent view now (:class:`SentenceViews`)
        instead of on the first question that retrieves it, and index the documents' words
        by pinyin (about 1 s per 50,000 words) instead of on the first English question;
        the number of sentences."""
        read = self.views.prime(self._documents, self._load())
        if self._terms is not None:
            self._pinyin.names()
        return read

    def keys(self, segments: Sequence[str], hints: Sequence[str] = (),
             hint_weight: float = 1.0) -> dict[str, float]:
        """Weighted content bigrams of a question (see :func:`scoring.key_bigrams`); the
        bigrams only ``hints`` (an English question's dictionary words) bring count
        ``hint_weight`` of their weight."""
        self._load()
        keys = key_bigrams(without_umbrella(segments), self._weights, self._unseen)
        if hints:
            for key, weight in key_bigrams(without_umbrella(hints), self._weights,
                                           self._unseen).items():
                keys.setdefault(key, weight * hint_weight)
        return keys

    def weights(self, q: QuestionInfo, config: AnswerConfig, *, introduction: bool = False
                ) -> tuple[dict[str, float], dict[str, float]]:
        """The question's weighted key bigrams (:meth:`keys`) and content words
        (:meth:`terms`), those only the asker's story holds (「我在车企做工程师。」 told before
        what is asked: :func:`app.answer.story.told_before`) or its remarks after it
        (:func:`app.answer.story.said_after`) at ``config.aside_weight``; with
        ``introduction``, the asker's introduction of themselves too
        (:func:`app.answer.story.introduced`)."""
        keys = self.keys(q.content, q.hints, config.hint_weight)
        terms = self.terms(q)
        if q.script == "en":
            return keys, terms
        keys, terms = aside_only(q.query, config.aside_weight, keys, terms,
                                 introduction=introduction)
        return keys, terms

    def correct(self, query: str) -> str:
        """``query`` with its pinyin input slips spelled as the documents spell them (see
        :meth:`app.answer.spelling.Spellings.slips`): 签了威海高薪区的工作 -> 签了威海高新区的
        工作. Place names are never respelled (桃园 is not 桃源), and a slip the question
        writes in another form (Traditional) is left as it is. Nor is a slip read inside a
        listed place's name (陆区 of 下陆区 is not 留区)."""
        self._load()
        if self._terms is None:
            return query
        slips = self._terms.spellings.slips(query)
        places = gazetteer().find(simplified(query), unknown=False) if slips else ()
        for slip, fix in slips.items():
            if not gazetteer().named(slip) and not inside_places(query, slip, places):
                query = respelled(query, slip, fix, self._terms.uses)  # a place is as named
        return query

    def renamed(self, query: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``query`` with each quoted name no document uses written as the documents'
        quoted name it stands for (:func:`app.answer.programmes.closest_name`: “智汇崂山”
        -> “汇智崂山”), and the pairs (as asked, as written there). One with none close is
        left out when the asker is unsure of it or asks what it is called (好像叫“午间青年”):
        a hint; an everyday word quoted (“冷门”) is read unquoted; any other stays, required
        (a name the documents lack is not theirs)."""
        self._load()
        if self._terms is None:
            return query, ()
        hedged = any(w in query for w in hedge_words())
        pairs = []
        query = quoted_one_by_one(query, lambda listed: self._terms.uses(normalise(listed)))
        for name in asked_names(query):
            key = normalise(name)
            if not _HAN_WORD.search(name):  # "talent loan": English words, read as such
                query = unmarked(query, name)
                continue
            if not key or self._terms.uses(key):
                continue
            # only the names sharing a character can be close (read per character, so a
            # large library's many quoted names are not all compared)
            near = set().union(*(self._quoted_by_char.get(ch, ()) for ch in set(key)))
            found = closest_name(key, near, NAME_SHARE)
            if found is None and self._terms.spelled_out(key):
                continue  # 「五专」, whose items the documents list, is asked, not required
            if found is not None:
                pairs.append((name, self._quoted[found]))
                query = query.replace(name, self._quoted[found])
            elif hedged:
                query = without_quoted(query, name)
            elif dictionary_tag(name) not in _NAME_TAGS or describes(name, self._terms.together):
                query = unmarked(query, name)  # “冷门”, “学校给编制和岗位”: the asker's words
        return query, tuple(pairs)

    def romanised(self, question: str) -> tuple[str, ...]:
        """The documents' words and quoted names an English ``question`` writes in pinyin
        (Qingling Plan: 青领; see :mod:`app.answer.romanised`), indexed on first use."""
        self._load()
        return self._pinyin.read(question) if self._terms is not None else ()

    def abbreviated(self, letters: str) -> str | None:
        """The domain word Latin ``letters`` abbreviate by pinyin initials (rc 人才; see
        :meth:`app.answer.spelling.Spellings.abbreviated`); None when none is clear."""
        self._load()
        return self._terms.spellings.abbreviated(letters) if self._terms is not None else None

    def paraphrased(self, q: QuestionInfo) -> str:
        """``q``'s query with each noun the documents never use written as the word they
        use for the same thing (see :meth:`app.answer.spelling.Spellings.paraphrase`)."""
        query = q.query
        # a person category or degree the lexicon knows (外籍人才) is who asks: the
        # documents' nearest word for it (对外) would answer someone else
        slots = (*degree_spellings(q.degrees), *person_spellings(q.persons))
        for word in self.unseen(q):
            if any(word in s or s in word for s in slots):
                continue
            fix = self._terms.spellings.paraphrase(word) if self._terms is not None else None
            if fix is not None and not gazetteer().named(word) and word in query:
                query = respelled(query, word, fix, self._terms.uses)
        return query

    def uses(self, word: str) -> bool:
        """True when some sentence of the documents holds ``word`` (simplified)."""
        self._load()
        return self._terms is not None and self._terms.uses(normalise(word))

    def spelled_out(self, word: str) -> bool:
        """True when the documents never write ``word`` but spell it out in another regular
        form (五专 as 专区、专窗、专线、专网、专员; see :mod:`app.answer.terms`)."""
        self._load()
        key = normalise(word)
        return (self._terms is not None and not self._terms.uses(key)
                and self._terms.spelled_out(key))

    def unseen(self, q: QuestionInfo) -> tuple[str, ...]:
        """The question's nouns these documents never use (see :mod:`app.answer.terms`)."""
        self._load()
        return self._terms.unseen(q.content, q.query) if self._terms is not None else ()

    def states(self, figure: str) -> bool:
        """True when a sentence of these documents holds ``figure`` (3600元, 2025年4月7日)."""
        self._load()
        return self._terms is None or self._terms.uses(normalise(figure))

    def focus(self, q: QuestionInfo) -> QuestionInfo:
        """``q`` without the words the documents never use that only its asides hold (see
        :func:`app.answer.clauses.asides`): the asker's 老家 or 校区 is not what is
        asked, and a word no sentence holds cannot lead to one; nor those that name
        nothing (一直, 以后: :func:`app.answer.wordclass.function_word`) or join a modal to
        its verb (能带: :func:`app.answer.wordclass.modal_led`)."""
        aside = (*asides(q.query), *said_after(q.query)) if q.script != "en" else ()
        self._load()
        if self._terms is None:
            return q
        aside_text = normalise("，".join(aside))
        asked = normalise("，".join(c for c in clauses(q.query) if c not in aside))
        if q.script == "en" and q.told:  # an English question's story told before it asks
            aside, aside_text, asked = q.told, normalise("，".join(q.told)), ""
        # and a never-used word that names nothing (一直, 以后) only thins the support, as
        # does a figure no document states: the asker's guess (是不是免两年) or own (月薪8000)
        # who the asker is (残疾人, 博士) is never background
        # an idiom (吹得天花乱坠) is a figure of speech, not a thing asked;
        # a word right after 不 is a state (跟他不沾边), not a thing the documents could hold,
        # and the asker's own people (员工, 同学) are whom the question is told about; a
        # word that names nothing (a verb the dictionary glosses only as an action: 报名,
        # 合办, 读完; so are 扎堆 of 人才扎堆的地方 and 交钱, whatever the tagger calls
        # them, though not in an English question, read into the glossary's nouns: 工作许可)
        # does not either, unless it is what is asked (会不会过期, 才够格);
        # figures are left to the guess rule below
        # (but for a category the asker only says they are: see :func:`slot_persons`)
        slots = (*degree_spellings(q.degrees),
                 *person_spellings(slot_persons(q, aside_text if aside else "", asked)))
        said = normalise(q.query)
        predicate = normalise(after_asking(q.query))
        drop = {w for seg in q.content for w in words(seg) if not self._terms.uses(w)
                and not any(w in s for s in slots)
                and ((aside and w in aside_text and w not in asked) or function_word(w)
                     or set_phrase(w) or any(f"{y}{w}" in said for y in you_words())
                     or modal_led(w) or f"不{w}" in said
                     or w in (*people_words(), *whereabouts_words()[2])
                     or w in complements()
                     or ((not names_thing(w, q.query)
                          or (w in action_words() and q.script != "en"))
                         and names_nothing(w) and w not in predicate
                         and not any(ch.isdigit() for ch in w)))}
        drop |= {f for f in map(normalise, _GUESS.findall(q.query)) if not self._terms.uses(f)}
        # a threshold the asker checks (有没有超过15万, 是不是不到1000元): their guess, which
        # the figure the documents give answers, whatever it is
        drop |= {normalise(t) for t in checked_thresholds(q.query)}
        # the kind of document whose day or office is asked (「那份文件是哪天发的」, 「对那个
        # 文件有疑问找哪个处」), in words the documents never use, points at one of them
        if _OF_THE_DOCUMENT & set(q.kinds):
            drop |= {w for w in document_words() if w in said and not self._terms.uses(w)}
        # a never-used word of an option the documents may not take (see :meth:`_optional`)
        optional = self._optional(q.query)
        drop |= {w for one in optional for w in words(normalise(one)) if not self._terms.uses(w)}
        # what someone is reported to have said, checked by a question of its own (「有人说他是
        # 全国人大代表，他到底是什么身份」): the documents may say otherwise
        drop |= {w for w in self._claimed_only(q) if not self._terms.uses(w)}
        if drop:
            pattern = re.compile("|".join(map(re.escape, sorted(drop, key=len, reverse=True))))
            q = replace(q, content=tuple(
                p for seg in q.content for p in pattern.sub(" ", normalise(seg)).split()
                if len(p) >= 2))
        # nor is a programme named only as such an option (千人计划)
        named = tuple(p for p in q.programmes if not any(p in one for one in optional))
        if named != q.programmes:
            q = replace(q, programmes=named)
        # a place only an aside names (the asker's hometown, not where they plan to go: 去仁怀
        # 工作) is not where the answer must hold, when the clauses that ask name one
        planned = asked + "，".join(c for c in aside if plans_move(c))
        kept = [(p, r) for p, r in zip(q.places, q.place_refs, strict=True)
                if aside and p in planned]
        if kept and len(kept) < len(q.places):
            q = replace(q, places=tuple(p for p, _ in kept), place_refs=tuple(r for _, r in kept))
        return q

    def _claimed_only(self, q: QuestionInfo) -> set[str]:
        """The words only the clauses reporting a claim hold (see
        :func:`app.answer.claims.reported`), when the question asks a fact of its own, or
        only the asker's own story (:func:`app.answer.story.story`: 「在青岛读的海洋化学」
        ties the question to no 海洋 document)."""
        said = (*reported(q.query), *story(q.query)) if q.script != "en" else ()
        if not said:
            return set()
        rest = normalise("，".join(c for c in clauses(q.query) if c not in said))
        return {w for c in said for w in words(normalise(c)) if w not in rest}

    def _optional(self, query: str) -> tuple[str, ...]:
        """The options the asker offers (「是千人计划还是万人的那个计划」, see
        :func:`app.answer.choices.options`) whose other option holds a word the documents
        use: they may answer by that one, so nothing of these is required."""
        offered = options(query)
        pairs = (*zip(offered[::2], offered[1::2], strict=True),
                 *zip(offered[1::2], offered[::2], strict=True))
        return tuple(one for one, other in pairs
                     if any(self._terms.uses(w) for w in words(normalise(other))))

    def documents_using(self, word: str) -> frozenset[str]:
        """Ids of the documents a sentence of which holds normalised ``word``, memoised per
        word."""
        self._load()
        found = self._using.get(word)
        if found is None:
            found = self._using[word] = frozenset(
                d for d, text in self._doc_texts.items() if word in text)
        return found

    def anchors(self, q: QuestionInfo, most: int, names: Sequence[str] = ()
                ) -> dict[str, frozenset[str]]:
        """The question's names (and ``names``, Qingling Plan's 青领) that at most ``most``
        documents use -> those documents: a word the dictionary lacks or holds as a name or
        abbreviation (北汽, 青领) ties it to them; an ordinary word (每月) does not."""
        self._load()
        if most < 1 or self._terms is None:
            return {}
        out, claimed = {}, self._claimed_only(q)
        for word in dict.fromkeys((*self.terms(q), *names)):
            if (dictionary_tag(word) not in _NAME_TAGS or not _HAN_WORD.fullmatch(word)
                    or word in people_words() or word in claimed or only_aside(q.query, word)
                    or (word not in names and not self._terms.token(word, q.query))):
                continue  # a figure, the asker's people or trade (做猎头的) or a claim's name
            using = self.documents_using(word)
            if 0 < len(using) <= most:
                out[word] = using
        return out

    def terms(self, q: QuestionInfo) -> dict[str, float]:
        """Weighted content words of a question (see :mod:`app.answer.terms`); a benefit
        kind it names is one term, weighted as its rarest word."""
        self._load()
        if self._terms is None:
            return {}
        found = self._terms.weights(q.content)
        for kind in q.benefits:
            key = normalise(kind)
            parts = [w for w in found if w in key]
            weight = max((found.pop(w) for w in parts), default=0.0)
            found[key] = max(weight, self._terms.weights((kind,)).get(key, weight))
        return found

