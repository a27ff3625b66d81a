"""How a place or a time hangs on an event in the parse: a place that locates
another ('25 km west of Goma'), a destination ('fled towards Bunia'), a place
that speaks ('Bamako has not commented'), a clause dated from another ('a day
after shells hit the town'). Helpers of event_linking.py."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from eventwire.extractors.numbers import parse_number

_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west"}


_BOUNDARIES = frozenset({"border", "frontier", "boundary", "borderline"})


def reference_point(tok: Token | None) -> bool:
    """'about 25 km west of Goma', '20 miles north of the capital Port-au-Prince',
    'near the border with Syria': the place locates another one."""
    for _ in range(4):
        while tok is not None and tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
            tok = tok.head
        if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
                and tok.head.head.lemma_.lower() in _BOUNDARIES:
            return True  # "near its frontiers with Niger and Burkina Faso": the neighbour
        if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        if tok.head.head.lower_ in _DIRECTIONS:
            return True
        tok = tok.head.head  # "north of the town of Mubi": up to "town"
    return False


def destination(tok: Token | None) -> bool:
    """'towards Bunia', 'to villages along the river': where someone went."""
    t = tok
    for _ in range(4):
        if t is None or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "towards", "toward", "into"):
            return True
        if t.dep_ not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        t = t.head
    return False


# verbs of people getting somewhere: the place they reached is where the movement is told
_ARRIVAL_VERBS = frozenset({"arrive", "reach", "make", "cross", "pour", "stream"})
_WATER_NOUNS = frozenset({"river", "rivers", "lake", "lakes", "stream", "creek", "canal", "tributary",
                          "reservoir", "lagoon"})


def arrival(verb: Token) -> bool:
    """'reached Mora', 'arrived in Tame', 'made it to Tawila', 'crossed into Chad':
    the clause tells where people got to, so that place is the movement's place."""
    return verb.lemma_.lower() in _ARRIVAL_VERBS


def reached(tok: Token | None, verb: Token) -> bool:
    """'arrived in Cúcuta', 'reached Mora', 'made it to Tawila': the place the arrival
    verb itself says people got to (not 'from around Tibú')."""
    t = tok
    while t is not None and t.dep_ in ("compound", "appos", "conj") and t.head.i != t.i:
        t = t.head
    if t is None:
        return False
    if t.dep_ in ("dobj", "obj") and t.head.i == verb.i:
        return True
    prep = t.head
    return t.dep_ == "pobj" and prep.lower_ in ("in", "at", "to", "into") and prep.head.i == verb.i


def own_destination(tok: Token | None, verb: Token) -> bool:
    """'fled to Bellavista', 'fled to camps in Datu Piang': a 'to'/'into' destination
    hanging on the fleeing verb itself (not 'towards', which only gives a direction,
    nor a verb joined to it: 'fled into the forest or walked for two days to Wamena')."""
    t = tok
    for _ in range(5):
        if t is None or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "into"):
            return t.head.head.i == verb.i
        if t.dep_ not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        t = t.head
    return False


def water_named(tok: Token) -> bool:
    """'the San Juan and Atrato rivers', 'the Opogadó river': a name the next words
    say is a river or a lake, whatever town of that name a gazetteer holds."""
    doc = tok.doc
    for t in doc[tok.i + 1 : tok.i + 6]:
        if t.lemma_.lower() in _WATER_NOUNS or t.lower_ in _WATER_NOUNS:
            return True
        if t.pos_ != "PROPN" and t.lower_ not in ("and", ","):
            return False
    return False


# the noun of an area's own name ("Dar'a governorate", "the Gao region")
AREA_NOUNS = frozenset({"governorate", "province", "region", "district", "state", "county", "territory",
                         "prefecture", "department", "municipality", "oblast", "regency", "division",
                         "zone", "area", "island", "valley", "plain", "camp", "town", "city", "village"})
_INSTITUTIONS = frozenset({"ministry", "government", "office", "command", "headquarters", "embassy",
                           "presidency", "administration", "authorities", "authority", "military", "army",
                           "police", "official", "source", "spokesman", "spokeswoman", "spokesperson"})
_SPEAKING_VERBS = frozenset({"comment", "respond", "deny", "reject", "accuse", "blame", "condemn"})


def speaking_place(tok: Token, reporting: Collection[str]) -> bool:
    """'Bamako has not commented', 'the ministry in Bogotá said': a place that speaks
    for a government, or locates the speaker, is where the telling happens."""
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in _INSTITUTIONS:
        t = t.head.head  # "the ministry in Bogotá", not "a resident of Ansongo"
    elif t.dep_ == "compound" and t.head.lemma_.lower() in _INSTITUTIONS:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    lemma = t.head.lemma_.lower()
    return lemma in reporting or lemma in _SPEAKING_VERBS


def seat_of_allegiance(tok: Token) -> bool:
    """'gunmen loyal to the authorities in Damascus', 'militias backed by the government
    in Tehran': the seat of the power someone answers to, not where anything happened."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    inst = tok.head.head
    return inst.lemma_.lower() in _INSTITUTIONS and inst.dep_ == "pobj" \
        and inst.head.lower_ in ("to", "by", "with")


def day_offset(anchor: Token, verb: Token) -> int | None:
    """Days from the time of ``verb``'s clause to ``anchor``'s when the anchor lies in
    an 'N days after/before ...' clause under that verb: -N after, +N before."""
    t = anchor
    for _ in range(5):
        if t.i == verb.i or t.head.i == t.i:
            return None
        mark = next((c for c in t.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
        if mark is None and t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("after", "before"):
            mark = t.head
        if mark is not None:
            unit = next((c for c in (*t.children, *mark.children) if c.dep_ == "npadvmod"
                         and c.lemma_.lower() in ("day", "week")), None)
            if unit is None:
                return None
            num = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
            if num is None:
                return None
            n = 1 if num.lower_ in ("a", "one") else parse_number(num.lower_)
            if n is None or not (t.head.i == verb.i or verb in t.ancestors):
                return None
            n *= 7 if unit.lemma_.lower() == "week" else 1
            return -n if mark.lower_ == "after" else n
        t = t.head
    return None


_REGION_NOUNS = frozenset({"region", "province", "oblast", "state", "district", "governorate", "county"})


def nationwide(verb: Token) -> bool:
    """'shot down 79 drones over 11 regions', 'protests nationwide': the happening is
    spread across the country."""
    for c in verb.children:
        if c.lower_ in ("nationwide", "countrywide"):
            return True
        if c.dep_ != "prep" or c.lower_ not in ("over", "across", "in"):
            continue
        for obj in (g for g in c.children if g.dep_ == "pobj"):
            if obj.lower_ == "country" and any(d.lower_ == "the" for d in obj.children):
                return True
            num = next((n for n in obj.children if n.dep_ == "nummod"), None)
            if obj.lemma_.lower() in _REGION_NOUNS and num is not None:
                value = parse_number(num.lower_)
                return value is not None and value >= 3
    return False
