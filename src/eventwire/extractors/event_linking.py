"""Linking an event draft to the upstream records: actors, places, dates,
counts, attribution.

Every upstream record carries doc offsets; a record belongs to the event whose
trigger is nearest to it in the dependency tree of the sentence (a time that
hangs off "said" dates the report, not the happening). Fallbacks, in order, are
spelled out in each function.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extractors.context import Context
from eventwire.extractors.event_attach import day_offset
from eventwire.extractors.event_lexicon import Taxonomy, instrument_cues
from eventwire.extractors.event_places import (
    core_range,
    dateline_end,
    in_dateline,
    in_dateline_span,
    lead_span,
    main_place,
    owner_of,
)
from eventwire.extractors.event_places import is_place_like as is_place_like  # re-exported
from eventwire.extractors.event_places import link_places as link_places  # re-exported
from eventwire.extractors.event_places import refine_statement_places as refine_statement_places
from eventwire.extractors.event_syntax import (
    Unit,
    anchor_verb,
    governing_verbs,
    is_passive,
    objects_of,
    prep_objects,
    subject_of,
)
from eventwire.schema import Actor, Count, EventDate, Place, Quote, TimeExpression

if TYPE_CHECKING:
    from eventwire.extractors.events import Draft

_STATE_TYPES = {"state_military", "government", "police"}


@dataclass(frozen=True)
class Linker:
    """The upstream records of one article, indexed by doc offsets."""

    tax: Taxonomy
    text: str
    actor_mentions: tuple[tuple[int, int, Actor], ...]
    place_mentions: tuple[tuple[int, int, Place], ...]
    places: dict[str, Place]
    times: tuple[TimeExpression, ...]
    counts: tuple[Count, ...]
    quotes: tuple[Quote, ...]
    main_place: str | None
    civilians: str | None
    lead_date: date | None = None  # the day the story's lead happening is dated
    lead: tuple[int, int] | None = None  # doc offsets of the lead sentence

    @classmethod
    def build(cls, ctx: Context, *, actors: Sequence[Actor], places: Sequence[Place],
              times: Sequence[TimeExpression], counts: Sequence[Count], quotes: Sequence[Quote],
              tax: Taxonomy) -> Linker:
        am = tuple(sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda x: x[0]))
        pm = tuple(sorted(((m.start, m.end, p) for p in places for m in p.mentions), key=lambda x: x[0]))
        civ = next((a.name for a in actors if a.type == "civilians"), None)
        return cls(tax, ctx.text, am, pm, {p.name: p for p in places}, tuple(times), tuple(counts),
                   tuple(quotes), main_place(places, ctx, tax.cues["reporting_verbs"]), civ,
                   _lead_date(ctx, times, tax.cues["reporting_verbs"]), lead_span(ctx))

    # --- lookups -----------------------------------------------------------------

    def actor_of(self, tok: Token | None, unit: Unit) -> str | None:
        """The actor a noun phrase names: a mention holding its head, else the
        mention inside the phrase nearest to the head."""
        if tok is None:
            return None
        if tok.lemma_.lower() in _QUANTITY_HEADS:
            # "dozens of Boko Haram fighters": the actor is inside the of-phrase
            inner = prep_objects(tok, {"of"})
            if inner:
                return self.actor_of(inner[0], unit)
        t0, t1 = unit.tok_start(tok), unit.tok_end(tok)
        for s, e, a in self.actor_mentions:
            if s < t1 and t0 < e:
                return a.name
        a0, a1 = core_range(tok, unit)
        best: tuple[int, str] | None = None
        for s, e, a in self.actor_mentions:
            if a0 <= s and e <= a1:
                dist = abs(s - t0)
                if best is None or dist < best[0]:
                    best = (dist, a.name)
        return best[1] if best else None

    def agent_of(self, verb: Token, unit: Unit) -> Token | None:
        """The verb's subject; a pronoun ('the president said she would ...') is read as
        the subject of the reporting verb above it."""
        subj = subject_of(verb)
        if subj is not None and subj.pos_ == "PRON" and self.actor_of(subj, unit) is None:
            for g in governing_verbs(verb, limit=4):
                if g.lemma_.lower() in self.tax.cues["reporting_verbs"]:
                    speaker = next((c for c in g.children if c.dep_ == "nsubj"), None)
                    if speaker is not None and speaker.pos_ != "PRON":
                        return speaker
        return subj

    def actor_type(self, name: str | None) -> str | None:
        for _s, _e, a in self.actor_mentions:
            if a.name == name:
                return a.type
        return None

    def armed_actor_in(self, start: int, end: int) -> bool:
        return any(start <= s < end and a.type in self.tax.armed_actor_types for s, _e, a in self.actor_mentions)

    def place_in(self, start: int, end: int) -> bool:
        return any(start <= s and e <= end for s, e, _p in self.place_mentions)

    def in_lead(self, pos: int) -> bool:
        return self.lead is not None and self.lead[0] <= pos < self.lead[1]

    def time_in(self, start: int, end: int) -> bool:
        return any(start <= t.start and t.end <= end for t in self.times)

    def contains(self, outer: str, inner: str) -> bool:
        """True when place ``outer`` (a country or admin area) holds ``inner``."""
        po, pi = self.places.get(outer), self.places.get(inner)
        if po is None or pi is None or po.country is None:
            return False
        if po.precision in ("country", "region"):
            # a vague area ("Indonesia's Papua region") holds what its country holds
            return pi.country == po.country
        if po.precision == "admin1":
            return pi.country == po.country and pi.admin1 in (po.admin1, po.name)
        return False

    def main_inside(self, outer: str) -> Place | None:
        """The place a country or region stands for: the article's main place when
        it lies inside, else the most mentioned point place inside (a lead that says
        'in Ethiopia's Amhara region' is about the town the article names in it)."""
        if self.main_place is not None and self.contains(outer, self.main_place):
            return self.places[self.main_place]
        inside = [p for p in self.places.values()
                  if p.precision in ("point", "admin2") and self.contains(outer, p.name)]
        told = {p.name: [m.start for m in p.mentions if not in_dateline(self.text, m.start)] for p in inside}
        inside = [p for p in inside if told[p.name]]
        if not inside:
            return None
        return max(inside, key=lambda p: (len(told[p.name]), -min(told[p.name])))

    def victims(self, anchor: Token, unit: Unit) -> str | None:
        """'civilians' or 'armed' for the people a harm verb hurt, else None."""
        cands = [c for c in anchor.children if c.dep_ in ("dobj", "obj")]
        subj = subject_of(anchor)
        if is_passive(anchor) and subj is not None:
            cands.append(subj)
        for c in cands:
            if c.lemma_.lower() in _QUANTITY_HEADS:  # "dozens of civilians"
                c = next(iter(prep_objects(c, {"of"})), c)
            name = self.actor_of(c, unit)
            atype = self.actor_type(name)
            if atype == "civilians" or c.lemma_.lower() in _CIVILIAN_WORDS:
                return "civilians"
            if atype in self.tax.armed_actor_types or c.lemma_.lower() in _ARMED_WORDS:
                return "armed"
            if atype == "person":
                return "civilians"
        return None

    def noun_victims(self, noun: Token, unit: Unit) -> str | None:
        """Who a harm noun hurt: its target ('the attack on villagers') or the
        clause told about it ('the attack ..., in which 14 civilians were killed')."""
        for t in noun.subtree:
            if t.dep_ == "relcl" and t.lemma_.lower() in self.tax.harm_verbs:
                got = self.victims(t, unit)
                if got is not None:
                    return got
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                for target in (g for g in c.children if g.dep_ == "pobj"):
                    if target.lemma_.lower() in _CIVILIAN_WORDS:
                        return "civilians"
                    if target.lemma_.lower() in _ARMED_WORDS:
                        return "armed"
        return None

    def perpetrator_armed(self, anchor: Token, unit: Unit) -> bool:
        subj = subject_of(anchor)
        agents = prep_objects(anchor, {"by"})
        who = agents if is_passive(anchor) else ([subj] if subj is not None else [])
        for w in who:
            atype = self.actor_type(self.actor_of(w, unit))
            if atype in self.tax.armed_actor_types or w.lemma_.lower() in _ARMED_WORDS:
                return True
        return False

    def state_actor_subject(self, anchor: Token, unit: Unit) -> bool:
        subj = subject_of(anchor)
        if subj is None or is_passive(anchor):
            return False
        return self.actor_type(self.actor_of(subj, unit)) in ("state_military", "government")



_QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "group", "handful",
                   "number", "some", "many", "most", "all", "scores", "score", "tens"}

_CIVILIAN_WORDS = {"civilian", "resident", "villager", "child", "woman", "people", "family", "worker",
                   "student", "passenger", "patient", "farmer", "journalist", "pilgrim", "worshipper"}
_ARMED_WORDS = {"soldier", "troop", "fighter", "militant", "rebel", "insurgent", "jihadist", "gunman",
                "policeman", "officer", "militiaman", "combatant", "commander", "extremist"}



def _lead_date(ctx: Context, times: Sequence[TimeExpression], reporting: Collection[str]) -> date | None:
    """The day of the story's lead happening: the first day named in the body that
    dates no telling ('late on Monday', not 'said on Wednesday' nor a dateline)."""
    for te in sorted(times, key=lambda t: t.start):
        if te.precision != "day" or te.date_start is None or ctx.in_title(te.start) \
                or in_dateline_span(ctx.text, te.start):
            continue
        span = ctx.doc.char_span(te.start, te.end, alignment_mode="expand")
        if span is None:
            continue
        if anchor_verb(span.root).lemma_.lower() in reporting:
            continue
        return date.fromisoformat(te.date_start)
    return None



# --- word classes ------------------------------------------------------------------


def is_people(tok: Token, unit: Unit, tax: Taxonomy, linker: Linker) -> bool:
    """A group of persons: a people word, a number, or a person/group actor."""
    if tok.lemma_.lower() in tax.people_words or tok.lower_ in tax.people_words:
        return True
    if tok.pos_ == "NUM" or any(c.dep_ == "nummod" for c in tok.children):
        return True
    if tok.ent_type_ in ("PERSON", "NORP"):
        return True
    name = linker.actor_of(tok, unit)
    if name is None:
        return False
    s, e = unit.tok_start(tok), unit.tok_end(tok)
    # the head itself must be inside an actor mention (not a place in its subtree)
    return any(ms < e and s < me for ms, me, _a in linker.actor_mentions)



def nearest_instrument(tok: Token, unit: Unit, units: Sequence[Unit], tax: Taxonomy, type_: str,
                       *, window: int) -> str | None:
    """Subtype of the instrument cue nearest to ``tok``: in its sentence when
    ``window`` is 0, else in the ``window`` sentences either side."""
    if window == 0:
        cues = instrument_cues(unit.span, tax, type_)
        if not cues:
            return None
        return min(cues, key=lambda c: abs(c[0] - tok.i))[1]
    best: tuple[int, str] | None = None
    for other in units:
        gap = abs(other.index - unit.index)
        if gap == 0 or gap > window or other.heading:
            continue
        for _i, sub in instrument_cues(other.span, tax, type_):
            if best is None or gap < best[0]:
                best = (gap, sub)
    return best[1] if best else None


# --- linking ----------------------------------------------------------------------



def link_times(drafts: Sequence[Draft], unit: Unit, linker: Linker) -> None:
    """A time in the clause dates the event; a time on the verb that reports it
    ('confirmed on Tuesday that ... were killed') only bounds it from above,
    except for a statement, whose date is the report's."""
    if not drafts:
        return
    reporting = linker.tax.cues["reporting_verbs"]
    first = dateline_end(unit)
    mine: list[tuple[TimeExpression, Token]] = []
    for te in linker.times:
        if not (first <= te.start and te.end <= unit.end):
            continue
        if te.date_start is None and te.date_end is None:
            continue
        head = unit.head_of(te.start, te.end)
        if head is not None:
            mine.append((te, head))
    if not mine:
        _dated_from_lead(drafts, unit, linker)
    # a time on the event's own verb comes first, whatever stands before it
    # (", March 19 (Reuters) - Fighters attacked ... late on Monday")
    mine.sort(key=lambda th: not any(d.anchor.i == anchor_verb(th[1]).i for d in drafts))
    for te, head in mine:
        if head.dep_ in ("nummod", "compound", "amod") and head.head.pos_ in ("NOUN", "PROPN"):
            # "the 2016 peace accord" names a thing, and dates no event but one it names
            named = next((d for d in drafts if d.trigger.i == head.head.i and not d.date_own), None)
            if named is not None:
                named.date, named.date_own = EventDate(te.date_start, te.date_end, te.precision), True
            continue
        verb = anchor_verb(head)
        own = [d for d in drafts if d.anchor.i == verb.i or _conj(d.anchor, verb)]
        if own:
            for d in own:
                if not d.date_own:
                    d.date, d.date_own = EventDate(te.date_start, te.date_end, te.precision), True
            continue
        # "the army said in a statement read on state television on Sunday": a time
        # in the telling of the report dates the report, as one on "said" does
        above = [verb, *list(verb.ancestors)[:4]]
        report = next((a for a in above if a.lemma_.lower() in reporting), None)
        if report is not None and report is not verb and not any(d.anchor in above for d in drafts):
            verb = report
        governed = [d for d in drafts if verb in list(d.anchor.ancestors)]
        if governed and verb.lemma_.lower() in reporting:
            for d in governed:
                if d.date_own:
                    continue
                if d.type == "statement":
                    d.date, d.date_own = EventDate(te.date_start, te.date_end, te.precision), True
                elif d.date.end is None:
                    d.date = EventDate(None, te.date_end, "unknown")
            continue
        # "empty on Tuesday, a day after shells hit the street": the clause of "after"
        # happened that many days before the time of the clause it modifies
        shifted = False
        for d in drafts:
            off = day_offset(d.anchor, verb)
            if off is not None and not d.date_own and te.precision == "day" and te.date_start:
                day = date.fromisoformat(te.date_start) + timedelta(days=off)
                d.date, d.date_own = EventDate(day.isoformat(), day.isoformat(), "day"), True
                shifted = True
        if shifted:
            continue
        owner = owner_of(drafts, head)
        if owner is not None and not owner.date_own:
            owner.date, owner.date_own = EventDate(te.date_start, te.date_end, te.precision), True


_SEQUEL_VERBS = frozenset({"come", "follow", "happen", "occur"})


def _dated_from_lead(drafts: Sequence[Draft], unit: Unit, linker: Linker) -> None:
    """'The bombing came two days after troops retook the village': a sentence that
    names no time but sets its clause N days after (or before) the story's happening
    dates that clause from the lead's day."""
    if linker.lead_date is None:
        return
    root = unit.span.root
    if root.lemma_.lower() not in _SEQUEL_VERBS:
        return
    subj = subject_of(root)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return
    for d in drafts:
        if d.date_own or d.anchor.i == root.i or d.trigger.i == subj.i:
            continue
        off = day_offset(d.anchor, root)
        if off is None:
            continue
        day = (linker.lead_date + timedelta(days=off)).isoformat()
        d.date, d.date_own = EventDate(day, day, "day"), True


def _conj(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


_STATUS_FOR = {"asserted": "asserted", "historical": "asserted", "planned": "hypothetical",
               "possible": "hypothetical", "negated": "negated"}


def link_counts(drafts: Sequence[Draft], unit: Unit, linker: Linker) -> None:
    """Counts of the event's scope, of a kind its type carries and a status that
    fits its modality, go to the nearest event in the sentence."""
    for c in linker.counts:
        if not (unit.start <= c.start and c.end <= unit.end):
            continue
        if c.scope != "event":
            owner = owner_of(drafts, unit.head_of(c.start, c.end))
            if owner is not None:
                owner.background = True
            continue
        fits = [d for d in drafts if c.kind in linker.tax.count_kinds(d.type)
                and _STATUS_FOR[d.modality] == c.status]
        owner = owner_of(fits, unit.head_of(c.start, c.end))
        if owner is not None:
            owner.counts.setdefault(c.kind, c.value)


def attribution(d: Draft, unit: Unit, linker: Linker) -> str | None:
    """Who claims the event: a quote's speaker covering the trigger, 'according
    to X', or the subject of a reporting verb above the trigger."""
    pos = unit.tok_start(d.trigger)
    for q in linker.quotes:
        if q.start <= pos < q.end and q.speaker is not None:
            sp = q.speaker
            for s, e, a in linker.actor_mentions:
                if s < sp.end and sp.start < e:
                    return a.name
            names = {a.name for _s, _e, a in linker.actor_mentions}
            for cand in (sp.name, sp.organization):
                if cand in names:
                    return cand
    for t in unit.tokens:
        if t.lower_ == "according":
            for to in t.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        name = linker.actor_of(pobj, unit)
                        if name is not None:
                            return name
    reporting = linker.tax.cues["reporting_verbs"]
    for g in governing_verbs(d.anchor, limit=5):
        if g.lemma_.lower() in reporting:
            subj = next((c for c in g.children if c.dep_ == "nsubj"), None)
            name = linker.actor_of(subj, unit)
            if name is not None:
                return name
    if d.type == "statement":
        return d.actor1
    return None


def roles(d: Draft, unit: Unit, linker: Linker) -> None:
    """actor1 (who acts) and actor2 (on whom), from the trigger and its verb."""
    tax = linker.tax
    tok, anchor = d.trigger, d.anchor
    nominal = tok.i != anchor.i
    passive = is_passive(anchor)
    subj = linker.agent_of(anchor, unit)
    a1: list[Token] = []
    a2: list[Token] = []
    if nominal:
        a1 += [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        a1 += prep_objects(tok, {"by", "from"})
        a2 += prep_objects(tok, {"on", "against", "of"})
    if passive:
        a1 += prep_objects(anchor, {"by"})
        if subj is not None and not (nominal and subj.i == tok.i):
            (a1 if tax.role(d.type, "passive_subject") == "actor1" else a2).append(subj)
    elif subj is not None and not (nominal and subj.i == tok.i):
        a1.append(subj)
    if tax.role(d.type, "object") == "actor2":
        a2 += [o for o in objects_of(anchor) if o.dep_ != "pobj" or o.head.lower_ in ("on", "against")]
    d.actor1 = _first_actor(a1, unit, linker)
    d.actor2 = _first_actor([t for t in a2 if t.i != tok.i], unit, linker)
    if d.actor1 is None and d.type in ("displacement", "return"):
        who = subj if subj is not None else None
        if who is not None and is_people(who, unit, tax, linker):
            d.actor1 = linker.civilians
    if d.actor2 is None and d.type in ("remote_violence", "violence_against_civilians") and \
            linker.victims(anchor, unit) == "civilians":
        d.actor2 = linker.civilians
    if d.actor1 == d.actor2:
        d.actor2 = None
    if d.actor1 is None and d.type == "release" and passive and d.attributed_to is not None and \
            linker.actor_type(d.attributed_to) in _STATE_TYPES | tax.armed_actor_types:
        d.actor1 = d.attributed_to  # the authority announcing a release made it


def _first_actor(toks: Sequence[Token], unit: Unit, linker: Linker) -> str | None:
    for t in toks:
        name = linker.actor_of(t, unit)
        if name is not None:
            return name
    return None
