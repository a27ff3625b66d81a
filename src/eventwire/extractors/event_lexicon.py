"""The event taxonomy (``data/taxonomy.json``) compiled for matching.

The taxonomy is data: types, subtypes, their ACLED and PLOVER mapping, trigger
lexicons and instrument cues. This module turns it into lookups over spaCy
tokens and finds trigger occurrences in a sentence. It decides nothing about
events; ``events.py`` does.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from eventwire.errors import DataFileError

TAXONOMY_FILE = "taxonomy.json"

# Trigger kinds: "specific" names its type and subtype; "remote" says a strike or
# explosion happened (subtype from instrument cues); "harm" says people were hurt
# (type from the rest of the clause).
SPECIFIC, REMOTE, HARM = "specific", "remote", "harm"

_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN", "ADJ", "NUM", "X"}
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "csubj", "dobj", "pobj", "compound", "ROOT", "conj", "appos", "attr"}


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: what a word (or phrase) means when it is a trigger."""

    type: str
    subtype: str | None
    kind: str  # SPECIFIC, REMOTE or HARM
    weak: bool
    pos: str  # "verb", "noun" or "any"
    words: tuple[str, ...]
    # a thing whose use is the event ("tear gas"): not when it only modifies
    # another noun ("tear gas inhalation", "a water cannon truck")
    head_only: bool = False
    # a state when it only describes a noun ('displaced people sheltering in
    # schools'); an event when it is the clause's own verb ('500 people are
    # sheltering in schools')
    clausal: bool = False


@dataclass(frozen=True)
class Hit:
    """A trigger found in a sentence: its entry and its tokens (head first)."""

    entry: Entry
    head: Token
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Taxonomy:
    version: str
    raw: dict[str, Any]
    single: dict[str, tuple[Entry, ...]]
    phrases: dict[str, tuple[Entry, ...]]  # first word -> entries, longest first
    instruments: dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # type -> first word -> (subtype, *cue)
    remote_defaults: dict[str, str]
    context_words: frozenset[str]
    non_conflict_words: frozenset[str]
    armed_actor_types: frozenset[str]
    people_words: frozenset[str]
    place_words: frozenset[str]
    occurrence_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    historical_min_days: int = 180
    non_event: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # first word -> phrases
    # argument slots of phrases ("carry off <victims>"): class name -> words
    word_classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def type_info(self, type_: str) -> dict[str, Any]:
        info: dict[str, Any] = self.raw["types"][type_]
        return info

    def subtype_info(self, type_: str, subtype: str) -> dict[str, Any]:
        info: dict[str, Any] = self.type_info(type_)["subtypes"][subtype]
        return info

    def count_kinds(self, type_: str) -> frozenset[str]:
        return frozenset(self.type_info(type_).get("count_kinds", []))

    def role(self, type_: str, position: str) -> str | None:
        roles: dict[str, str | None] = self.type_info(type_).get("roles", {})
        return roles.get(position)

    def default_subtype(self, type_: str) -> str | None:
        info = self.type_info(type_)
        if "default_subtype" in info:
            return str(info["default_subtype"])
        subs = list(info["subtypes"])
        return subs[0] if len(subs) == 1 else None

    def requires(self, type_: str, subtype: str | None) -> dict[str, Any]:
        if subtype is None:
            return {}
        req: dict[str, Any] = self.subtype_info(type_, subtype).get("requires", {})
        return req

    def acled(self, type_: str, subtype: str | None) -> tuple[str | None, str | None]:
        """ACLED (event type, sub-event type) for a taxonomy type and subtype."""
        info = self.type_info(type_)
        event_type = info["acled"].get("event_type")
        sub = None
        if subtype is not None:
            sub = self.subtype_info(type_, subtype)["acled"].get("sub_event_type")
        return event_type, sub

    def plover(self, type_: str, subtype: str | None) -> tuple[str | None, str | None]:
        """PLOVER (event type, mode) for a taxonomy type and subtype."""
        info = self.type_info(type_)["plover"]
        if subtype is not None:
            info = self.subtype_info(type_, subtype).get("plover", info)
        return info.get("event_type"), info.get("mode")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " - ").split())


def _compile(raw: dict[str, Any]) -> Taxonomy:
    single: dict[str, list[Entry]] = {}
    phrases: list[Entry] = []

    def add(entry: Entry) -> None:
        if len(entry.words) == 1:
            single.setdefault(entry.words[0], []).append(entry)
        else:
            phrases.append(entry)

    instruments: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for type_, tinfo in raw["types"].items():
        for sub, sinfo in tinfo["subtypes"].items():
            trig = sinfo.get("triggers", {})
            weak = set(trig.get("weak", []))
            head_only = bool(trig.get("head_only", False))
            clausal = set(trig.get("clausal_only", []))
            # a weak word is weak as verb and noun alike ("fell", "the fall of")
            for w in trig.get("verbs", []):
                if w not in weak:
                    add(Entry(type_, sub, SPECIFIC, False, "verb", _words(w)))
            for w in trig.get("nouns", []):
                if w not in weak:
                    add(Entry(type_, sub, SPECIFIC, False, "noun", _words(w), head_only))
            for w in trig.get("phrases", []) + trig.get("clausal_only", []):
                add(Entry(type_, sub, SPECIFIC, False, "any", _words(w), head_only, w in clausal))
            for w in sorted(weak):
                add(Entry(type_, sub, SPECIFIC, True, "any", _words(w)))
            # weak only as a verb: "crowds gathered" needs context, "a march" does not
            for w in trig.get("weak_verbs", []):
                add(Entry(type_, sub, SPECIFIC, True, "verb", _words(w)))
            for cue in sinfo.get("instruments", []):
                words = _words(cue)
                instruments.setdefault(type_, {}).setdefault(words[0], []).append((sub, *words))
        gen = tinfo.get("generic_triggers")
        if gen:
            gweak = set(gen.get("weak", []))
            weak_verbs = gweak | set(gen.get("weak_verbs", []))
            for w in gen.get("verbs", []):
                add(Entry(type_, None, REMOTE, w in weak_verbs, "verb", _words(w)))
            for w in gen.get("nouns", []):
                add(Entry(type_, None, REMOTE, w in gweak, "noun", _words(w)))
    harm = raw["harm_triggers"]
    for w in harm["verbs"]:
        add(Entry("violence_against_civilians", None, HARM, True, "verb", _words(w)))
    for w in harm["nouns"]:
        add(Entry("violence_against_civilians", None, HARM, True, "noun", _words(w)))

    cues = {k: frozenset(v) for k, v in raw["modality_cues"].items() if isinstance(v, list)}
    remote_defaults = dict(raw["types"]["remote_violence"]["generic_triggers"].get("defaults", {}))
    return Taxonomy(
        version=str(raw["version"]),
        raw=raw,
        single={k: tuple(v) for k, v in single.items()},
        # longest phrases first so that "take back to" wins over "take back"
        phrases=_by_first(phrases),
        instruments={t: {w: tuple(sorted(c, key=len, reverse=True)) for w, c in d.items()}
                     for t, d in instruments.items()},
        remote_defaults=remote_defaults,
        context_words=frozenset(raw["context_cues"]["words"]),
        non_conflict_words=frozenset(raw["non_conflict_cues"]["words"]),
        armed_actor_types=frozenset(raw["context_cues"]["armed_actor_types"]),
        people_words=frozenset(raw["people_words"]),
        place_words=frozenset(raw["place_words"]),
        occurrence_verbs=frozenset(raw["occurrence_verbs"]["lemmas"]),
        harm_verbs=frozenset(raw["harm_triggers"]["verbs"]),
        cues=cues,
        historical_min_days=int(raw["modality_cues"]["historical_min_days"]),
        non_event=_phrases_by_first(raw.get("non_event_phrases", {}).get("phrases", [])),
        word_classes=_word_classes(raw),
    )


def _word_classes(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Word classes for phrase slots; a class may include another ('@people')
    or the taxonomy's people or place words ('@people_words', '@place_words')."""
    table: dict[str, list[str]] = {k: v for k, v in raw.get("word_classes", {}).items() if isinstance(v, list)}
    table["people_words"] = list(raw["people_words"])
    table["place_words"] = list(raw["place_words"])

    def expand(name: str, seen: frozenset[str]) -> set[str]:
        out: set[str] = set()
        for w in table.get(name, []):
            if w.startswith("@") and w[1:] not in seen:
                out |= expand(w[1:], seen | {w[1:]})
            elif w.startswith("-"):
                continue
            else:
                out.add(w.lower())
        # '-word' removes a word from what the included classes bring
        return out - {w[1:].lower() for w in table.get(name, []) if w.startswith("-")}

    return {k: frozenset(expand(k, frozenset({k}))) for k in table}


def _phrases_by_first(texts: Sequence[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((_words(t) for t in texts), key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def _by_first(entries: list[Entry]) -> dict[str, tuple[Entry, ...]]:
    out: dict[str, list[Entry]] = {}
    for e in sorted(entries, key=lambda e: -len(e.words)):
        out.setdefault(e.words[0], []).append(e)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The packaged taxonomy, parsed once per process."""
    path = resources.files("eventwire.data").joinpath(TAXONOMY_FILE)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return _compile(raw)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataFileError(path=str(path), detail=f"{type(err).__name__}: {err}") from err


def _forms(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _pos_ok(entry: Entry, tok: Token) -> bool:
    if entry.pos == "verb":
        return tok.pos_ in _VERB_POS
    if entry.pos == "noun":
        # a gerund used as a noun ("Shelling kills four"), not as a verb ("..., killing 12")
        if tok.pos_ in _NOUN_POS:
            return True
        # "The war's debris is still killing": a progressive verb, not a noun
        progressive = any(c.dep_ == "aux" for c in tok.children)
        return tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS and not progressive
    return True


def _slot(word: str) -> str | None:
    """The class name of an argument slot ('<victims>'), else None."""
    return word[1:-1] if len(word) > 2 and word[0] == "<" and word[-1] == ">" else None


_SLOT_SPAN = 8  # how far into an argument's own phrase a class word is looked for


def _word_ok(word: str, tok: Token, classes: dict[str, frozenset[str]]) -> bool:
    name = _slot(word)
    if name is None:
        return word in _forms(tok)
    words = classes.get(name, frozenset())
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    # "five women", "12": a number stands for people when the class is of people
    if tok.like_num and "#num" in words:
        return True
    # "trucks loaded with rice", "a convoy of food": the class word inside the argument's phrase
    if "#phrase" in words:
        sub = [t for t in tok.subtree if t.i != tok.i][:_SLOT_SPAN]
        return any(t.lemma_.lower() in words or t.lower_ in words for t in sub)
    return False


_PARTICLE_DEPS = ("prt", "advmod", "prep", "oprd", "acomp", "npadvmod", "attr")
_OBJECT_DEPS = ("dobj", "obj", "dative")


def _arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    """(particles and prepositions and their objects, objects) of a verb. An
    object includes the nouns coordinated with it and its 'of' complement
    ('dozens of goats', 'head of cattle'); a passive subject is an object."""
    parts: list[Token] = []
    objs: list[Token] = []
    for c in verb.children:
        if c.dep_ in _PARTICLE_DEPS:
            parts.append(c)
            parts.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass":
            objs.append(c)
    return parts + _complements([t for t in parts if t.dep_ == "pobj"]), objs + _complements(objs)


def _complements(nouns: list[Token]) -> list[Token]:
    """Nouns coordinated with ``nouns`` and their 'of' complements ('made off
    with dozens of goats and sheep')."""
    out: list[Token] = []
    for o in nouns:
        out.extend(o.conjuncts)
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                out.extend(g for g in p.children if g.dep_ == "pobj")
    return out


def _match_syntactic(words: tuple[str, ...], first: Token,
                     classes: dict[str, frozenset[str]]) -> tuple[Token, ...] | None:
    """A verb with its particles, prepositions and objects in any order ('took five
    women hostage', 'drove off more than 80 head of cattle', 'the road has been
    blocked'): each further word matches a different argument."""
    parts, objs = _arguments(first)
    got: list[Token] = [first]
    for w in words[1:]:
        # a slot is an argument, never a particle: the object, or what a preposition governs
        pool = objs + [t for t in parts if t.dep_ not in _PARTICLE_DEPS] if _slot(w) is not None else parts + objs
        tok = next((t for t in pool if t not in got and _word_ok(w, t, classes)), None)
        if tok is None:
            return None
        got.append(tok)
    return tuple(got)


def _match_phrase(words: tuple[str, ...], toks: Sequence[Token], i: int,
                  classes: dict[str, frozenset[str]] | None = None) -> tuple[Token, ...] | None:
    """Contiguous match on lemma or surface form, or a verb with its particle."""
    cls = classes or {}
    n = len(words)
    if i + n <= len(toks) and all(_word_ok(w, toks[i + k], cls) for k, w in enumerate(words)):
        return tuple(toks[i : i + n])
    first = toks[i]
    if first.pos_ not in _VERB_POS or words[0] not in _forms(first):
        return None
    if n == 2 and _slot(words[1]) is None:
        for child in first.children:
            # "dragged the children from their beds": a verb and its preposition
            if child.dep_ in ("prt", "advmod", "prep") and words[1] in _forms(child):
                return (first, child)
            # "fired two anti-ship ballistic missiles": the verb and its object's head
            if child.dep_ in ("dobj", "obj") and words[1] in _forms(child):
                return (first, child)
        return None
    if n >= 2:
        return _match_syntactic(words, first, cls)
    return None


def _modifier(head: Token) -> bool:
    """A noun that only qualifies another noun ('tear gas canisters')."""
    return head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i


def _phrase_head(tokens: tuple[Token, ...]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def find_triggers(span: Span | Sequence[Token], taxonomy: Taxonomy) -> list[Hit]:
    """Every trigger occurrence in ``span``; phrases first, a token used once."""
    toks = list(span)
    # each token's forms and index read once (spaCy builds the strings on every access)
    forms = [_forms(t) for t in toks]
    ids = [int(t.i) for t in toks]
    used: set[int] = set()
    hits: list[Hit] = []
    for i in range(len(toks)):
        # idioms and non-conflict senses ("a ticking time bomb", "flights") take their tokens first
        lemma, lower = forms[i]
        for words in taxonomy.non_event.get(lower, ()) + (taxonomy.non_event.get(lemma, ()) if lower != lemma else ()):
            n = len(words)
            if i + n <= len(toks) and all(w == forms[i + k][1] for k, w in enumerate(words)):
                used.update(ids[i : i + n])
                break
    for i in range(len(toks)):
        if ids[i] in used:
            continue
        lemma, lower = forms[i]
        cands = taxonomy.phrases.get(lemma, ()) + (taxonomy.phrases.get(lower, ()) if lower != lemma else ())
        for entry in sorted(cands, key=lambda e: -len(e.words)):
            got = _match_phrase(entry.words, toks, i, taxonomy.word_classes)
            if got is None or any(t.i in used for t in got):
                continue
            if entry.head_only and _modifier(_phrase_head(got)):
                continue
            if entry.clausal and _phrase_head(got).dep_ == "acl":
                continue
            hits.append(Hit(entry, _phrase_head(got), got))
            used.update(t.i for t in got)
            break
    for tok, (lemma, lower), ti in zip(toks, forms, ids, strict=True):
        # "according to" is attribution; its lemma would otherwise hit "accord"
        if ti in used or lower == "according":
            continue
        if tok.ent_type_ == "DATE" and tok.is_title:
            continue  # "March 19": the month, not a protest march
        for key in dict.fromkeys((lower, lemma)):
            entries = [e for e in taxonomy.single.get(key, ()) if _pos_ok(e, tok)
                       and not (e.head_only and _modifier(tok))]
            if entries:
                # several entries (e.g. a specific and a generic sense): keep all, the
                # clause decides; specific entries first.
                for e in sorted(entries, key=lambda e: e.kind != SPECIFIC):
                    hits.append(Hit(e, tok, (tok,)))
                used.add(tok.i)
                break
    return hits


def carried_weapon(tok: Token) -> bool:
    """A weapon that describes who acts, not how the act was done ('militants
    armed with rifles and rocket-propelled grenades'), or a direct-fire weapon
    named after a remote one ('rocket-propelled grenades')."""
    near = tok.doc[max(tok.i - 2, 0) : tok.i + 3]
    if any(t.lower_ in ("propelled", "rocket-propelled") for t in near):
        return True
    for anc in list(tok.ancestors)[:5]:
        if anc.lower_ == "armed" and anc.dep_ in ("acl", "amod", "relcl", "advcl"):
            return True
    return False


def seized_weapon(tok: Token, taxonomy: Taxonomy) -> bool:
    """A weapon named as a haul ('troops found three pistols and a grenade',
    'materiel was recovered, including components for IEDs'): what was taken,
    not what exploded."""
    verbs = taxonomy.cues.get("seizure_verbs", frozenset())
    t = tok
    for _ in range(6):
        if t.dep_ not in ("dobj", "obj", "nsubjpass", "conj", "appos", "pobj", "prep", "compound", "npadvmod"):
            return False
        t = t.head
        if t.lower_ == "including":
            continue  # "..., including two trucks and IED parts": the list hangs off the haul
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t.lemma_.lower() in verbs
    return False


def instrument_cues(span: Span, taxonomy: Taxonomy, type_: str) -> list[tuple[int, str]]:
    """(token index, subtype) for each instrument cue of ``type_`` in ``span``."""
    table = taxonomy.instruments.get(type_, {})
    toks = list(span)
    out: list[tuple[int, str]] = []
    for i in range(len(toks)):
        lemma, lower = _forms(toks[i])
        cues = table.get(lower, ()) + (table.get(lemma, ()) if lower != lemma else ())
        if not cues or carried_weapon(toks[i]) or seized_weapon(toks[i], taxonomy):
            continue
        for cue in cues:
            if _match_phrase(cue[1:], toks, i) is not None:
                out.append((toks[i].i, cue[0]))
                break
    return out
