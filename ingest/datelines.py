"""News datelines: 「新华社北京2月9日电（记者 安蓓）」, 「天山网讯（记者…报道）」.

A dateline names the outlet, the city a report was filed from and the day. It is one
pattern for the whole project: the answer engine lowers a sentence that opens with one
(it restates the headline), and ingest reads a report's region past it (the city it
was filed from is not whose rules it reports).

>>> opens_with_dateline("新华社成都2月24日电（记者胡旭）日前，四川推出减税抗疫贷。")
True
>>> opens_with_dateline("天山网讯（记者马蓓报道）疫情防护救治，医护人员感染算工伤。")
True
>>> opens_with_dateline("国网供电公司（记者站）保障用电。")
False
>>> opens_with_dateline("2月24日电话咨询量增加。")
False
>>> without_dateline("服务站 新华社北京2月9日电（记者 安蓓）国家发展改革委、财政部")
'服务站 国家发展改革委、财政部'
"""

from __future__ import annotations

import re

# The outlet and place, then the day and 电 (not 电话, 电视: only an end, a space or a
# bracket follows), or the outlet and 讯 with its byline; then the byline in brackets.
_MARK = (r"[^\d\s]\S{0,23}?(?:\d{1,2}日电(?=$|\s|[（()）])"
         r"|[电讯]\s*[（(][^（）()]{0,30}[）)])")
_OPENS = re.compile(rf"^\s*[(（]?{_MARK}")
_ANYWHERE = re.compile(rf"(?<![^\s，。；：:—]){_MARK}(?:\s*[（(][^（）()]{{0,30}}[）)])?")


def opens_with_dateline(text: str) -> bool:
    """True when ``text`` opens with a news dateline (「天山网讯（记者马蓓报道）…」)."""
    return bool(_OPENS.match(text))


def without_dateline(text: str) -> str:
    """``text`` without the news datelines that start a line or follow a space or a
    punctuation mark, byline included.

    >>> without_dateline("湖北省2月1日电视电话会议")
    '湖北省2月1日电视电话会议'
    """
    return _ANYWHERE.sub("", text)
