"""Filters of the counts extractor: people a figure names who are not a figure of the conflict
(sources, kin, aid beneficiaries, populations, ages, institutions), and sub-figures that join or
share another. Split from counts.py to keep modules short."""

from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Token

from eventwire.extractors.counts_lexicon import Lex as _Lex
from eventwire.extractors.counts_lexicon import cue as _cue
from eventwire.extractors.counts_lexicon import is_people as _is_people


class _Figure(Protocol):  # counts._Figure, as far as the filters read it
    @property
    def word(self) -> str: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def value(self) -> int: ...


def not_a_figure(kind: str, f: _Figure, noun: Token | None, verb: Token | None, before: str, lex: _Lex) -> bool:
    """People named with a number who are not a figure of the conflict."""
    if f.word.lower() == "one" and kind in ("troops", "displaced", "returned", "other"):
        return True  # "one officer", "one mother who escaped": a person, not a force or a flow
    if kind not in ("other", "troops"):
        return False
    if noun is not None and verb is not None and noun.head.i == verb.i and (
            (noun.dep_ == "nsubj" and verb.lemma_.lower() in lex.source_subject_verbs)
            or (noun.dep_ == "dobj" and verb.lemma_.lower() in lex.source_object_verbs)):
        return True  # "two residents told Reuters", "citing two soldiers at the base": sources
    return kind == "other" and f.qualifier == "exact" and bool(re.search(r"\bthe\s+$", before, re.IGNORECASE))


def not_people_figure(kind: str, f: _Figure, verb: Token | None, after: str, lex: _Lex) -> bool:
    """Figures that name no group of the conflict: a population, a superlative 'one of'."""
    if kind == "other" and verb is not None and verb.lemma_.lower() in lex.population_verbs:
        return True  # "about 4 million people live in the area"
    # "one of the country's most notorious prisons", "one of the deadliest attacks"
    return f.word.lower() == "one" and bool(re.match(
        r"\s+of\s+(?:the\s+|its\s+|their\s+|[\w.-]+['’]s?\s+)?(?:most|least|\w+est)\b", after, re.IGNORECASE))


HARM = frozenset({"killed", "injured", "detained", "missing", "trapped"})


def leaves_without(verb: Token, arg: Token) -> bool:
    """'leaving 25,000 residents without water' or 'with no running water'."""
    return any(c.dep_ == "prep" and (c.lower_ == "without" or (c.lower_ == "with" and any(
        g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children) for g in c.children)))
        for c in (*verb.children, *arg.children))


def beside_the_conflict(kind: str, noun: Token | None, anchor: Token, verb: Token | None, lex: _Lex) -> bool:
    """People a figure names who are not a figure of the conflict: kin travelling with someone,
    beneficiaries of aid, people left without a service."""
    arg = noun if noun is not None else anchor
    owners = (noun, noun.head) if noun is not None and noun.dep_ == "conj" else (noun,)
    if (noun is not None and kind not in HARM and (noun.lemma_.lower() in lex.kin or noun.lower_ in lex.kin)
            and any(c.dep_ == "poss" for o in owners if o is not None for c in o.children)):
        return True  # "with her three sons", "his two kids", "his wife and two daughters"
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if (arg.dep_ == "pobj" and arg.head.lower_ in ("to", "for") and arg.head.head.i == verb.i
            and lemma in lex.aid_verbs):
        return True  # "distributed rations to 2,300 displaced people"
    if (lemma in lex.aid_object_verbs and arg.head.i == verb.i and arg.dep_ in ("dobj", "nsubjpass")
            and kind in ("other", "displaced", "returned")):
        return True  # "the team assisted 900 households", "treated 140 patients"
    return lemma == "leave" and leaves_without(verb, arg)


def reported_people(noun: Token, lex: _Lex) -> tuple[Token, str] | None:
    """'300 reports of missing people': the people of the 'of' phrase and the kind their cue gives."""
    if noun.lemma_.lower() not in lex.report_nouns:
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for people in prep.children:
            if people.dep_ == "pobj" and _is_people(people, lex):
                kind = next((_cue(c, lex) for c in people.children
                             if c.dep_ in ("amod", "compound", "acl", "relcl") and _cue(c, lex)), None)
                if kind is not None:
                    return people, kind
    return None


_POSSESSIVES = frozenset({"their", "his", "her", "its"})


def _one_person(noun: Token, lex: _Lex) -> bool:
    """A singular noun naming a person: a people noun, or an agentive one ('driver', 'guide')."""
    return _is_people(noun, lex) or (noun.lemma_.lower() not in lex.non_people
                                     and (noun.lower_ + "s").endswith(lex.suffixes))


def implied_person(noun: Token, lex: _Lex) -> Token | None:
    """A person joined to the counted noun by 'and' and named with 'a'/'an' ('a woman and her two
    sons', 'three children and a teacher'): one more in the same figure."""
    pairs = ([noun.head] if noun.dep_ == "conj" else []) + [c for c in noun.children if c.dep_ == "conj"]
    for other in pairs:
        if other.pos_ == "NOUN" and _one_person(other, lex) and other.tag_ == "NN" and any(
                (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "poss" and c.lower_ in _POSSESSIVES)
                for c in other.children) and not any(c.dep_ == "nummod" for c in other.children):
            return other  # "a teacher", "their driver": one more person
    return None
