"""The lexicons of the counts extractor (``data/counts.json``) as compiled views, and the word
tests built on them. Split from counts.py to keep modules short."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from eventwire.extractors.numbers import counts_lexicon

# ---------------------------------------------------------------- lexicon views

@dataclass(frozen=True)
class Lex:
    cue: dict[str, str]              # lemma -> kind (troops apart)
    troops: frozenset[str]
    troops_overridden_by: frozenset[str]
    phrases: tuple[tuple[str, frozenset[str], str, frozenset[str]], ...]
    leave_complements: dict[str, str]
    leave_not: frozenset[str]
    people: frozenset[str]
    non_people: frozenset[str]
    suffixes: tuple[str, ...]
    units: re.Pattern[str]
    before_not: re.Pattern[str]
    ages: tuple[str, ...]
    qualifiers: re.Pattern[str]
    qualifier_info: dict[str, tuple[str, str]]
    vague_re: re.Pattern[str]
    vague: dict[str, dict[str, Any]]
    approximate_scales: tuple[str, ...]
    hedges: re.Pattern[str]
    negators: frozenset[str]
    modals: frozenset[str]
    hypothetical: frozenset[str]
    reporting: frozenset[str]
    background_nouns: frozenset[str]
    background_phrases: re.Pattern[str]
    object_cues: dict[str, str]
    cue_exceptions: dict[str, frozenset[str]]
    subfigure: re.Pattern[str]
    same_figure_subjects: frozenset[str]
    currency: re.Pattern[str]
    standing_verbs: frozenset[str]
    population_verbs: frozenset[str]
    report_nouns: frozenset[str]
    to_death: frozenset[str]
    cue_only: frozenset[str]
    subject_cues: dict[str, str]
    kin: frozenset[str]
    aid_verbs: frozenset[str]
    aid_object_verbs: frozenset[str]
    age_band: re.Pattern[str]
    dwelling_verbs: frozenset[str]
    displacement_sites: frozenset[str]
    missing_phrases: dict[str, frozenset[str]]
    source_subject_verbs: frozenset[str]
    source_object_verbs: frozenset[str]
    push_verbs: frozenset[str]
    age_of: re.Pattern[str]
    force_units: frozenset[str]
    deploy_verbs: frozenset[str]
    institutions: frozenset[str]
    institution_max: int
    condition_after: re.Pattern[str]


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lex:
    d = counts_lexicon()
    cues = {lemma: kind for kind, lemmas in d["kind_cues"].items() if kind != "troops" for lemma in lemmas}
    vague = {v["phrase"]: v for v in d["vague"]}
    # "tens", "scores" and "a number" are numerals only before "of" ("scores of people")
    vague_alts = [re.escape(p) + (r"(?=\s+of\b)" if p in ("tens", "scores", "a number") else "")
                  for p in sorted(vague, key=len, reverse=True)]
    return Lex(
        cue=cues,
        troops=frozenset(d["kind_cues"]["troops"]),
        troops_overridden_by=frozenset(d["troops_overridden_by"]),
        phrases=tuple((p["verb"], frozenset(p["with"]), p["kind"], frozenset(p.get("and", ())))
                      for p in d["phrase_cues"]),
        leave_complements=dict(d["leave_complements"]),
        leave_not=frozenset(d["leave_not_displacement"]),
        people=frozenset(d["people_nouns"]),
        non_people=frozenset(d["non_people_nouns"]),
        suffixes=tuple(d["agentive_suffixes"]),
        units=re.compile(r"^[\s-]*(?:and[\s-]+a[\s-]+half[\s-]+)?(?:" + alternation(d["units"]) + r")(?![\w])",
                         re.IGNORECASE),
        before_not=re.compile(r"(?:^|[\s(])(?:" + alternation(d["before_not_count"]) + r")\s*$", re.IGNORECASE),
        ages=tuple(d["age_suffixes"]),
        # "up to a further 5,000", "at least another 200": a word of addition between qualifier and number
        qualifiers=re.compile(r"(?:^|(?<=[\s(\"'“‘]))(" + alternation(q["phrase"] for q in d["qualifiers"])
                              + r")\s+(?:(?:a\s+further|another|an\s+additional|an\s+extra)\s+)?$", re.IGNORECASE),
        qualifier_info={q["phrase"]: (q["qualifier"], q["bounds"]) for q in d["qualifiers"]},
        vague_re=re.compile(r"(?<![\w])(?:" + "|".join(vague_alts) + r")(?![\w])", re.IGNORECASE),
        vague=vague,
        approximate_scales=tuple(d["approximate_scales"]),
        hedges=re.compile(r"\b(?:" + alternation(d["hedges"]) + r")\b", re.IGNORECASE),
        negators=frozenset(d["negators"]),
        modals=frozenset(d["modals"]),
        hypothetical=frozenset(d["hypothetical_verbs"]),
        reporting=frozenset(d["reporting_verbs"]),
        background_nouns=frozenset(d["background_nouns"]),
        background_phrases=re.compile(r"\b(?:" + alternation(d["background_phrases"]) + r")\b", re.IGNORECASE),
        object_cues=dict(d["object_cues"]),
        cue_exceptions={k: frozenset(v) for k, v in d["cue_exceptions"].items()},
        # "including three children", and the next group of the same list: "among them seven women and "
        subfigure=re.compile(r"\b(?:" + alternation(d["subfigure_markers"])
                             + r")\s+(?:(?:[\w-]+,?\s+){1,4}(?:and|or)\s+)?$", re.IGNORECASE),
        same_figure_subjects=frozenset(d["same_figure_subjects"]),
        standing_verbs=frozenset(d["standing_verbs"]),
        population_verbs=frozenset(d.get("population_verbs", ())),
        report_nouns=frozenset(d.get("report_nouns", ())),
        to_death=frozenset(d.get("to_death", ())),
        cue_only=frozenset(d.get("cue_only_nouns", ())),
        subject_cues=dict(d.get("subject_cues", {})),
        kin=frozenset(d.get("kin_nouns", ())),
        aid_verbs=frozenset(d.get("aid_verbs", ())),
        aid_object_verbs=frozenset(d.get("aid_object_verbs", ())),
        dwelling_verbs=frozenset(d.get("dwelling_verbs", ())),
        displacement_sites=frozenset(d.get("displacement_sites", ())),
        missing_phrases={m["verb"]: frozenset(m["with"]) for m in d.get("missing_phrases", ())},
        source_subject_verbs=frozenset(d.get("source_verbs", {}).get("subject", ())),
        source_object_verbs=frozenset(d.get("source_verbs", {}).get("object", ())),
        push_verbs=frozenset(d.get("push_verbs", ())),
        # "a boy of 16": an optional adjective between the article and the noun ("an old man of 82")
        age_of=re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+)?(?:" + alternation(d.get("age_of_nouns", ["boy"]))
                          + r")\s+of\s+$", re.IGNORECASE),
        force_units=frozenset(d.get("force_units", ())),
        deploy_verbs=frozenset(d.get("deploy_verbs", ())),
        institutions=frozenset(d.get("institution_nouns", ())),
        institution_max=int(d.get("institution_max", 0)),
        condition_after=re.compile(r"^\s+of\s+(?:them|whom)\b[\s,]*(?:were\s+|are\s+|was\s+|is\s+)?(?:"
                                   + alternation(d.get("condition_after", ["seriously"])) + r")\b", re.IGNORECASE),
        age_band=re.compile(r"\b([a-z]+)\s+(?:" + alternation(d.get("age_band_words", ["under"]))
                            + r")\s+(?:the\s+age\s+of\s+)?$", re.IGNORECASE),
        currency=re.compile(r"(?:[$£€¥₦]|\b(?:" + alternation(d["currency"]) + r")s?\b)", re.IGNORECASE),
    )


def cue(tok: Token, lex: Lex) -> str | None:
    """The kind a word cues, by its form or its lemma ("missing" is lemmatised "miss")."""
    return lex.cue.get(tok.lower_) or lex.cue.get(tok.lemma_.lower())


def is_people(noun: Token, lex: Lex) -> bool:
    lemma, low = noun.lemma_.lower(), noun.lower_
    if lemma in lex.non_people or low in lex.non_people:
        return False
    if lemma in lex.people or low in lex.people or lemma in lex.troops or low in lex.troops:
        return True
    if noun.ent_type_ == "NORP":
        return True
    return noun.tag_ in ("NNS", "NNPS") and low.endswith(lex.suffixes)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(_MONTHS) + r")\b\.?", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\.?\s+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z-]*)\s$")


def is_date_number(before: str, after: str) -> bool:
    """'5 August', 'August 5', '5th of May': a day of a month, not a count. 'May' counts as a
    month only capitalised (the modal 'may 5 people ...' is rare but lower case)."""
    if _MONTH_AFTER.match(after):
        return True
    m = _MONTH_BEFORE.search(before)
    return m is not None and (m.group().strip().lower() != "may" or m.group()[0] == "M")


def in_proper_name(before: str, word: str) -> bool:
    """A digit number right after a capitalised word inside a sentence is part of a name:
    'Task Force 46', 'Brigade 5', 'Route 1', 'Highway 7' (weekdays and months apart)."""
    if not word.isdigit():
        return False
    m = _NAME_BEFORE.search(before)
    return m is not None and m.group(1).lower() not in _MONTHS + _WEEKDAYS


def not_heard_from(verb: Token, lex: Lex) -> bool:
    """A negated verb of finding or hearing from people: 'have not been heard from since Sunday'."""
    words = lex.missing_phrases.get(verb.lemma_.lower())
    return words is not None and any(c.dep_ == "neg" for c in verb.children) and (
        not words or bool(words & {c.lower_ for c in verb.children}))


def pushed_into_place(verb: Token) -> bool:
    """'push/drive people into the city': an 'into' or 'towards' phrase on a place name or a camp;
    'moved families to shelters': a 'to' phrase on a displacement site (a 'to' phrase on a place
    name is only a destination: 'moved 300 troops to the city')."""
    sites = lexicon().displacement_sites
    places = sites | {"city", "town", "village", "capital", "country"}
    return any(c.dep_ == "prep" and any(
        g.dep_ == "pobj" and (
            (c.lower_ in ("into", "towards", "toward")
             and (g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "PROPN" or g.lemma_.lower() in places))
            or (c.lower_ == "to" and g.lemma_.lower() in sites and any(d.dep_ == "dobj" for d in verb.children)))
        for g in c.children) for c in verb.children)


def compound_word(noun: Token) -> str:
    """'police officers' -> 'police officer': a two-word force noun of the lexicon."""
    comp = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
    return f"{comp.lower_} {noun.lemma_.lower()}" if comp is not None else noun.lemma_.lower()
