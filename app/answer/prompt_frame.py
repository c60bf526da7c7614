"""What an asker who writes to the assistant as to a chat model puts around the question:
the role it is told to play (你是一名政策专家，, 请以就业指导老师的口吻回答：, Act as a housing
advisor) and what the reply should look like (要求：1. 分点 2. 注明出处, 请分点作答, 只输出数字,
answer in one sentence, don't make anything up). None of it names what is asked: 口吻, 身份,
分点 or 顾问 would be read as things the documents lack. The words are the lexicon's
(:func:`lexicon.frame_words`).

>>> without_frame("你是一名政策专家，请根据文件回答：威海硕士每月补贴多少？"
...               "要求：1. 简洁 2. 注明出处")
'威海硕士每月补贴多少？'
>>> without_frame("请以城市规划专家身份简短回答：崂山区聘请了谁担任总设计师？")
'崂山区聘请了谁担任总设计师？'
>>> without_frame("作为一名硕士，我每月补贴多少？"), without_frame("有什么要求？注意事项呢")
('作为一名硕士，我每月补贴多少？', '有什么要求？注意事项呢')
>>> without_frame("以硕士身份申请，能拿多少？")
'以硕士身份申请，能拿多少？'
>>> without_frame("请以引才顾问身份列出引才活动有哪些，用表格呈现")
'列出引才活动有哪些'
>>> without_frame("请以HR顾问的口吻回答：南阳硕士每月多少？")
'南阳硕士每月多少？'

>>> without_frame("Act as a housing advisor and answer in one sentence: how big is each flat?")
'how big is each flat?'
>>> without_frame("As a PhD graduate, how much do I get? Please cite the source.")
'As a PhD graduate, how much do I get?'
"""

from __future__ import annotations

import re
from functools import cache

from lexicon import frame_words

#: what ends a piece of a framed message (an enumerator of its list of demands too: 1. 2、
#: （3）①, not the point of 17.52)
_BREAK = re.compile(r"(?:[，,。：:；;！!？?\n]|\.(?=\s|$))+"
                    r"|(?:(?<=^)|(?<=[\s：:，,；;。]))\s*(?:\d{1,2}[.、)）](?!\d)"
                    r"|[（(]\d{1,2}[)）]|[①-⑩])\s*")
_WORDING = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: who is told to take a role in a Chinese message: the assistant, addressed (请你作为,
#: 你是, 假设你是); the asker's own 作为一名硕士 takes none
_ADDRESSED = r"(?:请你?|你(?:现在)?|现在你|假设你|假如你|如果你)"


@cache
def _chinese() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """The Chinese role piece (a role taken, or a voice to speak in) as whole patterns,
    and the reply-form and filler words."""
    verbs, nouns, forms, fillers = (tuple(w for w in words if _HAN.search(w))
                                    for words in frame_words())
    # a format a Chinese message names in Latin letters (JSON格式, 用markdown)
    forms += tuple(w for w in frame_words()[2] if w.isascii() and " " not in w)
    take = re.compile(rf"{_ADDRESSED}(?:是|{'|'.join(verbs)})(?:一名|一位|一个|名|位)?.{{1,20}}")
    # a voice asked for (请以…的口吻, 以…身份回答); not the asker's own (以硕士身份申请)
    role = rf"以[^以]{{1,20}}?(?:{'|'.join(nouns)})(?:来|去)?"
    reply = r"(?:简短|简洁|简要|一句话)?(?:回答|作答|解答|回复|说明)"
    voice = re.compile(rf"请你?{role}(?:{reply})?|{role}{reply}")
    return take, voice, forms, fillers


@cache
def _english() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """The English role opening, its role nouns, and the reply-form and filler phrases."""
    verbs, nouns, forms, fillers = (tuple(w for w in words if w.isascii() and w[:1].isalpha())
                                    for words in frame_words())
    opening = re.compile(rf"^(?:please\s+)?(?:{'|'.join(map(re.escape, verbs))})\b", re.I)
    role = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})s?\b", re.I)
    return opening, role, forms, fillers


def _only(piece: str, forms: tuple[str, ...], fillers: tuple[str, ...], *, words: bool) -> bool:
    """True when ``piece`` holds a reply-form phrase and nothing but such phrases and
    filler (whole words in English: ``words``)."""
    def cut(text: str, phrases: tuple[str, ...]) -> str:
        for p in phrases:
            text = (re.sub(rf"\b{re.escape(p)}\b", " ", text, flags=re.I) if words
                    else text.replace(p, ""))
        return text
    rest = cut(piece, forms)
    if rest == piece:
        return False
    return not _WORDING.search(cut(rest, fillers))


def _unframed(piece: str) -> str:
    """What a piece of a message says once its framing is taken off (see the module): ""
    when it only frames the question; a Chinese piece that opens by a voice to speak in
    keeps what follows it (请以引才顾问身份列出…活动有哪些 -> 列出…活动有哪些)."""
    text = piece.strip()
    if not text:
        return piece
    if _HAN.search(text):
        take, voice, forms, fillers = _chinese()
        if take.fullmatch(text):
            return ""
        spoken = voice.match(text)
        rest = text[spoken.end():] if spoken else text
        if not rest or _only(rest, forms, fillers, words=False):
            return ""
        return rest if spoken else piece
    opening, role, forms, fillers = _english()
    told = opening.match(text)
    if told and (told.group().lower().split()[-1] not in ("as", "are", "you're")
                 or role.search(text)):
        return ""
    return "" if _only(text, forms, fillers, words=True) else piece


def without_frame(text: str) -> str:
    """``text`` without the pieces that frame it for a chat model (see the module
    docstring), each with the marks after it; unchanged when nothing would be left."""
    keep: list[str] = []
    at = 0
    for mark in [*_BREAK.finditer(text), None]:
        end = mark.end() if mark is not None else len(text)
        piece = text[at:mark.start() if mark is not None else len(text)]
        enumerator = mark is not None and _WORDING.search(mark.group())
        said = _unframed(piece)
        if said.strip() and not (enumerator and not piece.strip()):
            keep.append(said + (mark.group() if mark is not None else ""))
        elif not piece.strip() and not enumerator:
            keep.append(text[at:end])
        at = end
        if mark is None:
            break
    cleaned = "".join(keep).strip(" ，,：:；;。\n")
    return cleaned if _WORDING.search(cleaned) else text
