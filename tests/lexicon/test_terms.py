"""Word lists load from data and keep their shape."""

from __future__ import annotations

from lexicon import (
    benefit_kinds,
    degree_aliases,
    degrees,
    function_chars,
    glossary_en,
    national_bodies,
    person_categories,
    question_phrases,
    synonym_folds,
    synonym_groups,
)


def test_synonyms_fold_every_variant_to_its_canonical_form() -> None:
    folds = dict(synonym_folds())
    for group in synonym_groups():
        assert len(group) >= 2
        for variant in group[1:]:
            assert folds[variant] in {g[0] for g in synonym_groups() if variant in g[1:]}


def test_lists_are_longest_first() -> None:
    for pairs in (synonym_folds(), degree_aliases(), glossary_en()):
        lengths = [len(a) for a, _ in pairs]
        assert lengths == sorted(lengths, reverse=True)
    assert [len(w) for w in question_phrases()] == sorted(map(len, question_phrases()),
                                                          reverse=True)


def test_degrees_and_categories() -> None:
    names = [d.name for d in degrees()]
    assert names.index("博士后") < names.index("博士")
    assert dict(degree_aliases())["博士后"] == "博士后"
    assert "硕士" in next(d for d in degrees() if d.name == "研究生").covers
    assert "大学生" in person_categories()["高校毕业生"]
    assert "安家补贴" in benefit_kinds()["安家费"]
    assert "国务院" in national_bodies() and "吗" in function_chars()


def test_glossary_has_no_place_names_and_lower_case_keys() -> None:
    for english, chinese in glossary_en():
        assert english == english.lower() and chinese
        assert english not in {"qingdao", "weihai", "beijing"}


def test_fact_department_and_region_cues_are_loaded() -> None:
    from lexicon import department_cues, fact_cues, region_cues

    cues = fact_cues()
    assert {"grant", "statistic", "per_unit", "cap", "penalty", "budget_verb"} <= set(cues)
    assert all(len(a) >= len(b) for a, b in zip(cues["grant"], cues["grant"][1:], strict=False))
    assert "责任单位" in department_cues()["label"] and "局" in department_cues()["suffix"]
    assert "其中" in region_cues()["continues"] and "赴" in region_cues()["not_before"]


def test_spoken_forms_rewrite_to_written_forms_in_one_pass() -> None:
    from lexicon import standard_wording

    assert standard_wording("啥时候") == "什么时候"  # the longer form wins over 啥
    assert standard_wording("咱们") == "我们"
    assert standard_wording("咱国家有多少技工") == "我国有多少技工"  # not 我国家
    assert standard_wording("我们") == "我们"  # a written form is left as it is
    assert standard_wording("挣更多钱的办法") == "挣更多钱的办法"  # no written word is touched
