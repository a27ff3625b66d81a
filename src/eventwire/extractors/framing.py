"""Framing: loaded-language spans and the article's tone.

Method (see also docs/framing.md)
---------------------------------
*Loaded spans.* The versioned lexicon ``data/loaded_lexicon.json`` lists single words
and multi-word patterns, each with a category (name_calling, loaded_language,
exaggeration, appeal_to_fear, doubt, other), a weight (0-3) and the context rules
that make it neutral. Patterns become spaCy ``PhraseMatcher`` sequences on lower-cased
tokens (nouns also match their plurals, verbs their inflections, hyphenated words
with or without the hyphen). Each match then passes the entry's rules:

- ``neutral_prev`` / ``neutral_next`` / ``neutral_heads``: a word just before or after,
  or the noun the adjective modifies, makes the use literal or wire-standard
  ("deadly attack", "twisted metal", "a swarm of drones", "sanctions regime");
  ``@propn`` in ``neutral_next`` stands for any proper noun ("overran Mosul").
- ``needs: label``: the word is loaded only when pinned on a group: a group name
  (an actor mention, the actor dictionary, a fallback alias list, an ORG/GPE entity),
  a nationality, a demonstrative or another loaded modifier stands before it
  ("ISIS extremists", "ISIS bride", "depraved terror group"); "extremists" and
  "bride" alone are neutral.
- ``needs: sneer``: hedges such as "alleged" count only before a virtue word or
  scare quotes ("alleged peace plan"), never in "alleged war crimes".

A span is the whole loaded phrase: a label grows left over intensifiers, group
names, nationality words and possessives ("Die-hard ISIS fanatics", "Brit ISIS
bride"); an emotive adjective grows right over coordinated adjectives and the noun
it modifies unless that noun is a person ("crumbling stronghold", "rowdy,
aggressive and defiant", but "brainwashed" young boys); "so-called" takes its noun
phrase. Touching spans merge; the merged category is the strongest present, except
that a loaded verb stays apart from the label on its subject ("ISIS thugs" | "butcher").
A strong one-word label already pinned on a group counts again after "the" ("the
butchers"); common group nouns ("gang", "cartel") pin labels like group names.

*Speaker framing.* Text inside a direct or partial quote, and any text between
quote marks (scare quotes included), is the speaker's: its spans carry
``speaker_framing=True`` and take no part in the outlet's tone.

*Neutral labels.* For a name-calling span the entry's wire noun is offered, prefixed
by the canonical name of the actor found in the span ("ISIS fanatics" ->
"Islamic State fighters"): an actor mention from the actor extractor first, then
``data/actors.json`` when it exists, then the lexicon's fallback aliases.

*Tone* (-100 hostile .. +100). Over the outlet's words only (tokens outside quote
regions, headline included):

    net  = positive - negative + 5 * loaded
    rate = 100 * net / max(words, 40)            # per 100 outlet words
    tone = 100 * tanh(rate / 55), one decimal

``positive``/``negative`` sum the weights (1-2) of the lexicon's tone lemmas, a
negator among the three tokens before cancelling a word ("no one was killed");
``loaded`` is the signed weight of the outlet's loaded spans (hostile spans
negative, praise positive), counted five times a plain tone word because it is the
outlet's choice of words rather than the event's. Words inside loaded spans are not
counted twice. The floor of 40 words stops a headline alone swinging to the extremes;
tanh is a soft clip that keeps the scale bounded while tabloid copy still separates
from wire copy. The scale 55 is calibrated on the contract's Kharkiv example (12
weighted negative words in 60 outlet words, no loaded span: -34.8 against the
expected -35.0): neutral wire copy about deadly violence lands between about -15 and
-40, copy without conflict vocabulary near 0, and tabloid copy full of labels at -50
and below (a short tabloid piece saturates near -100).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from eventwire.extractors.context import Context
from eventwire.schema import Actor, Framing, LoadedCategory, LoadedSpan, Quote, Record

TONE_SCALE = 55.0          # net weighted words per 100 giving tanh(1) = -76
LOADED_FACTOR = 5.0        # one point of loaded-span weight counts as five tone words
MIN_WORDS = 40             # denominator floor for short texts
_NEG_WINDOW = 3            # tokens before a tone word searched for a negator

# Strongest first: a merged span takes the first category present.
_CATEGORY_ORDER = ("name_calling", "doubt", "appeal_to_fear", "exaggeration", "other", "loaded_language")
_QUOTE_CHARS = frozenset("\"“”„«»‘’'‹›")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    pos: str
    weight: int
    polarity: int = -1
    needs: str | None = None
    neutral: str | None = None
    neutral_prev: frozenset[str] = frozenset()
    neutral_next: frozenset[str] = frozenset()
    neutral_heads: frozenset[str] = frozenset()
    extend: str | None = None
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    version: str
    entries: tuple[Entry, ...]
    group_aliases: dict[str, str]      # alias (as written) -> canonical name
    demonyms: frozenset[str]           # lower-cased
    group_nouns: frozenset[str]        # common nouns naming a group: "gang thugs", "cartel-backed"
    span_modifiers: frozenset[str]
    demonstratives: frozenset[str]
    person_nouns: frozenset[str]
    virtue_nouns: frozenset[str]
    negators: frozenset[str]
    tone_negative: dict[str, float]
    tone_positive: dict[str, float]


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        term=str(raw["term"]), category=str(raw["category"]), pos=str(raw.get("pos", "phrase")),
        weight=int(raw.get("weight", 1)), polarity=int(raw.get("polarity", -1)),
        needs=raw.get("needs"), neutral=raw.get("neutral"),
        neutral_prev=frozenset(w.lower() for w in raw.get("neutral_prev", [])),
        neutral_next=frozenset(w.lower() for w in raw.get("neutral_next", [])),
        neutral_heads=frozenset(w.lower() for w in raw.get("neutral_heads", [])),
        extend=raw.get("extend"), forms=tuple(w.lower() for w in raw.get("forms", [])),
    )


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged loaded-language lexicon (read once per process)."""
    raw = json.loads(resources.files("eventwire").joinpath("data/loaded_lexicon.json").read_text("utf-8"))
    aliases = {alias: canon for canon, names in raw["group_aliases"].items() for alias in names}

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []))

    return Lexicon(
        version=str(raw["version"]), entries=tuple(_entry(e) for e in raw["entries"]),
        group_aliases=aliases, demonyms=low("demonyms"), group_nouns=low("group_nouns"),
        span_modifiers=low("span_modifiers"),
        demonstratives=low("demonstratives"), person_nouns=low("person_nouns"),
        virtue_nouns=low("virtue_nouns"), negators=low("negators"),
        tone_negative={k: float(v) for k, v in raw["tone"]["negative"].items()},
        tone_positive={k: float(v) for k, v in raw["tone"]["positive"].items()},
    )


@functools.lru_cache(maxsize=1)
def load_actor_aliases() -> dict[str, tuple[str, str]]:
    """Alias -> (canonical name, type) from ``data/actors.json`` when it exists, else {}.

    The actor dictionary is owned by the actors extractor; this reader accepts its
    likely shapes (a list of actors, or ``{"actors": [...]}``, or a name-keyed map)
    with ``name`` and any of ``aliases``/``names``/``patterns``/``variants``, and
    falls back to nothing rather than fail framing when the file is absent or odd.
    """
    try:
        text = resources.files("eventwire").joinpath("data/actors.json").read_text("utf-8")
        data: Any = json.loads(text)
    except (OSError, ValueError):
        return {}
    if isinstance(data, dict) and isinstance(data.get("actors"), (list, dict)):
        data = data["actors"]
    items: list[tuple[str, dict[str, Any]]] = []
    if isinstance(data, list):
        items = [(str(a.get("name", "")), a) for a in data if isinstance(a, dict)]
    elif isinstance(data, dict):
        items = [(str(v.get("name", k)), v) for k, v in data.items() if isinstance(v, dict)]
    out: dict[str, tuple[str, str]] = {}
    for name, actor in items:
        kind = str(actor.get("type") or "other")
        if not name or kind == "civilians":  # civilians are never the target of a label fix
            continue
        out.setdefault(name, (name, kind))
        for key in ("aliases", "names", "patterns", "variants"):
            for alias in actor.get(key) or []:
                if isinstance(alias, str) and alias.strip():
                    out.setdefault(alias.strip(), (name, kind))
    return out


# ----------------------------------------------------------------- patterns ----------

def _inflect(word: str, pos: str) -> set[str]:
    """Regular inflections; over-generation is harmless for a lexicon lookup."""
    forms = {word}
    if pos == "noun":
        forms |= {word + "s", word + "es"}
        if word.endswith("y"):
            forms.add(word[:-1] + "ies")
        if word.endswith("man"):
            forms.add(word[:-3] + "men")
    elif pos == "verb":
        stem = word[:-1] if word.endswith("e") else word
        forms |= {word + "s", word + "es", stem + "ed", stem + "ing", word + "d"}
        if word.endswith("y"):
            forms.add(word[:-1] + "ied")
    return forms


_MODAL_PIECES = frozenset({"would", "could", "should", "will", "must", "can", "may", "might"})


def _token_specs(word: str, forms: set[str]) -> list[list[dict[str, Any]]]:
    """Matcher token specs for one word of a pattern, hyphen and apostrophe aware."""
    if word.endswith(("'s", "’s")):
        return [[*spec, {"LOWER": {"IN": ["'s", "’s"]}}] for spec in _token_specs(word[:-2], {word[:-2]})]
    if word.endswith(("'", "’")) and len(word) > 1:
        return [[*spec, {"ORTH": {"IN": ["'", "’"]}}] for spec in _token_specs(word[:-1], {word[:-1]})]
    if "-" in word.strip("-"):
        pieces = word.split("-")
        if pieces[0] in _MODAL_PIECES:
            # "would-be" only with its hyphen: "would be tried" is a modal, not a sneer
            hyphened: list[dict[str, Any]] = [{"LOWER": pieces[0]}]
            for piece in pieces[1:]:
                hyphened += [{"ORTH": "-"}, {"LOWER": piece}]
            return [hyphened, [{"LOWER": {"IN": sorted(forms)}}]]
        last = {f.split("-")[-1] for f in forms}
        split: list[dict[str, Any]] = []
        for i, piece in enumerate(pieces):
            if i:
                split.append({"ORTH": "-", "OP": "?"})
            split.append({"LOWER": {"IN": sorted(last)}} if i == len(pieces) - 1 else {"LOWER": piece})
        whole = sorted(forms | {f.replace("-", "") for f in forms})
        return [split, [{"LOWER": {"IN": whole}}]]
    return [[{"LOWER": {"IN": sorted(forms)}}]]


def _patterns(entry: Entry) -> list[list[dict[str, Any]]]:
    words = entry.term.split()
    inflect_at = {"noun": len(words) - 1, "verb": 0}.get(entry.pos, -1)
    per_word: list[list[list[dict[str, Any]]]] = []
    for i, word in enumerate(words):
        if entry.forms and len(words) == 1:
            forms = set(entry.forms)
        else:
            forms = _inflect(word, entry.pos) if i == inflect_at else {word}
        per_word.append(_token_specs(word, forms))
    combos: list[list[dict[str, Any]]] = [[]]
    for options in per_word:
        combos = [c + o for c in combos for o in options]
    return combos


def _sequences(pattern: list[dict[str, Any]]) -> list[list[str]]:
    """Every concrete lower-case token sequence a token pattern stands for, so the
    lexicon can run on a PhraseMatcher (a hash lookup per token) instead of the
    far slower token Matcher: the patterns only ever use LOWER/ORTH sets and an
    optional hyphen."""
    seqs: list[list[str]] = [[]]
    for spec in pattern:
        value = spec.get("LOWER", spec.get("ORTH"))
        options = sorted(value["IN"]) if isinstance(value, dict) else [str(value)]
        grown = [[*seq, o.lower()] for seq in seqs for o in options]
        if spec.get("OP") == "?":
            grown += seqs
        seqs = grown
    return [seq for seq in seqs if seq]


@dataclass(frozen=True)
class _Matchers:
    entries: PhraseMatcher
    aliases: PhraseMatcher        # case-insensitive group aliases
    caps_aliases: PhraseMatcher   # all-capital aliases (IS, RSF) matched as written
    alias_names: dict[str, tuple[str, str]]   # match key -> (canonical name, actor type)


@functools.lru_cache(maxsize=4)
def _matchers(vocab: Any) -> _Matchers:
    lex = load_lexicon()
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for i, entry in enumerate(lex.entries):
        seqs = {tuple(seq) for pattern in _patterns(entry) for seq in _sequences(pattern)}
        matcher.add(f"E{i}", [Doc(vocab, words=list(seq)) for seq in sorted(seqs)])
    lower, caps = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="ORTH")
    names: dict[str, tuple[str, str]] = {}
    fallback = {a: (c, "government" if c.endswith("government") else "group")
                for a, c in lex.group_aliases.items()}
    aliases = {**fallback, **load_actor_aliases()}  # the actor dictionary wins
    for n, (alias, canon) in enumerate(sorted(aliases.items())):
        key = f"A{n}"
        names[key] = canon
        target = caps if alias.isupper() else lower
        target.add(key, [Doc(vocab, words=alias.replace("-", " - ").split())])
    return _Matchers(matcher, lower, caps, names)


# ----------------------------------------------------------------- quotes ------------

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"


def quote_regions(text: str, quotes: Sequence[Quote] = ()) -> list[tuple[int, int]]:
    """Character ranges that are a speaker's words: direct and partial quotes, and
    any text between quote marks. A quote left open runs to the end of its paragraph."""
    regions = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        single: int | None = None
        for i, ch in enumerate(para):
            if ch in _OPEN_DOUBLE or (ch == '"' and opened is None) or (ch == "”" and opened is None):
                if opened is None:
                    opened = i
                continue
            if (ch in _CLOSE_DOUBLE or ch == '"') and opened is not None:
                regions.append((pos + opened + 1, pos + i))
                opened = None
                continue
            if ch in "‘'" and (i == 0 or not para[i - 1].isalnum()) and i + 1 < len(para) \
                    and para[i + 1].isalnum():
                single = i
            elif ch in "’'" and single is not None and (para[i - 1].isalnum() or para[i - 1] in ".,!?…") \
                    and (i + 1 == len(para) or not para[i + 1].isalnum()) and i - single <= 200:
                regions.append((pos + single + 1, pos + i))
                single = None
        if opened is not None:
            regions.append((pos + opened + 1, pos + len(para)))
        pos += len(para) + 1
    return sorted(regions)


class _Regions:
    """Disjoint, sorted character ranges with a point/range membership test."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(regions):  # a quote object and its marks overlap: merge them
            if merged and a <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self.regions = merged
        self.starts = [a for a, _ in merged]

    def contains(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self.starts, start) - 1
        # a span may run onto the closing mark, hence ``b + 1``
        return i >= 0 and self.regions[i][0] <= start and end <= self.regions[i][1] + 1


# ----------------------------------------------------------------- matching ----------

@dataclass
class _Hit:
    start: int            # token indices
    end: int
    entries: list[Entry]

    @property
    def weight(self) -> int:
        return sum(e.weight for e in self.entries)


def _words(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def _head_noun(doc: Doc, end: int) -> Token | None:
    """The noun an attributive word at ``doc[end - 1]`` modifies: the last noun of the
    first run of nouns within four tokens, skipping adjectives and hyphens."""
    j = end
    while j < min(len(doc), end + 4) and (doc[j].pos_ in ("ADJ", "ADV") or doc[j].text == "-"):
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    while j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and j + 1 < end + 6:
        j += 1
    return doc[j]


def _is_neutral(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    # a verb entry never fires on the noun of the same spelling ("the local butcher")
    if entry.pos == "verb" and end - start == 1 and doc[start].pos_ not in ("VERB", "AUX"):
        return True
    before = doc[max(0, start - 3):start]
    if entry.neutral_prev and any(_words(t) & entry.neutral_prev for t in before):
        return True
    after = doc[end:min(len(doc), end + 2)]
    # "@propn" in neutral_next stands for any proper noun ("the group overran Mosul")
    if entry.neutral_next and any((_words(t) | {"@" + t.pos_.lower()}) & entry.neutral_next for t in after):
        return True
    if entry.neutral_heads:
        head = _head_noun(doc, end)
        if head is not None and _words(head) & entry.neutral_heads:
            return True
    return False


def _group_tokens(doc: Doc, ms: _Matchers, actors: Sequence[Actor],
                  lex: Lexicon) -> tuple[set[int], dict[int, tuple[str, str]]]:
    """Token indices that name a group, and the (canonical name, type) each points to.
    The article's own actor mentions win over dictionary aliases."""
    names: dict[int, tuple[str, str]] = {}
    for key, s, e in [*ms.aliases(doc), *ms.caps_aliases(doc)]:
        for i in range(s, e):
            names.setdefault(i, ms.alias_names[doc.vocab.strings[key]])
    for actor in actors:
        if actor.type == "civilians":
            continue
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    # "the" of "the terror group" must not license the label it heads
                    if tok.is_alpha and tok.pos_ not in ("DET", "PRON", "ADP"):
                        names[tok.i] = (actor.name, actor.type)
    tokens = set(names)
    tokens |= {t.i for t in doc if t.ent_type_ in ("ORG", "GPE") or t.lower_ in lex.demonyms
               or t.lower_ in lex.group_nouns}
    return tokens, names


def _loaded_hits(doc: Doc, ms: _Matchers, lex: Lexicon, groups: set[int], regions: _Regions) -> list[_Hit]:
    by_span: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for key, s, e in ms.entries(doc):
        entry = lex.entries[int(doc.vocab.strings[key][1:])]
        if not _is_neutral(doc, s, e, entry) and entry not in by_span[(s, e)]:
            by_span[(s, e)].append(entry)
    for (s, e), found in by_span.items():
        # a word tagged as a verb is read as the verb entry only ("thugs butcher nine inmates")
        if _verb_reading(doc, s, e, found):
            found[:] = [en for en in found if en.pos == "verb"]
    # The longest match wins where two overlap.
    spans = sorted(by_span, key=lambda se: (se[0] - se[1], se[0]))
    taken: set[int] = set()
    candidates: list[_Hit] = []
    for s, e in spans:
        if taken & set(range(s, e)):
            continue
        taken |= set(range(s, e))
        candidates.append(_Hit(s, e, by_span[(s, e)]))
    candidates.sort(key=lambda h: h.start)

    def unconditional(h: _Hit) -> bool:
        return any(en.needs is None for en in h.entries)

    kept = [h for h in candidates if unconditional(h)]
    loaded_tok = {i for h in kept if h.weight > 0 for i in range(h.start, h.end)}
    pending = [h for h in candidates if not unconditional(h)]
    pinned: dict[str, int] = {}  # strong one-word labels already pinned on a group -> where
    for _ in range(2):  # a second pass lets one conditional word license the next
        still: list[_Hit] = []
        for h in pending:
            needs = {en.needs for en in h.entries}
            if ("label" in needs and (_labelled(doc, h, groups, loaded_tok, lex) or _anaphoric(doc, h, pinned))) or (
                    "sneer" in needs and _sneering(doc, h, lex, regions)):
                kept.append(h)
                loaded_tok |= set(range(h.start, h.end))
                if h.end - h.start == 1 and any(en.needs == "label" and en.category == "name_calling"
                                                and en.weight >= 2 for en in h.entries):
                    lemma = doc[h.start].lemma_.lower()
                    pinned[lemma] = min(pinned.get(lemma, h.start), h.start)
            else:
                still.append(h)
        pending = still
    return sorted(kept, key=lambda h: h.start)


def _verb_reading(doc: Doc, start: int, end: int, entries: Sequence[Entry]) -> bool:
    """A loaded act the parser reads as a verb: a verb entry, or a phrase that opens
    on the verb ("mowed down", "swooped on"); it stays apart from the label before it."""
    return end - start == 1 and doc[start].pos_ in ("VERB", "AUX") and any(en.pos == "verb" for en in entries)


def _verb_phrase(doc: Doc, start: int, entries: Sequence[Entry]) -> bool:
    """A phrase that opens on a verb ("mowed down", "swooped on") is an act, kept
    apart from the label before it when spans merge."""
    return doc[start].pos_ == "VERB" and any(en.pos == "phrase" for en in entries)


def _labelled(doc: Doc, h: _Hit, groups: set[int], loaded: set[int], lex: Lexicon) -> bool:
    """A group name, nationality, demonstrative or loaded modifier pins the word on someone."""
    j = h.start - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        tok = doc[j]
        if j in groups or j in loaded or tok.lower_ in lex.demonstratives:
            return True
        if tok.lower_ in lex.span_modifiers or tok.text in _POSSESSIVE or tok.text == "-" \
                or tok.pos_ == "PROPN" or tok.ent_type_ == "NORP":
            j -= 1
            continue
        break
    # an adjective or adverb licensed by the loaded word it modifies ("defiant jihadis")
    if h.entries[0].pos in ("adj", "adv"):
        k = h.end
        while k < len(doc) and doc[k].pos_ == "ADJ" and k not in loaded:
            k += 1
        return k in loaded
    return False


def _anaphoric(doc: Doc, h: _Hit, pinned: dict[str, int]) -> bool:
    """ "the butchers" after the outlet has written "al-Shabaab butchers": the definite
    noun refers back to the group the label was pinned on. Only strong one-word labels
    (weight 2+): "the regime" or "the terror group" alone stay neutral."""
    if h.end - h.start != 1 or h.start == 0 or doc[h.start - 1].lower_ != "the" or doc[h.start].pos_ != "NOUN":
        return False
    first = pinned.get(doc[h.start].lemma_.lower())
    return first is not None and first < h.start


def _sneering(doc: Doc, h: _Hit, lex: Lexicon, regions: _Regions) -> bool:
    nxt = doc[h.end] if h.end < len(doc) else None
    if nxt is not None and (nxt.text in _QUOTE_CHARS or regions.contains(nxt.idx)):
        return True
    head = _head_noun(doc, h.end)
    return head is not None and bool(_words(head) & lex.virtue_nouns)


def _extend(doc: Doc, h: _Hit, lex: Lexicon, groups: set[int], loaded: set[int]) -> tuple[int, int]:
    """Grow a hit to the whole loaded phrase (token indices)."""
    start, end = h.start, h.end
    if _verb_reading(doc, start, end, h.entries):  # a verb stands apart from its subject's label
        return start, end
    label = any(en.category == "name_calling" for en in h.entries)
    while start > 0 and not doc[start].is_sent_start and (
            (start - 1) in loaded or (label and _label_part(doc, start - 1, lex, groups))):
        start -= 1
    while start < h.start and (doc[start].text in _POSSESSIVE | {"-"} or doc[start].pos_ == "DET"):
        start += 1
    np = any(en.extend == "right_np" for en in h.entries)
    if np or any(en.pos == "adj" for en in h.entries):
        end = _extend_right(doc, end, lex, groups | loaded, np=np)
    return start, end


def _label_part(doc: Doc, i: int, lex: Lexicon, groups: set[int]) -> bool:
    """May token ``i`` stand inside a label phrase, before its head ("Brit ISIS bride")?"""
    tok = doc[i]
    if i in groups or tok.lower_ in lex.span_modifiers or tok.pos_ == "PROPN" or tok.ent_type_ == "NORP":
        return True
    # a possessive or hyphen only after a group name: "Putin's cronies"
    return tok.text in _POSSESSIVE | {"-"} and i >= 1 and (i - 1) in groups


def _extend_right(doc: Doc, end: int, lex: Lexicon, stop: set[int], *, np: bool) -> int:
    # coordinated adjectives: "rowdy, aggressive and defiant"
    k = end
    while k + 1 < len(doc) and doc[k].text in (",", "and", "or") and doc[k + 1].pos_ == "ADJ":
        k += 2
        if k < len(doc) and doc[k].text in ("and", "or") and k + 1 < len(doc) and doc[k + 1].pos_ == "ADJ":
            k += 2
    if k > end:
        # "cowardly and barbaric attack": the last adjective's noun belongs to the phrase
        head_end = _extend_right(doc, k, lex, stop - set(range(end, k)), np=np) if doc[k - 1].pos_ == "ADJ" else k
        return max(k, head_end)
    head = _head_noun(doc, end)
    # a group name or another loaded word on the way: the spans merge instead
    if head is None or head.i > end + 4 or any(t.is_sent_start or t.text in _QUOTE_CHARS or t.i in stop
                                                for t in doc[end:head.i + 1]):
        return end
    if not np and _words(head) & lex.person_nouns:
        return end
    return head.i + 1


# ----------------------------------------------------------------- public API --------

def extract_framing(ctx: Context, *, quotes: Sequence[Quote], actors: Sequence[Actor]) -> Framing:
    """Loaded-language spans (doc offsets) and the outlet's tone for one article."""
    doc, lex = ctx.doc, load_lexicon()
    ms = _matchers(doc.vocab)
    regions = _Regions(quote_regions(ctx.text, quotes))
    groups, names = _group_tokens(doc, ms, actors, lex)
    hits = _loaded_hits(doc, ms, lex, groups, regions)
    loaded_tok = {i for h in hits if h.weight > 0 for i in range(h.start, h.end)}

    grown = sorted(((_extend(doc, h, lex, groups, loaded_tok), h) for h in hits), key=lambda x: x[0])
    merged: list[tuple[int, int, list[Entry]]] = []
    for (s, e), h in grown:
        # a loaded verb is the outlet's word for the act, apart from the label on its subject
        if merged and s <= merged[-1][1] and \
                not (s == merged[-1][1] and (_verb_reading(doc, h.start, h.end, h.entries)
                                           or _verb_phrase(doc, h.start, h.entries))) and \
                not any(t.is_sent_start for t in doc[merged[-1][0] + 1:s + 1]) and \
                regions.contains(doc[s].idx) == regions.contains(doc[merged[-1][0]].idx):
            ps, pe, pentries = merged[-1]
            merged[-1] = (ps, max(pe, e), pentries + h.entries)
        else:
            merged.append((s, e, list(h.entries)))

    spans: list[LoadedSpan] = []
    outlet_weight = 0.0
    for s, e, entries in merged:
        weight = sum(en.weight for en in entries)
        if weight <= 0:
            continue
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        speaker = regions.contains(a, b)
        category = next(c for c in _CATEGORY_ORDER if any(en.category == c for en in entries))
        spans.append(LoadedSpan(text=ctx.text[a:b], start=a, end=b, category=cast(LoadedCategory, category),
                                speaker_framing=speaker,
                                neutral=_neutral(entries, doc[s:e], names, lex)))
        if not speaker:
            polarity = 1 if all(en.polarity > 0 for en in entries) else -1
            outlet_weight += polarity * weight
    skip = {i for s, e, _ in merged for i in range(s, e)}
    return Framing(tone=tone_score(doc, regions.regions, skip=skip, loaded_weight=outlet_weight),
                   loaded=tuple(spans))


_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "ally": "allies"}


def _number(phrase: str, plural: bool) -> str:
    """Make the last word of a neutral label agree with the loaded word's number."""
    *rest, last = phrase.split(" ")
    singular = {v: k for k, v in _IRREGULAR.items()}
    if plural and last not in singular and not last.endswith("s"):
        last = _IRREGULAR.get(last, last[:-1] + "ies" if last.endswith("y") else last + "s")
    elif not plural and (last in singular or (last.endswith("s") and not last.endswith("ss"))):
        last = singular.get(last, last[:-3] + "y" if last.endswith("ies") else last[:-1])
    return " ".join([*rest, last])


def _with_actor(name: str, kind: str, noun: str) -> str:
    """'Islamic State' + 'fighters'; "Vladimir Putin's supporters"; 'Russian armed forces'."""
    if noun.split()[-1].lower() in name.lower():
        return name
    if kind in ("person", "government"):
        return f"{name}'s {noun}"
    return f"{name} {noun}"


def _neutral(entries: list[Entry], span: Any, names: dict[int, tuple[str, str]],
             lex: Lexicon) -> str | None:
    """The wire label for a name-calling span, prefixed by the actor it names."""
    labels = [en for en in entries if en.category == "name_calling" and en.neutral]
    if not labels:
        return None
    noun = labels[-1].neutral or ""
    if noun[:1].isupper():  # the entry already names who is meant ("Russian soldiers")
        return noun
    words = [t for t in span if t.is_alpha]
    if words and words[-1].i in names:  # the label itself is the actor's mention ("the terror group")
        return names[words[-1].i][0]
    heads = [t for t in words if t.i not in names]
    if heads and heads[-1].pos_ in ("NOUN", "PROPN"):
        last = heads[-1]
        noun = _number(noun, last.tag_ in ("NNS", "NNPS") or last.lower_ != last.lemma_.lower())
    actor = next((names[t.i] for t in span if t.i in names), None)
    if actor is not None:
        return _with_actor(actor[0], actor[1], noun)
    demonym = next((t.text for t in span if t.lower_ in lex.demonyms), None)
    return f"{demonym} {noun}" if demonym else noun


def tone_score(doc: Doc, regions: list[tuple[int, int]], *, skip: AbstractSet[int] = frozenset(),
               loaded_weight: float = 0.0) -> float:
    """-100..+100 tone of the outlet's words (tokens outside ``regions``); see the module doc.
    ``skip``: token indices already scored as loaded spans; ``loaded_weight``: their
    signed weight (negative for hostile framing)."""
    lex = load_lexicon()
    inside = _Regions(regions)
    words, net = 0, LOADED_FACTOR * loaded_weight
    for tok in doc:
        if not tok.is_alpha or inside.contains(tok.idx):
            continue
        words += 1
        if tok.i in skip:
            continue
        keys = (tok.lemma_.lower(), tok.lower_)
        neg = next((lex.tone_negative[k] for k in keys if k in lex.tone_negative), 0.0)
        pos = next((lex.tone_positive[k] for k in keys if k in lex.tone_positive), 0.0)
        if not neg and not pos:
            continue
        window = doc[max(tok.sent.start, tok.i - _NEG_WINDOW):tok.i]
        if any(t.lower_ in lex.negators for t in window):
            continue
        net += pos - neg
    rate = 100.0 * net / max(words, MIN_WORDS)
    return round(100.0 * math.tanh(rate / TONE_SCALE), 1)


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def count_words(text: str | None) -> int:
    """Words as the outlet profile counts them (letters, with inner hyphens/apostrophes)."""
    return len(_WORD.findall(text or ""))


class _Profile:
    """Running totals for one outlet, so profiles stream over a whole store."""

    def __init__(self) -> None:
        self.n = self.words = self.loaded = self.speaker = 0
        self.categories: Counter[str] = Counter()
        self.terms: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.tones: list[float] = []

    def add(self, rec: Record) -> None:
        self.n += 1
        self.words += count_words(rec.article.title) + count_words(rec.article.text)
        self.sources[rec.article.source or "unknown"] += 1
        self.tones.append(rec.framing.tone)
        # The pipeline keeps quoted loaded words in framing.quoted; a record built
        # by hand may still flag them inside framing.loaded.
        self.speaker += len(rec.framing.quoted)
        for span in rec.framing.loaded:
            if span.speaker_framing:
                self.speaker += 1
                continue
            self.loaded += 1
            self.categories[span.category] += 1
            self.terms[" ".join(span.text.lower().split())] += 1

    def result(self, top: int) -> dict[str, Any]:
        tones = self.tones
        bins = Counter(min(4, int((t + 100) // 40)) for t in tones)
        edges = ["-100..-60", "-60..-20", "-20..20", "20..60", "60..100"]
        return {
            "articles": self.n,
            "sources": dict(self.sources.most_common()),
            "words": self.words,
            "loaded": self.loaded,
            "speaker_loaded": self.speaker,
            "loaded_per_1000_words": round(1000.0 * self.loaded / self.words, 2) if self.words else 0.0,
            "by_category": dict(self.categories.most_common()),
            "top_terms": [{"term": t, "count": c} for t, c in self.terms.most_common(top)],
            "tone": {
                "mean": round(statistics.fmean(tones), 1) if tones else None,
                "median": round(statistics.median(tones), 1) if tones else None,
                "stdev": round(statistics.pstdev(tones), 1) if tones else None,
                "min": min(tones) if tones else None,
                "max": max(tones) if tones else None,
                "histogram": {edges[i]: bins.get(i, 0) for i in range(5)},
            },
        }


def outlet_profile(records: Iterable[Record], *, top: int = 10) -> dict[str, Any]:
    """Framing profile of a set of records (typically one outlet's): outlet loaded spans
    per 1,000 words, spans by category, the most used terms and the tone distribution.
    Speaker framing (quoted loaded words) is counted apart and not in the density."""
    profile = _Profile()
    for rec in records:
        profile.add(rec)
    return profile.result(top)


def outlet_profiles(records: Iterable[Record], *, top: int = 10) -> dict[str, dict[str, Any]]:
    """``outlet_profile`` per ``article.source`` ("unknown" when missing), for ``eventwire outlets``.
    Streams: only running totals per outlet are kept, never the records."""
    groups: dict[str, _Profile] = defaultdict(_Profile)
    for rec in records:
        groups[rec.article.source or "unknown"].add(rec)
    return {src: prof.result(top) for src, prof in sorted(groups.items())}
