"""Actors: who acts, speaks or suffers in an article, one entry per actor.

The cascade, in order of trust (an earlier step's span wins an overlap):

1. Dictionary aliases (``data/actors.json``), with a leading "the" and
   "US-backed"-style modifiers folded into the mention.
2. Country-adjectival phrases: "Russian forces" (the armed forces), "Russian
   shelling" (the armed forces, mention "Russian" only: the shelling is the act,
   not the actor), "the Russian defence ministry" (the government). A country
   name or capital counts only as the subject of a verb ("Moscow said").
3. People: spaCy PERSON entities with their titles ("governor Petro
   Marchenko"); a surname alone and a definite role ("the regional governor")
   link to the one person with that name or title.
4. Organisations outside the dictionary: spaCy ORG entities whose head word
   types them ("... Ministry" -> government) or that are acronyms.
5. Short definite references ("the group", "the terror group", "the ministry")
   link to the nearest preceding compatible actor (see ``_resolve_anaphora``).
6. Civilians: "people", "residents", "children"... in a victim role become the
   actor "civilians", with the country of the article's main place.

Outlets cited as sources (``extract.sources``) are never actors.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.errors import DataFileError
from eventwire.extractors.context import Context
from eventwire.extractors.phrase_scan import PhraseScanner
from eventwire.extractors.sources import extract_sources_cited, outlet_spans
from eventwire.schema import Actor, Mention, Place

CIVILIANS = "civilians"

# Verbs whose object (or passive subject) is harmed, and intransitive verbs
# whose subject is: together they mark the "victim role" of a civilian noun.
_HARM_VERBS = frozenset({
    "kill", "wound", "injure", "shoot", "abduct", "kidnap", "displace", "evacuate", "trap", "starve",
    "besiege", "massacre", "attack", "target", "hit", "strike", "detain", "execute", "behead", "rape",
    "torture", "hold", "keep", "bomb", "shell", "murder", "maim", "burn", "threaten", "terrorise",
    "terrorize", "force", "expel", "deport", "prevent", "use", "endanger", "slaughter", "harm", "hurt",
})
_SUFFER_VERBS = frozenset({"flee", "leave", "escape", "die", "suffer", "starve", "perish", "return",
                           "shelter", "drown"})
_VICTIM_ADJ = frozenset({"dead", "killed", "injured", "wounded", "missing", "displaced", "homeless",
                         "trapped", "hurt"})
_MODIFIER_SUFFIXES = ("led", "backed", "funded", "allied", "aligned", "linked", "affiliated", "run",
                      "controlled", "supported", "sponsored", "based")
_LEFT_MODIFIERS = re.compile(
    r"(?:(?:[Tt]he)\s+)?(?:[\w.]+-(?:" + "|".join(_MODIFIER_SUFFIXES) + r")\s+)*$"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&/-]+$")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Entry:
    name: str
    type: str
    country: str | None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryForms:
    country: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    government: str
    military: str
    metonyms: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]
    # alias -> (canonical name, needs context)
    aliases: dict[str, tuple[str, bool]]
    by_lower: dict[str, tuple[str, ...]]
    alias_pattern: re.Pattern[str]
    countries: tuple[CountryForms, ...]
    military_nouns: tuple[str, ...]
    attack_nouns: tuple[str, ...]
    government_nouns: tuple[str, ...]
    police_nouns: tuple[str, ...]
    civilian_nouns: frozenset[str]
    ranks: tuple[str, ...]
    roles: frozenset[str]
    government_roles: frozenset[str]
    drop_modifiers: frozenset[str]
    org_heads: dict[str, str]
    anaphora: dict[str, tuple[str, ...]]
    anaphora_tags: dict[str, str]


def _read_json(name: str) -> dict[str, Any]:
    raw = resources.files("eventwire.data").joinpath(name).read_text("utf-8")
    data = json.loads(raw)
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(path=f"eventwire/data/{name}", detail="missing 'version'")
    return data


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The actor dictionary of ``data/actors.json``, compiled once."""
    data = _read_json("actors.json")
    entries: dict[str, Entry] = {}
    aliases: dict[str, tuple[str, bool]] = {}
    try:
        for item in data["actors"]:
            entries[item["name"]] = Entry(item["name"], item["type"], item["country"], tuple(item.get("tags", ())))
            ambiguous = set(item.get("needs_context", ()))
            for alias in item["aliases"]:
                key = re.sub(r"^the\s+", "", alias, flags=re.IGNORECASE)
                aliases.setdefault(key, (item["name"], alias in ambiguous))
        countries = tuple(
            CountryForms(c["country"], tuple(c["names"]), tuple(c["demonyms"]), c["government"],
                         c["military"], tuple(c["metonyms"]))
            for c in data["countries"]
        )
        titles = data["person_titles"]
        lex = Lexicon(
            entries=entries,
            aliases=aliases,
            by_lower=_by_lower(aliases),
            alias_pattern=re.compile(r"(?<![\w-])(?:" + _alternation(aliases) + r")(?![\w-])", re.IGNORECASE),
            countries=countries,
            military_nouns=tuple(data["military_nouns"]),
            attack_nouns=tuple(data["attack_nouns"]),
            government_nouns=tuple(data["government_nouns"]),
            police_nouns=tuple(data["police_nouns"]),
            civilian_nouns=frozenset(data["civilian_nouns"]),
            ranks=tuple(titles["ranks"]),
            roles=frozenset(titles["roles"]),
            government_roles=frozenset(titles["government_roles"]),
            drop_modifiers=frozenset(titles["drop_modifiers"]),
            org_heads=dict(data["org_heads"]),
            anaphora={k: tuple(v) for k, v in data["anaphora"].items()},
            anaphora_tags=dict(data["anaphora_tags"]),
        )
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/actors.json", detail=f"bad or missing key {err}") from err
    return lex


@functools.lru_cache(maxsize=1)
def _alias_scanner() -> PhraseScanner:
    return PhraseScanner(lexicon().aliases, lambda alt: r"(?:" + alt + r")(?![\w-])", re.IGNORECASE)


def _by_lower(aliases: dict[str, tuple[str, bool]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key in aliases:
        out.setdefault(key.lower(), []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def _caps_ok(alias: str, found: str) -> bool:
    """A case-insensitive hit counts only if the text keeps the alias's capitals:
    acronyms exactly, capitalised words capitalised (lower-case alias words may
    be capitalised in the text, as in headlines)."""
    if found.isupper() and len(found) > 4 and not _ACRONYM.match(alias.replace(" ", "")):
        return True  # an all-caps headline line
    a_words, f_words = alias.split(), found.split()
    if len(a_words) != len(f_words):
        return False
    for a, f in zip(a_words, f_words, strict=True):
        if _ACRONYM.match(a) and a != f:
            return False
        if a[:1].isupper() and not f[:1].isupper():
            return False
    return True


# --------------------------------------------------------------------------- helpers


@dataclass
class _Cand:
    name: str
    type: str
    country: str | None
    start: int
    end: int
    needs_context: bool = False
    role: str | None = None  # person titles, or a ministry-like sub-unit of an org


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _free(cands: Sequence[_Cand], start: int, end: int, blocked: Sequence[tuple[int, int]] = ()) -> bool:
    return not any(_overlaps(start, end, c.start, c.end) for c in cands) and not any(
        _overlaps(start, end, s, e) for s, e in blocked
    )


def _extend_left(text: str, start: int) -> int:
    """Fold a leading "the" and "US-backed"-style modifiers into the mention."""
    window = text[max(0, start - 80) : start]
    m = _LEFT_MODIFIERS.search(window)
    return start - len(m.group(0)) if m and m.group(0) else start


def main_country(places: Sequence[Place], body_start: int = 0) -> str | None:
    """Country of the article's main place: most mentions in the body, then earliest."""
    best: tuple[int, int, str] | None = None
    for p in places:
        if not p.country:
            continue
        body = [m for m in p.mentions if m.start >= body_start] or list(p.mentions)
        if not body:
            continue
        key = (-len(body), min(m.start for m in body), p.country)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# --------------------------------------------------------------------------- steps


def _dictionary(text: str, lex: Lexicon) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _alias_scanner().finditer(text):
        found = " ".join(m.group(0).split())
        key = next((k for k in lex.by_lower.get(found.lower(), ()) if _caps_ok(k, found)), None)
        if key is None:
            continue
        name, ambiguous = lex.aliases[key]
        e = lex.entries[name]
        start = _extend_left(text, m.start())
        role = None
        if e.type == "government":
            role = _subunit(found, lex)
        out.append(_Cand(name, e.type, e.country, start, m.end(), ambiguous, role))
    return out


def _subunit(found: str, lex: Lexicon) -> str | None:
    """'defence ministry' in 'Russian defence ministry': the part of a
    government that speaks, kept as the speaker's role by quotes."""
    low = found.lower()
    for noun in sorted(lex.government_nouns, key=len, reverse=True):
        if low.endswith(" " + noun) and ("ministry" in noun or noun in {"embassy", "presidency"}):
            return noun
    return None


@dataclass(frozen=True)
class _CountryMatchers:
    """Two regexes for all countries at once (one scan each per article instead of
    five per country), with tables that map a match back to its country."""

    phrase: PhraseScanner                              # adjective/possessive + noun
    metonym: PhraseScanner                             # a country or capital name alone
    by_form: dict[str, CountryForms]              # folded adjective/name -> country
    by_noun: dict[str, int]                       # folded noun -> group index (first wins)


@functools.lru_cache(maxsize=1)
def _country_matchers() -> _CountryMatchers:
    lex = lexicon()
    by_form: dict[str, CountryForms] = {}
    names: dict[str, CountryForms] = {}
    for c in lex.countries:
        for form in (*c.demonyms, *(n + "'s" for n in c.names), *(n + "’s" for n in c.names)):
            by_form.setdefault(form.casefold(), c)
        for name in (*c.names, *c.metonyms):
            names.setdefault(name, c)
    by_noun: dict[str, int] = {}
    for i, nouns in enumerate(_group_nouns(lex)):
        for noun in nouns:
            by_noun.setdefault(" ".join(noun.casefold().split()), i)
    noun_alt = _alternation(n for g in _group_nouns(lex) for n in g)
    phrase = PhraseScanner(_form_variants(lex), lambda forms: rf"({forms})\s+({noun_alt})(?![\w-])", re.IGNORECASE)
    metonym = PhraseScanner(names, lambda alt: rf"({alt})(?![\w-])")
    return _CountryMatchers(phrase, metonym, {**by_form, **{n.casefold(): c for n, c in names.items()}}, by_noun)


def _form_variants(lex: Lexicon) -> list[str]:
    return [f for c in lex.countries
            for f in (*c.demonyms, *(n + "'s" for n in c.names), *(n + "’s" for n in c.names))]


def _group_nouns(lex: Lexicon) -> tuple[tuple[str, ...], ...]:
    # Order matters: a noun listed in two groups takes the first (government before military).
    return (tuple(lex.government_nouns), tuple(lex.police_nouns), tuple(lex.military_nouns),
            tuple(lex.attack_nouns))


def _country_phrases(ctx: Context, lex: Lexicon, taken: list[_Cand]) -> list[_Cand]:
    text = ctx.text
    cm = _country_matchers()
    out: list[_Cand] = []
    for m in cm.phrase.finditer(text):
        if not m.group(1)[0].isupper():
            continue
        c = cm.by_form[m.group(1).casefold()]
        group = cm.by_noun[" ".join(m.group(2).casefold().split())]
        typ, name, whole = (("government", c.government, True), ("police", f"{c.demonyms[0]} police", True),
                            ("state_military", c.military, True), ("state_military", c.military, False))[group]
        start, end = (_extend_left(text, m.start()), m.end()) if whole else (m.start(1), m.end(1))
        if not _free(taken + out, m.start(), m.end()):
            continue
        entry = lex.entries.get(name)
        role = _subunit(m.group(0), lex) if typ == "government" else None
        out.append(_Cand(name, entry.type if entry else typ, c.country, start, end, role=role))
    # A country or its capital as the subject of a verb speaks or acts for its government.
    for m in cm.metonym.finditer(text):
        tok = _token_at(ctx.doc, m.end() - 1)
        if tok is None or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.pos_ not in {"VERB", "AUX"}:
            continue
        c = cm.by_form[m.group(1).casefold()]
        start = _extend_left(text, m.start())
        if _free(taken + out, start, m.end()):
            out.append(_Cand(c.government, "government", c.country, start, m.end()))
    return out


def _demonym_country(words: Iterable[str], lex: Lexicon) -> str | None:
    for w in words:
        for c in lex.countries:
            if w in c.demonyms or w in c.names:
                return c.country
    return None


def _persons(ctx: Context, lex: Lexicon, taken: list[_Cand], blocked: list[tuple[int, int]],
             home: str | None) -> list[_Cand]:
    doc, text = ctx.doc, ctx.text
    ranks = {r.lower().rstrip(".") for r in lex.ranks}
    out: list[_Cand] = []
    for toks in _person_spans(doc, ranks, lex):
        # strip titles the entity swallowed ("Colonel Sean Ryan")
        while toks and (toks[0].text.lower().rstrip(".") in ranks or toks[0].text.lower() in lex.roles
                        or toks[0].text in _all_demonyms(lex)):
            toks = toks[1:]
        if not toks or not all(t.text[:1].isupper() for t in toks if t.is_alpha):
            continue
        if toks[-1].text.endswith("'s"):
            toks = toks[:-1]
        name_start, name_end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if not _free(taken, name_start, name_end, blocked):
            continue
        title, title_start = _title_before(doc, toks[0].i, ranks, lex)
        if len(toks) < 2 and title is None:
            continue  # a lone capitalised word is too often a place or a mis-tag
        name = " ".join(text[name_start:name_end].split())
        country = _demonym_country((t.text for t in doc[max(0, toks[0].i - 4) : toks[0].i]), lex)
        if country is None and title and title.split()[-1].lower() in lex.government_roles:
            country = home
        out.append(_Cand(name, "person", country, title_start if title else name_start, name_end, role=title))
    return _link_person_mentions(ctx, lex, out, taken, blocked)


def _person_spans(doc: Doc, ranks: set[str], lex: Lexicon) -> list[list[Token]]:
    """PERSON entities, plus runs of proper nouns right after a title, which a
    small model often tags as ORG ("governor Volodymyr Artiukh")."""
    spans: list[list[Token]] = []
    seen: set[int] = set()
    for ent in doc.ents:
        titled = ent.start > 0 and (doc[ent.start - 1].lower_.rstrip(".") in ranks
                                    or doc[ent.start - 1].lower_ in lex.roles)
        if ent.label_ == "PERSON" or (titled and ent.label_ in {"ORG", "GPE", "NORP", "FAC"} and len(ent) > 1):
            spans.append([t for t in ent if not t.is_punct or t.text in {"-", "."}])
            seen.update(t.i for t in ent)
    for tok in doc[:-2]:
        if tok.lower_.rstrip(".") not in ranks and tok.lower_ not in lex.roles:
            continue
        run = []
        for t in doc[tok.i + 1 : tok.i + 5]:
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.i in seen:
                break
            run.append(t)
        if len(run) >= 2:
            spans.append(run)
            seen.update(t.i for t in run)
    return spans


def _all_demonyms(lex: Lexicon) -> frozenset[str]:
    return frozenset(d for c in lex.countries for d in c.demonyms)


def _title_before(doc: Doc, i: int, ranks: set[str], lex: Lexicon) -> tuple[str | None, int]:
    """Title words right before a name: 'governor', 'Lieutenant General', 'army spokesman'."""
    j = i
    while j > 0:
        low = doc[j - 1].text.lower().rstrip(".")
        if low in ranks or low in lex.roles or (j < i and low in {"deputy", "regional", "vice", "former"}):
            j -= 1
            continue
        break
    if j == i:
        return None, doc[i].idx
    return " ".join(t.text for t in doc[j:i]), doc[j].idx


def _link_person_mentions(ctx: Context, lex: Lexicon, persons: list[_Cand], taken: list[_Cand],
                          blocked: list[tuple[int, int]]) -> list[_Cand]:
    """Surnames alone and definite role phrases join the person they name."""
    doc, text = ctx.doc, ctx.text
    by_name: dict[str, _Cand] = {}
    for p in sorted(persons, key=lambda p: -len(p.name)):
        longer = next((k for k in by_name if k.endswith(" " + p.name)), None)
        if longer is not None:
            p.name = longer  # "Marchenko" after "Petro Marchenko"
            p.country = p.country or by_name[longer].country
        else:
            by_name.setdefault(p.name, p)
    out = list(persons)
    for full in by_name:
        surname = full.split()[-1]
        if len(full.split()) < 2:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not _free(taken + out, m.start(), m.end()):
                continue
            if not _free([], m.start(), m.end(), blocked):
                # a place of that name elsewhere in the world: the surname wins
                # only as the subject of a verb ("Bello said")
                tok = _token_at(doc, m.start())
                if tok is None or tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
                    continue
            out.append(_Cand(full, "person", by_name[full].country, m.start(), m.end()))
    # "the regional governor": a definite role phrase naming exactly one titled person
    for tok in doc:
        if tok.lower_ not in lex.roles or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        dets = [c for c in tok.lefts if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            continue
        holders = {p.name for p in out if p.role and p.role.split()[-1].lower() == tok.lower_}
        if len(holders) != 1:
            continue
        start, end = dets[0].idx, tok.idx + len(tok.text)
        if _free(taken + out, start, end, blocked):
            name = holders.pop()
            out.append(_Cand(name, "person", by_name[name].country if name in by_name else None, start, end,
                             role=text[dets[0].idx + 4 : end]))
    return out


def _organisations(ctx: Context, lex: Lexicon, taken: list[_Cand], blocked: list[tuple[int, int]],
                   home: str | None) -> list[_Cand]:
    out: list[_Cand] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "ORG":
            continue
        words = ent.text.split()
        if words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
        head = words[-1].lower()
        acronym = len(words) == 1 and bool(_ACRONYM.match(words[0])) and 2 <= len(words[0]) <= 6
        typ = lex.org_heads.get(head) or next((lex.org_heads[w.lower()] for w in words
                                                if w.lower() in {"ministry", "party", "police"}), None)
        if typ is None and not acronym:
            continue
        if not all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "on", "in", "de", "al"}
                   for w in words):
            continue
        start = _extend_left(ctx.text, ent.start_char)
        if not _free(taken + out, ent.start_char, ent.end_char, blocked):
            continue
        country = _demonym_country(words, lex)
        if country is None and typ in {"government", "police", "state_military"}:
            country = home
        out.append(_Cand(" ".join(words), typ or "other", country, start, ent.end_char))
    return out


def _civilians(ctx: Context, lex: Lexicon, taken: list[_Cand], home: str | None) -> list[_Cand]:
    out: list[_Cand] = []
    for tok in ctx.doc:
        if tok.lower_ not in lex.civilian_nouns or tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue
        if tok.lower_ in {"civilian", "civilians"} or _victim_role(tok):
            start, end = tok.idx, tok.idx + len(tok.text)
            if _free(taken + out, start, end):
                out.append(_Cand(CIVILIANS, "civilians", home, start, end))
    return out


def _victim_role(tok: Token) -> bool:
    # "tens of thousands of people": the role is the quantity's
    node = tok
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in {"NUM", "NOUN"}:
        node = node.head.head
        if node.pos_ == "NOUN" and node.lower_ not in {"thousands", "hundreds", "dozens", "millions", "number",
                                                        "scores", "tens"}:
            return False
    if any(c.lower_ in _VICTIM_ADJ for c in node.children) or (
        node.i + 1 < len(node.doc) and node.doc[node.i + 1].lower_ in _VICTIM_ADJ
    ):
        return True
    head = node.head
    while node.dep_ == "conj":
        node, head = head, head.head
    lemma = head.lemma_.lower()
    if node.dep_ in {"dobj", "nsubjpass"} and lemma in _HARM_VERBS:
        return True
    return node.dep_ == "nsubj" and lemma in _SUFFER_VERBS


# --------------------------------------------------------------------------- anaphora


@functools.lru_cache(maxsize=1)
def _anaphora_keys() -> dict[str, tuple[tuple[str, list[str]], ...]]:
    """Anaphoric phrases by their first word, longest first, so each "the" in an
    article is checked against a handful of phrases rather than all of them."""
    table: dict[str, list[tuple[str, list[str]]]] = {}
    for k in sorted(lexicon().anaphora, key=lambda k: -len(k.split())):
        words = k.lower().split()
        table.setdefault(words[0], []).append((k, words))
    return {w: tuple(v) for w, v in table.items()}


def _resolve_anaphora(ctx: Context, lex: Lexicon, cands: list[_Cand]) -> list[_Cand]:
    """'the group', 'the terror group', 'the ministry': the nearest preceding
    actor of a compatible type within five sentences. A same-noun phrase that is
    not an actor in between ("US-funded rebels ... the rebels") blocks the link,
    and the speaker of the clause holding the phrase is not its referent (a
    speaker says "we", not "the group")."""
    doc = ctx.doc
    sents = list(doc.sents)
    sent_of = {t.i: k for k, s in enumerate(sents) for t in s}
    out = list(cands)
    by_first = _anaphora_keys()
    for tok in doc:
        if tok.lower_ != "the":
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].pos_ == "ADJ":
            j += 1
        key = None
        for k, words in by_first.get(doc[j].lower_, ()) if j < len(doc) else ():
            n = len(words)
            if [t.lower_ for t in doc[j : j + n]] == words:
                key, last = k, doc[j + n - 1]
                break
        if key is None:
            continue
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ == "PROPN"):
            continue  # "the group of women", "the group Hamas"
        start, end = tok.idx, last.idx + len(last.text)
        if not _free(out, start, end):
            continue
        speakers = _clause_speakers(last, out)
        types, tag = lex.anaphora[key], lex.anaphora_tags.get(key)
        here = sent_of[tok.i]
        for c in sorted((c for c in out if c.end <= start), key=lambda c: -c.end):
            c_tok = _token_at(doc, c.start)
            if c_tok is None or here - sent_of.get(c_tok.i, here) > 5:
                break
            if _blocked_between(doc, c.end, start, last.lower_, out):
                break
            if c.type not in types or c.name in speakers:
                continue
            entry = lex.entries.get(c.name)
            if tag and entry is not None and tag not in entry.tags and not (
                tag == "terror" and "jihadist" in entry.tags
            ):
                continue
            out.append(_Cand(c.name, c.type, c.country, start, end, role=c.role))
            break
    return out


def _clause_speakers(tok: Token, cands: Sequence[_Cand]) -> set[str]:
    names: set[str] = set()
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "ccomp":
            for subj in (c for c in node.head.children if c.dep_ == "nsubj"):
                names |= {c.name for c in cands if _overlaps(c.start, c.end, subj.idx, subj.idx + len(subj.text))}
        node = node.head
    return names


def _blocked_between(doc: Doc, start: int, end: int, noun: str, cands: Sequence[_Cand]) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(t.lower_ == noun and _free(cands, t.idx, t.idx + len(t.text)) for t in span)


# --------------------------------------------------------------------------- public API


def extract_actors(ctx: Context, *, places: Sequence[Place]) -> list[Actor]:
    """Actors of the article, each with its mentions in doc offsets."""
    lex = lexicon()
    text = ctx.text
    home = main_country(places, ctx.body_start)
    place_spans = [(m.start, m.end) for p in places for m in p.mentions]
    outlets = outlet_spans(ctx) + [(s.start, s.end) for s in extract_sources_cited(ctx)]
    # An outlet is never an actor; a place name is an actor only as a metonym subject (step 2).
    cands = [c for c in _dictionary(text, lex) if _free([], c.start, c.end, outlets)]
    cands += _country_phrases(ctx, lex, cands)
    blocked = place_spans + outlets
    cands += _persons(ctx, lex, cands, blocked, home)
    cands += _organisations(ctx, lex, cands, blocked, home)
    cands = _context_filter(cands, lex, {p.country for p in places if p.country})
    cands = _resolve_anaphora(ctx, lex, cands)
    cands += _civilians(ctx, lex, cands, home)
    return _group(cands, text)


def _context_filter(cands: list[_Cand], lex: Lexicon, countries: set[str]) -> list[_Cand]:
    """Ambiguous short aliases stand only with another mention or a place of the actor's country."""
    firm = {c.name for c in cands if not c.needs_context}
    return [c for c in cands if not c.needs_context or c.name in firm or (c.country in countries)]


def _group(cands: list[_Cand], text: str) -> list[Actor]:
    groups: dict[str, list[_Cand]] = {}
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        groups.setdefault(c.name, []).append(c)
    actors: list[tuple[int, int, Actor]] = []
    for name, items in groups.items():
        mentions: list[Mention] = []
        for c in items:
            if any(_overlaps(c.start, c.end, m.start, m.end) for m in mentions):
                continue
            mentions.append(Mention(text[c.start : c.end], c.start, c.end))
        first = items[0]
        country = next((c.country for c in items if c.country), None)
        late = 1 if first.type == "civilians" else 0
        actors.append((late, first.start, Actor(name, first.type, country, tuple(mentions))))
    return [a for _, _, a in sorted(actors, key=lambda x: (x[0], x[1]))]


def actor_at(actors: Sequence[Actor], start: int, end: int) -> str | None:
    """Name of the actor whose mention overlaps [start, end) the most."""
    best: tuple[int, str] | None = None
    for a in actors:
        for m in a.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov > 0 and (best is None or ov > best[0]):
                best = (ov, a.name)
    return best[1] if best else None


def actor_role(ctx: Context, actors: Sequence[Actor], start: int, end: int) -> str | None:
    """The title or sub-unit a mention gives its actor: 'regional governor' for
    'the regional governor', 'defence ministry' for 'the Russian defence ministry'."""
    lex = lexicon()
    mention = ctx.text[start:end]
    low = re.sub(r"^(?:the|a|an|one)\s+", "", mention, flags=re.IGNORECASE)
    sub = _subunit(mention, lex)
    if sub:
        return sub
    words = low.split()
    if words and words[-1].lower() in lex.roles:
        kept = [w for w in words if w.lower() not in lex.drop_modifiers]
        return " ".join(kept) or None
    return None


def entry_for(name: str) -> Entry | None:
    """The dictionary entry of a canonical actor name, if it has one."""
    return lexicon().entries.get(name)
