"""Event typing: which trigger of a clause wins and which type and subtype it
gives in its clause (victims, instruments, who acts).

Split out of events.py; the vocabulary itself lives in data/taxonomy.json.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from eventwire.extractors.event_background import armed_target
from eventwire.extractors.event_lexicon import REMOTE, SPECIFIC, Hit, Taxonomy
from eventwire.extractors.event_linking import Linker, nearest_instrument
from eventwire.extractors.event_syntax import Unit, agents_of, is_passive, objects_of, subject_of

__all__ = ["armed_patient", "armed_subject", "crowd_violence", "rank", "type_of", "violent_crowd_verbs"]


@lru_cache(maxsize=4)
def _crowd_verbs(version: str, verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.lower() for v in verbs)


def _crowd_acts(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    """The crowd itself does the violent act ('protesters torched a bus', 'crowds
    stormed the compound'), not the police at the crowd ('police fired tear gas
    at protesters')."""
    subj = subject_of(anchor)
    if subj is None and anchor.dep_ == "conj":
        subj = subject_of(anchor.head)  # "crowds stormed the compound and set it alight"
    if subj is None or is_passive(anchor):
        return False
    if subj.i == tok.i:
        return True
    lemma = subj.lemma_.lower()
    return lemma in _CROWD_NOUNS or any(e.type in ("protest", "riot") for e in tax.single.get(lemma, ()))


def _crowd_agent(anchor: Token, tax: Taxonomy) -> bool:
    """Who stormed, torched or looted is a crowd ('crowds stormed', 'was set on
    fire by protesters'), not an armed group."""
    verb = anchor
    while verb.dep_ == "conj" and subject_of(verb) is None:
        verb = verb.head
    agents = agents_of(verb)
    agents += [o for a in agents for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]  # "hundreds of students"
    return any(_crowd_word(a, tax) for a in agents)


def crowd_violence(verbs: Iterable[Token], tax: Taxonomy) -> bool:
    """Some crowd among these verbs' subjects does violence itself ('after
    demonstrators set fire to tyres and tried to storm the offices')."""
    words = violent_crowd_verbs(tax)
    return any(v.pos_ == "VERB" and v.lemma_.lower() in words
               and (_crowd_agent(v, tax) or _nearest_subject_crowd(v, tax)) for v in verbs)


def _nearest_subject_crowd(verb: Token, tax: Taxonomy) -> bool:
    """The parser may hang a late verb on the main clause ('soldiers fired ...,
    after demonstrators angry at the cuts set fire to tyres'): the nearest
    subject before it in the sentence tells who did it."""
    if is_passive(verb):
        return False
    for t in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return _crowd_word(t, tax)
    return False


def _crowd_word(tok: Token, tax: Taxonomy) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in _CROWD_NOUNS or any(e.type in ("protest", "riot") for e in tax.single.get(lemma, ()))


# where people live: an armed attack on one is an attack on civilians unless soldiers are named
_SETTLEMENTS = {"village", "hamlet", "home", "house", "settlement", "market", "neighbourhood", "neighborhood",
                "locality", "farm", "homestead", "compound"}


def armed_subject(verb: Token, tax: Taxonomy) -> bool:
    """'Militiamen attacked ...': the doer is an armed person word even when the
    actor list did not name it."""
    subj = subject_of(verb)
    if subj is None or is_passive(verb):
        return False
    words = tax.cues.get("armed_person_words", frozenset())
    low = subj.lower_
    # the small model leaves a capitalised plural unlemmatised ("Militiamen")
    forms = {subj.lemma_.lower(), low, low.removesuffix("s"), low[:-3] + "man" if low.endswith("men") else low}
    return bool(forms & words)


def _settlement_hit(verb: Token) -> bool:
    """'attacked two villages': the settlement is what was hit (its direct object)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(o.lemma_.lower() in _SETTLEMENTS for o in objs) and not is_passive(verb)


# laying a device is not its going off: "planted landmines", "laid mines along the road"
_EMPLACING = {"plant", "lay", "bury", "place", "install", "sow"}


def _emplaced(tok: Token, anchor: Token, tax: Taxonomy) -> bool:
    if not (tok.i != anchor.i and tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.i == anchor.i
            and anchor.lemma_.lower() in _EMPLACING):
        return False
    # "opened fire from rooftops and planted roadside bombs": one fight, told with its bombs
    if anchor.dep_ != "conj":
        return True
    head = anchor.head
    fight = any(c.lemma_.lower() == "fire" for c in head.children) \
        or any(e.type in _VIOLENT for e in tax.single.get(head.lemma_.lower(), ()))
    return not fight


_VIOLENT = {"battle", "violence_against_civilians", "remote_violence", "riot"}


_CROWD_TAKEOVER = {"armed_clash", "territory_taken", "looting_destruction"}
# who a crowd is when the text does not say "protesters"
_CROWD_NOUNS = {"crowd", "mob", "student", "demonstrator", "rioter", "marcher"}


def violent_crowd_verbs(tax: Taxonomy) -> frozenset[str]:
    """Verbs that make a crowd of protesters a riot ('protesters torched', 'pelted
    police'): ``types.riot.violent_crowd_verbs`` in the taxonomy."""
    verbs = tax.raw["types"]["riot"].get("violent_crowd_verbs", [])
    return _crowd_verbs(tax.version, tuple(verbs))


def rank(hit: Hit, anchor: Token) -> tuple[int, int]:
    e = hit.entry
    own_verb = hit.head.i == anchor.i
    crowd = e.type in ("protest", "riot") and hit.head.dep_ in ("nsubj", "nsubjpass") \
        and hit.head.head.i == anchor.i
    if crowd:
        tier = -1  # "Rioters torched shops": who acts makes it a riot
    elif e.kind == SPECIFIC and not e.weak and own_verb:
        tier = 0
    elif e.kind == SPECIFIC and not e.weak:
        tier = 1
    elif e.kind == REMOTE and not e.weak:
        tier = 2
    elif e.kind == SPECIFIC:
        tier = 3
    elif e.kind == REMOTE:
        tier = 4
    else:
        tier = 5
    return tier, abs(hit.head.i - anchor.i)

def armed_patient(verb: Token, tax: Taxonomy) -> bool:
    """'all 11 attackers were gunned down', 'shot dead two gunmen': who was hit
    is an armed person, so it is a fight, not violence against civilians."""
    words = tax.cues.get("armed_person_words", frozenset())
    subj = subject_of(verb)
    hit = objects_of(verb) + ([subj] if subj is not None and is_passive(verb) else [])
    hit = [t for t in hit if t.dep_ != "pobj"]
    return bool(hit) and all(t.lemma_.lower() in words for t in hit)

def type_of(hit: Hit, anchor: Token, unit: Unit, units: list[Unit], tax: Taxonomy,
             linker: Linker) -> tuple[str | None, str | None, bool]:
    """(type, subtype, subtype_certain) for a trigger in its clause."""
    e = hit.entry
    if e.type == "remote_violence" and e.kind in (REMOTE, SPECIFIC) and _emplaced(hit.head, anchor, tax):
        return "strategic_development", "other", True  # "have planted landmines on the paths"
    if e.kind == SPECIFIC:
        type_, sub = e.type, e.subtype
        if type_ in ("protest", "release", "riot"):
            cue = nearest_instrument(hit.head, unit, units, tax, type_, window=0)
            if cue is not None:
                sub = cue
        if type_ == "protest" and anchor.lemma_.lower() in violent_crowd_verbs(tax) \
                and _crowd_acts(hit.head, anchor, tax):
            type_, sub = "riot", "violent_demonstration"  # protesters who torch or clash riot
        if type_ in ("battle", "strategic_development") and sub in _CROWD_TAKEOVER \
                and anchor.lemma_.lower() in violent_crowd_verbs(tax) and _crowd_agent(anchor, tax):
            type_, sub = "riot", "violent_demonstration"  # "crowds stormed the broadcaster and set it alight"
        if type_ == "humanitarian_access" and sub == "aid_delivery" and \
                anchor.lemma_.lower() in tax.cues["blocking_governors"] | {"obstruct", "loot", "attack", "deny"}:
            sub = "obstruction"  # "an aid convoy was blocked"
        if type_ == "battle" and sub == "armed_clash" and hit.head.i == anchor.i and \
                linker.victims(anchor, unit) == "civilians":
            type_, sub = "violence_against_civilians", "attack"  # "ambushed a column of families"
        elif type_ == "violence_against_civilians" and hit.head.i == anchor.i \
                and (linker.victims(anchor, unit) == "armed" or armed_patient(anchor, tax)):
            type_, sub = "battle", "armed_clash"  # "slaughtered seven fighters": armed victims fight
        if type_ == "battle" and sub == "territory_taken" and linker.state_actor_subject(anchor, unit):
            sub = "territory_regained"  # ACLED: government regains territory
        return type_, sub, True
    if e.kind == REMOTE:
        cue = nearest_instrument(hit.head, unit, units, tax, "remote_violence", window=0)
        if cue is not None:
            return "remote_violence", cue, True
        near = nearest_instrument(hit.head, unit, units, tax, "remote_violence", window=2)
        lemma = hit.head.lemma_.lower()
        default = tax.remote_defaults.get(lemma) or tax.remote_defaults.get(hit.head.lower_)
        sub = default or near or tax.default_subtype("remote_violence")
        if near is not None and default is None:
            sub = near
        return "remote_violence", sub, False
    # HARM: people hurt; how decides the type
    cue = nearest_instrument(hit.head, unit, units, tax, "remote_violence", window=0)
    if cue is not None:
        return "remote_violence", cue, True
    victims = linker.noun_victims(hit.head, unit) if hit.head.i != anchor.i else None
    victims = victims or linker.victims(anchor, unit)
    perpetrator_armed = linker.perpetrator_armed(anchor, unit) or armed_subject(anchor, tax)
    if victims == "civilians":
        return "violence_against_civilians", "attack", True
    if victims is None and perpetrator_armed and not armed_target(anchor, tax) and _settlement_hit(anchor):
        return "violence_against_civilians", "attack", False  # "gunmen attacked two villages"
    if victims == "armed" or perpetrator_armed or armed_target(anchor, tax):
        return "battle", "armed_clash", False
    return None, None, False
