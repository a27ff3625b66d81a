"""Triggers that name a happening without reporting one, and argument checks of
the aid-access verbs.

A trigger can sit in a clause that only uses a happening as a reference point
("since the fighting began"), a fear ("fled, fearing clashes"), a framing
("the shelling comes at the start of the harvest") or a denial of a figure
("police rejected that figure"). None of these is a new event.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventwire.extractors.event_lexicon import Taxonomy
from eventwire.extractors.event_syntax import Unit, is_passive, prep_objects, subject_of

_MILITARY_MODIFIERS = {"military", "army", "armoured", "armored", "police", "troop"}


def not_a_happening(tok: Token, anchor: Token, tax: Taxonomy, *, statement: bool) -> bool:
    """True when the trigger `tok` (anchored at `anchor`) is mentioned, not reported."""
    if _since_clause(anchor) or _war_onset(tok, tax) or _claim_content(anchor):
        return True
    if _by_year_habit(anchor) or _year_named(tok, anchor) or _purpose(anchor, tax) or _to_care(anchor, tax):
        return True
    if _plural_topic(tok, anchor, tax) or _feared(tok, anchor, tax):
        return True
    if _framed(tok, anchor, tax) or _time_frame(tok) or _over_a_span(anchor):
        return True
    if charged_with(tok, tax) or _standing(tok, anchor) or _helped(anchor) or _this_document(tok):
        return True
    return statement and _figure_denied(anchor, tax)


_SPAN_UNITS = {"year", "decade", "month"}
# nouns that turn what follows into an accusation: "on charges of arson", "on suspicion of looting"
_CHARGE_NOUNS = {"charge", "accusation", "suspicion", "allegation", "count", "offence", "offense", "crime"}


def _arrest_verb(tok: Token, tax: Taxonomy) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in ("charge", "convict", "sentence", "jail", "prosecute", "indict", "try", "book", "accuse"):
        return True
    return any(e.subtype == "arrest" for e in tax.single.get(lemma, ()))


def charged_with(tok: Token, tax: Taxonomy) -> bool:
    """'arrested on charges including arson and assaulting officers', 'held for
    looting', 'detained on suspicion of rioting': what someone is accused of is
    the reason of the arrest, not a happening of its own."""
    for a in tok.ancestors:
        if a.lemma_.lower() in _CHARGE_NOUNS and a.pos_ == "NOUN":
            return True
        if a.dep_ == "prep" and a.lower_ == "for" and _arrest_verb(a.head, tax):
            return True
        if a.pos_ in ("VERB", "AUX") and a.tag_ != "VBG":
            return False  # the clause of its own verb: stop there
    return False


# verbs of where people are, not of their moving: "many are sleeping in classrooms"
_CONDITION_VERBS = {"sleep", "huddle", "camp", "live", "stay", "spend", "remain"}
# "fell silent", "went quiet": a verb of capture or flight turned state word
_STATE_CHANGE_VERBS = {"fall", "go"}
_SPAN_END_PREPS = {"until", "till", "up"}
_SUPPORT_VERBS = {"help", "assist", "support", "aid", "back"}
_DOCUMENT_NOUNS = {"release", "report", "statement", "update", "document", "bulletin", "sitrep"}


def _has_year(tok: Token) -> bool:
    return any(_is_year(w) for w in tok.subtree)


def _standing(tok: Token, anchor: Token) -> bool:
    """A standing situation, not a new happening: where people are now without a
    figure ('many are sleeping in the open', 'families are living in tents'), a
    tally up to an earlier date ('two million had been uprooted by March 2023')
    and a past span ending in a named year ('was besieged for years until 2016')."""
    if tok.lemma_.lower() in _STATE_CHANGE_VERBS and \
            any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in tok.children):
        return True  # "the guns fell silent", "the town fell quiet": a state word, not a capture
    auxes = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    if anchor.lemma_.lower() in _CONDITION_VERBS and tok.i == anchor.i and \
            (anchor.tag_ in ("VBP", "VBZ") or (anchor.tag_ == "VBG" and auxes & {"are", "is", "am"})):
        subj = subject_of(anchor)
        return subj is None or not any(w.like_num for w in subj.subtree)
    if auxes & {"will", "would", "could", "may", "might"}:
        return False
    for prep in anchor.children:
        if prep.dep_ not in ("prep", "agent"):
            continue  # a passive's "by 2019" is parsed as its agent
        if prep.lower_ == "by" and "had" in auxes and any(_has_year(o) for o in prep.children if o.dep_ == "pobj"):
            return True
        if prep.lower_ in _SPAN_END_PREPS and anchor.tag_ in ("VBD", "VBN") and \
                any(_is_year(o) for o in prep.subtree):
            return True
    return False


def _helped(anchor: Token) -> bool:
    """'its air force is helping the army repel the attack', 'sent advisers to
    assist troops fighting the rebels': support to a side, not a battle told."""
    for a in (anchor, *list(anchor.ancestors)[:2]):
        if a.dep_ in ("xcomp", "ccomp", "acl") and a.head.lemma_.lower() in _SUPPORT_VERBS:
            return True
    return False


def _this_document(tok: Token) -> bool:
    """'Figures in this release come from interviews', 'as this report went to
    press': the document itself, not a release of people."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _DOCUMENT_NOUNS and \
        any(c.dep_ == "det" and c.lower_ in ("this", "these") for c in tok.children)


def _over_a_span(anchor: Token) -> bool:
    """'have waged an insurgency for two decades, targeting troops', 'killed
    1,000 people in the past two years': acts told over months or years are a
    campaign, not one happening (its participle shares the span)."""
    verbs = [anchor] + ([anchor.head] if anchor.dep_ in ("advcl", "conj") and anchor.tag_ == "VBG" else [])
    for v in verbs:
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "over", "in"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.lemma_.lower() not in _SPAN_UNITS:
                    continue
                mods = {c.lower_ for c in obj.children}
                if prep.lower_ == "in" and not mods & {"past", "last"}:
                    continue  # "in March" is a date, "in the past two years" a span
                if obj.tag_ == "NNS" or mods & {"several", "many", "past", "last"}:
                    return True
    return False


_FRAME_PREPS = {"during", "throughout", "amid", "amidst"}


def _time_frame(tok: Token) -> bool:
    """'killed 40 soldiers during the siege', 'amid the fighting': a definite
    happening named as the time frame of the clause is one already told."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in _FRAME_PREPS:
        return False
    if any(c.dep_ in ("relcl", "acl") for c in tok.children):
        return False  # "during the evacuation that followed the fall of X": told here
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)


def _since_clause(anchor: Token) -> bool:
    """'had fled since the fighting began', 'have plagued Nigeria since militants
    seized 276 girls': the clause dates the main report; its happening is told
    elsewhere or is history."""
    return anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in anchor.children)


def _war_onset(tok: Token, tax: Taxonomy) -> bool:
    """'The war began when militants attacked ..., killing 1,200': how a war
    started is history told as background, not the news of the day."""
    for t in [tok, *tok.ancestors][:5]:
        if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after")
                                     for c in t.children) and _war_began(t.head, tax):
            return True
    if tok.dep_ != "nsubj" or not any(c.dep_ == "advcl" for c in tok.head.children):
        return False
    if _war_began(tok.head, tax):
        return True
    # "the fighting began after youths accused soldiers ...": the cause of a fight already told
    onset = tok.head.lemma_.lower() in tax.cues.get("onset_verbs", frozenset())
    return onset and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _war_began(verb: Token, tax: Taxonomy) -> bool:
    subj = subject_of(verb)
    return verb.lemma_.lower() in tax.cues.get("onset_verbs", frozenset()) and subj is not None \
        and subj.lemma_.lower() in tax.cues.get("war_words", frozenset())


def _claim_content(anchor: Token) -> bool:
    """'X claimed the raid, saying its fighters had killed seven people': what the
    claim says happened is the raid already told, not a second event."""
    if anchor.dep_ != "ccomp" or anchor.head.lemma_.lower() != "say" or anchor.head.dep_ != "advcl":
        return False
    claim = anchor.head.head
    if claim.lemma_.lower() != "claim":
        return False
    return any(c.dep_ in ("dobj", "obj") and any(d.dep_ in ("det", "poss") for d in c.children)
               for c in claim.children)


def _by_year_habit(anchor: Token) -> bool:
    """'By 2016 it was sending suicide bombers into the capital': a practice
    reached by a year, told in the past progressive."""
    if anchor.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in anchor.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(_is_year(p) for p in c.children)
               for c in anchor.children)


def _is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20")


def _year_named(tok: Token, anchor: Token) -> bool:
    """'the 2015 massacre at Garissa, where 148 people were slaughtered': a past
    event named by its year, and what is told of it."""
    if anchor.lemma_ == "be" and tok.dep_ == "nsubj" and tok.head.i == anchor.i:
        return True  # "the mob was behind ...": who someone is, not what happened
    return any(t.pos_ == "NOUN" and any(c.dep_ in ("nummod", "compound", "amod") and _is_year(c) for c in t.children)
               for t in [tok, *tok.ancestors][:4])


def _purpose(anchor: Token, tax: Taxonomy) -> bool:
    """'Horizon Relief works with volunteers to deliver aid': what an organisation
    does as a rule (present simple + purpose infinitive), not a happening."""
    if anchor.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return False
    head = anchor.head
    governing = tax.cues["planned_governors"] | tax.cues["intention_governors"] | tax.cues["appeal_governors"]
    # "troops are to withdraw" is a plan, not a purpose
    return head.tag_ in ("VBZ", "VBP") and head.lemma_ != "be" and head.lemma_.lower() not in governing


def _to_care(anchor: Token, tax: Taxonomy) -> bool:
    """'both were taken to hospital': care for the wounded, not a capture or a flight."""
    care = tax.cues.get("care_places", frozenset())
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(p.lower_ in care for p in c.children)
               for c in anchor.children)


def _plural_topic(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """'School kidnappings have plagued the north': a bare plural event noun as the
    subject of a perfect that is not an occurrence verb is a pattern, not one event."""
    if tok.i == anchor.i or tok.tag_ not in ("NNS", "NNPS") or tok.dep_ != "nsubj" or tok.head.i != anchor.i:
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children)
    return perfect and anchor.lemma_.lower() not in tax.occurrence_verbs


def _feared(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """'left their homes, fearing clashes': what is feared is a reason, not a happening."""
    fear = tax.cues.get("fear_governors", frozenset())
    return tok.i != anchor.i and anchor.tag_ == "VBG" and anchor.lemma_.lower() in fear


def _framed(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """'The shelling comes at the start of the harvest': a noun already told,
    placed in time by a framing verb."""
    framing = tax.cues.get("framing_verbs", frozenset())
    if anchor.lemma_.lower() not in framing or tok.i == anchor.i:
        return False
    return tok.dep_ == "nsubj" and tok.head.i == anchor.i and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _figure_denied(anchor: Token, tax: Taxonomy) -> bool:
    """'Police rejected that figure.': a number disputed, nothing said about what happened."""
    if anchor.lemma_.lower() not in tax.cues["negation_governors"]:
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in anchor.children):
        return False
    objs = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
    figures = tax.cues.get("figure_words", frozenset())
    return bool(objs) and all(o.lower_ in figures or o.lemma_.lower() in figures for o in objs)


def aid_argument_ok(tok: Token, anchor: Token, verbs: list[str], tax: Taxonomy, sentence: Span) -> bool:
    """An aid-access verb ('postponed', 'suspended', 'distributed', 'reached')
    counts only when what it moves or stops is aid: food, meals, kits, or a
    convoy, flights or movements in a sentence that says they are humanitarian
    ('a UN convoy was postponed', 'partners distributed hot meals')."""
    if tok.lemma_.lower() not in verbs or tok.i != anchor.i:
        return True
    cands = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
    cands += [c for o in cands for c in o.conjuncts]
    subj = subject_of(anchor)
    if subj is not None and (is_passive(anchor) or anchor.lemma_.lower() == "reach"):
        cands.append(subj)
    cands += [p for c in list(cands) for p in prep_objects(c, {"of"})]  # "a convoy of 13 trucks"
    words = tax.cues.get("aid_words", frozenset())
    vehicles = tax.cues.get("aid_vehicle_words", frozenset())
    cues = tax.cues.get("humanitarian_cues", frozenset())
    if any(_named(c, words) and not _military(c) for c in cands):
        return True
    if not any(_named(c, vehicles) and not _military(c) for c in cands):
        return False
    return any(t.text in cues or t.lower_ in cues for t in sentence)


def _named(noun: Token, words: frozenset[str]) -> bool:
    return noun.lower_ in words or noun.lemma_.lower() in words


def _military(noun: Token) -> bool:
    """'a military convoy reached the town': troops moving, not aid."""
    return any(c.lower_ in _MILITARY_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound"))


_NEEDS_ARMED_MODIFIER = {"camp", "convoy", "headquarters"}


def armed_target(anchor: Token, tax: Taxonomy) -> bool:
    """'attacked an army post', 'stormed a checkpoint': the object of the attack is
    a military installation, so the attack is a battle. A camp, convoy or
    headquarters counts only when named military ('an army camp')."""
    targets = tax.cues.get("military_targets", frozenset())
    objs = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
    if is_passive(anchor):
        subj = subject_of(anchor)
        objs += [subj] if subj is not None else []
    for o in objs:
        if o.lemma_.lower() not in targets and o.lower_ not in targets:
            continue
        if o.lemma_.lower() not in _NEEDS_ARMED_MODIFIER or _military(o):
            return True
    return False


# --- blocks of an article that report nothing -------------------------------------

_BULLETS = ("-", "•", "*", "–", "·", "▪")


def _bullet(text: str) -> bool:
    return text.lstrip().startswith(_BULLETS)


def _block_heading(unit: Unit, tax: Taxonomy) -> bool:
    """'About Meridian Aid', 'Notes to editors', 'ENDS': a short verbless line that
    opens a press release's boilerplate (who the organisation is, media contacts)."""
    words = [t for t in unit.tokens if t.is_alpha]
    if not words or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") and t.lower_ != "about" for t in words):
        return False
    low = " ".join(t.lower_ for t in words)
    return words[0].lower_ == "about" or any(low.startswith(h) for h in tax.cues.get("boilerplate_headings", ()))


def _describes_organisation(unit: Unit, tax: Taxonomy) -> bool:
    """'X is a non-profit relief agency active in 11 countries': a copular clause
    whose predicate names a kind of organisation says what X is, not what happened."""
    org = tax.cues.get("organisation_words", frozenset())
    for t in unit.tokens:
        if t.dep_ == "ROOT" and t.lemma_ == "be" and t.tag_ in ("VBZ", "VBP"):
            return any(c.dep_ == "attr" and c.lemma_.lower() in org for c in t.children)
    return False


def silent_units(units: Sequence[Unit], tax: Taxonomy) -> set[int]:
    """Indexes of units that report no happening:

    - the items of a list announced by a clause ending in a colon ('calls on the
      authorities to:', then '- guarantee safe passage ...;'): what is asked for;
      the appeal itself is the event of the announcing clause;
    - everything after a boilerplate heading ('About X', 'Notes to editors');
    - a copular description of an organisation ('X is a relief agency ...').
    """
    out: set[int] = set()
    in_list = False
    prev_semicolon = False
    boiler = False
    for u in units:
        text = u.text.strip()
        if u.in_title:
            continue
        if boiler or _block_heading(u, tax):
            boiler = True
            out.add(u.index)
            continue
        if in_list and (_bullet(text) or prev_semicolon):
            out.add(u.index)
            # a bare marker ('-' parsed alone) leads into its item
            prev_semicolon = text.endswith(";") or not text.strip("".join(_BULLETS) + " ")
            continue
        in_list = text.endswith(":") and any(t.pos_ in ("VERB", "AUX") for t in u.tokens) \
            and not _block_heading(u, tax)
        prev_semicolon = in_list  # the first line after the colon is an item, bullet or not
        if _describes_organisation(u, tax):
            out.add(u.index)
    return out


# --- statements -------------------------------------------------------------------


def coordinated_speakers(verb: Token) -> list[Token | None]:
    """'X said ... and accused Y': the subject of the first verb of the
    coordination, or of the verb of saying above it when the parse hung the
    second verb on the reported clause."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.i == verb.i:
        return []
    return [subject_of(t)] + ([subject_of(t.head)] if t.dep_ == "ccomp" else [])


def said_never(anchor: Token, tax: Taxonomy) -> bool:
    """A negated act as the content of a speaker's own words ('said its men had
    never targeted civilians', 'insisted they did not shell the camp')."""
    return anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in tax.cues["reporting_verbs"] \
        and anchor.head.lemma_.lower() not in ("report", "estimate", "show", "suggest")


def reciprocal(verb: Token) -> bool:
    """'accuse each other', 'blame one another', 'each accuse the other': both
    sides' standing positions on a told happening, not one statement made."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")]
    words = {t.lower_ for o in objs for t in o.subtree}
    if {"each", "other"} <= words or {"one", "another"} <= words:
        return True
    subj = subject_of(verb)
    # "each" floats: the parser hangs it on the verb or the subject under any label
    each = subj is not None and any(t.lower_ == "each" for t in [*verb.children, *subj.children])
    return each and "other" in words
