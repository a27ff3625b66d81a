"""Where an event happened: the place of its clause, the article's main place,
datelines (where a story was filed, never where it happened) and the fallbacks
between them. Helpers of event_linking.py."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extractors.context import Context
from eventwire.extractors.event_attach import (
    AREA_NOUNS,
    arrival,
    destination,
    nationwide,
    own_destination,
    reached,
    reference_point,
    seat_of_allegiance,
    speaking_place,
    water_named,
)
from eventwire.extractors.event_lexicon import Taxonomy
from eventwire.extractors.event_syntax import Unit, tree_distance
from eventwire.schema import Place

if TYPE_CHECKING:
    from eventwire.extractors.event_linking import Linker
    from eventwire.extractors.events import Draft

# "Bunia, 21 October 2024 — ", "KYIV, Ukraine (Reuters) - ": where and when the report was filed;
# ", March 19 (Reuters) - " when the parser cut the city off ("N'DJAMENA")
# "Peshawar (Pakistan) (AFP) - ": a title-case city with one or two brackets
DATELINE = re.compile(r"^(?:[A-Z][\w'’./\- ]+,[^—–\n]{0,50}"
                      r"|[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3}(?: \([^)\n]*\)){1,2}|[A-Z][A-Z .'’-]+(?:\([^)]*\))?"
                       r"|,\s[A-Z][^—–\n]{0,50}\([^)]*\))\s[—–-]{1,2}\s")
_PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}

def core_range(tok: Token, unit: Unit) -> tuple[int, int]:
    """Doc range of a noun and its modifiers, without its prepositional phrases
    and clauses ('US-funded rebels', not '... of keeping tens of thousands of people')."""
    keep = [tok]
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "det", "nummod", "nmod", "appos", "quantmod", "conj"):
            keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    return unit.tok_start(keep[0]), unit.tok_end(keep[-1])



def in_dateline(text: str, start: int) -> bool:
    """A mention opening a paragraph's dateline ('PESHAWAR, Pakistan, Sept 5 -'):
    where the reporter files from, not where it happened."""
    if start > 0 and text[start - 1] != "\n":
        return False
    return DATELINE.match(text[start : start + 120]) is not None


def main_place(places: Sequence[Place], ctx: Context, reporting: Collection[str]) -> str | None:
    """The article's main place: where its lead happening is. That is the specific
    place the lead sentence names, else (a lead that only says 'in Pakistan's tribal
    northwest') the first specific place the next sentences name; failing both,
    the point-like place most often told as where something is (a headline mention
    counts twice). Never counted: datelines (where the story was filed), and
    mentions that only say where someone came from or went ('families from Quetta
    towards Karachi') or where a speaker sits ('officials in Quetta said')."""
    lead = _lead_place(places, ctx, reporting)
    if lead is not None:
        return lead
    text = ctx.text
    best: tuple[int, int, str] | None = None
    for p in places:
        if p.precision not in ("point", "admin2"):
            continue
        told = [m for m in p.mentions if not in_dateline(text, m.start)]
        if not told:
            continue
        sents: set[int] = set()
        weight = 0
        for m in told:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.sent.start in sents or _aside_mention(span.root, reporting) \
                    or _river_town(p, span.root):
                continue  # "Sittwe, also known as Akyab": one telling
            sents.add(span.root.sent.start)
            weight += 2 if ctx.in_title(m.start) else 1
        if weight == 0:
            continue  # only ever a speaker's seat or a way-point
        key = (weight, -min(m.start for m in told), p.name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


_LEAD_FOLLOW = 2  # sentences after the lead that may say where its happening was


def _lead_place(places: Sequence[Place], ctx: Context, reporting: Collection[str]) -> str | None:
    """The specific place of the lead sentence, or of the next sentences when the
    lead names none (it then must lie inside a coarse place the lead names, if any)."""
    text = ctx.text
    mentions = sorted(((m.start, p) for p in places for m in p.mentions
                       if m.start >= ctx.body_start and not in_dateline_span(text, m.start)),
                      key=lambda mp: mp[0])
    if not mentions:
        return None
    sents = [s for s in ctx.doc.sents if s.end_char > ctx.body_start
             and any(t.pos_ in ("VERB", "AUX") for t in s)]  # not a byline nor a label
    if not sents:
        return None
    coarse: list[Place] = []
    reached_only: str | None = None
    for k, sent in enumerate(sents[: 1 + _LEAD_FOLLOW]):
        for start, p in mentions:
            if not (sent.start_char <= start < sent.end_char):
                continue
            span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
            if span is None or _aside_mention(span.root, reporting) or _river_town(p, span.root) \
                    or _fighting_party(span.root):
                continue
            if p.precision in ("point", "admin2"):
                if _possessor(span.root):
                    continue
                if k == 0 and _arrived_at(span.root):
                    # "people have reached Chilpancingo, escaping fighting in Tlacotepec":
                    # the lead happens where they fled from, if the lead names it
                    reached_only = reached_only or p.name
                    continue
                if k == 0 or not coarse or any(_holds(c, p) for c in coarse):
                    return p.name
            elif k == 0:
                coarse.append(p)
        if k == 0 and reached_only is not None:
            return reached_only
        if k == 0 and not coarse:
            return None  # a lead that names no place at all: fall back to frequency
    return None


# nouns of a fight between two sides: what stands after "between" names the sides
_FIGHT_NOUNS = frozenset({"fighting", "clash", "clashes", "battle", "battles", "war", "conflict", "feud",
                          "fight", "fights", "rivalry", "hostilities", "violence", "dispute"})


def _fighting_party(tok: Token) -> bool:
    """'fighting between Los Ardillos and Los Tlacos': a name after 'between' a fight
    names a side (a group read as a place), never where the fight is."""
    t = tok
    while t.dep_ in ("compound", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "between" and t.head.head.lower_ in _FIGHT_NOUNS


def _arrived_at(tok: Token) -> bool:
    """The place an arrival verb says people got to ('reached Mora', 'arrived in Tame')."""
    t = tok
    while t.dep_ in ("compound", "appos", "conj") and t.head.i != t.i:
        t = t.head
    verb = t.head if t.dep_ in ("dobj", "obj") else t.head.head if t.dep_ == "pobj" else None
    return verb is not None and arrival(verb) and reached(tok, verb)


def lead_span(ctx: Context) -> tuple[int, int] | None:
    """Doc offsets of the lead sentence: the first body sentence with a verb (not a
    byline nor a label line), dateline included."""
    for s in ctx.doc.sents:
        if s.end_char > ctx.body_start and any(t.pos_ in ("VERB", "AUX") for t in s):
            return max(int(s.start_char), ctx.body_start), int(s.end_char)
    return None


def _holds(outer: Place, inner: Place) -> bool:
    if outer.country is None or inner.country != outer.country:
        return False
    return outer.precision != "admin1" or inner.admin1 in (outer.admin1, outer.name)


def _possessor(tok: Token) -> bool:
    """'Kabul's mayor': a place that owns a person or thing, not a place where."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in ("'s", "’s") and tok.head.lemma_.lower() not in AREA_NOUNS \
        and tok.head.ent_type_ not in ("GPE", "LOC", "FAC")


def in_dateline_span(text: str, pos: int) -> bool:
    """``pos`` lies inside the dateline opening its paragraph ('KYIV, March 3 (Reuters) - ')."""
    start = text.rfind("\n", 0, pos) + 1
    m = DATELINE.match(text[start : start + 120])
    return m is not None and pos < start + m.end()


def _aside_mention(tok: Token, reporting: Collection[str]) -> bool:
    """A place mention that does not say where something happens."""
    while tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "from":
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at"):
        # "told reporters in Cotonou", "said in Kabul": where the telling happens
        verb = tok.head.head
        if verb.dep_ in ("dobj", "dative", "pobj") and verb.head.pos_ in ("VERB", "ADP"):
            verb = verb.head
        if verb.lemma_.lower() in reporting:
            return True
    return destination(tok) or speaking_place(tok, reporting)



def is_place_like(tok: Token, unit: Unit, tax: Taxonomy, linker: Linker) -> bool:
    """A place noun, a place mention, or a phrase holding one ('two towns, Daraya and Madaya')."""
    if tok.lemma_.lower() in tax.place_words or tok.lower_ in tax.place_words:
        return True
    s, e = core_range(tok, unit)
    if any(ps < e and s < pe for ps, pe, _p in linker.place_mentions):
        return True
    return tok.ent_type_ in ("GPE", "LOC", "FAC")



def owner_of(drafts: Sequence[Draft], tok: Token | None) -> Draft | None:
    if tok is None or not drafts:
        return None
    return min(drafts, key=lambda d: min(tree_distance(tok, d.trigger), tree_distance(tok, d.anchor)))



def link_places(drafts: Sequence[Draft], unit: Unit, linker: Linker) -> None:
    """The clause's place, else the sentence's most specific; a country or
    region refined to the article's main place inside it; no place at all: the
    article's main place (a statement stays unplaced unless it says 'the town').

    Skipped: a place that says where someone is from ('a Syrian army unit'), a
    reference point of a distance ('20 miles north of the capital') when the
    sentence names another place, and for people fleeing, where they went
    ('fled towards Bunia'): the happening is where they fled from."""
    if not drafts:
        return
    mine: dict[int, list[tuple[int, Place, bool]]] = {id(d): [] for d in drafts}
    first = dateline_end(unit)
    in_unit = [(s, e, p) for s, e, p in linker.place_mentions if first <= s and e <= unit.end
               and not _origin_modifier(unit.head_of(s, e), unit, linker)
               and not _river_town(p, unit.head_of(s, e))]
    anchors = [m for m in in_unit if reference_point(unit.head_of(m[0], m[1]))]
    if len(anchors) < len({m[2].name for m in in_unit}):
        in_unit = [m for m in in_unit if m not in anchors]
    dest = {s: destination(unit.head_of(s, e)) for s, e, _p in in_unit}
    for s, e, p in in_unit:
        owner = owner_of(drafts, unit.head_of(s, e))
        if owner is not None:
            mine[id(owner)].append((s, p, dest[s]))
    definite = _definite_place_noun(unit, linker.tax)
    main = linker.places.get(linker.main_place or "")
    told = _antecedent(unit, linker) if definite else None
    for d in drafts:
        # people leaving are placed where they left; people arriving where they got to
        arriving = d.type == "displacement" and arrival(d.anchor)
        fleeing = d.type == "displacement" and d.subtype == "flight" and not arriving
        got_to = {s for s, e, _p in in_unit if arriving and reached(unit.head_of(s, e), d.anchor)}
        got = sorted(((s, p) for s, p, dest in mine[id(d)] if not (fleeing and dest)),
                     # arriving: where they got to before where they came from ('families
                     # from Tibú have arrived in Cúcuta')
                     key=lambda sp: (sp[0] not in got_to, _PRECISION_RANK.get(sp[1].precision, 5), sp[0]))
        if not got and fleeing:
            # "fled villages north of Dilling": where they fled from is the only place left
            got = sorted(((s, p) for s, _e, p in anchors),
                         key=lambda sp: (_PRECISION_RANK.get(sp[1].precision, 5), sp[0]))
        if not got and fleeing and main is not None:
            # "forced 120 families to flee downstream to Bellavista": no place of departure
            # named, the town they fled to (in the story's country) is nearer than the
            # article's main place
            owned = {s for s, _p, _dest in mine[id(d)]}
            got = [(s, p) for s, e, p in in_unit if s in owned and dest[s] and p.precision == "point"
                   and p.country == main.country and own_destination(unit.head_of(s, e), d.anchor)]
        if not got and in_unit:
            pos = unit.tok_start(d.trigger)
            got = sorted(((s, p) for s, _e, p in in_unit if not (fleeing and dest[s])),
                         key=lambda sp: (_PRECISION_RANK.get(sp[1].precision, 5), abs(sp[0] - pos)))
        if got:
            d.place, d.place_own = got[0][1].name, True
            points = [p.name for _s, p in got if p.precision == got[0][1].precision]
            d.extra_places = [n for n in dict.fromkeys(points) if n != d.place]
            coarse = got[0][1].precision in ("country", "admin1", "region")
            inner = linker.main_inside(got[0][1].name) if coarse else None
            if coarse and told is not None and linker.contains(got[0][1].name, told.name):
                inner = told  # "former Darfur rebels ... the edge of the city": the city last named
            if inner is None and coarse and main is not None and linker.in_lead(unit.start) \
                    and _vague_around(got[0][1], unit.token_at(got[0][0]), main):
                # "in Pakistan's tribal northwest", "on an island in Lake Chad": the lead's
                # vague area is the place the next sentences name, the article's main place
                inner = main
            if inner is not None and (unit.in_title or definite or d.type != "statement"):
                d.place = inner.name
        elif told is not None:
            d.place = told.name  # "east of the city": the city last named
        elif main is not None and (definite or d.type != "statement"):
            d.place = main.name
        if main is not None and nationwide(d.anchor) and not d.place_own:
            # "shot down 79 drones over 11 regions": the whole country, not the main town
            country = next((p for p in linker.places.values()
                            if p.precision == "country" and p.country == main.country), None)
            if country is not None:
                d.place = country.name


def _river_town(place: Place, tok: Token | None) -> bool:
    """A river's name the gazetteer read as a town ('the San Juan and Atrato rivers')."""
    return place.kind != "water" and tok is not None and water_named(tok)


_LAND_IN_WATER = frozenset({"island", "islet", "shore", "coast", "bank", "peninsula", "lakeshore"})


def _vague_around(area: Place, tok: Token | None, main: Place) -> bool:
    """The lead's coarse ``area`` may stand for the article's ``main`` place: the
    same country, or no country at all unless it is open water ('a carrier in the
    Red Sea' happened at sea; 'an island in Lake Chad' on land by a place)."""
    if area.country is not None:
        return area.country == main.country
    if area.kind != "water":
        return True
    while tok is not None and tok.dep_ in ("compound", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _LAND_IN_WATER


def _origin_modifier(tok: Token | None, unit: Unit, linker: Linker) -> bool:
    """'Belgium's most wanted militant', 'a Syrian army unit': a place that says
    where someone is from, not where something happened."""
    if tok is None:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s"):
        # a possessive place whose noun is not a place ("Belgium's militants"),
        # whatever the parser attached it to
        after = [t for t in tok.doc[nxt.i + 1 : nxt.i + 5] if t.pos_ in ("NOUN", "PROPN")]
        if not after:
            return False
        owned = after[0]
        while owned.dep_ == "compound" and owned.head.i > owned.i and owned.head.i - nxt.i <= 6:
            # "the Sahel's al-Qaeda affiliate": the owned thing is the compound's head,
            # not the name modifying it (which the parser may tag as part of the place)
            owned = owned.head
        if owned is after[0]:
            return not is_place_like(owned, unit, linker.tax, linker)
        return not _place_head(owned, tok, unit, linker)
    if speaking_place(tok, linker.tax.cues["reporting_verbs"]) or seat_of_allegiance(tok):
        return True
    if tok.dep_ not in ("poss", "compound", "amod", "nmod"):
        return False
    return not _place_head(tok.head, tok, unit, linker)


def _place_head(head: Token, modifier: Token, unit: Unit, linker: Linker) -> bool:
    """``head`` is a place noun in its own right: the place modifying it does not
    count ('a U.S. destroyer' is no place because 'U.S.' is one)."""
    tax = linker.tax
    if head.lemma_.lower() in tax.place_words or head.lower_ in tax.place_words \
            or head.lemma_.lower() in AREA_NOUNS:
        return True
    if head.ent_type_ in ("GPE", "LOC", "FAC"):  # one name: "Dar'a governorate"
        return True
    s, e = core_range(head, unit)
    m0, m1 = unit.tok_start(modifier), unit.tok_end(modifier)
    return any(ps < e and s < pe and not (ps < m1 and m0 < pe) for ps, pe, _p in linker.place_mentions)


def dateline_end(unit: Unit) -> int:
    """Doc offset where the text proper starts, after a dateline opening the unit."""
    m = DATELINE.match(unit.text)
    return unit.start + m.end() if m else unit.start


# what kind of place a definite noun takes up ("the city", "the camp")
_NOUN_KINDS = {"city": "populated_place", "town": "populated_place", "village": "populated_place",
               "settlement": "populated_place", "camp": "camp"}
_ANTECEDENT_WINDOW = 1500  # characters back: a story names its town again within a few paragraphs
_NEAR_WINDOW = 400  # characters back: the sentence before, where 'the town' was just named


def _antecedent(unit: Unit, linker: Linker) -> Place | None:
    """The place 'the city' or 'the camp' takes up when the article's main place is
    of another kind: the nearest place of that kind named before it, within a few
    paragraphs (a story about a camp that goes on about 'the city' means the city
    the camp lies in, not the camp); when the main place is of that kind, the one
    named in the sentence or two before. None: the main place stands."""
    main = linker.places.get(linker.main_place or "")
    for t in unit.tokens:
        kind = _NOUN_KINDS.get(t.lemma_.lower())
        if kind is None or not any(c.lower_ in ("the", "this", "that") for c in t.children):
            continue
        if main is None:
            return None
        # the main place is itself a town: 'the town' is the town just named (a story
        # about two besieged towns goes from one to the other), else the main one
        window = _NEAR_WINDOW if main.kind == kind else _ANTECEDENT_WINDOW
        pos = unit.tok_start(t)
        doc = unit.span.doc
        reporting = linker.tax.cues["reporting_verbs"]
        for s, e, p in sorted(linker.place_mentions, key=lambda m: -m[0]):
            if not (pos - window <= s < pos) or p.kind != kind or p.precision != "point":
                continue
            if main.country is not None and p.country not in (None, main.country):
                continue  # a clause naming no place stays in the story's country
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and speaking_place(span.root, reporting):
                continue  # "Port Sudan condemned the strike": the government, not the city
            return p
        if main.kind == kind:
            return None
    return None


def _definite_place_noun(unit: Unit, tax: Taxonomy) -> bool:
    nouns = tax.cues["definite_place_nouns"]
    for t in unit.tokens:
        if t.lemma_.lower() in nouns and any(c.lower_ in ("the", "this", "that") for c in t.children):
            return True
        if t.lemma_.lower() == "stronghold":
            return True
    return False


def refine_statement_places(drafts: Sequence[Draft], units: Sequence[Unit], linker: Linker) -> None:
    """A statement placed only at country level ('a camp in southern Syria') takes
    the specific place its next sentence names when that sentence goes on with
    the same speaker ('The agency said ... the Zaatari camp')."""
    for d in drafts:
        if d.type != "statement" or d.actor1 is None:
            continue
        current = linker.places.get(d.place or "")
        if current is not None and current.precision not in ("country", "admin1", "region"):
            continue
        nxt = next((u for u in units if u.index == d.unit.index + 1), None)
        if nxt is None or not _same_speaker(d.actor1, nxt, linker):
            continue
        cands = [p for s, e, p in linker.place_mentions if nxt.start <= s and e <= nxt.end
                 and p.precision in ("point", "admin2")
                 and (current is None or linker.contains(current.name, p.name))]
        if cands:
            d.place = cands[0].name


def _same_speaker(actor: str, unit: Unit, linker: Linker) -> bool:
    heads = set()
    for s, e, a in linker.actor_mentions:
        if a.name != actor:
            continue
        if unit.start <= s < unit.end:
            return True
        words = linker.text[s:e].split()
        if words:
            heads.add(words[-1].lower())
    for t in unit.tokens:
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in linker.tax.cues["reporting_verbs"] \
                and t.lower_ in heads:
            return True
    return False

