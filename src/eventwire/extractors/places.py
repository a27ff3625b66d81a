"""Places: find place names in the text and resolve each to one gazetteer entry.

Recognition walks the tokens once and takes, at each position, the longest span
whose normalised text is a gazetteer name. A span is kept when spaCy also calls it
a place (GPE/LOC/FAC), or when the gazetteer alone is convincing: a curated entry
(country, admin1 area, continent, supplement row) or a town of some size, written
as a proper noun. This finds what the small spaCy model misses ("the village of
Baghuz", "the al-Hawl and Roj camps") while common words that happen to name a
hamlet somewhere ("Hit", "Mission") stay out. Demonyms ("Syrian") are not places;
they only count as evidence for their country. Candidates come in three tiers (SURE, WEAK,
MAYBE; see _accept), and after resolution a town in a country the rest of the article never
points to is dropped unless spaCy or a curated entry vouches for it and it is big (_keep):
"Bello" is a person in a Nigerian story, not a Colombian city. A direction before a country
("southern Lebanon") and offset words before any place ("12 km northwest of the town of X")
are kept as the mention's ``relative``; the coordinates stay the named place's.
Names the gazetteer lacks but the text frames as places ("the village of X") come from
place_frames.py; the word lists and locative cues live in place_cues.py.

Resolution (one sense per name and article) scores every candidate entry:
a prior from its kind and population, plus evidence from the article: countries
and admin1 areas it names (or whose demonyms it uses), the countries of the other
places, closeness to them, and the word next to the name ("camp", "river",
"village of"). Two passes: the first choice of every other name feeds the second.
In the spirit of ACLED's geo-precision, a town is a point, a region or river has
region precision, a country country precision.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.extractors.context import Context
from eventwire.extractors.place_cues import PlaceWords as _Words
from eventwire.extractors.place_cues import direction_at as _direction_at
from eventwire.extractors.place_cues import is_cap as _is_cap
from eventwire.extractors.place_cues import locative_cue as _cue
from eventwire.extractors.place_cues import place_words as _words
from eventwire.extractors.place_cues import relative_start as _relative
from eventwire.extractors.place_cues import trim_relative as _trim_relative
from eventwire.extractors.place_frames import Frame, find_frame_names, frame_places
from eventwire.gazetteer import (
    MAX_NAME_TOKENS,
    Entry,
    Gazetteer,
    Match,
    default_gazetteer,
    distance_km,
    normalize,
)
from eventwire.schema import Mention, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A span inside one of these (and not the whole of it) is part of a name of something else.
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE",
                          "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ad-", "al-", "el-"})
CONNECTORS = frozenset({"-", "'", "’", ".", "of", "de", "du", "la", "le", "al", "el", "ez", "es", "ad",
                        "ar", "as", "ash", "at", "az", "an", "and", "the", "upon", "on", "sur", "da", "do",
                        "dos", "das", "del", "di", "van", "der", "den", "bin", "ibn", "abu", "bou", "ben",
                        "y", "&", "'s", "’s"})  # "Cox's Bazar"
# Start words that are English function words when capitalised at a sentence start.
BAD_STARTS = frozenset({"the", "a", "an", "in", "at", "as", "on", "of", "for", "to", "and", "but", "or",
                        "by", "from", "with", "it", "is", "this", "that", "he", "she", "they", "we", "i"})
# Labels whose spans are never places, even when the gazetteer knows the words.
NEVER_LABELS = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME", "LANGUAGE"})
PHRASE_MIN_POPULATION = 5000     # a town found by the gazetteer alone must be at least this big
ORG_MIN_POPULATION = 100_000     # ... and this big when spaCy gave the span another label
DISTRICT_SEAT_KM = 50.0          # a framed district's namesake this near a town of the story is its seat
POINTED_ENOUGH = 2.0             # country evidence beyond which a town elsewhere is doubted (_keep)
# Countries used as hyphenated modifiers name an actor's backer, not a place: "US-led", "Russia-backed".
_MODIFIER_TAILS = ("led", "backed", "funded", "based", "brokered", "sponsored", "supported", "made",
                   "allied", "aligned", "controlled", "held", "run", "trained", "armed")


# Endings that make an adjective of a place name ("Siwa" -> "Siwan", "Gaza" -> "Gazan").
_ADJECTIVE_SUFFIXES = ("n", "an", "ian", "i", "ese", "ite")


@dataclass
class _Candidate:
    start: int                       # doc char offsets of the place words
    end: int
    key: str
    matches: list[Match]
    features: set[str] = field(default_factory=set)
    tier: int = 0                    # SURE, WEAK or MAYBE (see _accept)
    cue: bool = False                # a locative cue: "in X", "the town of X", "10 km north of X"
    relative: str | None = None      # offset words before the name: "10 km north of", "northern"
    modifier: bool = False           # the name qualifies the noun after it: "Siwan music"
    head: str = ""                   # ... and that noun, lower case: "military" of "the US military"
    written: str | None = None       # the name as written when it is not the entry's: "Zaporizhzhia Oblast"
    as_kind: str | None = None       # a natural feature named after the entry: "Kakhovka Reservoir" (water)
    conj: int | None = None          # the first conjunct's token when the name is one of a list ("X, Y and Z")


def _entity_labels(doc: Doc) -> list[tuple[str, int, int] | None]:
    """Per token: (label, ent start token, ent end token) or None."""
    out: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            out[i] = (ent.label_, ent.start, ent.end)
    return out


def _span_ok(doc: Doc, i: int, j: int, words: _Words) -> bool:
    """Tokens i..j-1 can be a place name: capitalised start (or an article written
    "al-", or a direction word), capitalised end (or a feature word such as "region"),
    only name-like tokens inside and no line break."""
    first, last = doc[i], doc[j - 1]
    low = first.text.lower()
    if _is_cap(first):
        if low in BAD_STARTS and not (i + 1 < j and doc[i + 1].text == "-"):
            return False
    elif low in ARTICLES:
        if not (i + 1 < j and doc[i + 1].text == "-"):
            return False
    elif low not in words.directions or j - i < 2:
        return False
    if not (_is_cap(last) or (j - i >= 2 and last.text.lower() in words.feature_kind)):
        return False
    for k in range(i, j):
        tok = doc[k]
        if tok.is_space or "\n" in tok.text_with_ws[:-1] or (k < j - 1 and "\n" in tok.whitespace_):
            return False
        if i < k < j - 1 and not (tok.is_alpha or tok.text.lower() in CONNECTORS or tok.text.lower() in
                                  words.directions or "." in tok.text):
            return False
    return True


def _curated(entry: Entry) -> bool:
    return entry.source != "geonames"


# How sure recognition is of a candidate. SURE: spaCy calls it a place or the gazetteer entry is
# curated. WEAK: a GeoNames town of some size found as a proper noun; kept unless the article
# points to other countries. MAYBE: a small town the tagger calls a person or an organisation
# ("between Gao and Ansongo"); kept only with a locative cue and in a country the article names.
SURE, WEAK, MAYBE = 0, 1, 2


def _inside_longer_name(doc: Doc, i: int, j: int, words: _Words) -> bool:
    """The span is part of a longer capitalised name the gazetteer does not know: "Ain" in
    "Ain Zara", "Good Hope" in "Cape of Good Hope", "Mu" in "the Mu River". A following
    admin word ("Gao Region", "Djugu Territory") still names the town's area."""
    before = doc[i - 1] if i > 0 and not doc[i].is_sent_start else None
    after = doc[j] if j < len(doc) else None
    if before is not None and _is_cap(before) and before.is_alpha and before.lower_ not in BAD_STARTS:
        return True
    if after is not None and _is_cap(after) and after.is_alpha and \
            words.feature_kind.get(after.lower_) not in ("admin_area", "populated_place", "camp"):
        return True
    if i >= 2 and before is not None and before.lower_ == "of" and _is_cap(doc[i - 2]) \
            and doc[i - 2].is_alpha and not doc[i - 2].is_sent_start:
        return True
    return (j + 1 < len(doc) and doc[j].lower_ == "of" and _is_cap(doc[j + 1])
            and doc[j + 1].lower_ not in BAD_STARTS)


def _after_prefix(doc: Doc, i: int, words: _Words) -> bool:
    """The span at i follows a generic first word of a longer name, with or without an article:
    "Jabal al-Zawiya", "Wadi Khaled", "Kafr Nabl" are not Zawiya, Khaled or Nabl."""
    k = i - 1
    if k >= 1 and doc[k].text == "-" and doc[k - 1].lower_ in ARTICLES:
        k -= 2  # "Jabal al-" before "Zawiya"
    return k >= 0 and _is_cap(doc[k]) and doc[k].lower_ in words.prefixes


def _nickname(text: str, start: int, end: int) -> bool:
    """A quoted name between a first name and a surname is a nickname: Ismael "El Mayo" Zambada."""
    return bool(re.search(r"[A-Z][\w.'’-]*\s+[\"“](?:[A-Z][\w'’-]*\s+)?$", text[max(0, start - 40) : start])
                and re.match(r"[\"”]\s+[A-Z]", text[end : end + 3]))


def _coordinated(doc: Doc, i: int, j: int, es: int, ee: int) -> bool:
    """The entity es..ee is a list of names and i..j one of them: the tagger often takes
    "Culiacán and Eldorado" for one title or organisation."""
    joins = (",", "and", "or", "&")
    return ((es == i or doc[i - 1].lower_ in joins) and (ee == j or doc[j].lower_ in joins)
            and any(doc[k].lower_ in joins for k in range(es, ee)))


# Punctuation that ends a name: the tagger often runs a headline's parts into one entity
# ("DR Congo: South Kivu - Ruzizi Plain" as one ORG), which a name never spans.
_SEPARATORS = frozenset({":", "|", "–", "—", ";", "(", ")", "/"})


def _clip_entity(doc: Doc, i: int, j: int, es: int, ee: int) -> tuple[int, int]:
    """The entity es..ee cut at the separators nearest to the span i..j ("-" only when spaced)."""
    def sep(k: int) -> bool:
        t = doc[k]
        return t.text in _SEPARATORS or (t.text == "-" and bool(t.whitespace_) and k > 0
                                         and bool(doc[k - 1].whitespace_))
    for k in range(i - 1, es - 1, -1):
        if sep(k):
            es = k + 1
            break
    for k in range(j, ee):
        if sep(k) or (k == j and _possessive(doc[k].text)):
            ee = k  # "Kyiv's Darnytskyi" as one ORG: a possessive ends the place's name
            break
    return es, ee


def _possessive(text: str) -> bool:
    return text in ("'s", "’s")


def _accept(doc: Doc, i: int, j: int, matches: Sequence[Match], labels: list[tuple[str, int, int] | None],
            key: str, words: _Words, *, title_case_title: bool, title_end: int) -> int | None:
    """The tier of the gazetteer span i..j as a place candidate (None: not a place)."""
    if key in words.never or _after_prefix(doc, i, words):
        return None
    strong = [m.entry for m in matches if m.strong]
    curated = any(_curated(e) for e in strong)
    # A town of some size known here only by another transliteration ("Huliaipole" for GeoNames'
    # Hulyaypole, "Islam Qala" for Eslam Qaleh): a MAYBE, kept with a locative cue in a country
    # the article names.
    spelling = not strong and any(m.entry.population >= PHRASE_MIN_POPULATION for m in matches)
    span_labels = {labels[k] for k in range(i, j)}
    for lab in span_labels:
        if lab is None or lab[0] not in PLACE_LABELS:
            continue
        # spaCy agrees it is a place. (Even a piece of a longer name it knows as a place,
        # "Cape" of "Eastern Cape", usually lies in the right spot; a stray one in the wrong
        # country is dropped by _keep.) A name known only as a foreign alternate spelling is
        # less sure, and no place at all when it is a piece of a longer name ("Cabo" of
        # "Cabo Delgado" is no Cape Town).
        if strong:
            return SURE
        _label, es, ee = lab
        if any(doc[k].is_alpha and _is_cap(doc[k]) for k in [*range(es, i), *range(j, ee)]):
            return None
        return WEAK
    for lab in span_labels:
        if lab is None:
            continue
        label, es, ee = lab
        if label not in OTHER_LABELS:
            continue
        es, ee = _clip_entity(doc, i, j, es, ee)
        # the entity is this span (perhaps with "the"), or this span is one name of a list
        whole = (es >= i - 1 and ee <= j) or _coordinated(doc, i, j, es, ee)
        if not whole:
            # "the Ohio Department of Health", "U.S. House": a country or state naming an
            # institution still places it; a town inside a name ("Lincoln Memorial") does not.
            ok = (label == "ORG" and es >= i - 1
                  and any(doc[k].lower_ in words.institutions for k in range(j, ee))
                  and any(e.kind in ("country", "admin_area") and _curated(e) for e in strong))
            if ok:
                return SURE
            # "Garissa University", "Mosul police": a town's name right before an institution word
            # places the institution in that town (WEAK: the article must point to its country).
            town = (label == "ORG" and es >= i - 1 and j < len(doc) and doc[j].lower_ in words.institutions
                    and any(e.kind == "populated_place" and e.population >= PHRASE_MIN_POPULATION for e in strong))
            return WEAK if town else None
        if label in NEVER_LABELS or not (strong or spelling):
            return None
        if not strong:
            return MAYBE
        # The small model often calls a lone place name a person, product or date ("Goma",
        # "Tillaberi", "Niger"); a curated entry or a big city is trusted over that label,
        # a small town needs more evidence (MAYBE).
        if curated:
            return SURE
        if label == "NORP":  # the tagger's label for many small towns, and for real groups
            return MAYBE
        return WEAK if any(e.population >= ORG_MIN_POPULATION for e in strong) else MAYBE
    if not (strong or spelling):
        return None
    # Proper nouns only, except that a curated name capitalised in mid-sentence is trusted
    # even where the tagger hesitates ("Why is Baghuz so important").
    trusted = curated and not doc[i].is_sent_start
    alpha = [doc[k] for k in range(i, j) if doc[k].is_alpha and doc[k].text.lower() not in CONNECTORS]
    if not trusted and any(t.pos_ != "PROPN" and t.text.lower() not in words.directions
                           and t.text.lower() not in words.feature_kind for t in alpha):
        return None
    # A lone gazetteer hit inside a run of capitalised words is part of a longer name
    # ("Officer Ripley", "Red River Valley") that the gazetteer does not know.
    if not curated and _inside_longer_name(doc, i, j, words):
        return None
    in_title = doc[i].idx < title_end
    if in_title and title_case_title:
        return SURE if curated else None
    if curated:
        return SURE
    return WEAK if any(e.population >= PHRASE_MIN_POPULATION for e in strong) else MAYBE


# Joining words of transliterated names written with hyphens: Persian ezafe ("Dasht-e-Barchi",
# "Mazar-i-Sharif"), Arabic and Urdu articles ("Dera-al-...", "Bab-ul-...").
_JOINERS = frozenset({"e", "i", "ye", "o", "u", "al", "el", "ul", "ud", "ur", "us", "ad", "ar", "as", "an", "az", "ez"})


def _hyphen_joined(doc: Doc, j: int) -> bool:
    """The name ending before token j goes on through a hyphenated joining word: "Dasht-e-..."."""
    return (j + 2 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            and doc[j + 1].lower_ in _JOINERS and doc[j + 1].text.islower())


def _is_modifier(doc: Doc, j: int) -> bool:
    """"US-led", "Iranian-backed": the name is followed by a hyphen and a participle."""
    return (j + 1 < len(doc) and doc[j].text == "-" and not doc[j].whitespace_
            and doc[j + 1].text.lower() in _MODIFIER_TAILS)


def _features(doc: Doc, i: int, j: int, words: _Words) -> set[str]:
    """Feature words around a name: "camp" in "the al-Hawl and Roj camps", "village of X"."""
    found: set[str] = set()
    last = doc[j - 1].text.lower()
    if last in words.feature_kind:
        found.add(words.feature_kind[last])
    for k in range(j, min(len(doc), j + 6)):
        tok = doc[k]
        low = tok.text.lower()
        if low in words.feature_kind:
            found.add(words.feature_kind[low])
            break
        if (tok.is_punct and tok.text not in ("-", "’", "'")) or tok.pos_ in ("VERB", "AUX", "ADP"):
            break
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words.feature_kind:
        found.add(words.feature_kind[doc[i - 2].lower_])
    return found


def _recognise(ctx: Context, gaz: Gazetteer, words: _Words) -> list[_Candidate]:
    doc = ctx.doc
    text = ctx.text
    labels = _entity_labels(doc)
    title = text[: ctx.body_start]
    title_words = [w for w in title.split() if w[:1].isalpha()]
    title_case_title = bool(title_words) and sum(w[0].isupper() for w in title_words) > 0.6 * len(title_words)
    out: list[_Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        found: tuple[int, int, int, str, list[Match], int | None] | None = None
        first = doc[i]
        low = first.lower_
        # The cheap half of _span_ok: most tokens cannot start a name at all.
        if not (_is_cap(first) or low in ARTICLES or low in words.directions):
            i += 1
            continue
        for j in range(min(n, i + MAX_NAME_TOKENS), i, -1):
            if not _span_ok(doc, i, j, words):
                continue
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            surface = text[start:end]
            key = normalize(surface)
            if not key or gaz.demonym_country(key):
                continue
            if j - i >= 2 and key in words.never:
                # "Central America", "Latin America": a listed non-place name hides its pieces
                # ("America" is no United States there), whether or not the gazetteer knows it.
                found = (j, -1, -1, key, [], None)
                break
            # "Ind.", "W.Va.": abbreviations are matched as written, and then alone.
            matches = ("." in surface and gaz.lookup_exact(surface)) or gaz.lookup_key(key)
            if not matches:
                continue
            d = _direction_at(doc, i, words)
            if d and not _is_cap(doc[i]) and i + d < j and any(
                    m.strong and m.entry.kind == "country"
                    for m in gaz.lookup_key(normalize(text[doc[i + d].idx:end]))):
                # "south Lebanon", "eastern DR Congo": a direction and a country describe part of
                # the country; the country is the place and the direction its offset words.
                continue
            if _hyphen_joined(doc, j):
                break  # "Dasht" of "Dasht-e-Barchi": a piece of a longer transliterated name
            if _nickname(text, start, end):
                break
            tier = _accept(doc, i, j, matches, labels, key, words, title_case_title=title_case_title,
                           title_end=ctx.body_start)
            if tier is not None:
                found = (j, start, end, key, matches, tier)
            break  # the longest gazetteer name here decides; a shorter one would split it
        if found is None:
            i += 1
            continue
        j, start, end, key, matches, tier = found
        if tier is None:  # a never-place name: skip all of it
            i = j
            continue
        features = _features(doc, i, j, words)
        strong_kinds = {m.entry.kind for m in matches if m.strong}
        last = doc[j - 1].lower_
        written: str | None = None
        as_kind: str | None = None
        admin_word = words.feature_kind.get(last) == "admin_area" and strong_kinds == {"admin_area"}
        if j - i >= 2 and (last in ("camp", "camps") or (
                last in ("city", "town") and doc[j - 1].text == last) or admin_word):
            # "Rukban camp", "Deir ez-Zor province", "Marawi city" are filed as aliases, but the
            # mention is the place word: "Rukban", "Deir ez-Zor", "Marawi".
            if admin_word and _shares_town_name(gaz, text[start : doc[j - 2].idx + len(doc[j - 2].text)], matches):
                # "Zaporizhzhia Oblast" beside the city of Zaporizhzhia: the admin word is what
                # tells the area from the city, so the area is named as written.
                written = text[start:end]
            end = doc[j - 2].idx + len(doc[j - 2].text)
        elif j < n and doc[j].lower_ in words.after_name and not strong_kinds & {"water", "region", "site"}:
            # "the Kakhovka dam", "the Masisi highlands", "the Kajaki reservoir": a natural feature or
            # site named after a town is never the town. The gazetteer's entry when it has one (the
            # feature word in lower case ends no span), else the feature at its namesake, named as
            # written; the mention stays the name ("Masisi").
            feature = text[start : doc[j].idx + len(doc[j].text)]
            key = normalize(feature)
            known = [m for m in gaz.lookup_key(key) if m.strong]
            if known:
                matches = known
            else:
                as_kind, written = words.after_name[doc[j].lower_], feature
            j += 1
        is_country = any(m.entry.kind == "country" for m in matches)
        if not (is_country and _is_modifier(doc, j)):
            rel = _relative(doc, i, words)
            relative = text[doc[rel].idx : doc[i - 1].idx + len(doc[i - 1].text)] if rel is not None else None
            if relative is not None:
                # Without the article or feature phrase between the offset words and the name.
                relative = _trim_relative(relative)
            out.append(_Candidate(start, end, key, list(matches), features, tier=tier,
                                  cue=relative is not None or _cue(doc, i, j, features, words), relative=relative,
                                  modifier=_modifies(doc, j, words), head=doc[j - 1].head.lower_,
                                  written=written, as_kind=as_kind, conj=_list_head(doc, i, j)))
        i = j
    return out


def _list_head(doc: Doc, i: int, j: int) -> int | None:
    """The first name of the coordination the span i..j belongs to ("Pattani, Yala and Narathiwat"
    -> "Pattani"), or None when it is no member of a list."""
    root = next((doc[k] for k in range(i, j) if not i <= doc[k].head.i < j), doc[i])
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok is root and not any(child.dep_ == "conj" for child in root.children):
        return None
    return tok.i


def _shares_town_name(gaz: Gazetteer, bare: str, matches: Sequence[Match]) -> bool:
    """The admin area's name without its admin word is also a populated place's own name in the
    area's country ("Zaporizhzhia", "Kharkiv", "Herat")."""
    countries = {m.entry.country for m in matches if m.strong and m.entry.kind == "admin_area"}
    return any(m.strong and m.entry.kind == "populated_place" and m.entry.country in countries
               for m in gaz.lookup(bare))


def _modifies(doc: Doc, j: int, words: _Words) -> bool:
    """The name ending before token j qualifies a noun after it ("US troops", "Sahel juntas"), other
    than a place word that completes it ("the Sahel region")."""
    last = doc[j - 1]
    return (last.dep_ in ("amod", "compound", "nmod") and last.head.i >= j
            and last.head.lower_ not in words.feature_kind)


# -- resolution -------------------------------------------------------------------------
def _prior(entry: Entry, strong: bool) -> float:
    if entry.kind == "country":
        p = 10.5
    elif entry.source == "continent":
        p = 9.0
    elif entry.kind == "admin_area":
        p = 8.5 if entry.precision == "admin1" else 5.5
    elif entry.source == "supplement":
        fixed = {"region": 7.5, "water": 7.5, "camp": 7.0, "site": 6.5}
        p = fixed.get(entry.kind, max(6.0, math.log10(entry.population + 10) + 0.5))
    else:
        p = math.log10(entry.population + 10)
    return p if strong else p - 2.0


def _compass(key: str, words: _Words) -> bool:
    """A name made of direction words only ("north west", "south-west"): many countries have one."""
    return all(t in words.directions for t in key.split())


def _country_evidence(doc: Doc, gaz: Gazetteer, cands: list[_Candidate],
                      words: _Words) -> dict[str, dict[str, float]]:
    """What the article says about countries before any name is resolved: country and
    admin1 names, and demonyms ("Syrian", "Iraqi"), by the name that says it ("" for
    demonyms), so that a name is not its own evidence."""
    raw: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for cand in cands:
        kinds = {m.entry.kind for m in cand.matches if m.strong}
        if "country" in kinds:
            for m in cand.matches:
                if m.entry.kind == "country" and m.entry.country:
                    raw[cand.key][m.entry.country] += 1.0
        elif kinds == {"admin_area"}:
            if _compass(cand.key, words):
                continue  # "the North West" names a region of many countries: no evidence by itself
            for m in cand.matches:
                if m.entry.country:
                    raw[cand.key][m.entry.country] += 0.7
    for tok in doc:
        if tok.text[:1].isupper() and tok.is_alpha:
            cc = gaz.demonym_country(tok.text)
            if cc:
                raw[""][cc] += 0.5
    return raw


def _evidence_without(raw: dict[str, dict[str, float]], key: str) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for source, per_country in raw.items():
        if source != key:
            for cc, value in per_country.items():
                out[cc] += value
    return out


def _score(entry: Entry, strong: bool, cand: _Candidate, evidence: dict[str, float],
           admins: set[tuple[str, str]], anchors: list[tuple[float, float]]) -> float:
    s = _prior(entry, strong)
    if entry.country:
        s += 3.0 * min(1.0, evidence.get(entry.country, 0.0) / 2.0)
    if entry.kind != "admin_area" and entry.country and entry.admin1_code \
            and (entry.country, entry.admin1_code) in admins:
        s += 2.0
    if anchors and entry.kind not in ("country", "region", "water"):
        near = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in anchors)
        s += 1.5 if near < 100 else 1.0 if near < 300 else 0.5 if near < 800 else 0.0
    if entry.kind in cand.features:
        s += 2.0
    return s


def _best(cand: _Candidate, evidence: dict[str, float], admins: set[tuple[str, str]],
          anchors: list[tuple[float, float]]) -> tuple[Entry, float]:
    scored = sorted(((_score(m.entry, m.strong, cand, evidence, admins, anchors), -m.entry.index, m.entry)
                     for m in cand.matches), key=lambda t: (t[0], t[1]), reverse=True)
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
    return scored[0][2], margin


def _resolve(cands: list[_Candidate], raw: dict[str, dict[str, float]], words: _Words) -> dict[str, Entry]:
    """One entry per normalised name (one sense per article)."""
    groups: dict[str, _Candidate] = {}
    for cand in cands:
        g = groups.get(cand.key)
        if g is None:
            groups[cand.key] = _Candidate(cand.start, cand.end, cand.key, cand.matches, set(cand.features),
                                          tier=cand.tier)
        else:
            g.features |= cand.features
            g.tier = min(g.tier, cand.tier)
    admins = {(m.entry.country, m.entry.admin1_code) for c in groups.values() for m in c.matches
              if m.strong and m.entry.kind == "admin_area" and m.entry.country and m.entry.admin1_code
              and all(x.entry.kind in ("admin_area", "country") for x in c.matches if x.strong)}
    first = {key: _best(g, _evidence_without(raw, key), admins, []) for key, g in groups.items()}
    chosen: dict[str, Entry] = {}
    for key, g in groups.items():
        evidence = _evidence_without(raw, key)
        anchors: list[tuple[float, float]] = []
        for other, (entry, margin) in first.items():
            if other == key or groups[other].tier == MAYBE or _compass(other, words):
                continue  # a MAYBE name or a "North West" is no evidence for others
            if entry.country and entry.kind != "country":
                evidence[entry.country] = evidence.get(entry.country, 0.0) + 0.5
            if margin >= 1.0 and entry.kind not in ("country", "region", "water"):
                anchors.append((entry.lat, entry.lon))
        chosen[key] = _best(g, evidence, admins, anchors)[0]
    return chosen


def _keep(cands: list[_Candidate], chosen: dict[str, Entry], raw: dict[str, dict[str, float]],
          words: _Words, text: str = "") -> set[str]:
    """Names whose resolved place fits the article. The countries the article points to come
    from the other names: country and admin1 names, demonyms, and the places of SURE names.
    Where it clearly points somewhere (a weight of POINTED_ENOUGH or more), a GeoNames town
    in a country it never points to is dropped unless it is big ("Siwa" read as Siwan in
    India, "Bello" in Colombia in a Nigerian story); a MAYBE name always needs its country
    pointed to and a locative cue, and so does an area named by directions only ("North-West")."""
    tier: dict[str, int] = {}
    cue: dict[str, bool] = defaultdict(bool)
    for cand in cands:
        tier[cand.key] = min(tier.get(cand.key, MAYBE), cand.tier)
        cue[cand.key] |= cand.cue
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # country -> name -> w
    for source, per_country in raw.items():
        for cc, value in per_country.items():
            weight[cc][source] += value
    for key, entry in chosen.items():
        if entry.country and (tier[key] == SURE or _curated(entry)) and not _compass(key, words):
            weight[entry.country][key] += 1.0
    # A name listed with a place that needs no vouching ("Pattani, Yala and Narathiwat") has its cue.
    listed: dict[int, set[str]] = defaultdict(set)
    for cand in cands:
        if cand.conj is not None:
            listed[cand.conj].add(cand.key)
    for cand in cands:
        if cand.conj is not None and not cue[cand.key]:
            entry = chosen[cand.key]
            cue[cand.key] = any(tier[other] != MAYBE and chosen[other].country == entry.country
                                for other in listed[cand.conj] if other != cand.key)
    keep: set[str] = set()
    modifiers = {c.key for c in cands if c.modifier} - {c.key for c in cands if not c.modifier}
    # A name that only ever qualifies the word after it, never as part of a hyphened compound
    # ("Asia-Pacific" is still a region).
    desks = modifiers - {c.key for c in cands if text[c.end : c.end + 1] == "-"}
    for key, entry in chosen.items():
        if key in modifiers and not _curated(entry) and any(
                key.endswith(suffix) and key[: -len(suffix)] in chosen for suffix in _ADJECTIVE_SUFFIXES):
            continue  # "Siwan folk music" in a story about Siwa: an adjective of a place, not a place
        if key in desks and (entry.source == "continent" or (entry.kind == "region" and entry.country is None)):
            continue  # "our weekly Africa briefing", "the Sahel juntas": a beat, a desk, a label, not a place
        if key in desks and entry.kind == "country" and all(
                _nationality(text, c.start, c.end) or (c.head in words.forces and _initials(text[c.start : c.end]))
                for c in cands if c.key == key):
            continue  # "13 US service members", "a U.S. destroyer": a nationality, not the country as a place
        own = sum(w for name, w in weight.get(entry.country or "", {}).items() if name != key)
        elsewhere = sum(w for cc, per in weight.items() if cc != entry.country
                        for name, w in per.items() if name != key)
        fits = own > 0
        if tier[key] == MAYBE:
            ok = fits and cue[key]
        elif _compass(key, words):
            ok = fits  # Cameroon's "North-West" only in a story that points to Cameroon
        else:
            # A supplement town is curated, but its name may still be a surname ("Jenny Palma" in
            # a Toronto story is no town in Mozambique): it too needs its country where the
            # article clearly points elsewhere.
            town = entry.source == "supplement" and entry.kind == "populated_place"
            ok = ((_curated(entry) and not town) or fits or entry.country is None or elsewhere < POINTED_ENOUGH
                  or (tier[key] == SURE and entry.population >= ORG_MIN_POPULATION))
        if ok:
            keep.add(key)
    return keep


_COUNTED_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"dozens of|hundreds of|thousands of)\s+$", re.IGNORECASE)


def _nationality(text: str, start: int, end: int) -> bool:
    """Country initials used as a nationality: "US", "U.S.", "UK" (a modifier, checked by the caller)
    after a number or an indefinite article: "13 US service members", "a U.S. destroyer". Other
    modifier uses ("the US embassy", "US forces") stay places, as geoparsing benchmarks count them."""
    return _initials(text[start:end]) and _COUNTED_BEFORE.search(text[max(0, start - 20) : start]) is not None


def _initials(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


def extract_places(ctx: Context, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Places named in the article, each resolved once, with all its mentions (doc offsets).

    A place named as an anchor ("10 km north of Kanbalu", "southern Lebanon") keeps the
    anchor's coordinates; the offset words are the mention's ``relative``."""
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    words = _words()
    frames = _frames(ctx, gaz, words)
    cands = _outside_frames(ctx.doc, _recognise(ctx, gaz, words), frames)
    if not cands:
        return frame_places(ctx.doc, ctx.text, [], frames) if frames else []
    raw = _country_evidence(ctx.doc, gaz, cands, words)
    chosen = _resolve(cands, raw, words)
    keep = _keep(cands, chosen, raw, words, ctx.text) - _hamlets_for_districts(ctx.doc, cands, chosen, frames)
    # One place per entry; a natural feature named after a town is a place of its own.
    mentions: dict[int | str, list[Mention]] = defaultdict(list)
    entries: dict[int | str, tuple[Entry, _Candidate]] = {}
    for cand in cands:
        entry = chosen[cand.key]
        if cand.key not in keep:
            continue
        group: int | str = cand.key if cand.as_kind else entry.index
        if group not in entries or (cand.written and not entries[group][1].written):
            entries[group] = (entry, cand)
        mentions[group].append(Mention(text=ctx.text[cand.start : cand.end], start=cand.start,
                                       end=cand.end, relative=cand.relative))
    places: list[Place] = []
    used_names: set[str] = set()
    # Names as written go first: the city "Zaporizhzhia" then needs no qualifier beside the oblast.
    for group, (entry, cand) in sorted(entries.items(), key=lambda kv: kv[1][1].written is None):
        name = cand.written or entry.name
        if name in used_names:  # two different places of one name: linking needs distinct names
            name = _distinct_name(entry, used_names)
        used_names.add(name)
        feature = cand.as_kind is not None
        places.append(Place(name=name, lat=entry.lat, lon=entry.lon, geonameid=None if feature else entry.geonameid,
                            country=entry.country, admin1=entry.admin1,
                            kind=cand.as_kind or entry.kind,  # type: ignore[arg-type]
                            precision="admin2" if feature else entry.precision,  # type: ignore[arg-type]
                            mentions=tuple(mentions[group])))
    places.sort(key=lambda p: min(m.start for m in p.mentions))
    return places + (frame_places(ctx.doc, ctx.text, places, frames) if frames else [])


def _frames(ctx: Context, gaz: Gazetteer, words: _Words) -> list[Frame]:
    """Names in a clear place frame (see place_frames), whether or not the gazetteer knows them."""
    def never(name: str, weak: bool) -> bool:
        key = normalize(name)
        if not key or key in words.never or gaz.demonym_country(key) or key.split()[0] in words.directions:
            return True
        # A bare "in X" the tagger calls a place, with X in the gazetteer: resolution judges it.
        return weak and any(m.strong for m in gaz.lookup_key(key))
    return find_frame_names(ctx.doc, words.units, words.directions, never)


def _outside_frames(doc: Doc, cands: list[_Candidate], frames: list[Frame]) -> list[_Candidate]:
    """Candidates that do not end a framed name starting before them: "the hamlet of Puerto San
    Salvador" is no mention of San Salvador. (A frame running on past a candidate is most often
    the feature word the candidate's mention leaves out: "in Rakhine State".)"""
    if not frames:
        return cands
    spans = [(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)) for f in frames]
    return [c for c in cands if not any(s < c.start and c.end <= e for s, e in spans)]


def _hamlets_for_districts(doc: Doc, cands: list[_Candidate], chosen: dict[str, Entry],
                           frames: list[Frame]) -> set[str]:
    """Names framed as a district or neighbourhood ("the al-Rawdah district") that resolved to an
    unremarkable GeoNames hamlet: a quarter of the story's town shares its name with villages
    everywhere, so the frame places it in the town instead."""
    urban = {doc[f.start].idx for f in frames if f.urban}
    hamlets = {c.key for c in cands if c.start in urban and chosen[c.key].source == "geonames"
               and chosen[c.key].population < PHRASE_MIN_POPULATION}
    # ... unless the namesake lies near the town named last before it: then it is that town's
    # district seat ("Rueso district" after a Narathiwat dateline), which places it better than the
    # frame; a quarter of Taiz sharing a village's name near Sanaa stays in Taiz.
    out: set[str] = set()
    for c in cands:
        if c.key not in hamlets or c.start not in urban:
            continue
        before = [b for b in cands if b.start < c.start and b.key not in hamlets
                  and chosen[b.key].kind == "populated_place" and chosen[b.key].population >= PHRASE_MIN_POPULATION]
        town = chosen[before[-1].key] if before else None
        here = chosen[c.key]
        if town is None or distance_km(here.lat, here.lon, town.lat, town.lon) > DISTRICT_SEAT_KM:
            out.add(c.key)
    return out


def _distinct_name(entry: Entry, used: set[str]) -> str:
    """A readable name for the second place called the same: its admin area when
    that tells them apart ("Tripoli, North Governorate"), else what kind of place it
    is ("Kharkiv region" beside the city of Kharkiv), else its country."""
    if entry.admin1 and entry.admin1 != entry.name and f"{entry.name}, {entry.admin1}" not in used:
        return f"{entry.name}, {entry.admin1}"
    if entry.kind == "admin_area" and f"{entry.name} region" not in used:
        return f"{entry.name} region"
    return f"{entry.name}, {entry.country or entry.kind}"
