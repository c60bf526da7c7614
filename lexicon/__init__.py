"""Domain knowledge as data, with one owner: places, synonyms, degrees, person
categories, benefit kinds, the English glossary and an English-Chinese dictionary.

Everything here is loaded from ``lexicon/data`` (see its README for sources and
licences); ingest, index and app all read knowledge through this package and keep
no copies of their own. It imports nothing from the rest of the project.

>>> from lexicon import gazetteer, region_relation
>>> gazetteer().named("南阳")[0].name, region_relation("南阳", "河南")
('南阳市', 'contains')
"""

from lexicon.dictionary import english_senses, everyday_english
from lexicon.places import NATIONAL, Gazetteer, Mention, Place, gazetteer, starts_a_word
from lexicon.regions import (
    APPLIES,
    WIDER,
    Relation,
    applies_to,
    province_of,
    region_label,
    region_matches,
    region_relation,
    resolve,
)
from lexicon.terms import (
    Degree,
    ask_words,
    benefit_families,
    benefit_kinds,
    degree_aliases,
    degrees,
    department_cues,
    determiner_pattern,
    document_reference_pattern,
    document_words,
    english_for,
    english_stop_words,
    fact_cues,
    fold_synonyms,
    function_chars,
    general_stop_words,
    glossary_en,
    kind_words,
    list_words,
    localizers,
    modal_chars,
    money_words,
    national_bodies,
    person_categories,
    question_phrases,
    region_cues,
    social_phrases,
    standard_wording,
    synonym_folds,
    synonym_groups,
    umbrella_words,
)

__all__ = [
    "APPLIES",
    "NATIONAL",
    "WIDER",
    "Degree",
    "Gazetteer",
    "Mention",
    "Place",
    "Relation",
    "applies_to",
    "ask_words",
    "benefit_families",
    "benefit_kinds",
    "degree_aliases",
    "degrees",
    "department_cues",
    "determiner_pattern",
    "document_reference_pattern",
    "document_words",
    "english_for",
    "english_senses",
    "english_stop_words",
    "everyday_english",
    "fact_cues",
    "fold_synonyms",
    "function_chars",
    "gazetteer",
    "general_stop_words",
    "glossary_en",
    "kind_words",
    "list_words",
    "localizers",
    "modal_chars",
    "money_words",
    "national_bodies",
    "person_categories",
    "province_of",
    "question_phrases",
    "region_cues",
    "region_label",
    "region_matches",
    "region_relation",
    "resolve",
    "social_phrases",
    "standard_wording",
    "starts_a_word",
    "synonym_folds",
    "synonym_groups",
    "umbrella_words",
]
