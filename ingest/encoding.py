"""Decode text files: UTF-8 (± BOM), UTF-16 (BOM), GB18030/GBK, Big5.

GBK bytes often also decode as valid (but meaningless) Big5 and vice versa, so
the legacy Chinese encodings are told apart by how many decoded Han characters
are among the most frequent characters of policy text (in either script).

>>> decode_bytes("人才政策".encode("big5"))
'人才政策'
>>> decode_bytes("人才政策".encode("gbk"))
'人才政策'
"""

from __future__ import annotations

import codecs
from functools import cache

import charset_normalizer

from ingest.errors import UnreadableFileError
from ingest.script import to_traditional

# The most frequent Han characters in Chinese policy notices (counted by us on
# the NCP corpus); their Traditional forms are added at run time.
_FREQUENT = (
    "的业人疫情防税工务控企和行保政对关市发作生通一要用资部产实等理有在员区办时中应医上公不"
    "进服全期定各新地重管为机物及局复省大加病力日施开以出费国会门提纳信持支可方策好位月金法报"
    "动点于民场单家项毒社运个障确体供合者经品分制间年到过强线做措展收化相安申主肺炎冠口染所小"
    "接现息前度缴需规入查求受了落治责是设委或疗按能事免护建导面交型指自下组状电性网府增构同记"
    "据级健调其感内助财就任款得当学成优外总式消康严卫院件农高活响备本监知况专险告将目集心营输"
    "检处取联平道商车急统程系格影条捐第并融流解长贷台准量传减照明三厅与证决共来预我补请难基赠"
    "推二号织采排北延向依具后测快次立征限数海予批担例切如类职微值利手诊困额效计才技术培训"
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@cache
def _frequent_chars() -> frozenset[str]:
    return frozenset(_FREQUENT) | frozenset(to_traditional(_FREQUENT))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def frequency_score(text: str) -> float:
    """Share of Han characters in ``text`` that are frequent policy-text characters."""
    han = [ch for ch in text if _is_han(ch)]
    if not han:
        return 0.0
    frequent = _frequent_chars()
    return sum(ch in frequent for ch in han) / len(han)


def looks_binary(text: str) -> bool:
    """True when decoded text holds NULs or many control characters."""
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls > max(2, len(text) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, accepted only when it decodes to plausible Chinese text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not looks_binary(text) and frequency_score(text) >= 0.3:
            return text
    return None


def _decode_legacy(data: bytes) -> str | None:
    best: tuple[float, str] | None = None
    for codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = frequency_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else None


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as text or raise :class:`UnreadableFileError` with the reason."""
    if not data.strip():
        raise UnreadableFileError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(f"broken {codec} text ({exc.reason})") from exc
            return _checked(text)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is not None:
        return _checked(text)
    if b"\x00" in data:
        raise UnreadableFileError("binary file, not text")
    text = _decode_legacy(data)
    if text is None:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise UnreadableFileError("unknown text encoding")
        text = str(match)
    return _checked(text)


def _checked(text: str) -> str:
    if looks_binary(text):
        raise UnreadableFileError("binary file, not text")
    if not text.strip():
        raise UnreadableFileError("empty file")
    return text
