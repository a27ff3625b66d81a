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
points to is dropped unless spaCy or a curated entry vouches for it and it is big (place_resolve.keep):
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

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.extractors.context import Context
from eventwire.extractors.place_cues import PlaceWords as _Words
from eventwire.extractors.place_cues import direction_at as _direction_at
from eventwire.extractors.place_cues import is_cap as _is_cap
from eventwire.extractors.place_cues import locative_cue as _cue
from eventwire.extractors.place_cues import place_words as _words
from eventwire.extractors.place_cues import relative_start as _relative
from eventwire.extractors.place_cues import site_head_at
from eventwire.extractors.place_cues import trim_relative as _trim_relative
from eventwire.extractors.place_frames import Frame, find_frame_names, frame_places
from eventwire.extractors.place_resolve import (
    MAYBE,
    ORG_MIN_POPULATION,
    SURE,
    WEAK,
    Candidate,
)
from eventwire.extractors.place_resolve import (
    country_evidence as _country_evidence,
)
from eventwire.extractors.place_resolve import (
    curated as _curated,
)
from eventwire.extractors.place_resolve import (
    keep as _keep,
)
from eventwire.extractors.place_resolve import (
    resolve as _resolve,
)
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
DISTRICT_SEAT_KM = 50.0          # a framed district's namesake this near a town of the story is its seat
# Countries used as hyphenated modifiers name an actor's backer, not a place: "US-led", "Russia-backed".
_MODIFIER_TAILS = ("led", "backed", "funded", "based", "brokered", "sponsored", "supported", "made",
                   "allied", "aligned", "controlled", "held", "run", "trained", "armed")





def _entity_labels(doc: Doc) -> list[tuple[str, int, int] | None]:
    """Per token: (label, ent start token, ent end token) or None."""
    out: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            out[i] = (ent.label_, ent.start, ent.end)
    return out


def _span_ok(doc: Sequence[Token], i: int, j: int, words: _Words) -> bool:
    """Tokens i..j-1 can be a place name: capitalised start (or an article written
    "al-", or a direction word), capitalised end (or a feature word such as "region"),
    only name-like tokens inside and no line break. ``doc`` is the Doc's tokens as a list
    (made once: indexing a Doc creates a new Token each time)."""
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
        # (one word may precede, but not a capitalised name word of a person: "Pan" of a PERSON
        # "Man Pan" is a piece of another name)
        lead = (label == "PERSON" and es == i - 1 and doc[es].is_alpha and _is_cap(doc[es])
                and doc[es].lower_ not in BAD_STARTS)
        whole = (es >= i - 1 and not lead and ee <= j) or _coordinated(doc, i, j, es, ee)
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


def _recognise(ctx: Context, gaz: Gazetteer, words: _Words) -> list[Candidate]:
    doc = ctx.doc
    text = ctx.text
    labels = _entity_labels(doc)
    title = text[: ctx.body_start]
    title_words = [w for w in title.split() if w[:1].isalpha()]
    title_case_title = bool(title_words) and sum(w[0].isupper() for w in title_words) > 0.6 * len(title_words)
    out: list[Candidate] = []
    i = 0
    n = len(doc)
    toks = list(doc)
    while i < n:
        found: tuple[int, int, int, str, list[Match], int | None] | None = None
        first = toks[i]
        low = first.lower_
        # The cheap half of _span_ok: most tokens cannot start a name at all.
        if not (_is_cap(first) or low in ARTICLES or low in words.directions):
            i += 1
            continue
        for j in range(min(n, i + MAX_NAME_TOKENS), i, -1):
            if not _span_ok(toks, i, j, words):
                continue
            start, end = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
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
        if j < n and doc[j].text == "Province" and strong_kinds and strong_kinds <= {"region", "continent"}:
            # "(Islamic State's) West Africa Province": a region's name with a capitalised "Province" is an
            # armed group's wilayah, no mention of the region.
            i = j + 1
            continue
        if (j - i >= 2 and not strong_kinds and _singular_admin(last, words) and doc[j - 2].whitespace_
                and _possessor(out, doc, i) is not None):
            # "Kherson's Dniprovskyi district" known only as another city's district: the area as
            # written, inside the possessor city (article context beats a homonym far away).
            j -= 1
            strong_kinds = {"populated_place"}
        site = site_head_at(doc, j, words.site_heads)
        if j - i >= 2 and (last in ("camp", "camps") or (
                last in ("city", "town") and doc[j - 1].text == last) or admin_word):
            # "Rukban camp", "Deir ez-Zor province", "Marawi city" are filed as aliases, but the
            # mention is the place word: "Rukban", "Deir ez-Zor", "Marawi".
            if admin_word and _shares_town_name(gaz, text[start : doc[j - 2].idx + len(doc[j - 2].text)], matches):
                # "Zaporizhzhia Oblast" beside the city of Zaporizhzhia: the admin word is what
                # tells the area from the city, so the area is named as written.
                written = text[start:end]
            end = doc[j - 2].idx + len(doc[j - 2].text)
        elif site is not None and not site[1]:
            # "Hmeimim air base", "Kandahar airport": the site as written; the gazetteer's entry for the
            # whole phrase or the name's own when it is a site, else the site at its namesake town.
            feature = text[start : doc[j + site[0] - 1].idx + len(doc[j + site[0] - 1].text)]
            known = [m for m in gaz.lookup_key(normalize(feature)) if m.strong]
            if known:
                matches = known
            elif "site" not in strong_kinds:
                as_kind = "site"
            written = feature
            j += site[0]
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
        elif strong_kinds == {"populated_place"} and _shared_admin(doc, j, words) is not None:
            # "the Dniprovskyi and Korabelnyi districts", "Beni and Lubero territories": the plural admin
            # word after a pair of names makes each name an area.
            area = _shared_admin(doc, j, words) or ""
            written, as_kind = f"{text[start:end]} {area}", "admin_area"
            key = normalize(written)
            tier = min(tier, WEAK)
        elif i >= 2 and doc[i - 1].lower_ == "and" and strong_kinds == {"populated_place"} \
                and _shared_admin(doc, i - 1, words) is not None:
            # the second name of "Beni and Lubero territories"
            written, as_kind = f"{text[start:end]} {_shared_admin(doc, i - 1, words)}", "admin_area"
            key = normalize(written)
            tier = min(tier, WEAK)
            j += 1
        elif (j < n and _singular_admin(doc[j].lower_, words) and strong_kinds == {"populated_place"}
              and doc[j - 1].whitespace_ and doc[j].pos_ in ("NOUN", "PROPN")):
            # "the Kursk region", "Beni territory", "Kherson's Dniprovskyi district": an admin word after a
            # name the gazetteer knows only as a town makes the area named after it, named as written
            # (kept apart from the town, which may be named too). A district of "CITY's" lies in that city.
            written, as_kind = text[start : doc[j].idx + len(doc[j].text)], "admin_area"
            key = normalize(written)
            anchor = _possessor(out, doc, i)
            if anchor is not None:
                matches = anchor
            tier = min(tier, WEAK)  # the admin word itself says the name is a place
            j += 1
        is_country = any(m.entry.kind == "country" for m in matches)
        if not (is_country and _is_modifier(doc, j)):
            rel = _relative(doc, i, words)
            relative = text[doc[rel].idx : doc[i - 1].idx + len(doc[i - 1].text)] if rel is not None else None
            if relative is not None:
                # Without the article or feature phrase between the offset words and the name.
                relative = _trim_relative(relative)
            out.append(Candidate(start, end, key, list(matches), features, tier=tier,
                                  cue=relative is not None or _cue(doc, i, j, features, words), relative=relative,
                                  modifier=_modifies(doc, j, words), head=doc[j - 1].head.lower_,
                                  written=written, as_kind=as_kind, conj=_list_head(doc, i, j)))
        i = j
    return out


def _singular_admin(low: str, words: _Words) -> bool:
    """A singular admin word ("region", "district", "territory"; not "state", which is also a
    polity and an adjective)."""
    return words.feature_kind.get(low) == "admin_area" and not low.endswith("s") and low != "state"


def _shared_admin(doc: Doc, j: int, words: _Words) -> str | None:
    """The singular admin word shared by a pair of names when the name ending before token j is the
    first: "X and Y districts" -> "district"."""
    if j < 0 or j + 2 >= len(doc) or doc[j].lower_ != "and" or not _is_cap(doc[j + 1]):
        return None
    plural = doc[j + 2].lower_
    if words.feature_kind.get(plural) != "admin_area" or not plural.endswith("s") or plural == "states":
        return None
    return plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]


def _possessor(out: list[Candidate], doc: Doc, i: int) -> list[Match] | None:
    """The town entries of a name written as a possessor right before token i ("Kherson's X")."""
    if i < 2 or not _possessive(doc[i - 1].text) or not out:
        return None
    prev = out[-1]
    if prev.end != doc[i - 2].idx + len(doc[i - 2].text):
        return None
    towns = [m for m in prev.matches if m.strong and m.entry.kind == "populated_place"]
    return towns or None


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
    entries: dict[int | str, tuple[Entry, Candidate]] = {}
    featured = {c.key for c in cands if c.as_kind}  # a feature's later mentions stay with it
    for cand in cands:
        entry = chosen[cand.key]
        if cand.key not in keep:
            continue
        group: int | str = cand.key if cand.key in featured else entry.index
        if group not in entries or (cand.written and not entries[group][1].written) or (
                cand.as_kind and not entries[group][1].as_kind):
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
    return find_frame_names(ctx.doc, words.units, words.directions, never, words.site_heads)


def _outside_frames(doc: Doc, cands: list[Candidate], frames: list[Frame]) -> list[Candidate]:
    """Candidates that do not end a framed name starting before them: "the hamlet of Puerto San
    Salvador" is no mention of San Salvador. (A frame running on past a candidate is most often
    the feature word the candidate's mention leaves out: "in Rakhine State".)"""
    if not frames:
        return cands
    spans = [(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1].text)) for f in frames]
    return [c for c in cands if not any(s < c.start and c.end <= e for s, e in spans)]


def _hamlets_for_districts(doc: Doc, cands: list[Candidate], chosen: dict[str, Entry],
                           frames: list[Frame]) -> set[str]:
    """Names framed as a district or neighbourhood ("the al-Rawdah district") that resolved to an
    unremarkable GeoNames hamlet: a quarter of the story's town shares its name with villages
    everywhere, so the frame places it in the town instead."""
    urban = {doc[f.start].idx for f in frames if f.urban and f.kind != "site"}  # quarters, not streets
    hamlets = {c.key for c in cands if c.start in urban and chosen[c.key].source == "geonames"
               and chosen[c.key].population < PHRASE_MIN_POPULATION}
    # ... unless the namesake lies near the town named last before it: then it is that town's
    # district seat ("Rueso district" after a Narathiwat dateline), which places it better than the
    # frame; a quarter of Taiz sharing a village's name near Sanaa stays in Taiz.
    out: set[str] = set()
    # A quarter or street framed as such ("Dhaka's Rampura area", "Freedom Square") whose namesake lies in
    # a country no other place of the article is in is a homonym: the frame places it in the town.
    named = urban | {doc[f.start].idx for f in frames if f.kind == "site" and f.urban}
    framed = {c.key for c in cands if c.start in named}
    others = {chosen[c.key].country for c in cands if c.key not in framed}
    out |= {c.key for c in cands if c.start in named and others and chosen[c.key].country not in others
            and chosen[c.key].kind == "populated_place"}
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
