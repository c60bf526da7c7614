"""The region a notice is issued for, read from its own heading (through the lexicon).

A notice's region is the place its title or issuer names; an article without either
is placed by its opening lines (subtitle and lead paragraph, read past a news dateline:
a report filed from 北京 on a ministry's notice is national). The body is never
counted: a national notice that keeps mentioning 武汉 is not a 武汉 notice, and a
document whose heading names no place has no region (``None``, shown as 未注明).

>>> infer_region("青岛市崂山区人才工作综述")
'崂山区'
>>> infer_region("国务院办公厅关于做好高校毕业生就业工作的通知")
'全国'
"""

from __future__ import annotations

import re

from ingest.datelines import without_dateline
from lexicon import NATIONAL, gazetteer, national_bodies, province_of

__all__ = [
    "OPENING_CHARS",
    "heading_region",
    "infer_document_region",
    "infer_region",
    "local_body_place",
    "opening_region",
    "places_named",
    "province_of",
]

#: How much of a document's opening counts as its heading when title and issuer name
#: no place (a subtitle such as 「——崂山区2023年度人才工作综述」 or a lead paragraph).
OPENING_CHARS = 200

def _first_place(text: str) -> str | None:
    """The first place a text names, narrowed to a part of it named right after
    (青岛市崂山区 -> 崂山区)."""
    found = gazetteer().narrowest(gazetteer().find(text, unknown=False))
    return found.place.name if found is not None else None


def _is_national(text: str) -> bool:
    return any(body in text for body in national_bodies())


def infer_region(*texts: str) -> str | None:
    """The first place named in the first text that names one; 全国 for national bodies.

    Pass simplified text, most telling first (title, issuer).
    """
    for text in texts:
        if not text:
            continue
        place = _first_place(text)
        if place:
            return place
        if _is_national(text):
            return NATIONAL
    return None


_BODY = r"(?:人民政府|政府|局|厅|委员会|委|办公室|办|中心)"  # how a government body's name ends
_LOCAL_BODY = re.compile(
    rf"^([\u4e00-\u9fff]{{2,4}}?)(?:省|市|县|自治州|地区)(?=[\u4e00-\u9fff]*{_BODY})"
)


def local_body_place(name: str) -> str | None:
    """The place a local government body is named after, even outside the gazetteer.

    >>> local_body_place("临海市人力资源和社会保障局")
    '临海'
    >>> local_body_place("国务院办公厅") is None
    True
    """
    m = _LOCAL_BODY.match(name.strip()) if name else None
    return m.group(1) if m else None


def heading_region(title: str, issuer: str | None) -> str | None:
    """The region a notice's own title or issuer names (no guessing from the body).

    >>> heading_region("国家税务总局四川省税务局关于疫情防控的温馨提示", None)
    '四川省'
    >>> heading_region("新型冠状病毒感染的肺炎流行期间餐饮服务单位防控指引", None) is None
    True
    """
    issuer = issuer or ""
    return infer_region(title, issuer) or local_body_place(issuer)


# A title opening with a local body that names no place (市商务局关于…, 省卫健委…): the
# issuer is a province, city or county the text does not name. Not 市场监管总局.
_UNNAMED_LOCAL_BODY = re.compile(rf"^(?:省|市|区|县)(?!场)[\u4e00-\u9fff]{{1,10}}?{_BODY}")


def infer_document_region(title: str, issuer: str, body: str) -> str | None:
    """Region from the title or issuer, else from the document's opening lines. When the
    title opens with a local body that names no place (「市市场监管委印发…」), the
    opening may name the place, but a national body it cites (根据《市场监管总局…》)
    does not make the notice national.

    >>> infer_document_region("发展新质生产力", "", "近年来，威海火炬高新区着眼发挥驻区高校优势")
    '威海火炬高技术产业开发区'
    >>> infer_document_region("市商务局关于做好外资企业复工复产服务的通知", "",
    ...                       "根据商务部《关于应对疫情做好外资企业服务的通知》要求")
    >>> infer_document_region("市场监管总局发出紧急通知", "", "")
    '全国'
    """
    return heading_region(title, issuer) or opening_region(title, body)


def opening_region(title: str, body: str) -> str | None:
    """The region a document's opening lines give when its heading names none (see
    :func:`infer_document_region`; simplified text).

    >>> opening_region("多措并举", "多措并举 新华社北京2月18日电 交通运输部有关负责人介绍")
    '全国'
    """
    opening = body[:OPENING_CHARS]
    if _UNNAMED_LOCAL_BODY.match(title.strip()):
        return _first_place(opening)
    lead = _lead(without_dateline(opening), title)
    if lead.startswith(tuple(national_bodies())):
        return NATIONAL  # 人力资源社会保障部办公厅关于… under a title ingest misread
    return _past_dateline(infer_region(lead), infer_region(opening))


def _past_dateline(lead: str | None, dated: str | None) -> str | None:
    """The region an opening's text names once its dateline is set aside (``lead``),
    where that is national or in the province of the place the opening names first
    (``dated``, often the dateline's city). A report filed from 兰州 on 甘肃省's rules is
    甘肃省's, and one filed from 北京 on a ministry's notice is national; but one filed
    from 武汉 that names 重庆's 朝天门 wharf is still placed by 武汉.

    >>> _past_dateline("全国", "北京市"), _past_dateline("甘肃省", "兰州市")
    ('全国', '甘肃省')
    >>> _past_dateline("朝天区", "武汉市"), _past_dateline(None, "武汉市")
    ('武汉市', '武汉市')
    """
    if lead is None or dated is None or NATIONAL in (lead, dated):
        return lead or dated
    return lead if province_of(lead) == province_of(dated) else dated


def _lead(opening: str, title: str) -> str:
    """A document's opening after its title (when the text repeats it) and separators."""
    title = title.strip()
    text = opening.lstrip()
    if title and text.startswith(title):
        text = text[len(title):]
    return text.lstrip(" \t\n—-：:")


def places_named(text: str) -> tuple[str, ...]:
    """Every place a (simplified) text names, by full name, without repeats.

    >>> places_named("天津市和崂山区的补贴比重庆高吗")
    ('天津市', '崂山区', '重庆市')
    """
    return tuple(dict.fromkeys(m.place.name for m in gazetteer().find(text)))
