"""The loaded-language lexicon and its phrase matchers (split from ``framing``).

``data/loaded_lexicon.json`` is read once per process into a ``Lexicon``; every entry
becomes concrete lower-case token sequences for a spaCy ``PhraseMatcher`` (nouns also
match their plurals, verbs their inflections, hyphenated words with or without the
hyphen), and group aliases get their own matchers. See ``framing`` for the rules the
matches then pass."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


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
    subjects: frozenset[str] = frozenset()          # the verb is loaded only with one of these subjects
    neutral_subjects: frozenset[str] = frozenset()  # a literal subject keeps the verb neutral


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
    headline_nouns: frozenset[str] = frozenset()       # emotive nouns of capital headlines and "scenes of X"
    dehumanising: frozenset[str] = frozenset()         # animal/monster/fiend nouns used for people
    animal_nouns: frozenset[str] = frozenset()         # of those, real animals in war copy too ("dogs")
    verb_homographs: frozenset[str] = frozenset()      # of those, the ones that are verbs too ("wolf")
    literal_context: frozenset[str] = frozenset()      # words that keep those nouns literal
    person_objects: frozenset[str] = frozenset()       # person_nouns plus objects of "needs: person" verbs


def _word_set(value: Any, classes: dict[str, Any]) -> frozenset[str]:
    """A list of words, or "@name" for a list under ``word_classes`` in the data file."""
    if isinstance(value, str) and value.startswith("@"):
        value = classes.get(value[1:], [])
    return frozenset(str(w).lower() for w in (value or []))


def _entry(raw: dict[str, Any], classes: dict[str, Any]) -> Entry:
    return Entry(
        term=str(raw["term"]), category=str(raw["category"]), pos=str(raw.get("pos", "phrase")),
        weight=int(raw.get("weight", 1)), polarity=int(raw.get("polarity", -1)),
        needs=raw.get("needs"), neutral=raw.get("neutral"),
        neutral_prev=frozenset(w.lower() for w in raw.get("neutral_prev", [])),
        neutral_next=frozenset(w.lower() for w in raw.get("neutral_next", [])),
        neutral_heads=frozenset(w.lower() for w in raw.get("neutral_heads", [])),
        extend=raw.get("extend"), forms=tuple(w.lower() for w in raw.get("forms", [])),
        subjects=_word_set(raw.get("subjects"), classes),
        neutral_subjects=_word_set(raw.get("neutral_subjects"), classes),
    )


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged loaded-language lexicon (read once per process)."""
    raw = json.loads(resources.files("eventwire").joinpath("data/loaded_lexicon.json").read_text("utf-8"))
    aliases = {alias: canon for canon, names in raw["group_aliases"].items() for alias in names}

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []))

    return Lexicon(
        version=str(raw["version"]), entries=tuple(_entry(e, raw.get("word_classes", {})) for e in raw["entries"]),
        group_aliases=aliases, demonyms=low("demonyms"), group_nouns=low("group_nouns"),
        span_modifiers=low("span_modifiers"),
        demonstratives=low("demonstratives"), person_nouns=low("person_nouns"),
        virtue_nouns=low("virtue_nouns"), negators=low("negators"),
        tone_negative={k: float(v) for k, v in raw["tone"]["negative"].items()},
        tone_positive={k: float(v) for k, v in raw["tone"]["positive"].items()},
        headline_nouns=low("headline_nouns"), dehumanising=low("dehumanising_nouns") | low("dehumanising_animals"),
        animal_nouns=low("dehumanising_animals"),
        verb_homographs=low("dehumanising_verb_homographs"),
        literal_context=low("literal_animal_context"),
        person_objects=low("person_nouns") | low("person_objects"),
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
class Matchers:
    entries: PhraseMatcher
    aliases: PhraseMatcher        # case-insensitive group aliases
    caps_aliases: PhraseMatcher   # all-capital aliases (IS, RSF) matched as written
    alias_names: dict[str, tuple[str, str]]   # match key -> (canonical name, actor type)


@functools.lru_cache(maxsize=4)
def matchers(vocab: Any) -> Matchers:
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
    return Matchers(matcher, lower, caps, names)
