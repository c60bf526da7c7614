"""Answer-level metrics as pure functions: reference fact, citations, refusals.

>>> fact_present("2000元", "硕士每月 2,000 元的生活津贴[1]")
True
>>> fact_present("人才開發處", "请联系人才开发处。")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from eval.numbers import extract_numbers

_FACT_SPLIT = re.compile(r"[；;]")
_MARKER = re.compile(r"\[\d+\]")  # inline citation markers [1], [2] are not facts


def _default_fold(text: str) -> str:
    from ingest.script import to_simplified  # OpenCC; imported lazily

    return to_simplified(text)


def fold_text(text: str, fold: Callable[[str], str] | None = None) -> str:
    """NFKC, Traditional→Simplified, lower case, and no whitespace or punctuation.

    >>> fold_text("「威高學院、迪尚學院」 ABC")
    '威高学院迪尚学院abc'
    """
    folded = (fold or _default_fold)(unicodedata.normalize("NFKC", text)).lower()
    return "".join(
        ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ"
    )


def fact_present(
    reference: str, response: str, fold: Callable[[str], str] | None = None
) -> bool:
    """Whether ``response`` states the reference fact.

    The reference may list several facts separated by ``；``; all must be present.
    A fact holding numbers is present when every one of its values occurs in the
    response (1万 = 10000 = 一万, 5千 = 5000); any other fact must occur verbatim
    after :func:`fold_text`. Citation markers such as ``[1]`` are ignored.
    """
    response = _MARKER.sub(" ", response)
    facts = [f for f in _FACT_SPLIT.split(reference) if f.strip()]
    if not facts:
        raise ValueError("reference answer is empty")
    response_numbers = extract_numbers(response)
    response_text = fold_text(response, fold)
    for fact in facts:
        numbers = extract_numbers(fact)
        if numbers:
            if not numbers <= response_numbers:
                return False
        elif fold_text(fact, fold) not in response_text:
            return False
    return True


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of two strings (bit-parallel, Hyyrö 2004:
    one big-integer step per character of the shorter string).

    >>> lcs_length("abcbdab", "bdcaba"), lcs_length("", "abc")
    (4, 0)
    """
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


def rouge_l(reference: str, response: str, fold: Callable[[str], str] | None = None) -> float:
    """Character ROUGE-L F1 of ``response`` against ``reference`` after :func:`fold_text`
    (citation markers such as ``[1]`` removed first).

    >>> round(rouge_l("每月2000元", "硕士每月2000元生活津贴[1]"), 3)
    0.636
    >>> rouge_l("补贴", "")
    0.0
    """
    ref = fold_text(reference, fold)
    res = fold_text(_MARKER.sub(" ", response), fold)
    if not ref or not res:
        return 0.0
    lcs = lcs_length(ref, res)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(res), lcs / len(ref)
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class QuoteCheck:
    """One citation's verbatim check: ``doc_text[char_start:char_end] == quote``."""

    doc_id: str
    char_start: int
    char_end: int
    quote: str


def quote_is_verbatim(check: QuoteCheck, documents: Mapping[str, str]) -> bool:
    """True when the quoted span is exactly the document text at its offsets.

    >>> quote_is_verbatim(QuoteCheck("d", 2, 4, "cd"), {"d": "abcdef"})
    True
    """
    text = documents.get(check.doc_id)
    if text is None or check.char_start < 0 or check.char_end > len(text):
        return False
    if check.char_end <= check.char_start or not check.quote:
        return False
    return text[check.char_start : check.char_end] == check.quote


def citation_support(cited_chunk_texts: Iterable[str], evidence: Sequence[str],
                     matcher: Callable[[str, Sequence[str]], bool]) -> bool:
    """True when some cited chunk holds the evidence (``matcher`` decides a match)."""
    return any(matcher(text, evidence) for text in cited_chunk_texts)


def refusal_scores(answerable: Sequence[bool], refused: Sequence[bool]) -> dict[str, float | None]:
    """Refusal precision and recall (positive class: the corpus cannot answer),
    the false-refusal rate on answerable questions, and its complement
    ``answered_rate`` (higher is better, so a ``--fail-below`` gate can bound it).

    >>> refusal_scores([True, True, False, False], [False, True, True, False])["answered_rate"]
    0.5
    """
    if len(answerable) != len(refused):
        raise ValueError("answerable and refused must have the same length")
    tp = sum(1 for a, r in zip(answerable, refused, strict=True) if not a and r)
    n_refused = sum(refused)
    n_unanswerable = sum(1 for a in answerable if not a)
    n_answerable = len(answerable) - n_unanswerable
    false_refusals = sum(1 for a, r in zip(answerable, refused, strict=True) if a and r)
    return {
        "refusal_precision": tp / n_refused if n_refused else None,
        "refusal_recall": tp / n_unanswerable if n_unanswerable else None,
        "false_refusal_rate": false_refusals / n_answerable if n_answerable else None,
        "answered_rate": 1 - false_refusals / n_answerable if n_answerable else None,
    }
