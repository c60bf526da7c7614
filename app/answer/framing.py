"""The few words the engine writes itself: lead-ins and refusals, per script.

Framing is written in simplified Chinese and converted for Traditional
questions; English questions get English framing. Nothing here states a
policy fact.

>>> lead_in(("amount",), "en")
'Here is what the policy documents say about the amount (quoted in Chinese):'
"""

from __future__ import annotations

from collections.abc import Sequence

from app.answer.script import Script, in_script

_LEAD_ZH = {
    "amount": "根据政策库中的文件，相关补贴和金额如下：",
    "count": "根据政策库中的文件，相关数字如下：",
    "duration": "根据政策库中的文件，相关期限如下：",
    "date": "根据政策库中的文件，相关时间如下：",
    "department": "根据政策库中的文件，负责的部门或处室如下：",
    "condition": "根据政策库中的文件，适用对象和条件如下：",
}
_LEAD_EN = {
    "amount": "the amount", "count": "the numbers", "duration": "the period",
    "date": "the dates", "department": "the responsible office", "condition": "who qualifies",
}


def lead_in(kinds: Sequence[str], script: Script) -> str:
    """One line that introduces the quoted evidence."""
    kind = kinds[0] if kinds else ""
    if script == "en":
        about = f" about {_LEAD_EN[kind]}" if kind in _LEAD_EN else ""
        return f"Here is what the policy documents say{about} (quoted in Chinese):"
    return in_script(_LEAD_ZH.get(kind, "根据政策库中的文件，相关规定如下："), script)


def refusal(subject: str, script: Script, *, has_related: bool, hotline: str | None) -> str:
    """「政策库中没有找到关于……的规定。」 plus pointers to related passages and the hotline."""
    if script == "en":
        lines = [f"The policy library has no provision on this question ({subject})."
                 if subject else "The policy library has no provision on this question."]
        if has_related:
            lines.append("The closest related passages are listed below for reference.")
    else:
        about = f"关于{subject}的" if subject else "相关"
        lines = [f"政策库中没有找到{about}规定。"]
        if has_related:
            lines.append("下面列出最接近的相关段落，仅供参考。")
        lines = [in_script(line, script) for line in lines]
    if hotline:
        lines.append(hotline if script != "hant" else in_script(hotline, script))
    return "\n".join(lines)


def fallback_note(script: Script) -> str:
    """Said when the generative model failed and the extractive answer is shown."""
    if script == "en":
        return "(The language model was unavailable; showing quoted evidence instead.)"
    return in_script("（大模型暂时不可用，以下为政策原文摘录。）", script)


def clarify(subject: str, script: Script) -> str:
    """Asked when the question names no topic (e.g. 「那博士呢？」 without history)."""
    if script == "en":
        if not subject:
            return "Which policy would you like to know about?"
        return (f"Which policy about {subject} would you like to know (e.g. subsidies, housing, "
                "job-seeking support)?")
    about = f"关于{subject}的" if subject else ""
    return in_script(f"请说明想了解{about}哪方面的政策，例如生活补贴、住房或就业支持。", script)


def key_fact_line(fact: str, n: int, script: Script) -> str:
    """「要点：硕士每月2000元生活津贴[1]」, the derived figure with its citation."""
    if script == "en":
        return f"Key figure: {fact}[{n}]"
    return f"{in_script('要点：', script)}{in_script(fact, script)}[{n}]"
