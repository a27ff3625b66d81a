"""Figures about people and forces: who is counted, how many, doing what, on whose word.

Steps, for every written number or vague numeral ("dozens") in the text:
1. read the figure: value, qualifier ("more than", "up to", "between 30 and 40") and the
   conservative value of the contract (a range's lower bound, the vague-word table);
2. drop measures: units after the number ("36 hours", "four miles"), ages, money, years,
   numbers inside time expressions or spaCy DATE/TIME/MONEY/PERCENT/QUANTITY entities;
3. find the counted noun ("6,500 people", "thousands of others") and the word that governs
   the figure (its verb, a noun like "deaths of", or the noun itself, "troops"), which gives
   the kind; lexicons in ``data/counts.json``;
4. keep it if it counts people (a people noun, a demonym, or a kind cue on a bare number:
   "wounded 11"); a count with no cue is kind "other";
5. read the clause around it: negated, hypothetical (modal, "if", "threatened to"), hedged,
   background (a whole war's toll), its period, place and who gives the figure.
Headline figures repeat the body's: a headline count is kept only when the body has no
count of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from eventwire.extractors.context import Context, doc_text
from eventwire.extractors.counts_clause import claimed_by as _claimed_by
from eventwire.extractors.counts_clause import clause_ancestors as _ancestors
from eventwire.extractors.counts_clause import clause_verb as _clause_verb
from eventwire.extractors.counts_clause import hedged as _hedged
from eventwire.extractors.counts_clause import inside as _inside
from eventwire.extractors.counts_clause import modal_estimate as _modal_estimate
from eventwire.extractors.counts_clause import restates as _restates
from eventwire.extractors.counts_clause import scope as _scope
from eventwire.extractors.counts_clause import segments as _segments
from eventwire.extractors.counts_clause import status as _status
from eventwire.extractors.counts_clause import tokens as _tokens
from eventwire.extractors.counts_clause import verb_after_insertion
from eventwire.extractors.counts_filters import (
    beside_the_conflict,
    implied_person,
    leaves_without,
    not_a_figure,
    not_people_figure,
    reported_people,
)
from eventwire.extractors.counts_lexicon import Lex as _Lex
from eventwire.extractors.counts_lexicon import (
    compound_word,
    in_proper_name,
    is_date_number,
    not_heard_from,
    pushed_into_place,
)
from eventwire.extractors.counts_lexicon import cue as _cue
from eventwire.extractors.counts_lexicon import is_people as _is_people
from eventwire.extractors.counts_lexicon import lexicon as _lex
from eventwire.extractors.numbers import number_regex, parse_number
from eventwire.schema import Actor, Count, CountKind, Period, Place, Qualifier, Quote, TimeExpression

_PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
# QUANTITY is left to the unit list: spaCy also tags "40 migrants" as one
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
_TIME_WORD = re.compile(
    r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|century|centuries|ago|morning|night|evening"
    r"|afternoon|today|yesterday|tomorrow|weekend|[12]\d{3}|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[ap]\.?m\.?)\b", re.IGNORECASE)



# ---------------------------------------------------------------- figures in the text

@dataclass(frozen=True)
class _Figure:
    start: int            # span start, with the qualifier
    num_start: int
    num_end: int
    value: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    countable: bool       # False: "a handful", recognised but given no figure
    word: str             # the number as written


def _bounds(value: int, bounds: str) -> tuple[int | None, int | None]:
    return {"low": (value, None), "high": (None, value), "both": (value, value)}.get(bounds, (None, None))


def _read_figures(text: str) -> list[_Figure]:
    lex = _lex()
    out: list[_Figure] = []
    taken: list[tuple[int, int]] = []
    for m in lex.vague_re.finditer(text):
        entry = lex.vague[m.group().lower()]
        out.append(_Figure(m.start(), m.start(), m.end(), int(entry["value"]), entry["low"], entry["high"],
                           "vague", bool(entry["count"]), m.group()))
        taken.append((m.start(), m.end()))
    matches = [m for m in number_regex().finditer(text)
               if not any(s <= m.start() < e for s, e in taken)]
    i = 0
    while i < len(matches):
        m = matches[i]
        value = parse_number(m.group())
        i += 1
        if value is None or (re.search(r"\.\d", m.group()) and not re.search(r"[a-z]", m.group(), re.I)):
            continue  # "3.5" alone is a measure, not people
        start, end = m.start(), m.end()
        # a range: "between 30 and 40", "30 to 40", "30-40", "two or three"
        if i < len(matches):
            gap = text[end:matches[i].start()]
            before = text[max(0, start - 8):start].lower()
            joined = re.fullmatch(r"\s*(?:-|–|to|or)\s*", gap) or (
                re.fullmatch(r"\s+and\s+", gap) and before.endswith("between "))
            second = parse_number(matches[i].group())
            if joined and second is not None and second > value:
                span_start = start - 8 if before.endswith("between ") else start
                out.append(_Figure(span_start, start, matches[i].end(), value, value, second, "range", True,
                                   text[start:matches[i].end()]))
                i += 1
                continue
        qual = lex.qualifiers.search(text[max(0, start - 30):start])
        qualifier: Qualifier = "exact"
        bounds = "both"
        span_start = start
        if qual:
            qualifier, bounds = lex.qualifier_info[qual.group(1).lower()]  # type: ignore[assignment]
            span_start = start - (len(text[max(0, start - 30):start]) - qual.start(1))
        elif any(s in m.group().lower() for s in lex.approximate_scales):
            qualifier, bounds = "about", "none"
        if qualifier == "exact" and re.match(r"\s+or\s+(?:more|above)\b", text[end:end + 12]):
            qualifier, bounds = "at_least", "low"  # "200,000 or more": the figure is a floor
        low, high = _bounds(value, bounds)
        out.append(_Figure(span_start, start, end, value, low, high, qualifier, True, m.group()))
    out.sort(key=lambda f: f.num_start)
    return out


def _is_measure(text: str, fig: _Figure, lex: _Lex) -> bool:
    after = text[fig.num_end:fig.num_end + 40]
    before = text[max(0, fig.num_start - 25):fig.num_start]
    if fig.qualifier != "vague" and lex.units.match(after):
        return True
    if after.startswith("%") or any(after.lower().startswith(a) for a in lex.ages):
        return True
    if fig.start == fig.num_start and lex.before_not.search(before):
        return True
    if (fig.qualifier == "exact" and fig.value < 130
            and lex.age_of.search(text[max(0, fig.num_start - 40):fig.num_start])):
        return True  # "a boy of 16", "an old man of 82": an age
    band = lex.age_band.search(before)
    if band and (band.group(1).lower() in lex.people or band.group(1).lower().rstrip("s") in lex.people):
        return True  # "children under five", "men over 60": an age band
    if before.endswith(":") or re.match(r":\d", after):
        return True  # a clock time or a score: "08:40", "2:1"
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", fig.word) and fig.qualifier == "exact")


# ---------------------------------------------------------------- syntax

def _counted_noun(doc: Doc, anchor: Token, fig: _Figure, seg: tuple[int, int]) -> Token | None:
    """'6,500 people' -> people; 'thousands of others' -> others; 'two of the jihadists'."""
    while anchor.dep_ == "conj" and anchor.head.like_num and anchor.head.i < anchor.i:
        anchor = anchor.head  # "between 3,000 and 4,000 soldiers": the first number carries the noun
    head = anchor.head
    while head.like_num and head.i != head.head.i and head.i > anchor.i:
        head = head.head  # "three hundred thousand people"
    if (anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos")
            and head.pos_ in ("NOUN", "PROPN") and _inside(head, seg)
            and (0 < head.i - anchor.i <= 5
                 # "14 Afro-Colombian and Indigenous communities": a longer run of the noun's own modifiers
                 or (0 < head.i - anchor.i <= 10 and all(head.is_ancestor(t) for t in doc[anchor.i + 1:head.i])))):
        return head
    after = doc_text(doc)[fig.num_end:fig.num_end + 6]
    if re.match(r"\s+of\s", after):
        of_tok = next((t for t in doc[anchor.i + 1:anchor.i + 3] if t.lower_ == "of"), None)
        if of_tok is not None:
            for t in doc[of_tok.i + 1:of_tok.i + 8]:
                if not _inside(t, seg) or t.text in ",;:()\"“”" or (
                        t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")):
                    break
                if t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in _lex().people):
                    return t
    last = doc[anchor.i:anchor.i + 1].root
    for t in doc[anchor.i + 1:anchor.i + 5]:  # the parse missed it: "between 30 and 40 (Rwandan) people"
        if not _inside(t, seg):
            break
        if t.like_num or t.lower_ in ("and", "to", "or", "-", "–"):
            last = t
            continue
        if t.pos_ in ("NOUN", "PROPN") and _is_people(t, _lex()):
            return t
        if t.pos_ not in ("ADJ", "PROPN") or t.i - last.i > 2:
            break
    if anchor.pos_ in ("NOUN", "PROPN") and not anchor.like_num and fig.qualifier != "vague":
        return anchor
    return None


def _verb_above(tok: Token, seg: tuple[int, int], steps: int = 6) -> tuple[Token | None, list[Token]]:
    """The nearest verb (or predicative adjective) above ``tok``, and the nouns passed on the way."""
    nouns: list[Token] = []
    t = tok
    for _ in range(steps):
        h = t.head
        if h.i == t.i or not _inside(h, seg):
            return None, nouns
        if h.pos_ in ("VERB", "AUX") or (h.pos_ == "ADJ" and h.dep_ in ("ROOT", "conj", "ccomp", "acomp")):
            return h, nouns
        if h.pos_ in ("NOUN", "PROPN"):
            nouns.append(h)
        t = h
    return None, nouns


def _near_lemmas(tok: Token, depth: int = 2) -> set[str]:
    out: set[str] = set()
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                out.add(c.lemma_.lower())
                out.add(c.lower_)
                nxt.append(c)
        frontier = nxt
    return out


_TOLL_KILLED = frozenset({"toll", "death", "dead", "fatality"})
_TOLL_INJURED = frozenset({"injury", "wounded", "injured"})


def _toll_kind(words: Iterable[Token]) -> str | None:
    for t in words:  # the form too: "the number of wounded" is lemmatised "wound"
        if t.lemma_.lower() in _TOLL_KILLED or t.lower_ in _TOLL_KILLED:
            return "killed"
        if t.lemma_.lower() in _TOLL_INJURED or t.lower_ in _TOLL_INJURED:
            return "injured"
    return None


def _is_object(arg: Token, verb: Token) -> bool:
    """``arg`` (or the conjunct it hangs on) is what ``verb`` acts on."""
    while arg.dep_ == "conj" and arg.head.i != verb.i:
        arg = arg.head
    return arg.head.i == verb.i and arg.dep_ in ("dobj", "nsubjpass")


def _kind_at_verb(verb: Token, arg: Token, lex: _Lex) -> str | None:
    lemma = verb.lemma_.lower()
    if lemma == "leave":
        for c in list(verb.children) + list(arg.children):
            if c.lemma_.lower() in lex.leave_complements or c.lower_ in lex.leave_complements:
                return lex.leave_complements.get(c.lower_) or lex.leave_complements[c.lemma_.lower()]
        if any(c.dep_ == "dobj" and c.lemma_.lower() in lex.leave_not for c in verb.children):
            return None
        if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.i == verb.i:
            return None  # "nothing was left of the three men": remains, not people leaving
        if leaves_without(verb, arg):
            return None  # "leaving 25,000 residents without water": deprived, not displaced
        return "displaced"
    near = _near_lemmas(verb)
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in lex.to_death for g in c.children)
           for c in (*verb.children, *arg.children)):
        return "killed"  # "hacked/beaten/burned ... to death"
    # the counted noun is one of the phrase's words too: "claimed a quarter of a million lives"
    near |= {arg.lemma_.lower(), arg.lower_}
    if _is_object(arg, verb) and _is_people(arg, lex):  # "forced 3,900 people from their homes": on the object
        near |= _near_lemmas(arg)
    for p_verb, words, kind, also in lex.phrases:
        if lemma == p_verb and near & words and (not also or near & also):
            return kind
    if lemma in lex.push_verbs and pushed_into_place(verb):
        return "displaced"  # "could push thousands more people into the city"
    # "1,000 people reached the town"; "the toll reached 50" is left to the toll rule below
    if (lemma in lex.subject_cues and arg.head.i == verb.i and arg.dep_ == "nsubj"
            and arg.lemma_.lower() not in lex.cue_exceptions.get(lemma, ())):
        return lex.subject_cues[lemma]
    if lemma in lex.object_cues:
        moved = any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for c in verb.children)
        return lex.object_cues[lemma] if _is_object(arg, verb) and not moved else None
    cue = _cue(verb, lex)
    if cue is not None:
        return None if arg.lemma_.lower() in lex.cue_exceptions.get(lemma, ()) else cue
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "attr", "xcomp", "prt", "advmod") and _cue(c, lex):
            return _cue(c, lex)
        among = next((k for g in c.children if g.dep_ == "pobj" for k in (
            _cue(g, lex), *(_cue(d, lex) for d in g.children if d.dep_ in ("acl", "amod", "relcl"))) if k), None)
        if c.dep_ == "prep" and c.lower_ == "among" and among:
            return among  # "among the dead were three civilians", "were among those killed"
        if (lemma in lex.dwelling_verbs and c.dep_ == "prep" and c.lower_ in ("in", "at", "inside")
                and any(g.dep_ == "pobj" and g.lemma_.lower() in lex.displacement_sites for g in c.children)):
            return "displaced"  # "200,000 people still live in camps", "families are staying in schools"
    # "the death toll rose to 50", "put the death toll at nine": another argument names the kind
    # ("the toll reached 50": the figure is the object, the subject names the kind)
    if arg.dep_ not in ("nsubj", "nsubjpass"):
        # "the number of dead may be as high as 20": the figure hangs on the adjective, the subject on its verb
        holders = (*verb.children, *verb.head.children) if verb.dep_ == "acomp" else tuple(verb.children)
        for c in holders:
            if (c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != arg.i and c.dep_ != arg.dep_
                    and (toll := _toll_kind(c.subtree) or _number_of(c, lex))):
                return toll
    return None


def _number_of(noun: Token, lex: _Lex) -> str | None:
    """'the number of displaced people', 'the total of refugees': a figure word whose 'of' phrase
    names the people and their kind ('put/estimate the number of X at N')."""
    if noun.lemma_.lower() not in lex.same_figure_subjects:
        return None
    of_words = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    return next((k for t in of_words if (k := _cue(t, lex)) is not None and k != "troops"), None)


def _restated(noun: Token) -> tuple[Token, Token] | None:
    """The (number, noun) that restates ``noun``'s figure in other units: 'X households, or Y people',
    'X people (Y households)'."""
    pairs = [c for c in noun.children if c.dep_ in ("conj", "appos")]
    if noun.dep_ in ("conj", "appos"):
        pairs.append(noun.head)
    for other in pairs:
        first = min(noun, other, key=lambda t: t.i)
        if other.dep_ == "conj" and not any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children):
            continue  # "X men and Y women" are two groups, not one figure restated
        num = next((c for c in other.children if c.dep_ == "nummod"), None)
        if num is not None:
            return num, other
    return None


def _sibling_verbs(verb: Token, arg: Token) -> list[Token]:
    """Verbs that share the figure with ``verb``: 'packed up and left the villages' (a later verb of
    the same subject), 'may have to leave' (its complement), 'killed and enslaved thousands' (the
    first of two verbs with one object)."""
    out = [c for c in verb.conjuncts
           if c.i > verb.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    out += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i < arg.i and arg.dep_ == "dobj":
        out.append(verb.head)
    return out


def _kind(doc: Doc, anchor: Token, noun: Token | None, seg: tuple[int, int],
          figure_anchors: set[int], lex: _Lex) -> tuple[str | None, Token | None]:
    arg = noun if noun is not None else anchor
    verb, path_nouns = _verb_above(arg, seg)
    kind: str | None = None
    for n in path_nouns:  # "the deaths of 12 people", "the release of 283 prisoners"
        if _cue(n, lex):
            kind = _cue(n, lex)
            break
        # "estimates of the death toll range from 9,000 to ...": the noun's "of" phrase names it
        of_words = [t for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        if (kind := _toll_kind(of_words)) is not None:
            break
        if (kind := _number_of(n, lex)) is not None:  # "estimate the number of displaced people at 450,000"
            break
    if kind is None and verb is not None:
        kind = _kind_at_verb(verb, arg, lex)
        for other in _sibling_verbs(verb, arg) if kind is None else ():
            if (kind := _kind_at_verb(other, arg, lex)) is not None:
                break
    if kind is None and noun is not None:
        for c in noun.children:  # "11 people killed", "four people dead"
            if c.dep_ in ("acl", "amod", "relcl") and _cue(c, lex):
                kind = _cue(c, lex)
                break
        if kind is None and _cue(noun, lex) and noun.i != anchor.i:
            kind = _cue(noun, lex)  # "50 refugees", "12 hostages", "30 deaths", "500,000 IDPs"
        for c in noun.children if kind is None else ():
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and (kind := _kind_at_verb(c, noun, lex)):
                break  # "60 people taken into custody", "200 villagers who were held hostage"
        inserted = verb_after_insertion(doc, noun, seg) if kind is None else None
        if inserted is not None:  # "26 people, most of them tourists, were shot dead"
            after, subject = inserted
            kind = _kind_at_verb(after, subject or after, lex)
            if kind is None and any(c.dep_ == "auxpass" for c in after.children):
                kind = lex.object_cues.get(after.lemma_.lower())  # "were rounded up": the group is its object
            verb = after if kind is not None else verb
    if kind == "detained" and verb is not None:
        # "were rounded up and mown down", "seized and executed": the later verb that kills is their fate
        for other in verb.conjuncts:
            if other.i > verb.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in other.children) and (
                    _kind_at_verb(other, arg, lex) == "killed"):
                kind = "killed"
                break
    # "120 rangers and soldiers": any force noun of the counted group makes it a force
    is_force = noun is not None and any(n.lemma_.lower() in lex.troops or n.lower_ in lex.troops
                                        or compound_word(n) in lex.troops for n in (noun, *noun.conjuncts))
    # "a battalion of about 600 men", "would deploy 600 men": people counted as a unit or deployed are a force
    is_force = is_force or (noun is not None and _is_people(noun, lex) and (
        (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.force_units)
        or (verb is not None and verb.lemma_.lower() in lex.deploy_verbs and _is_object(noun, verb))))
    if is_force and kind not in lex.troops_overridden_by:
        kind = "troops"
    # a figure written "one" is usually a determiner ("one senior commander"): it needs its own cue
    people = noun is not None and _is_people(noun, lex)
    excepted = verb is not None and arg.lemma_.lower() in lex.cue_exceptions.get(verb.lemma_.lower(), ())
    if kind is None and (people or verb is None) and anchor.lower_ not in ("one", "a", "an") and not excepted:
        kind = _window_cue(doc, anchor, seg, figure_anchors, lex, any_pos=verb is None)
    return kind, verb


def _window_cue(doc: Doc, anchor: Token, seg: tuple[int, int], figure_anchors: set[int], lex: _Lex,
                *, any_pos: bool = False) -> str | None:
    """When the parse links the figure to nothing, the nearest cue verb in its clause (any
    word when the parse found no verb at all: headlines are often mis-tagged, "hundreds flee")."""
    best: tuple[int, str] | None = None
    # figures inside the counted group's own phrase ("85 households, or about 190 people, including
    # 42 children") restate or share it: they do not stand between it and its verb
    own = {t.i for t in anchor.head.subtree} if anchor.dep_ == "nummod" and anchor.head.pos_ == "NOUN" else set()
    figure_anchors = figure_anchors - own
    for t in doc[max(0, anchor.i - 5):anchor.i + 13]:
        if not _inside(t, seg) or t.i == anchor.i or _cue(t, lex) is None:
            continue
        if t.pos_ != "VERB" and not (any_pos and t.pos_ in ("NOUN", "ADJ")):
            continue
        lo, hi = sorted((t.i, anchor.i))
        if any(lo < i < hi for i in figure_anchors) or any(x.is_quote for x in doc[lo:hi]):
            continue  # another figure or a quotation boundary lies between
        dist = abs(t.i - anchor.i)
        cue = _cue(t, lex)
        if cue is not None and (best is None or dist < best[0]):
            best = (dist, cue)
    return best[1] if best else None


# ---------------------------------------------------------------- links to other extractors

def _verb_of_time(ctx: Context, te: TimeExpression, seg: tuple[int, int]) -> Token | None:
    span = ctx.doc.char_span(te.start, te.end, alignment_mode="expand")
    if span is None:
        return None
    verb, _ = _verb_above(span.root, seg)
    return verb if verb is not None else (span.root if span.root.pos_ == "VERB" else None)


def _period(ctx: Context, verb: Token | None, seg: tuple[int, int], times: Sequence[TimeExpression],
            lex: _Lex) -> Period | None:
    here = [t for t in times if seg[0] <= t.start < seg[1] and t.date_start and t.date_end]
    if not here:
        return None
    chosen: TimeExpression | None = None
    linked = []
    for te in here:
        tv = _verb_of_time(ctx, te, seg)
        linked.append((te, tv))
        if verb is None or tv is None:
            continue
        group = {verb.i, *(c.i for c in verb.conjuncts)}
        if tv.i in group or (tv.lemma_.lower() not in lex.reporting and tv.i in {a.i for a in _ancestors(verb, seg)}):
            chosen = te
            break
    if chosen is None and len(here) == 1:
        te, tv = linked[0]
        if tv is None or tv.lemma_.lower() not in lex.reporting or (verb is not None and tv.i == verb.i):
            chosen = te
    if chosen is None or chosen.date_start is None or chosen.date_end is None:
        return None
    return Period(start=chosen.date_start, end=chosen.date_end)


def _place(ctx: Context, seg: tuple[int, int], at: int, places: Sequence[Place]) -> str | None:
    best: tuple[int, int, str] | None = None
    for p in places:
        for m in p.mentions:
            if m.field != "text" or not (seg[0] <= m.start < seg[1]):
                continue
            if re.match(r"['’]s\b", ctx.text[m.end:m.end + 3]):
                continue  # "France's jihadists": a nationality, not where
            key = (_PRECISION_RANK.get(p.precision, 5), abs(m.start - at), p.name)
            if best is None or key < best:
                best = key
    return best[2] if best else None


# ---------------------------------------------------------------- the extractor

def _what(noun: Token | None) -> str | None:
    if noun is None:
        return None
    return noun.text if noun.pos_ == "PROPN" or noun.ent_type_ == "NORP" else noun.lower_


def extract_counts(ctx: Context, *, places: Sequence[Place], times: Sequence[TimeExpression],
                   actors: Sequence[Actor], quotes: Sequence[Quote]) -> list[Count]:
    """Every figure about people or forces in ``ctx`` (spans in doc offsets)."""
    lex = _lex()
    doc, text = ctx.doc, ctx.text
    # spaCy also tags "between 30 and 40" as DATE: a DATE/TIME only counts if it has a time word
    # and a MONEY only if a currency is named ("uprooted more than 12 million" is people)
    skip_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SKIP_ENTS
                  and (e.label_ not in ("DATE", "TIME") or _TIME_WORD.search(e.text))
                  and (e.label_ != "MONEY" or lex.currency.search(text[e.start_char:e.end_char + 12]))]
    skip_spans += [(t.start, t.end) for t in times if t.precision != "unknown"]
    figures = _read_figures(text)
    anchors: dict[int, Token] = {}
    for f in figures:
        toks = _tokens(doc, f.num_start, f.num_end)
        if toks:
            anchors[f.num_start] = toks[-1]
    anchor_ids = {t.i for t in anchors.values()}
    figure_at = {anchors[f.num_start].i: f for f in figures if f.num_start in anchors}
    segments = _segments(ctx)
    seg_figures: dict[tuple[int, int], list[int]] = {}
    for f in figures:
        s = next((s for s in segments if s[0] <= f.num_start < s[1]), None)
        if s is not None:
            seg_figures.setdefault(s, []).append(f.num_start)
    last_what: dict[tuple[int, int], str] = {}
    last_kind: dict[tuple[int, int], str] = {}
    out: list[Count] = []
    for f in figures:
        anchor = anchors.get(f.num_start)
        seg = next((s for s in segments if s[0] <= f.num_start < s[1]), None)
        if anchor is None or seg is None or _is_measure(text, f, lex):
            continue
        if is_date_number(text[max(seg[0], f.num_start - 12):f.num_start], text[f.num_end:f.num_end + 12]):
            continue  # "5 August", "August 5": a day, not a count
        if any(s < f.num_end and f.num_start < e for s, e in skip_spans):
            continue
        noun = _counted_noun(doc, anchor, f, seg)
        reported = reported_people(noun, lex) if noun is not None else None
        if reported is not None:
            noun = reported[0]  # "300 reports of missing people": the missing people are counted
        if noun is not None and reported is None and (
                noun.lemma_.lower() in lex.non_people or noun.lower_ in lex.non_people
                # "caught between three armed forces", "the two armies": institutions, not people
                or (noun.lemma_.lower() in lex.institutions and f.value < lex.institution_max and noun.i > anchor.i)
                or lex.currency.fullmatch(noun.lower_)):  # "between 300 and 350 rupees"
            continue
        if (noun is None or noun.i <= anchor.i) and f.start == f.num_start and not ctx.in_title(f.start) and (
                in_proper_name(text[max(seg[0], f.num_start - 25):f.num_start], f.word)):
            continue  # "Task Force 46", "Route 1": part of a name
        what = _what(noun)
        more = re.match(r"\s+more\b", text[f.num_end:f.num_end + 6])
        if what is None and noun is None:
            what = last_what.get(seg)
        if what is not None and noun is not None:
            last_what[seg] = what
        if not f.countable:
            continue
        kind, verb = _kind(doc, anchor, noun, seg, anchor_ids - {anchor.i}, lex)
        partner = _restated(noun) if kind is None and noun is not None else None
        if partner is not None:  # "1,236 households, or about 7,400 people, arriving": one figure twice
            kind = _kind(doc, partner[0], partner[1], seg, anchor_ids - {partner[0].i}, lex)[0]
        before = text[max(seg[0], f.start - 30):f.start]
        if last_kind.get(seg) and (
                # "killed eight people, including three children"; "of whom 11 were released" keeps its own
                (lex.subfigure.search(before) and (kind in (None, "other", "troops") or verb is None
                                                   or verb.i < anchor.i))
                or (kind is None and more)  # "up to 5,000 more could follow"
                or (kind is None and noun is None and _restates(verb, lex))):  # "the number could be 60"
            kind = last_kind[seg]
        if kind in (None, "other") and out and not last_kind.get(seg) and _restates(verb, lex):
            kind = out[-1].kind  # "Police said 40 families fled. Radio put the number at 150 families."
        if reported is not None:
            kind = reported[1]
        kind, negated_return = _adjust_kind(kind, verb, before, text[f.num_end:min(seg[1], f.num_end + 60)], out, lex)
        after = text[f.num_end:min(seg[1], f.num_end + 60)]
        if f.word.lower() == "one" and kind == last_kind.get(seg) and re.match(r"\s+of\s+(?:them|whom)\b", after):
            continue  # "wounding three people, one of them seriously": a share of the figure just given
        if last_kind.get(seg) and lex.condition_after.match(after):
            continue  # "11 wounded soldiers, two of them in a serious condition": their state, not a figure
        if kind is None:
            if noun is None or not _is_people(noun, lex) or f.value < 2 or noun.lemma_.lower() in lex.cue_only:
                continue
            kind = "other"
        if noun is not None and not _is_people(noun, lex) and kind == "other":
            continue
        if beside_the_conflict(kind, noun, anchor, verb, lex):
            continue
        if not_a_figure(kind, f, noun, verb, before, lex) or not_people_figure(kind, f, verb, after, lex):
            continue
        # "killing a woman and her two sons": a person named with "a" joins the figure
        extra = implied_person(noun, lex) if kind not in ("other", "troops") and noun is not None else None
        value, low, high = f.value, f.low, f.high
        if extra is not None:
            value, low, high = value + 1, low and low + 1, high and high + 1
        # the span: qualifier + number + counted noun, or "+ more", or the verb before a bare number
        start, end = f.start, f.num_end
        if noun is not None and noun.idx >= f.num_end and noun.idx - f.num_end <= 60:
            end = noun.idx + len(noun.text)
        if extra is not None:
            start, end = min(start, extra.left_edge.idx), max(end, extra.idx + len(extra.text))
        elif more:
            end = f.num_end + more.end()
        elif (noun is None and verb is not None and verb.i < anchor.i
              and not text[verb.idx + len(verb.text):start].strip()):
            start = verb.idx  # "wounded 11"
        last_kind[seg] = kind
        status = "asserted" if negated_return else _status(verb, noun, seg, lex)
        period = None if status == "hypothetical" else _period(ctx, verb, seg, times, lex)
        seg_text = text[seg[0]:seg[1]]
        para_start = text.rfind("\n", 0, seg[0]) + 1
        earlier = [t for t in times if para_start <= t.start < seg[0] and t.date_end]
        context_old = bool(earlier and ctx.published and max(earlier, key=lambda t: t.start).date_end
                           and date.fromisoformat(str(max(earlier, key=lambda t: t.start).date_end))
                           < ctx.published - timedelta(days=365))
        out.append(Count(
            kind=kind,  # type: ignore[arg-type]
            value=value, low=low, high=high, qualifier=f.qualifier,
            what=what or "people", text=text[start:end], start=start, end=end,
            place=_place(ctx, seg, f.num_start, places), period=period,
            scope=("background" if kind == "troops" and status == "asserted"  # a force's size stands
                   else _scope(verb, noun, seg_text, period, ctx.published, text[end:min(seg[1], end + 40)],
                               context_old, lex)),  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            hedged=(_hedged(text, seg, f, seg_figures.get(seg, []), lex)
                    or "estimated" in text[f.start:f.num_start].lower()
                    or (verb is not None and _modal_estimate(_clause_verb(verb)))),
            claimed_by=_claimed_by(ctx, f.num_start, verb, seg, actors, quotes, lex),
        ))
        # a list that is itself a share of a figure ("including five women and two children") adds no total
        # only exact figures add up to a total the text spells out ("about 170 ... and 13 ..." does not)
        total = (_list_total(noun, figure_at, lex) if kind not in ("other", "troops") and extra is None
                 and f.qualifier == "exact" and not lex.subfigure.search(before) else None)
        if total is not None:  # "carried off five women and two children": detained 7, then 5 and 2
            out.append(replace(out[-1], value=value + total[0], low=low and low + total[0],
                               high=high and high + total[0], end=total[1], text=text[start:total[1]]))
    return _drop_headline_repeats(ctx, out)


def _list_total(noun: Token | None, figure_at: dict[int, _Figure], lex: _Lex) -> tuple[int, int] | None:
    """People groups joined to ``noun`` by 'and', each with an exact figure of its own ('five women
    and two children'): the sum of the later figures and where the list ends. The text spells the
    total out, so it is a count of its own; the groups stay as sub-figures."""
    if noun is None or noun.dep_ == "conj":
        return None
    later = [c for c in noun.conjuncts if c.i > noun.i]
    if not later or not any(t.dep_ == "cc" and t.lower_ == "and" for c in (noun, *later) for t in c.children):
        return None  # "five women or two children": alternatives, not a sum
    added = 0
    for c in later:
        fig = next((figure_at[t.i] for t in c.children if t.dep_ == "nummod" and t.i in figure_at), None)
        if fig is None or fig.qualifier != "exact" or not _is_people(c, lex):
            return None  # "five women and their children": no figure to add, no total spelled out
        added += fig.value
    return added, later[-1].idx + len(later[-1].text)


_UNABLE_TO_RETURN = re.compile(
    r"\b(?:(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:able|allowed|permitted)|unable|cannot|can['’]t|could\s+not|couldn['’]t)\s+"
    r"(?:to\s+)?(?:return|go\s+(?:back|home)|come\s+(?:back|home))\b", re.IGNORECASE)


def _adjust_kind(kind: str | None, verb: Token | None, before: str, after: str,
                 out: Sequence[Count], lex: _Lex) -> tuple[str | None, bool]:
    """Kinds the verb alone gets wrong; second value True when a negated verb was made 'missing'."""
    if verb is not None and not_heard_from(verb, lex):
        return "missing", True  # "two staff have not been heard from", "have not been located"
    if kind in (None, "other", "returned", "missing") and _UNABLE_TO_RETURN.search(after):
        return "displaced", True  # "thousands have still not been able to return": still displaced, asserted
    if re.search(r"\b(?:none|neither)\s+of\s+(?:the\s+|its\s+|their\s+)?$", before, re.IGNORECASE):
        return "other", False  # "none of the 21 crew members was injured": 21 is the crew, not the injured
    if kind == "returned" and verb is not None and _kind_at_verb(verb, verb, lex) == "returned" and any(
            c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return "missing", True  # "scores of them have never come home" (not "have not been able to return")
    if (kind == "displaced" and re.search(r"\bescap", after, re.IGNORECASE)
            and any(c.kind == "detained" for c in out)):
        return "returned", False  # in a story of captives, those who escape are escaped captives
    return kind, False


def _drop_headline_repeats(ctx: Context, counts: list[Count]) -> list[Count]:
    body_kinds: set[CountKind] = {c.kind for c in counts if not ctx.in_title(c.start)}
    seen: set[tuple[int, int]] = set()
    out: list[Count] = []
    for c in sorted(counts, key=lambda c: c.start):
        if (c.start, c.end) in seen or (ctx.in_title(c.start) and c.kind in body_kinds):
            continue
        seen.add((c.start, c.end))
        out.append(c)
    return out
