"""The few words the engine writes itself: key-figure lines, region notes, refusals.

Framing is written in simplified Chinese and converted for Traditional questions;
English questions get English framing (figures, units, who and period in English;
the quotes below stay Chinese). Nothing here states a policy fact that is not in the
cited text.

>>> region_note("other", "南阳", ["威海市"], "hans")
'没有找到南阳的相关规定。以下是威海市的规定，仅供参考：'
>>> en_amount("每月2000元")
'2,000 yuan per month'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.answer.script import Script, in_script
from lexicon import (
    english_for,
    fold_synonyms,
    gazetteer,
    glossary_en,
    region_label,
    resolve,
)

_PERIODS_EN = {"每月": "per month", "每年": "per year", "每人": "per person",
               "每天": "per day", "一次性": "one-off", "每季度": "per quarter"}


def _zh(text: str, script: Script) -> str:
    return in_script(text, script)


def en_term(chinese: str) -> str:
    """An English name for a Chinese benefit or category term, else the term itself.

    >>> en_term("生活津贴"), en_term("硕士"), en_term("人才公寓")
    ('living allowance', 'master', 'talent apartment')
    """
    folded = fold_synonyms(chinese)
    table = english_for()
    return table.get(chinese) or table.get(folded) or chinese


#: a place an English question named by its suffix only, as the engine reads it (Yangu县)
_LATIN_PLACE = re.compile(r"([A-Z][a-z]+)([县区])")


def en_place(name: str) -> str:
    """A region's English name (Weihai, Shandong) when the gazetteer has one; a zone keeps
    its Chinese name, with its city's English name beside it.

    >>> en_place("崂山区"), en_place("威海火炬高技术产业开发区"), en_place("Yangu县")
    ('Laoshan District', '威海火炬高技术产业开发区, Weihai', 'Yangu County')
    """
    if name == "全国":
        return "national"
    latin = _LATIN_PLACE.fullmatch(name)
    if latin:  # named in English with a suffix only (Yangu县)
        suffix = next((w for w, zh in glossary_en() if zh == latin.group(2)), "")
        return f"{latin.group(1)} {suffix.title()}".strip()
    place = resolve(name)
    if place is None or not place.en:
        return name
    if place.level == "zone":  # a zone's pinyin says little: its Chinese name and its city
        host = gazetteer().parent(place)
        return f"{place.name}, {en_place(host.name)}" if host is not None else place.name
    suffix = {"province": "", "city": "", "county": " County"}[place.level]
    if place.level == "county" and place.name.endswith("区"):
        suffix = " District"
    return f"{place.en}{suffix}"


_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3}
_YUAN = re.compile(r"(\d[\d,.]*)\s*([万亿千])?\s*元")
_RANGE_YUAN = re.compile(r"(\d[\d,.]*)\s*([万亿千])?\s*[-~～—–至到]\s*"
                         r"(\d[\d,.]*)\s*([万亿千])?\s*元")


def en_amount(cell: str) -> str:
    """「每月2000元」 -> '2,000 yuan per month'; 「1万元」 -> '10,000 yuan'; a range's
    first figure takes the second's multiplier when it has none of its own.

    >>> en_amount("10万-20万元"), en_amount("100-300万元"), en_amount("每月2000元")
    ('100,000–200,000 yuan', '1,000,000–3,000,000 yuan', '2,000 yuan per month')
    """
    period = next((p for p in _PERIODS_EN if p in cell), None)
    text = cell.replace(period, "") if period else cell

    def number(figure: str, unit: str | None) -> str:
        value = float(figure.replace(",", ""))
        value *= _MULTIPLIERS.get(unit or "", 1)
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

    text = _RANGE_YUAN.sub(lambda m: f"{number(m[1], m[2] or m[4])}–{number(m[3], m[4])} yuan",
                           text)
    text = _YUAN.sub(lambda m: f"{number(m[1], m[2])} yuan", text)
    return f"{text} {_PERIODS_EN[period]}" if period else text


def key_figure_line(who: str | None, cell: str, label: str, region: str | None,
                    marker: str, script: Script) -> str:
    """The answer's first line: figure, unit, who it is for, period, and whose rule.

    >>> key_figure_line("硕士", "每月2000元", "生活津贴", "威海市", "[1]", "hans")
    '硕士：每月2000元生活津贴（威海市）[1]'
    >>> key_figure_line("硕士", "每月2000元", "生活津贴", "威海市", "[1]", "en")
    'master: 2,000 yuan per month living allowance (Weihai)[1]'
    """
    if script == "en":
        whose = f" ({en_place(region)})" if region else ""
        head = f"{en_term(who)}: " if who else ""
        what = f" {en_term(label)}" if label else ""
        return f"{head}{en_amount(cell)}{what}{whose}{marker}"
    whose = f"（{region_label(region)}）" if region else ""
    head = f"{who}：" if who else ""
    return _zh(f"{head}{cell}{label}{whose}", script) + marker


_ABOUT_EN = {
    "amount": "the amount", "count": "the numbers", "duration": "the period",
    "date": "the dates", "day": "the date", "year": "the year",
    "department": "the responsible office",
    "condition": "who qualifies", "phone": "the phone number",
    "discount": "the discount", "author": "who wrote or issued it",
    "degree": "the degree required", "materials": "the documents required",
    "age": "the age limit", "title": "the title", "area": "the floor area",
    "honour": "the honour awarded", "web": "the web address",
    "address": "the address",
}


def english_intro(kinds: Sequence[str]) -> str:
    """The line before Chinese quotes in an answer to an English question.

    >>> english_intro(("department",))
    'What the policy documents say about the responsible office (quoted in Chinese):'
    """
    about = f" about {_ABOUT_EN[kinds[0]]}" if kinds and kinds[0] in _ABOUT_EN else ""
    return f"What the policy documents say{about} (quoted in Chinese):"


def region_note(kind: str, asked: str, regions: Sequence[str | None], script: Script,
                titles: Sequence[str] = ()) -> str:
    """The first line of an answer that does not come from the asked place's own rules.

    ``kind`` is ``other`` (another region's rules, for reference), ``silent`` (the same,
    when the library holds documents of the asked place that say nothing on this),
    ``wider`` (rules of a region that holds the asked place, or national ones: they apply
    there, but nothing in the library is the place's own) or ``unknown`` (the documents,
    named by ``titles``, do not say where they apply).

    >>> region_note("unknown", "南阳", [None], "hans", ["千秋基业"])
    '没有找到南阳的相关规定。以下内容出自《千秋基业》，该文件未注明适用地区，仅供参考：'
    >>> region_note("wider", "南阳", ["全国", "河南省"], "hans")
    '没有找到南阳本地的规定。以下是国家层面、河南省的规定：'
    >>> region_note("silent", "崂山", ["威海市"], "hans")
    '崂山的文件中没有找到这方面的内容。以下是威海市的规定，仅供参考：'
    """
    named = "、".join(dict.fromkeys(region_label(r) for r in regions if r))
    if script == "en":
        place = en_place(asked)
        if kind == "wider":
            whose = ", ".join(en_place(r) for r in dict.fromkeys(regions) if r)
            return (f"No rules of {place}'s own were found. These are the rules that "
                    f"cover it ({whose}):")
        if kind == "silent":
            return (f"The documents of {place} say nothing on this. For reference, these are "
                    f"the rules of {', '.join(en_place(r) for r in dict.fromkeys(regions) if r)}:")
        if kind == "other":
            return (f"No rules of {place} on this were found. For reference, these are the "
                    f"rules of {', '.join(en_place(r) for r in dict.fromkeys(regions) if r)}:")
        return (f"No rules of {place} on this were found. The documents below do not say "
                "where they apply; for reference only:")
    if kind == "silent":
        return _zh(f"{asked}的文件中没有找到这方面的内容。以下是{named}的规定，仅供参考：", script)
    if kind == "other":
        return _zh(f"没有找到{asked}的相关规定。以下是{named}的规定，仅供参考：", script)
    if kind == "wider":
        return _zh(f"没有找到{asked}本地的规定。以下是{named}的规定：", script)
    books = "、".join(f"《{t}》" for t in dict.fromkeys(titles) if t)
    source = f"以下内容出自{books}，该文件" if books else "以下文件"
    return _zh(f"没有找到{asked}的相关规定。{source}未注明适用地区，仅供参考：", script)


def renamed_note(pairs: Sequence[tuple[str, str]], script: Script) -> str:
    """The line that tells the asker the documents write a name they quoted otherwise
    (a half-remembered name read as the documents' own: ``pairs`` of as asked, as
    written there).

    >>> renamed_note([("智汇崂山", "汇智崂山")], "hans")
    '文件中的名称是“汇智崂山”（问题中写作“智汇崂山”）。'
    >>> renamed_note([("推荐制", "举荐制")], "hant")
    '文件中的名稱是“舉薦制”（問題中寫作“推薦制”）。'
    """
    said = "；".join(f"文件中的名称是“{doc}”（问题中写作“{asked}”）" for asked, doc in pairs)
    return _zh(f"{said}。", script)


def general_rules_note(groups: Sequence[str], script: Script) -> str:
    """The line that tells the asker the quoted rules name none of the groups they say
    they belong to (退役军人, 海归): they are the general rules that cover them.

    >>> general_rules_note(["退役军人"], "hans")
    '文件中没有专门针对退役军人的规定，以下是一般规定。'
    >>> general_rules_note(["退役军人"], "en")[:60]
    'The documents have no rules for the group you name (veterans'
    """
    if script == "en":
        who = ", ".join(en_term(g) for g in groups)
        return (f"The documents have no rules for the group you name ({who}) in particular; "
                "these are the general rules.")
    return _zh(f"文件中没有专门针对{'、'.join(groups)}的规定，以下是一般规定。", script)


def refusal(subject: str, script: Script, *, has_related: bool, hotline: str | None,
            coverage: str | None = None) -> str:
    """「政策库中没有找到{subject}。」 plus pointers to related passages, what the library
    covers and the hotline."""
    if script == "en":
        lines = [f"The policy library has nothing that answers {subject}." if subject
                 else "The policy library has no provision that answers this question."]
        if has_related:
            lines.append("The closest related passages are listed below for reference.")
    else:
        lines = [f"政策库中没有找到{subject}。" if subject else "政策库中没有找到相关规定。"]
        if has_related:
            lines.append("下面列出最接近的相关段落，仅供参考。")
        lines = [_zh(line, script) for line in lines]
    if coverage:
        lines.append(coverage)
    if hotline:
        lines.append(hotline if script != "hant" else _zh(hotline, script))
    return "\n".join(lines)


def partial_lead(subject: str, holder: str, script: Script) -> str:
    """「没有找到某市对博士的安家费。某市对博士有：」 before the related benefits."""
    if script == "en":
        return (f"The policy library has nothing that answers {subject}. "
                f"What it does state for {holder}:")
    return _zh(f"没有找到{subject}。{holder}有：", script)


def fallback_note(script: Script) -> str:
    """Said when the generative model failed and the extractive answer is shown."""
    if script == "en":
        return "(The language model was unavailable; showing quoted evidence instead.)"
    return _zh("（大模型暂时不可用，以下为政策原文摘录。）", script)


def clarify(subject: str, script: Script) -> str:
    """Asked when the question names no topic (e.g. 「那博士呢？」 without history)."""
    if script == "en":
        if not subject:
            return "Which policy would you like to know about?"
        return (f"Which policy about {subject} would you like to know (e.g. subsidies, housing, "
                "job-seeking support)?")
    about = f"关于{subject}的" if subject else ""
    return _zh(f"请说明想了解{about}哪方面的政策，例如生活补贴、住房或就业支持。", script)


def place_names_en(places: Sequence[str]) -> str:
    """English names of places, joined ('Nanyang and Weihai')."""
    names = [en_place(p) if gazetteer().named(p) or resolve(p) else p for p in places]
    return " and ".join(names)
