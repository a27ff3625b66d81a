"""Events: typed happenings found clause by clause, linked to actors, places,
dates and counts, and merged when one happening is told twice.

How a clause becomes an event (docs/events.md has the long version):

1. The article must be about conflict or crisis at all (a context cue or an
   armed actor somewhere); otherwise there are no events.
2. In each sentence, triggers from the taxonomy lexicon are found and grouped by
   the verb they belong to (a noun trigger belongs to the verb above it).
3. Each group gets one type: the verb's own specific trigger, else a specific
   noun, else a generic strike word (subtype from instrument cues), else a harm
   word ("killed") typed by its victims and instruments.
4. Filters drop what is not a happening: questions, crossheads, conditions,
   relative-clause descriptions, intentions, weak words without conflict
   context, arguments of the wrong kind ("released a statement").
5. The clause's own place, time and counts are linked by dependency distance;
   attribution comes from quotes, "according to X" and "X said".
6. Drafts are merged (conjoined verbs, anaphoric re-mentions, headline vs body)
   and scored.

The spaCy parser and NER are the statistical part; everything here is rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.extractors.context import Context
from eventwire.extractors.event_background import (
    armed_target,
    coordinated_speakers,
    not_a_happening,
    reciprocal,
    said_never,
    silent_units,
)
from eventwire.extractors.event_lexicon import (
    HARM,
    SPECIFIC,
    Hit,
    Taxonomy,
    carried_weapon,
    find_triggers,
    load_taxonomy,
    seized_weapon,
)
from eventwire.extractors.event_linking import (
    Linker,
    attribution,
    link_counts,
    link_places,
    link_times,
    refine_statement_places,
    roles,
)
from eventwire.extractors.event_merge import PERPETRATED, STATEMENT, merge_clauses, merge_drafts
from eventwire.extractors.event_modality import campaign, date_frame, historical
from eventwire.extractors.event_requirements import requirements_ok
from eventwire.extractors.event_syntax import (
    Unit,
    anchor_verb,
    hedged,
    in_conditional,
    in_relative_clause,
    is_passive,
    modality_of,
    objects_of,
    prep_objects,
    refuted,
    sentence_units,
    subject_of,
)
from eventwire.extractors.event_typing import armed_subject, rank, type_of, violent_crowd_verbs
from eventwire.extractors.place_cues import token_lowers
from eventwire.schema import Actor, Count, Event, EventDate, Place, Quote, SentenceRef, TimeExpression

__all__ = ["Draft", "extract_events"]

_STATEMENT = STATEMENT
_TERRITORY = {"territory_taken", "territory_regained"}
_PERPETRATED = PERPETRATED
# a standing population ("400,000 people are displaced in the country") is a figure, not a movement
_STANDING = {"displacement", "return"}


@dataclass
class Draft:
    """An event under construction (internal; mutable until scored)."""

    unit: Unit
    trigger: Token
    anchor: Token
    type: str
    subtype: str | None
    subtype_certain: bool
    weak: bool
    modality: str
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    place_own: bool = False  # the place is named in this sentence
    date: EventDate = field(default_factory=lambda: EventDate(None, None, "unknown"))
    date_own: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    attributed_to: str | None = None
    hedged: bool = False
    anaphoric: bool = False
    extra_places: list[str] = field(default_factory=list)
    background: bool = False  # a war's whole toll hangs off this clause
    date_inferred: bool = False  # from the story's time frame or the publication date
    harm_only: bool = False  # typed from a harm word's victims ("nine people were killed")


def extract_events(
    ctx: Context,
    *,
    actors: Sequence[Actor],
    places: Sequence[Place],
    times: Sequence[TimeExpression],
    counts: Sequence[Count],
    quotes: Sequence[Quote],
) -> list[Event]:
    """Events of one article, in text order, sentences in doc offsets."""
    tax = load_taxonomy()
    linker = Linker.build(ctx, actors=actors, places=places, times=times, counts=counts,
                          quotes=quotes, tax=tax)
    if not _about_conflict(ctx, actors, tax):
        return []
    units = sentence_units(ctx)
    drafts: list[Draft] = []
    # demands listed after "calls on X to:", press-release boilerplate, "X is an agency ..."
    silent = silent_units(units, tax)
    for unit in units:
        if unit.heading or unit.text.rstrip().endswith("?") or unit.index in silent:
            continue
        if not unit.in_title and (not any(t.pos_ in ("VERB", "AUX") for t in unit.tokens) or _label_line(unit)):
            continue  # "Tags: Catatumbo, Displacement, Border": a label line, nothing happens
        found = _drafts_in_unit(unit, units, tax, linker)
        link_places(found, unit, linker)
        link_times(found, unit, linker)
        _statement_dates(found)
        link_counts(found, unit, linker)
        # "the war has killed 10,000 since 2014": a toll, not a happening
        found = [d for d in found if not (d.background and not d.counts and (d.weak or d.type in _STANDING))]
        for d in found:
            d.attributed_to = attribution(d, unit, linker)
            roles(d, unit, linker)
        drafts.extend(_split_territory(found))
    refine_statement_places(drafts, units, linker)
    drafts = [d for d in drafts if not campaign(d, ctx.published, tax)]
    historical(drafts, ctx.published, tax)
    drafts = merge_drafts(merge_clauses(drafts, linker), linker)
    date_frame(drafts, ctx.published)
    return [_finish(d) for d in drafts]


# --- article gate -------------------------------------------------------------------


def _about_conflict(ctx: Context, actors: Sequence[Actor], tax: Taxonomy) -> bool:
    """Conflict cues (or an armed actor) and more of them than sport/market cues."""
    lowers = token_lowers(ctx.doc)  # one pass over the Doc (shared with the place frames)
    conflict = sum(1 for w in lowers if w in tax.context_words)
    conflict += sum(len(a.mentions) for a in actors if a.type in tax.armed_actor_types)
    other = sum(1 for w in lowers if w in tax.non_conflict_words)
    return conflict > 0 and conflict >= other


def _label_line(unit: Unit) -> bool:
    """'Tags: Idlib, Ariha, shelling': a one- or two-word label, a colon, then a
    list with no finite verb (the parser may still tag a gerund as a verb)."""
    toks = list(unit.tokens)
    colon = next((k for k, t in enumerate(toks[:3]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return False
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks[colon + 1 :])


def _metaphor_risk(unit: Unit, tax: Taxonomy) -> bool:
    return any(t.lower_ in tax.non_conflict_words for t in unit.tokens)


def _sentence_has_context(unit: Unit, tax: Taxonomy, linker: Linker) -> bool:
    if any(t.lower_ in tax.context_words or t.lemma_.lower() in tax.context_words for t in unit.tokens):
        return True
    return linker.armed_actor_in(unit.start, unit.end)


# --- triggers to drafts ---------------------------------------------------------------


def _drafts_in_unit(unit: Unit, units: list[Unit], tax: Taxonomy, linker: Linker) -> list[Draft]:
    hits = find_triggers(unit.tokens, tax)
    groups: dict[int, list[Hit]] = {}
    anchors: dict[int, Token] = {}
    for h in hits:
        a = anchor_verb(h.head)
        if h.entry.type != _STATEMENT and _is_statement_verb(a, tax) and _presupposed(h.head, a, tax):
            a = h.head  # its own happening beside the condemnation
        groups.setdefault(a.i, []).append(h)
        anchors[a.i] = a
    context = _sentence_has_context(unit, tax, linker)
    metaphor = _metaphor_risk(unit, tax)
    out: list[Draft] = []
    for ai, group in groups.items():
        anchor = anchors[ai]
        for hit in sorted(group, key=lambda h: rank(h, anchor)):
            if metaphor and (hit.entry.weak or hit.entry.kind != SPECIFIC):
                continue  # "a tense clash at the stadium", "he struck twice"
            draft = _draft(hit, anchor, unit, units, tax, linker, context)
            if draft is not None:
                out.append(draft)
                break
    return sorted(out, key=lambda d: d.trigger.i)


def _nominal_ok(hit: Hit, anchor: Token, unit: Unit, tax: Taxonomy, linker: Linker) -> bool:
    """A noun trigger counts when it is a happening, not a topic ('the battle
    against the insurgents', 'involved in fighting')."""
    tok = hit.head
    if tok.i == anchor.i:
        return True
    alemma = anchor.lemma_.lower()
    if _presupposed(tok, anchor, tax):
        return True  # "condemns the shelling of a market": what is condemned happened
    if alemma in tax.cues["reporting_verbs"] or _is_statement_verb(anchor, tax):
        return False  # the content of a statement or report, not its own event
    if not hit.entry.weak:
        return True
    if unit.in_title:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == anchor.i:
        # "the mob went from flat to flat": a weak noun doing something that is no act of violence
        return hit.entry.type not in ("riot", "protest") or _trigger_word(anchor, tax) \
            or alemma in violent_crowd_verbs(tax) or alemma in tax.occurrence_verbs
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    if alemma in tax.occurrence_verbs and governor.i == anchor.i:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "by") and governor.i == anchor.i \
            and alemma in tax.harm_verbs:
        return True  # "killed in fighting"
    # its own phrase ("battle for Avdiivka"), not the nouns coordinated with it
    a, b = _own_phrase(tok, unit)
    return linker.place_in(a, b) or linker.time_in(a, b)


def _presupposed(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """The object of a verb of condemnation or dismay ('condemns the shelling
    of', 'is appalled by the attack on') is a happening the speaker takes as given."""
    if anchor.lemma_.lower() not in tax.cues["presupposing_verbs"]:
        return False
    if tok.dep_ in ("dobj", "obj") and tok.head.i == anchor.i:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "at", "over") and tok.head.head.i == anchor.i


def _own_phrase(tok: Token, unit: Unit) -> tuple[int, int]:
    """Doc range of a noun's subtree without its conjuncts and appositions."""
    toks = [tok]
    for c in tok.children:
        if c.dep_ not in ("conj", "cc", "appos", "punct"):
            toks.extend(c.subtree)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return unit.tok_start(first), unit.tok_end(last)


def _verb_anchored(verb: Token, unit: Unit, linker: Linker) -> bool:
    """A weak verb is a happening when it has a place, a time, an opponent or an
    armed actor doing it."""
    a, b = unit.subtree_range(verb)
    if linker.place_in(a, b) or linker.time_in(a, b):
        return True
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return True
    if prep_objects(verb, {"against", "with", "on", "into"}):
        return True
    return linker.perpetrator_armed(verb, unit)


def _is_statement_verb(tok: Token, tax: Taxonomy) -> bool:
    return any(e.type == _STATEMENT for e in tax.single.get(tok.lemma_.lower(), ()))


def _draft(hit: Hit, anchor: Token, unit: Unit, units: list[Unit], tax: Taxonomy,
           linker: Linker, context: bool) -> Draft | None:
    e = hit.entry
    tok = hit.head
    if tok.dep_ == "amod" and tok.i != anchor.i:
        return None  # "displaced people's camps": a label, not a happening
    if in_conditional(tok) or not_a_happening(tok, anchor, tax, statement=e.type == _STATEMENT):
        return None  # "if fighting resumes", "since the fighting began", "fearing clashes"
    if e.type == "remote_violence" and tok.i != anchor.i and (carried_weapon(tok) or seized_weapon(tok, tax)):
        return None  # "militants armed with grenades": what they carried, not what they did
    if _in_direct_quote(tok, unit, linker):
        return None  # "We're not leaving because of one bomb": a speaker's words, not the report
    if in_relative_clause(anchor) and not unit.in_title:
        return None  # "extremists who have been killed": a description, not a report
    if anchor.tag_ == "VBN" and tok.i == anchor.i and _held_state(anchor):
        return None  # "has 4,000 soldiers deployed in the province": a state, not a happening
    if e.type != _STATEMENT and not _nominal_ok(hit, anchor, unit, tax, linker):
        return None
    modality = modality_of(tok, anchor, tax, own=frozenset(t.i for t in hit.tokens),
                           statement=e.type == _STATEMENT, denial_negates=e.subtype in _TERRITORY)
    if modality is None:
        return None
    if modality == "asserted" and refuted(tok):
        modality = "negated"  # "claimed that forces had retaken the town; they have not"
    if modality == "negated" and tok.i != anchor.i and tok.dep_ in ("nsubj", "nsubjpass") \
            and tok.head.i == anchor.i and not _trigger_word(anchor, tax):
        # "The bombing was not addressed": a told happening that something is not
        # done about; "a deal signed in 2024 has not brought calm": it happened
        if _definite(tok):
            return None
        modality = "asserted"
    if e.type == _STATEMENT and e.subtype == "announce" and any(
            t.dep_ == "aux" and t.lower_ in tax.cues["planned_aux"] for t in unit.tokens):
        modality = "planned"  # announcing what someone will do
    type_, subtype, certain = type_of(hit, anchor, unit, units, tax, linker)
    if type_ is None:
        return None
    if type_ in _PERPETRATED and subtype not in _TERRITORY and modality == "negated" and said_never(anchor, tax):
        # "X said its units had never targeted civilians": the news is the denial
        type_, subtype, certain, modality, anchor = _STATEMENT, "deny", True, "asserted", anchor.head
    if (type_, subtype) == ("violence_against_civilians", "abduction") and _suspects_taken(anchor):
        type_, subtype = "strategic_development", "arrest"  # "suspects were dragged from their homes"
    req = tax.requires(type_, subtype)
    # a weak word needs conflict context, unless its arguments were checked
    if e.weak and not context and not req and not armed_target(anchor, tax) and not armed_subject(anchor, tax):
        return None
    if not requirements_ok(hit, anchor, type_, subtype, tax, linker, unit):
        return None
    # an instrument cue that chose the subtype ("hostages were freed") anchors it too
    cued = e.type == type_ and e.subtype is not None and subtype != e.subtype
    if e.weak and e.kind == SPECIFIC and not req and tok.i == anchor.i and not cued and \
            not _verb_anchored(anchor, unit, linker):
        return None  # "fighting alongside the group": no where, when or whom
    if type_ == _STATEMENT and not _speaker_ok(linker.agent_of(anchor, unit), unit, tax, linker) and not any(
            _speaker_ok(s, unit, tax, linker) for s in coordinated_speakers(anchor)):
        return None  # a statement needs someone who makes it ("X said ... and accused Y": X)
    if type_ == _STATEMENT and reciprocal(anchor):
        return None  # "the two sides blame each other for the killings": a standing position
    if type_ in _PERPETRATED and _habitual(tok, anchor, tax):
        return None  # "often kidnap villagers", "more than 100 air strikes": a pattern, not one happening
    if e.weak and type_ == "battle" and tok.i == anchor.i and not _agent_ok(anchor, unit, linker) \
            and not armed_target(anchor, tax):
        return None  # "a convoy entered Sudan": no armed actor taking ground
    anaphoric = _anaphoric(tok, anchor, type_, tax)
    # a weak word whose arguments were checked ("residents left the town") is as
    # good as a strong one; a harm word typed from its victims is not
    weak = e.kind == HARM or (e.weak and not tax.requires(type_, subtype))
    return Draft(unit=unit, trigger=tok, anchor=anchor, type=type_, subtype=subtype,
                 subtype_certain=certain, weak=weak, modality=modality,
                 hedged=hedged(unit, tax), anaphoric=anaphoric,
                 harm_only=e.kind == HARM and type_ != "remote_violence")


def _statement_dates(found: list[Draft]) -> None:
    """'The army said on Tuesday it had not lost control ..., denying reports':
    a statement the parse left undated is dated by its sentence's telling."""
    dated = [d for d in found if d.date_own and d.date.precision == "day"]
    for d in found:
        if d.type == _STATEMENT and not d.date_own and dated:
            d.date, d.date_own = dated[0].date, True


def _trigger_word(tok: Token, tax: Taxonomy) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in tax.single or lemma in tax.harm_verbs or tok.lower_ in tax.single


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "any") for c in tok.children)


def _held_state(participle: Token) -> bool:
    """'has 4,000 soldiers and police deployed': a participle on what someone has."""
    if participle.dep_ in ("ccomp", "xcomp", "oprd") and participle.head.lemma_.lower() == "have":
        return True  # the small model's parse of the same: 'has [soldiers deployed]'
    if participle.dep_ != "acl":
        return False
    noun = participle.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() == "have"


def _in_direct_quote(tok: Token, unit: Unit, linker: Linker) -> bool:
    pos = unit.tok_start(tok)
    return any(q.kind == "direct" and q.start <= pos < q.end for q in linker.quotes)


def _suspects_taken(anchor: Token) -> bool:
    """The people taken are suspects: an arrest, not an abduction."""
    taken = [t for t in objects_of(anchor) + ([subject_of(anchor)] if is_passive(anchor) else [])
             if t is not None]
    taken += [o for t in taken for o in prep_objects(t, {"of"})]  # "dozens of suspects"
    return any(t.lemma_.lower() in ("suspect", "detainee") for t in taken)


def _speaker_ok(agent: Token | None, unit: Unit, tax: Taxonomy, linker: Linker) -> bool:
    """A listed actor, or an office that speaks ('a spokesman for the military
    government', 'The army') even when the actor list lacks it."""
    if agent is None:
        return False
    if linker.actor_of(agent, unit) is not None:
        return True
    if agent.ent_type_ == "GPE" and linker.place_in(unit.tok_start(agent), unit.tok_end(agent)):
        return True  # "Kinshasa accused Rwanda of ...": a capital or country speaks for its government
    return agent.lemma_.lower() in tax.cues["speaker_words"]


def _habitual(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """A habit or a tally rather than one happening: 'frequently attacks',
    'near-nightly drone attacks', 'dozens of attacks', 'more than 100 air strikes'."""
    cues = tax.cues["habitual"]
    mods = [c for t in {tok.i: tok, anchor.i: anchor}.values() for c in t.children
            if c.dep_ in ("advmod", "amod")]
    if any(c.lower_ in cues for c in mods):
        return True
    if tok.i == anchor.i or tok.tag_ not in ("NNS", "NNPS"):
        return False
    for c in tok.children:
        if c.dep_ == "nummod" and c.like_num:
            try:
                if float(c.text.replace(",", "")) >= 10:
                    return True
            except ValueError:
                continue
    head = tok.head.head if tok.head.dep_ == "prep" and tok.head.lower_ == "of" else None
    return head is not None and head.lower_ in tax.cues["aggregate_quantities"]


def _agent_ok(verb: Token, unit: Unit, linker: Linker) -> bool:
    """Someone who can take ground: an armed actor, an actor other than civilians,
    or a pronoun standing for one."""
    if linker.perpetrator_armed(verb, unit):
        return True
    subj = subject_of(verb)
    if subj is None or is_passive(verb) or verb.lemma_.lower() == "fall":
        return True  # the place is the subject ("the town fell"): nothing to check
    if subj.pos_ == "PRON":
        return True
    name = linker.actor_of(subj, unit)
    return name is not None and linker.actor_type(name) not in ("civilians", None)


def _anaphoric(tok: Token, anchor: Token, type_: str, tax: Taxonomy) -> bool:
    """'The strikes hit...', 'The men were released...': a re-mention."""
    def definite(t: Token) -> bool:
        dets = {c.lower_ for c in t.children if c.dep_ in ("det", "poss")}
        has_num = any(c.dep_ == "nummod" for c in t.children)
        return bool(dets & {"the", "this", "these", "those", "that", "their", "its"}) and not has_num

    if tok.i != anchor.i:
        return definite(tok)
    subj = subject_of(anchor)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("they", "it", "he", "she")
    return definite(subj) and tax.role(type_, "passive_subject") is not None


# --- after linking ------------------------------------------------------------------


def _split_territory(drafts: list[Draft]) -> list[Draft]:
    """'Daraya and Madaya fell': one event per place taken."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.type == "battle" and d.subtype in _TERRITORY:
            for name in d.extra_places:
                if not _taken_place(d, name):
                    continue  # "near its frontiers with Niger and Burkina Faso": a setting, not a place taken
                out.append(replace(d, place=name, extra_places=[], counts={}))
    return out


_SETTING_PREPS = {"near", "around", "along", "outside", "inside", "close", "with", "towards", "toward",
                  "from", "beyond", "across", "between", "by"}
_NEAR_PREPS = {"near", "around", "outside", "inside", "close", "by"}


def _common_object(verb: Token) -> bool:
    """The verb names what was taken with a common noun ('stormed villages',
    'overran two bases'): named places after it set the scene."""
    return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" for c in verb.children)


def _taken_place(d: Draft, name: str) -> bool:
    """Is ``name`` among what was taken ('Daraya and Madaya fell', 'seized Tibú
    and El Tarra'), not a place in a phrase setting the scene ('stormed a post
    near its frontiers with Niger and Burkina Faso')?"""
    first = name.split()[0].lower()
    tok = next((t for t in d.unit.span if t.lower_ == first), None)
    if tok is None:  # spelled otherwise in the text: a common object ("stormed villages") says what was taken
        return not _common_object(d.anchor)
    for a in (tok, *tok.ancestors):
        if a.i == d.anchor.i or a.dep_ == "appos":
            break  # "two towns near Damascus, Daraya and Madaya, fell": the apposition names what fell
        if a.dep_ == "prep" and a.lower_ in _NEAR_PREPS and _common_object(d.anchor):
            return False  # "stormed villages around A, B and C": where the villages are, not what fell
        if a.dep_ == "prep" and a.lower_ in _SETTING_PREPS:
            objs = [o for o in a.children if o.dep_ == "pobj"]
            # "near Damascus, Daraya and Madaya": a named place may be a misparsed list of what fell
            if a.lower_ not in _NEAR_PREPS or not all(o.pos_ == "PROPN" for o in objs):
                return False
    return True


def _confidence(d: Draft) -> float:
    score = 0.45 if d.weak else 0.6
    if d.place is not None:
        score += 0.1
    if d.date.precision == "day":
        score += 0.1
    elif (d.date.start is not None or d.date.end is not None) and not d.date_inferred:
        score += 0.05
    if d.counts:
        score += 0.05
    if d.actor1 is not None:
        score += 0.05
    if d.hedged:
        score -= 0.05
    factor = {"asserted": 1.0, "historical": 0.9, "negated": 0.8, "planned": 0.75, "possible": 0.75}
    return round(max(0.05, min(0.99, score * factor[d.modality])), 2)


def _finish(d: Draft) -> Event:
    return Event(
        type=d.type,
        subtype=d.subtype,
        actor1=d.actor1,
        actor2=d.actor2,
        place=d.place,
        date=d.date,
        modality=d.modality,  # type: ignore[arg-type]
        counts=dict(d.counts),
        attributed_to=d.attributed_to,
        sentence=SentenceRef(d.unit.start, d.unit.end),
        confidence=_confidence(d),
    )
