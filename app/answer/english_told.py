"""The asker's own story in an English question: the statements before what it asks that
tell of themselves (I completed my PhD…, Several of our graduates…, Master's student in
Wuhan here.), whose terms the question need not be about."""

from __future__ import annotations

import re
from functools import cache

from app.answer.english import english_query
from app.answer.question import find_places
from lexicon import person_words_en

__all__ = ["asking_sentences", "told_terms"]

#: an English sentence and the marks that end it
_EN_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
#: a statement the asker makes of themselves or their own (I am…, I've…, My…, We plan…)
#: or introduces them as a chat does (Master's student in Wuhan here.)
_EN_TELLER = re.compile(r"\b(?:i|i'm|i've|i'd|my|me|we|we're|we've|our)\b|\bhere\W*$", re.I)
#: a dash between spaces ends a statement as a full stop does (PhD student here - who…?)
_EN_DASH = re.compile(r"\s+[-–—]+\s+")


@cache
def _self_role() -> re.Pattern[str]:
    """A statement with no verb naming a person and where they are (Master's student in
    Guangzhou., Policy researcher in Nanchang.), read once."""
    people = "|".join(map(re.escape, person_words_en()))
    # the place after in/from is a name: capitalised words (in Guangzhou, from Inner Mongolia)
    # …and where they study or work, unnamed (Senior at a university in Lhasa.)
    return re.compile(rf"^(?i:an? )?[\w'’ -]{{0,40}}?\b(?i:{people})s?\b"
                      r"(?: (?i:at|in|of) (?i:an?|the) [a-z][\w'’-]*(?: [a-z][\w'’-]*){0,2})?"
                      rf"(?: (?i:in|from|at|of) (?:[A-Z][\w'’-]*(?: |$|(?=\W))){{1,4}})?\W*$")


def _introduces(statement: str) -> bool:
    """True when ``statement`` introduces the asker by what they are (see
    :func:`_self_role`): at most eight words."""
    text = _DOING.sub(_kept_place, statement.strip())
    return len(text.split()) <= _MAX_ROLE_WORDS and _self_role().match(text) is not None


def _kept_place(found: re.Match[str]) -> str:
    """What :data:`_DOING` leaves of a statement: the place the doing came right after."""
    return found.group("place") or ""


def _doing_places(statement: str) -> set[str]:
    """The places named only in what an asker introduced without a verb is doing or
    means to do (considering work in Bengbu): where they may go, not where they are."""
    found = _DOING.search(statement.strip())
    if found is None:
        return set()
    role = english_query(statement.strip()[:found.start("doing")]).split()
    return set(find_places(english_query(found.group("doing")))) - set(role)


#: the longest statement read as an introduction with no verb
_MAX_ROLE_WORDS = 8
#: what the person introduced is doing or means to do, after a comma or right after the
#: place they are in (PhD candidate in Beijing, working on magnetic imaging.; Undergrad in
#: Guiyang reading this paper.; Final-year student in Huainan, considering work in
#: Bengbu.): still who they are (not the training of 「Teacher at a training school」)
_DOING = re.compile(r"(?:,\s*|(?P<place>\b[A-Z][\w'’-]*)\s+)"
                    r"(?P<doing>[A-Za-z]+ing\b[^.?!]*)[.!]?$")


def asking_sentences(question: str) -> str:
    """An English question from its first sentence that asks on: what comes before tells of
    the asker or leads in.

    >>> asking_sentences("I'm an apprentice in the Qingling Plan. When was the term coined?")
    'When was the term coined?'
    """
    sentences, asking = _sentences(question)
    return " ".join(s.strip() for s in sentences[asking:])


def _sentences(question: str) -> tuple[list[str], int]:
    """The sentences of an English question (a spaced dash ends one as a full stop does)
    and the index of the first that asks (holds a question mark; else the last)."""
    sentences = [m.group() for m in _EN_SENTENCE.finditer(_EN_DASH.sub(". ", question))
                 if m.group().strip()]
    asking = next((i for i, s in enumerate(sentences) if "?" in s), len(sentences) - 1)
    return sentences, asking


def told_terms(question: str) -> tuple[str, ...]:
    """The Chinese terms (:func:`english_query`) that only the asker's own story holds: the
    statements in the first person (anywhere in them: 「Several of our graduates…」) before
    the first sentence that asks, whom the question need not be about.

    >>> told_terms("I completed my PhD in the US. Which finance products does Laoshan offer?")
    ('博士',)
    >>> told_terms("I am a PhD. How much is the living allowance?")
    ('博士',)
    >>> told_terms("How much do PhDs get in Weihai?")
    ()
    >>> told_terms("PhD candidate in Xiamen here - who wrote the paper?")
    ('博士', '厦门')
    >>> told_terms("Master's student in Guangzhou. What share of PhDs stay abroad?")
    ('硕士生', '广州')
    >>> told_terms("Senior at a university in Lhasa. Who wrote the paper?")
    ('拉萨',)
    >>> told_terms("Undergrad in Guiyang reading this paper. Which institution is its author from?")
    ('贵阳',)
    >>> told_terms("Student in Huainan, considering work in Bengbu. How much is the allowance?")
    ('学生', '淮南', '工作')
    >>> told_terms("Teacher at a training school in Jinan. How much is the allowance?")
    ('培训', '济南')
    """
    sentences, asking = _sentences(question)
    story = [s for s in sentences[:asking] if _EN_TELLER.search(s) or _introduces(s)]
    if not story:
        return ()
    asked = set(english_query(" ".join(sentences[asking:])).split())
    going = {p for s in story if not _EN_TELLER.search(s) for p in _doing_places(s)}
    told = english_query(" ".join(story)).split()
    return tuple(t for t in told if t not in asked and t not in going)
