"""Domain knowledge as data, with one owner: places, synonyms, degrees, person
categories, benefit kinds, the English glossary and an English-Chinese dictionary.

Everything here is loaded from ``lexicon/data`` (see its README for sources and
licences); ingest, index and app all read knowledge through this package and keep
no copies of their own. It imports nothing from the rest of the project.

>>> from lexicon import gazetteer, region_relation
>>> gazetteer().named("南阳")[0].name, region_relation("南阳", "河南")
('南阳市', 'contains')
"""

from lexicon.categories import (
    Degree,
    benefit_families,
    benefit_kinds,
    degree_aliases,
    degrees,
    domain_words,
    person_categories,
)
from lexicon.cues import department_cues, fact_cues, national_bodies, region_cues
from lexicon.dictionary import english_senses, everyday_english, names_nothing
from lexicon.english import english_for, english_stop_words, glossary_en
from lexicon.places import NATIONAL, Gazetteer, Mention, Place, gazetteer, starts_a_word
from lexicon.question_words import (
    NUMERAL_CHARS,
    ask_words,
    cohort_words,
    complements,
    counted_pattern,
    determiner_pattern,
    document_reference_pattern,
    document_words,
    function_chars,
    general_stop_words,
    kind_words,
    list_words,
    localizers,
    modal_chars,
    money_words,
    part_year_words,
    people_words,
    question_phrases,
    saying_words,
    short_measure_chars,
    social_phrases,
    total_words,
    umbrella_words,
    whole_place_words,
    whole_year_words,
    writer_words,
)
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
from lexicon.wording import (
    fold_synonyms,
    present_words,
    relative_years,
    standard_wording,
    synonym_folds,
    synonym_groups,
)

__all__ = [
    "APPLIES",
    "NATIONAL",
    "NUMERAL_CHARS",
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
    "cohort_words",
    "complements",
    "counted_pattern",
    "degree_aliases",
    "degrees",
    "department_cues",
    "determiner_pattern",
    "document_reference_pattern",
    "document_words",
    "domain_words",
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
    "names_nothing",
    "national_bodies",
    "part_year_words",
    "people_words",
    "person_categories",
    "present_words",
    "province_of",
    "question_phrases",
    "region_cues",
    "region_label",
    "region_matches",
    "region_relation",
    "relative_years",
    "resolve",
    "saying_words",
    "short_measure_chars",
    "social_phrases",
    "standard_wording",
    "starts_a_word",
    "synonym_folds",
    "synonym_groups",
    "total_words",
    "umbrella_words",
    "whole_place_words",
    "whole_year_words",
    "writer_words",
]
