"""Key-fact lines: the asked degree's figure, only from a general rule."""

from __future__ import annotations

from app.answer.facts import benefit_label, degree_figures

GENERAL = ("落实“万名大学生聚集计划”引才政策，按照本科、硕士、博士学历分别给予每\n月 1000元、"
           "2000元、5000元的生活津贴；")
NARROW = ("对冲击千亿元目标企业引进的“双一流”高校硕士研究生、本科毕业生，"
          "生活补贴分别提高至每月5000 元、 3000元；")


def test_respectively_lists_are_paired_in_order() -> None:
    assert degree_figures(GENERAL) == {"本科": "每月1000元", "硕士": "每月2000元",
                                       "博士": "每月5000元"}
    assert degree_figures(NARROW) == {"硕士": "每月5000元", "本科": "每月3000元"}


def test_inline_pairs_and_labels() -> None:
    text = ("按照博士研究生1万元、硕士研究生5000元、本科毕业生3000 元的标准发放"
            "一次性返乡留威补贴，提升收入。")
    assert degree_figures(text) == {"博士": "1万元", "硕士": "5000元", "本科": "3000元"}
    assert benefit_label(text) == "一次性返乡留威补贴"
    assert benefit_label(GENERAL) == "生活津贴"


def test_lists_of_different_lengths_are_not_guessed() -> None:
    assert degree_figures("本科、硕士、博士分别给予每月1000元、2000元") == {}
    assert degree_figures("博士后进站补贴10万元") == {}
