"""Merging event drafts: one happening told twice (in one sentence by several
clauses, in later sentences, in the headline) becomes one event.

Split from ``events.py``; the rules are described in docs/events.md ("Merging")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extractors.event_linking import Linker
from eventwire.extractors.event_syntax import agents_of, governing_verbs, is_passive, prep_objects, subject_of
from eventwire.extractors.event_typing import crowd_violence
from eventwire.schema import EventDate

if TYPE_CHECKING:
    from eventwire.extractors.events import Draft

__all__ = ["PERPETRATED", "STATEMENT", "merge_clauses", "merge_drafts"]

STATEMENT = "statement"
# types whose actor1 is who did it: another actor1 is another happening (for
# displacement the actor is a label of the crowd: "people", "militants' wives")
PERPETRATED = frozenset({"battle", "remote_violence", "violence_against_civilians"})
_STATEMENT = STATEMENT
_PERPETRATED = PERPETRATED
# a bare casualty figure may be the toll of a riot or a protest put down, too
_TOLL_OF = PERPETRATED | {"riot", "protest"}
# "dozens of people", "scores of officers": the victims are the noun after "of"
_QUANTITY_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "score", "scores", "thousand", "thousands",
                   "number", "handful", "several"}


def _places_compatible(a: Draft, b: Draft, linker: Linker) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    if not (a.place_own and b.place_own):
        return True  # a place only assumed from the article says nothing against
    return linker.contains(a.place, b.place) or linker.contains(b.place, a.place)


def _dates_compatible(a: EventDate, b: EventDate) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _absorb(keep: Draft, other: Draft) -> None:
    """Fill what ``keep`` lacks from ``other`` (the same happening told again)."""
    if not keep.subtype_certain and other.subtype_certain and keep.type == other.type:
        keep.subtype, keep.subtype_certain = other.subtype, True
    if keep.date.start is None and keep.date.end is None and (other.date.start or other.date.end):
        keep.date, keep.date_own = other.date, other.date_own
    if other.place_own and not keep.place_own:
        keep.place, keep.place_own = other.place, True  # a named place beats one assumed
    keep.place = keep.place or other.place
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2
    keep.attributed_to = keep.attributed_to or other.attributed_to
    for k, v in other.counts.items():
        keep.counts.setdefault(k, v)


def _nothing_new(d: Draft, p: Draft) -> bool:
    """``d`` tells nothing ``p`` does not: no other place, no date, no figures."""
    return (not d.place_own or (p.place_own and d.place == p.place)) and not d.date_own and not d.counts


def _announces(s: Draft, drafts: list[Draft]) -> bool:
    """'Officials announced that a battalion would be deployed', 'agreed a
    ceasefire, the government announced': what is announced is the event; the
    announcement adds nothing of its own."""
    if s.type != _STATEMENT or s.subtype != "announce" or s.trigger.pos_ != "VERB":
        return False
    for d in drafts:
        if d is s or d.type == _STATEMENT or d.unit.index != s.unit.index:
            continue
        if s.anchor in d.anchor.ancestors or (d.anchor in s.anchor.ancestors
                                               and s.anchor.dep_ in ("parataxis", "ccomp")):
            return True
    return False


def _live_title(d: Draft) -> bool:
    """'Protests live: ...', 'Floods – live updates': a live blog's headline
    sums up its entries; what it names alone is not a happening of its own."""
    return d.unit.in_title and _LIVE.search(d.unit.text) is not None


_LIVE = re.compile(r"\blive\s*(?:[:|\-–—]|updates?\b|blog\b)|[:|\-–—]\s*live\b", re.IGNORECASE)


def merge_drafts(drafts: list[Draft], linker: Linker) -> list[Draft]:
    drafts = [d for d in drafts if not _announces(d, drafts)]
    kept: list[Draft] = []
    title: list[Draft] = [d for d in drafts if d.unit.in_title or _crosshead(d)]
    body: list[Draft] = [d for d in drafts if not (d.unit.in_title or _crosshead(d))]
    for d in body:
        target = next((p for p in reversed(kept) if _same_happening(p, d, linker)), None)
        if target is None and (_toll(d) or _claim(d, linker)):
            # a toll of, or the perpetrator's word on, a happening already told
            types = {d.type} if not _toll(d) else _TOLL_OF
            target = next((p for p in reversed(kept) if p.type in types and p.modality == d.modality
                           and _places_compatible(p, d, linker) and _dates_compatible(p.date, d.date)
                           and not (_claim(d, linker) and _other_act(p, d))), None)
        if target is None and _same_raiders(d):
            # "The attackers set fire to 30 houses before withdrawing": the told attack's aftermath
            target = next((p for p in reversed(kept) if p.type in _PERPETRATED and p.modality == d.modality
                           and 0 <= d.unit.index - p.unit.index <= _AFTERMATH), None)
        if target is None and _retold(d, linker):
            target = next((p for p in reversed(kept) if p.type == d.type and p.modality == d.modality
                           and p.unit.index < d.unit.index and not _other_act(p, d)), None)
        if target is None:
            kept.append(d)
        else:
            _absorb(target, d)
    out = list(kept)
    for t in title:
        # headline verbs are often parsed as nouns ("rebels plot last stand"), so a
        # headline's modality is not trusted: the body's telling decides
        # an entry's own headline in a live blog sums up the entry below it
        near = [b for b in kept if 0 < b.unit.index - t.unit.index <= _ENTRY]
        told = [b for b in (kept if t.unit.in_title else near) if b.type == t.type
                and (b.modality == t.modality or t.modality == "asserted") and _dates_compatible(b.date, t.date)]
        if not told and not t.unit.in_title:
            # an update's headline on a happening told entries before ("toll rises to three")
            told = [b for b in kept if b.type == t.type and b.modality == t.modality
                    and b.unit.index < t.unit.index and _dates_compatible(b.date, t.date)]
        if not told and _in_family(t):
            # "blow up bus" over "blew up a bus, killing eight": the lead's type says more
            told = [b for b in (kept if t.unit.in_title else near) if _in_family(b) and b.modality == t.modality
                    and _dates_compatible(b.date, t.date) and _headline_place_ok(t, b, linker)][:1]
        # the headline sums up the lead: its place is preferred, the first telling will do
        match = next((b for b in told if _headline_place_ok(t, b, linker)), told[0] if told else None)
        if match is None and not _live_title(t):
            out.append(t)
        elif match is None:
            pass
        else:
            match.actor1 = match.actor1 or t.actor1
            match.actor2 = match.actor2 or t.actor2
    out.sort(key=lambda d: (d.unit.start, d.trigger.i))
    return out


_ENTRY = 4  # sentences of a live-blog entry its headline may sum up
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")")


def _crosshead(d: Draft) -> bool:
    """'Shells hit Abu Shouk camp' over a live-blog entry, a crosshead in a
    report: a short body line without a sentence's closing punctuation, which
    heads the telling that follows."""
    u = d.unit
    if u.in_title:
        return False
    text = u.text.strip()
    words = [t for t in u.tokens if t.is_alpha]
    return bool(text) and not text.endswith(_SENTENCE_END) and 2 <= len(words) <= 12 and text[0].isupper()


def _headline_place_ok(title: Draft, body: Draft, linker: Linker) -> bool:
    """A headline names places loosely ('Gaza' for Khan Younis): the same
    country is enough."""
    if _places_compatible(title, body, linker):
        return True
    a, b = linker.places.get(title.place or ""), linker.places.get(body.place or "")
    return a is not None and b is not None and a.country is not None and a.country == b.country


def _same_happening(p: Draft, d: Draft, linker: Linker) -> bool:
    """Is the later body draft ``d`` a retelling of the earlier ``p``?"""
    if p.type != d.type or p.modality != d.modality:
        return False
    if p.subtype != d.subtype and p.subtype_certain and d.subtype_certain:
        return False  # "arrested 30 and imposed a curfew": two developments
    claimed = p.unit.index == d.unit.index and any(g.lemma_.lower() == "claim"
                                                    for g in governing_verbs(d.anchor, limit=2))
    if claimed:
        return True  # "stormed a post, killing eight, while militants claimed to have killed more": one attack
    if p.type in _PERPETRATED and p.actor1 and d.actor1 and p.actor1 != d.actor1:
        return False  # Israeli strikes, then Hamas rockets
    if p.type == _STATEMENT and p.subtype != d.subtype:
        return False  # "X accused Rwanda of ..., a charge Kigali denies": two speakers, two statements
    if p.unit.index == d.unit.index and _result_clause(p, d):
        return True  # "arrived in Cúcuta, fleeing fighting in Tibú": one movement, two places named
    if not (_places_compatible(p, d, linker) and _dates_compatible(p.date, d.date)):
        return False
    if p.unit.index == d.unit.index:
        # "killed four and wounded 11": one happening, two verbs; a sentence that
        # tells the same type twice at one place ("Shelling hit the camp on 11 and
        # 12 August, killing 18") tells one happening, whatever the parse linked
        return True
    if 0 < d.unit.index - p.unit.index <= 3 and (d.anaphoric or _nothing_new(d, p)) \
            and not (d.counts and p.counts) and _ongoing(d.anchor) == _ongoing(p.anchor):
        return True  # "The strikes hit a bus stop" after "Shelling killed four"
    if d.anaphoric and d.unit.index > p.unit.index and not d.counts and not d.date_own \
            and not d.place_own and _ongoing(d.anchor) == _ongoing(p.anchor):
        return True  # "The bombing came two days after ...": a re-mention, however far
    # the same thing, same place, same date, told anywhere in the article
    return (p.place is not None and p.place == d.place and p.subtype == d.subtype
            and d.date_own and p.date == d.date)


# one happening told in one sentence by several clauses: the type that says most
_CLAUSE_PRIORITY = ("violence_against_civilians", "remote_violence", "riot", "battle", "protest",
                    "strategic_development")
_FAMILY_SUBTYPES = {"strategic_development": {"looting_destruction"}}


def _in_family(d: Draft) -> bool:
    if d.type not in _CLAUSE_PRIORITY:
        return False
    return d.type not in _FAMILY_SUBTYPES or d.subtype in _FAMILY_SUBTYPES[d.type]


def merge_clauses(drafts: list[Draft], linker: Linker) -> list[Draft]:
    """'stormed the town, torching homes and gunning down residents', 'overran
    the district, killing thousands and abducting 6,000': one attack, not three.

    Violent drafts of one sentence with the same modality, compatible places
    and no two different perpetrators become one event of the type that says
    most (violence against civilians, then remote violence, riot, battle,
    protest, destruction). A protest told with violence is a riot."""
    out: list[Draft] = []
    for d in drafts:
        p = next((p for p in out if p.unit.index == d.unit.index and _in_family(p) and _in_family(d)
                  and p.modality == d.modality
                  and (_places_compatible(p, d, linker) or _result_clause(p, d))
                  and p.attributed_to == d.attributed_to  # one telling, not a claim beside a report
                  and _ongoing(p.anchor) == _ongoing(d.anchor)  # an incident beside a campaign
                  and not (p.actor1 and d.actor1 and p.actor1 != d.actor1)), None)
        if p is None:
            out.append(d)
            continue
        types = {p.type, d.type}
        rank = _CLAUSE_PRIORITY.index
        keep, other = (p, d) if rank(p.type) <= rank(d.type) else (d, p)
        if other.place_own and (_participle_of(keep.anchor, other.anchor) or _where_clause(keep.anchor, other.anchor)):
            keep.place = other.place  # the main clause says where; its participle what it did
        if keep.type == other.type == "violence_against_civilians" and keep.subtype == "abduction" \
                and other.subtype == "attack":
            keep.subtype = "attack"  # "dragged men from their homes and executed them": the killing says most
        _absorb(keep, other)
        if "protest" in types and types - {"protest"}:
            force = other if keep.type == "protest" else keep
            if _by_state(force, linker) and not crowd_violence(keep.unit.span, linker.tax):
                # "marched peacefully to X, where a student was shot dead by police": the
                # violence is the state's against the protest, which stays a protest
                lethal = force.type in ("violence_against_civilians", "battle") or "killed" in force.counts
                keep.type, keep.subtype = "protest", "excessive_force" if lethal else "intervention"
                keep.subtype_certain = True
            else:
                keep.type, keep.subtype, keep.subtype_certain = "riot", "violent_demonstration", True
        if keep is d:
            out[out.index(p)] = d
    return out


_STATE_FORCE_WORDS = {"police", "policeman", "officer", "soldier", "troop", "army", "force", "gendarme"}


def _by_state(d: Draft, linker: Linker) -> bool:
    """Police or soldiers did it ('police opened fire', 'was shot dead by police')."""
    verb = d.anchor
    agents = agents_of(verb)
    for a in agents:
        if a.lemma_.lower() in _STATE_FORCE_WORDS:
            return True
        if linker.actor_type(linker.actor_of(a, d.unit)) in ("state_military", "government", "police"):
            return True
    return False


def _claim(d: Draft, linker: Linker) -> bool:
    """A perpetrator telling its own act ('The military said it had struck a
    militant', 'the ministry said its forces carried out a massive strike')."""
    reporting = linker.tax.cues["reporting_verbs"]
    if not any(g.lemma_.lower() in reporting for g in governing_verbs(d.anchor, limit=3)):
        return False
    if d.actor1 is not None and d.actor1 == d.attributed_to:
        return True
    subj = subject_of(d.anchor)
    if subj is None:
        return False
    return subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)


_AFTERMATH = 3  # sentences after an attack its raiders' further acts are told in
# the perpetrators named back by a definite noun ("the attackers", "the gunmen")
_RAIDERS = {"attacker", "assailant", "gunman", "raider", "militant", "fighter", "insurgent", "jihadist"}


def _same_raiders(d: Draft) -> bool:
    """'The attackers set fire to about 30 houses before withdrawing', 'the
    gunmen looted shops and torched a clinic', 'dozens of homes were burned':
    burning, looting or pulling back by perpetrators named back with 'the', or
    with no hand named, is part of the attack just told."""
    if d.type != "strategic_development" or d.date_own:
        return False
    if is_passive(d.anchor) and not prep_objects(d.anchor, {"by"}):
        return True  # "about 40 shelters were burned to the ground": no other hand named
    subj = subject_of(d.anchor)
    for v in list(d.anchor.ancestors)[:3]:
        if subj is not None:
            break
        subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None  # "... before withdrawing"
    if subj is None or subj.lemma_.lower() not in _RAIDERS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subj.children)


def _retold(d: Draft, linker: Linker) -> bool:
    """'The statement acknowledged that rebels had entered the city', 'the army
    stated that the road had been struck because ...': a past perfect under a
    reporting verb, with no date or figure of its own, re-tells a happening the
    story has told; a telling of the same type earlier in the story takes it."""
    if d.date_own or d.counts:
        return False
    auxes = {c.lower_ for c in d.anchor.children if c.dep_ in ("aux", "auxpass")}
    if "had" not in auxes or d.anchor.dep_ != "ccomp":
        return False
    if any(c.lower_ in ("also", "too", "again") for c in d.anchor.children):
        return False  # "police had also fired tear gas in X": a further happening
    reporting = linker.tax.cues["reporting_verbs"]
    return d.anchor.head.lemma_.lower() in reporting or d.anchor.head.lemma_.lower() == "acknowledge"


def _other_act(p: Draft, d: Draft) -> bool:
    """Another perpetrator or another way of doing it: 'Kenyan troops said they
    had killed five militants in an air strike' after a bus bombing by al-Shabaab."""
    if p.actor1 and d.actor1 and p.actor1 != d.actor1:
        return True
    return p.subtype != d.subtype and p.subtype_certain and d.subtype_certain


def _result_clause(p: Draft, d: Draft) -> bool:
    """'blew up a bus, killing eight': the participle tells what the act did."""
    if _participle_of(d.anchor, p.anchor) or _participle_of(p.anchor, d.anchor):
        return True
    if _where_clause(d.anchor, p.anchor) or _where_clause(p.anchor, d.anchor):
        return True
    # two participles of one clause ("..., dragging men out and executing them")
    a, b = p.anchor, d.anchor
    return a.tag_ == b.tag_ == "VBG" and ((b.dep_ == "conj" and b.head.i == a.i)
                                          or (a.dep_ == "conj" and a.head.i == b.i))


def _where_clause(b: Token, a: Token) -> bool:
    """'marched to the university, where a student was shot dead by police':
    a 'where' clause on a noun of ``a``'s clause tells what happened there."""
    if b.dep_ != "relcl" or not any(c.lower_ == "where" for c in b.children if c.dep_ == "advmod"):
        return False
    return a.left_edge.i <= b.head.i <= a.right_edge.i and b.head.i != a.i


def _participle_of(b: Token, a: Token) -> bool:
    """``b`` is a participle of ``a``'s clause, or a verb conjoined with one
    ('stormed villages, dragging men from their homes and executing them')."""
    while b.dep_ == "conj" and b.head.i != b.i and b.head.i != a.i:
        b = b.head
    return b.dep_ == "advcl" and b.tag_ == "VBG" and b.head.i == a.i


# "One soldier was wounded" after a clash: the toll of the fight already told
_ARMED_VICTIMS = {"soldier", "policeman", "officer", "militant", "fighter", "attacker", "gunman", "troop"}


def _toll(d: Draft) -> bool:
    """A casualty figure without who or how ('nine people have been killed',
    'At least 22 people were wounded'): after a happening has been told, a toll
    of it, not another one."""
    if not d.harm_only or d.actor1 is not None:
        return False
    anchor = d.anchor
    victim = subject_of(anchor)
    if victim is not None and victim.lower_ in _QUANTITY_NOUNS:
        victim = next((o for p in victim.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"), victim)
    armed_toll = victim is not None and victim.lemma_.lower() in _ARMED_VICTIMS and d.type == "battle"
    if victim is not None and victim.lower_ in _QUANTITY_NOUNS:
        victim = None  # "Dozens were wounded": no one named
    if victim is not None and victim.lemma_.lower() not in ("people", "person") and victim.pos_ != "NUM" \
            and not armed_toll:
        return False  # "dozens of civilians were killed": who was hurt makes it its own happening
    if prep_objects(anchor, {"by"}):
        return False
    return is_passive(anchor) or anchor.lemma_.lower() == "die" or subject_of(anchor) is None


def _ongoing(anchor: Token) -> bool:
    """A campaign told in the progressive ('have been bombing') is not the same
    telling as one incident ('were killed in strikes')."""
    if anchor.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in anchor.children):
        return True
    return anchor.head.lemma_.lower() in ("continue", "keep") and anchor.dep_ == "xcomp"
