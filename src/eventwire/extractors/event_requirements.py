"""Argument checks of event triggers: who moves, what is taken, what is aid.

A trigger's subtype may require arguments (taxonomy.json 'requires'): displaced
people as the subject, a place as the object of a capture, aid as what a convoy
verb moves or stops. These checks read the parse of the trigger's clause only.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extractors.event_background import aid_argument_ok
from eventwire.extractors.event_lexicon import Hit, Taxonomy
from eventwire.extractors.event_linking import Linker, is_people, is_place_like
from eventwire.extractors.event_syntax import Unit, is_passive, objects_of, prep_objects, subject_of

__all__ = ["medical", "requirements_ok"]


def requirements_ok(hit: Hit, anchor: Token, type_: str, subtype: str | None,
                     tax: Taxonomy, linker: Linker, unit: Unit) -> bool:
    req = tax.requires(type_, subtype)
    tok = hit.head
    checks = tax.subtype_info(type_, subtype).get("argument_checks", {}) if subtype else {}
    if "aid_argument" in checks and not aid_argument_ok(tok, anchor, checks["aid_argument"], tax, unit.span):
        return False  # "the convoy was postponed" is access; "the vote was postponed" is not
    verbal = tok.i == anchor.i
    if "subject" in req and verbal:
        subj = subject_of(anchor)
        if anchor.dep_ == "xcomp":
            # "fighting forced several hundred families to flee": the object moves
            subj = next((c for c in anchor.head.children if c.dep_ in ("dobj", "obj")), subj)
        if anchor.lemma_.lower() == "displace" and not is_passive(anchor):
            # "fighting has displaced 9,500 people": the object is who moved
            subj = next((c for c in anchor.children if c.dep_ in ("dobj", "obj")), subj)
        if subj is None or not is_people(subj, unit, tax, linker) or _armed(subj, tax):
            return False  # "fighters arrived at the post": an assault, not flight
    if "mover" in req and verbal:
        # "authorities evacuated 500 residents": the people moved are the object
        # (either may carry them when the parse of a long coordination is off)
        movers = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
        subj = subject_of(anchor)
        movers += [subj] if subj is not None else []
        if not any(is_people(m, unit, tax, linker) for m in movers):
            return False
        if subtype == "evacuation" and medical(anchor, movers, tax):
            return False  # "were wounded and evacuated to hospital": care, not displacement
    if "leave_object" in req and tok.lemma_.lower() == "leave":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if objs and not all(is_place_like(o, unit, tax, linker) for o in objs):
            return False
        if any(c.dep_ in ("oprd", "xcomp", "acomp") for c in tok.children):
            return False  # "left 500 people dead"
    if req.get("object") == "place":
        cands = objects_of(tok) + ([] if verbal else objects_of(anchor))
        # "took two phones from the suspects' homes": where a thing is taken from
        # is not what is captured
        # ("withdrew from the town" is about that town: only captures are checked so)
        if type_ == "battle":
            cands = [c for c in cands if not (c.dep_ == "pobj" and c.head.lower_ in ("from", "off", "out"))]
        if verbal:
            subj = subject_of(anchor)
            if subj is not None and (is_passive(anchor) or tok.lemma_.lower() == "fall"):
                cands.append(subj)
            if subj is None:
                # a subject the parser lost ("two towns – Daraya and Madaya – fell"):
                # the nouns just before the verb
                cands += [t for t in tok.doc[max(tok.i - 6, unit.span.start) : tok.i]
                          if t.pos_ in ("NOUN", "PROPN")]
        if not verbal:
            cands += [c for c in tok.children if c.dep_ in ("compound", "poss")]
        if not any(is_place_like(c, unit, tax, linker) for c in cands):
            return False
        if verbal and is_passive(anchor):
            subj = subject_of(anchor)
            if subj is not None and is_people(subj, unit, tax, linker):
                return False
    if req.get("object") == "people":
        banned = set(req.get("not_objects", []))
        cands = [c for c in objects_of(tok) if c.dep_ != "pobj" or c.head.lower_ in ("of",)]
        subj = subject_of(anchor)
        if verbal and is_passive(anchor) and subj is not None:
            cands.append(subj)
            cands += prep_objects(subj, {"of"})  # "dozens of suspects were rounded up"
        if any(c.lemma_.lower() in banned or c.lower_ in banned for c in cands):
            return False
        if verbal and not any(is_people(c, unit, tax, linker) or c.lemma_.lower() in tax.cues["suspect_words"]
                              for c in cands):
            return False
    return True


def medical(verb: Token, movers: list[Token], tax: Taxonomy) -> bool:
    """The people moved are the wounded: a verb coordinated with a harm verb,
    or movers named by their wounds ('the injured were evacuated')."""
    words = tax.cues.get("medical_words", frozenset())
    if any(m.lower_ in words or m.lemma_.lower() in words for m in movers):
        return True
    linked = [verb.head] if verb.dep_ == "conj" else []
    linked += [c for c in verb.children if c.dep_ == "conj"]
    return any(t.lemma_.lower() in ("wound", "injure", "hurt") for t in linked)


def _armed(noun: Token, tax: Taxonomy) -> bool:
    """Fighters, troops, gunmen: people who move to fight, not to escape."""
    words = tax.cues.get("armed_person_words", frozenset())
    return noun.lemma_.lower() in words or noun.lower_.rstrip("s") in words
