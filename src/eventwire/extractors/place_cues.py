"""Word lists and the words around a place name: the lexicon of place recognition (loaded from
``data/place_words.json``), offset words before a name ("10 km north of", "northern"), and the
locative cues that vouch for a small town ("in X", "the town of X", "X, near Y").

Split from places.py, which uses these while walking the tokens once; each function looks at a
few tokens around one candidate.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from eventwire.gazetteer import normalize


@dataclass(frozen=True)
class PlaceWords:
    never: frozenset[str]
    institutions: frozenset[str]
    directions: frozenset[str]
    feature_kind: dict[str, str]
    locative: frozenset[str]
    units: frozenset[str]
    offsets: frozenset[str]
    prefixes: frozenset[str]
    apposition: frozenset[str]
    forces: frozenset[str]
    after_name: dict[str, str]       # "reservoir" -> "water": a feature word that makes "X Reservoir" that feature
    # "air base" -> False, "avenue" -> True: words after a name that make it a named site (True: a part of a town)
    site_heads: dict[tuple[str, ...], bool]


@functools.lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    raw = json.loads(resources.files("eventwire").joinpath("data", "place_words.json").read_text("utf-8"))
    feature_kind = {w: kind for kind, words in raw["feature_words"].items() for w in words}
    return PlaceWords(
        never=frozenset(normalize(w) for w in raw["never_places"]),
        institutions=frozenset(raw["institution_words"]),
        directions=frozenset(w.lower() for w in raw["directions"]),
        feature_kind=feature_kind,
        locative=frozenset(raw["locative_words"]),
        units=frozenset(raw["distance_units"]),
        offsets=frozenset(raw["offset_words"]),
        prefixes=frozenset(w.lower() for w in raw["name_prefixes"]),
        apposition=frozenset(raw["apposition_heads"]),
        forces=frozenset(raw["nationality_heads"]),
        after_name={w: kind for kind, ws in raw["features_after_name"].items() for w in ws},
        site_heads={tuple(w.split()): urban for urban, key in ((False, "sites"), (True, "urban"))
                    for w in raw["site_heads"][key]},
    )


def token_lowers(doc: Doc) -> list[str]:
    """Every token's ``lower_``, computed once per Doc: the place frames test the words
    at every token, and ``doc[i]`` creates a new Token object on each access."""
    cached: list[str] | None = doc.user_data.get("eventwire_lowers")
    if cached is None:
        cached = [str(t.lower_) for t in doc]
        doc.user_data["eventwire_lowers"] = cached
    return cached


def site_head_at(doc: Doc, k: int, heads: dict[tuple[str, ...], bool]) -> tuple[int, bool] | None:
    """The site words starting at token k ("air base", "Avenue"): (their token count, urban), or None."""
    lowers = token_lowers(doc)
    for size in (2, 1):
        if k + size <= len(lowers):
            words = tuple(lowers[k : k + size])
            if words in heads:
                return size, heads[words]
    return None


def is_cap(tok: Token) -> bool:
    text = tok.text
    return bool(text[:1].isupper()) and any(ch.isalpha() for ch in text)


def direction_at(doc: Doc, k: int, words: PlaceWords) -> int:
    """Tokens from k that spell a direction word: "northern" (1), "north-eastern" as
    "north", "-", "eastern" (3); 0 if none."""
    if k < 0 or k >= len(doc) or doc[k].lower_ not in words.directions:
        return 0
    if k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ \
            and doc[k + 2].lower_ in words.directions:
        return 3
    return 1


def _direction_before(doc: Doc, end: int, words: PlaceWords) -> int:
    """Start token of a direction word ending just before token ``end``, or -1."""
    for size in (3, 1):
        k = end - size
        if k >= 0 and direction_at(doc, k, words) == size:
            return k
    return -1


def _offset_start(doc: Doc, k: int, words: PlaceWords) -> int:
    """Start of "[about] 10 km" ending at token k (inclusive): the distance before a direction."""
    if k < 0 or doc[k].lower_ not in words.units:
        return k + 1
    if doc[k].lower_ in ("miles", "mile") and k >= 1 and doc[k - 1].lower_ == "nautical":
        k -= 1
    return k - 1 if k >= 1 and doc[k - 1].like_num else k + 1


def relative_start(doc: Doc, i: int, words: PlaceWords) -> int | None:
    """First token of the offset words before the name at i ("10 km north of the town of",
    "four miles outside of", "east of", "northern"), or None. The words up to the name,
    without its article or feature phrase, are the mention's ``relative``."""
    k = i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and words.feature_kind.get(doc[k - 1].lower_) in (
            "populated_place", "admin_area", "camp"):
        k -= 2  # "the town of X": the offset words come before the feature phrase
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
    if k < 0:
        return None
    if doc[k].lower_ in ("of", "from"):
        d = _direction_before(doc, k, words)
        if d >= 0 and (doc[k].lower_ == "of" or d > 0):
            return _offset_start(doc, d - 1, words)
        if doc[k].lower_ == "of" and k >= 1 and doc[k - 1].lower_ in words.offsets:
            return _offset_start(doc, k - 2, words)
        if doc[k].lower_ == "from" and k >= 1 and doc[k - 1].lower_ in words.units:
            return _offset_start(doc, k - 1, words)
        return None
    if doc[k].lower_ in words.offsets and doc[k].lower_ == "outside":
        return _offset_start(doc, k - 1, words)
    if k == i - 1:
        d = _direction_before(doc, i, words)
        if d >= 0 and (not is_cap(doc[d]) or doc[d].is_sent_start or doc[d].lower_.endswith("ern")):
            return d
    return None


def _apposed_place(doc: Doc, j: int, words: PlaceWords) -> bool:
    """", a/the [adjectives] town|capital|village" right after the name ending before token j."""
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("a", "an", "the"):
        return False
    for k in range(j + 2, min(len(doc), j + 7)):
        tok = doc[k]
        if tok.lower_ in words.apposition:
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


def locative_cue(doc: Doc, i: int, j: int, features: set[str], words: PlaceWords) -> bool:
    """A locative cue before the name: "in/near/between X", "the town of X", "nearby X", or a
    conjunct of such a name ("between Gao and Ansongo"); or an apposition after it that calls
    it a place ("Mrauk-U, a former royal capital,")."""
    if features & {"populated_place", "camp"} or _apposed_place(doc, j, words):
        return True
    k = i - 1
    while k >= 0 and doc[k].lower_ in ("the", "nearby"):
        if doc[k].lower_ == "nearby":
            return True
        k -= 1
    if k >= 0 and doc[k].lower_ in words.locative:
        return True
    if _placed_after(doc, i, j, words):
        return True
    # The conjunct is the span's root ("Ruinas" of "Copán Ruinas"), and the name it is joined to
    # starts with that name's compounds ("from San Pedro Sula and Copán Ruinas").
    tok = next((doc[k] for k in range(i, j) if not i <= doc[k].head.i < j), doc[i])
    if tok.dep_ == "conj" and tok.head.i < i:
        first = tok.head.i
        while first >= 1 and doc[first - 1].dep_ == "compound" and first <= doc[first - 1].head.i <= tok.head.i \
                and is_cap(doc[first - 1]):
            first -= 1
        return first >= 1 and doc[first - 1].lower_ in words.locative
    return False


_NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON"})


def _placed_after(doc: Doc, i: int, j: int, words: PlaceWords) -> bool:
    """"Kenyam, in the Nduga regency", "Hawija, near Kirkuk": a name (not itself an apposition,
    "her son, Hailey, in May") followed by a comma and a locative phrase that names a place."""
    if i >= 1 and doc[i - 1].text == ",":
        return False
    if not (j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("in", "near", "outside")):
        return False
    for k in range(j + 2, min(len(doc), j + 7)):
        tok = doc[k]
        if tok.ent_type_ in _NOT_PLACE_ENTS:
            return False
        if is_cap(tok) or tok.lower_ in words.feature_kind:
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "NUM"):
            return False
    return False


def trim_relative(relative: str) -> str:
    """ "10 km north of the town of" -> "10 km north of"; "east of the" -> "east of"."""
    low = relative.lower()
    for tail in (" the town of", " the village of", " the city of", " the district of", " the province of",
                 " the camp of", " the region of", " town of", " village of", " city of", " the"):
        if low.endswith(tail):
            return trim_relative(relative[: -len(tail)])
    return relative
