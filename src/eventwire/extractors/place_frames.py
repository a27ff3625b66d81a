"""Places the gazetteer does not know, found by the words around them.

Small villages, districts and camps of conflict news are often missing from cities500. When a
capitalised name stands in a clear place frame, it is a place all the same:

- "the village of X", "the town of X", "the district of X";
- "X village", "X district", "X camp", "X local government area" after a locative or "the";
- "near X, about 60 km south-west of Y" (the anchor Y places it);
- "near X, in Y territory" (the container Y places it);
- "in X" where the tagger calls X a place (GPE/LOC).

The record contract wants numbers for lat/lon, so such a place borrows the coordinates of what
the text puts it in or near: the anchor or container when the frame names one, else the nearest
resolved town or area of the same sentence, else the article's main country. Its precision says
how coarse that is (admin2 near a town, admin1 in a province, country), and its geonameid is None:
the name is right, the point is only the area it lies in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Span

from eventwire.extractors.place_cues import site_head_at, token_lowers
from eventwire.schema import Mention, Place

# Head words of "the village of X" / "X village" frames, and the kind of place they name.
_OF_HEADS = {"village": "populated_place", "town": "populated_place", "hamlet": "populated_place",
             "settlement": "populated_place", "locality": "populated_place", "commune": "admin_area",
             "district": "admin_area", "municipality": "admin_area", "neighbourhood": "populated_place",
             "neighborhood": "populated_place", "suburb": "populated_place", "sub-district": "admin_area"}
_AFTER_HEADS = {"village": "populated_place", "town": "populated_place", "district": "admin_area", "camp": "camp",
                "lga": "admin_area",
                "territory": "admin_area", "county": "admin_area", "subdistrict": "admin_area",
                "commune": "admin_area", "municipality": "admin_area", "neighbourhood": "populated_place",
                "neighborhood": "populated_place", "township": "admin_area", "settlement": "camp",
                "area": "populated_place"}
# Words before a name that make "X district" a place and not, say, "Military District" of an army.
_BEFORE = frozenset({"in", "near", "at", "from", "outside", "around", "into", "across", "towards", "toward",
                     "the", "'s", "’s", "of", "and", ",", "between", "nearby", "inside"})
_LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "between", "towards", "toward", "into",
                       "across", "from", "nearby", "inside", "through", "via"})
_APPROX = frozenset({"about", "some", "around", "roughly", "approximately", "nearly", "almost", "just"})
_BAD = frozenset({"the", "a", "an", "in", "at", "on", "of", "for", "to", "and", "but", "or", "by", "from",
                  "with", "it", "this", "that", "he", "she", "they", "we", "i", "his", "her", "their",
                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "north", "south", "east", "west", "central"})
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP",
                            "PERSON"})
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+|[A-Z][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)+"
                        r"|(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z][a-zà-ÿ]+)$")
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
# Heads that name a part of a town: such a place is placed in the article's main town.
_URBAN = frozenset({"district", "neighbourhood", "neighborhood", "suburb", "quarter", "area"})
# Words before a named site besides _BEFORE: "on Parliament Road", "along Tahrir Street", "off X Avenue".
_BEFORE_SITE = _BEFORE | {"on", "along", "off", "past", "to", "outside", "onto"}
# Sites that people come "from" as members: "students from Makerere University" names no place.
_AFFILIATION = frozenset({"university", "campus", "college"})


class Frame(NamedTuple):
    start: int     # tokens of the name
    end: int
    kind: str      # the place kind the frame implies
    anchor: int    # first token of the anchor or container the frame names, or -1
    urban: bool    # a district or neighbourhood: part of a town
    tail: int = 0  # end token of the first mention when it takes the head word ("Darnytskyi district")
    bare: int = 0  # end token of the first mention when it leaves the site words out ("Lebombo" border post)


def _word(doc: Doc, k: int) -> bool:
    return 0 <= k < len(doc) and bool(_NAME_WORD.match(doc[k].text)) and doc[k].lower_ not in _BAD


def _name_from(doc: Doc, k: int) -> int:
    """End token (exclusive) of a run of up to three capitalised words starting at k, or k."""
    if k + 2 < len(doc) and doc[k].lower_ in _ARTICLES and doc[k + 1].text == "-" and _word(doc, k + 2) \
            and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        return _name_from(doc, k + 2)  # "al-Rawdah" as "al", "-", "Rawdah"
    j = k
    while j < len(doc) and j - k < 3 and _word(doc, j) and (j == k or "\n" not in doc[j - 1].whitespace_):
        j += 1
    return j


def _name_to(doc: Doc, k: int) -> int:
    """Start token of a run of up to three capitalised words ending at k (inclusive), or k + 1."""
    i = k + 1
    while i - 1 >= 0 and k - i + 1 < 3 and _word(doc, i - 1) and not (i - 1 < k and doc[i - 1].is_sent_start
                                                                        and doc[i - 1].lower_ in _BAD):
        i -= 1
    if i <= k and doc[i].is_sent_start and doc[i].pos_ != "PROPN":
        i += 1
    if i <= k and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _ARTICLES \
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2  # "al-Rawdah" as "al", "-", "Rawdah"
    return i


def _after_of(doc: Doc, k: int) -> int:
    """The token after "of [the] [town of]" starting at k (the anchor's first word), or -1."""
    if k >= len(doc) or doc[k].lower_ != "of":
        return -1
    k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in _OF_HEADS and doc[k + 1].lower_ == "of":
        k += 2
    return k if k < len(doc) else -1


def _offset_anchor(doc: Doc, j: int, units: frozenset[str], directions: frozenset[str]) -> int:
    """", about 60 km south-west of Y" after a name ending before token j: Y's first token, or -1."""
    k = j
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ in _APPROX:
        k += 1
    if not (k + 1 < len(doc) and doc[k].like_num and doc[k + 1].lower_ in units):
        return -1
    k += 2
    while k < len(doc) and (doc[k].lower_ in directions or doc[k].text == "-"):
        k += 1
    return _after_of(doc, k)


def _container(doc: Doc, j: int) -> int:
    """", in [the] Y territory" after a name ending before token j: Y's first token, or -1."""
    if not (j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("in", "near")):
        return -1
    k = j + 2
    if doc[k].lower_ == "the":
        k += 1
    return k if _word(doc, k) else -1  # a named container, not "near the border"


def _site_frame(doc: Doc, k: int, site_heads: dict[tuple[str, ...], bool],
                never: Callable[[str, bool], bool]) -> Frame | None:
    """A named site whose site words start at token k: "the Lebombo border post", "on Parliament
    Road", "at Dhaka University". The frame is the whole phrase as written; an urban one (street,
    square, campus) is a part of the article's town."""
    head = site_head_at(doc, k, site_heads)
    if head is None or k < 1 or (k + head[0] < len(doc) and doc[k + head[0]].lower_ == "of"):
        return None
    if head[1] and not doc[k].text[:1].isupper():
        return None  # "an Amhara market" is a market in Amhara; a street or campus is named in capitals
    i = _name_to(doc, k - 1)
    before = _BEFORE_SITE - {"from"} if doc[k].lower_ in _AFFILIATION else _BEFORE_SITE
    # Streets and squares are named after the words that are never places alone ("Liberty Square",
    # "Parliament Road"): their whole name is checked ("Wall Street" is a market, not a site).
    if not (1 <= i <= k - 1 and doc[i - 1].lower_ in before) or never(doc[i : k if not head[1] else k + head[0]].text,
                                                                      False):
        return None
    if doc[i].ent_type_ in ("PERSON", "DATE", "TIME", "NORP"):
        return None
    end = k + head[0]
    # A street is named by the whole phrase; a border post or air base is mentioned by its name alone.
    return Frame(i, end, "site", -1, head[1], end, end if head[1] else k)


def _apposition_frame(doc: Doc, k: int, units: frozenset[str], directions: frozenset[str],
                      never: Callable[[str, bool], bool]) -> Frame | None:
    """"a raid on X, a farming settlement 20 km north of Y": a name after a locative word, in
    apposition with a place noun (the head at token k, after "a"/"an" and up to two modifiers)."""
    if doc[k].lower_ not in _OF_HEADS:
        return None
    a = k - 1
    while a >= k - 2 and a >= 0 and doc[a].is_lower and doc[a].is_alpha and doc[a].lower_ not in ("a", "an"):
        a -= 1
    if not (a >= 2 and doc[a].lower_ in ("a", "an") and doc[a - 1].text == ","):
        return None
    i = _name_to(doc, a - 2)
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].text[:1].isupper():
        i -= 2  # "Gal-Hareeri" as "Gal", "-", "Hareeri"
    # The parse must agree that the noun is in apposition with the name (not "a village elder"); the
    # tagger's ORG on an unknown village is often wrong, its PERSON or date is not.
    if not (1 <= i <= a - 2 and doc[k].dep_ == "appos" and i <= doc[k].head.i < a - 1):
        return None
    if never(doc[i : a - 1].text, False) or doc[i].ent_type_ in ("DATE", "TIME", "NORP", "PERSON"):
        return None
    anchor = _offset_anchor(doc, k + 1, units, directions)
    return Frame(i, a - 1, _OF_HEADS[doc[k].lower_], anchor, False)


def _site_town(doc: Doc, i: int, j: int, by_offset: list[tuple[int, int, Place]]) -> Place | None:
    """The town a site's phrase ties it to: "Y's X", "X in [central] Y", "X of Y", "X, Y"."""
    towns = [(s, e, p) for s, e, p in by_offset if p.kind == "populated_place"]
    if i >= 2 and doc[i - 1].lower_ in ("'s", "’s"):
        found = next((p for s, e, p in towns if e == doc[i - 2].idx + len(doc[i - 2].text)), None)
        if found is not None:
            return found
    if j < len(doc) and doc[j].lower_ in ("in", "of", ","):
        reach = doc[min(j + 3, len(doc) - 1)].idx + 1
        return next((p for s, e, p in towns if doc[j].idx < s < reach), None)
    return None


def _only_town(sent: Span, by_offset: list[tuple[int, int, Place]]) -> Place | None:
    """The one town its sentence names ("In Rangpur, students marched to X University"), else None."""
    towns = {p.name: p for s, e, p in by_offset
             if p.kind == "populated_place" and sent.start_char <= s < sent.end_char}
    return next(iter(towns.values())) if len(towns) == 1 else None


def find_frame_names(doc: Doc, units: frozenset[str], directions: frozenset[str],
                     never: Callable[[str, bool], bool],
                     site_heads: dict[tuple[str, ...], bool] | None = None) -> list[Frame]:
    """Names in place frames: (start token, end token, kind, anchor token or -1). ``never(name,
    weak_frame)`` rejects a name; a weak frame is a bare "in X" that only the tagger calls a place."""
    out: list[Frame] = []
    n = len(doc)
    lowers = token_lowers(doc)
    for t in doc:
        k = t.i
        low = t.lower_
        span: tuple[int, int, str] | None = None
        urban = low in _URBAN
        # the site words' lookup first, inline: most tokens start none (saves a call per token)
        site = _site_frame(doc, k, site_heads, never) if site_heads and (
            (low,) in site_heads or (k + 1 < n and (low, lowers[k + 1]) in site_heads)) else None
        if site is None and low in _OF_HEADS:  # the frame's own first test, without a new Token
            site = _apposition_frame(doc, k, units, directions, never)
        if site is not None:
            if not out or out[-1].end <= site.start:
                out.append(site)
            elif out[-1].start >= site.start:  # "in Rustaveli" framed before its "Avenue" was seen
                out[-1] = site
            continue
        if low in _OF_HEADS and k + 2 < n and doc[k + 1].lower_ == "of" and k >= 1 and doc[k - 1].lower_ == "the":
            j = _name_from(doc, k + 2)
            if j > k + 2:
                span = (k + 2, j, _OF_HEADS[low])
        elif low in _AFTER_HEADS and k >= 1 and not (k + 1 < n and doc[k + 1].lower_ == "of"):
            i = _name_to(doc, k - 1)
            # "area" is a quarter only as a town's ("Dhaka's Rampura area"): "the Riverdale area" is the town's.
            if i <= k - 1 and i >= 1 and (doc[i - 1].lower_ in ("'s", "’s") if low == "area" else
                                          doc[i - 1].lower_ in _BEFORE):
                span = (i, k, _AFTER_HEADS[low])
        elif low == "local" and k + 2 < n and doc[k + 1].lower_ == "government" and doc[k + 2].lower_ == "area":
            i = _name_to(doc, k - 1)
            if i <= k - 1:
                span = (i, k, "admin_area")
        elif low in _LOCATIVE and k + 1 < n:
            j = _name_from(doc, k + 1)
            if j > k + 1:
                anchor = _offset_anchor(doc, j, units, directions)
                if anchor < 0:
                    anchor = _container(doc, j)
                ent = doc[k + 1].ent_type_
                framed = anchor >= 0 or (ent in ("GPE", "LOC") and doc[j - 1].ent_iob_ != "B"
                                         and (j >= n or doc[j].ent_iob_ != "I"))
                if framed and not never(doc[k + 1 : j].text, anchor < 0):
                    out.append(Frame(k + 1, j, "populated_place", anchor, False))
            continue
        if span is None:
            continue
        i, j, kind = span
        # The tagger's PERSON or date on a district name is often wrong ("Guma"), a NORP one rarely ("the Shia
        # Hazara district" names people, not the district's name).
        # After a town's possessive ("Aleppo's Sheikh Maqsoud area") the name is that town's quarter
        # whatever the tagger says.
        owned = urban and i >= 1 and doc[i - 1].lower_ in ("'s", "’s")
        bad = {"NORP"} if kind == "admin_area" or owned else _NOT_NAME_ENTS
        if doc[i].ent_type_ in bad or never(doc[i:j].text, False):
            continue
        # The anchor or container follows the frame's last word: "X village, in Y", "the town of X, 20 km from Y".
        after = span[1] + 1 if span[1] == k else span[1]
        anchor = _offset_anchor(doc, after, units, directions)
        # An unknown district is written with its head word ("Darnytskyi district"): the mention keeps it.
        tail = k + 1 if urban and span[1] == k else j
        out.append(Frame(i, j, kind, anchor if anchor >= 0 else _container(doc, after), urban, tail))
    return out


def _precision(place: Place) -> str:
    if place.kind == "country":
        return "country"
    if place.precision in ("admin1", "region"):
        return "admin1"
    return "admin2"


def frame_places(doc: Doc, text: str, places: list[Place], frames: list[Frame]) -> list[Place]:
    """Name-only places for the frame names no gazetteer place covers, placed in their anchor,
    the nearest resolved place of their sentence, or the article's main country. Every other
    whole-word occurrence of such a name in the text is one more mention of it."""
    by_offset: list[tuple[int, int, Place]] = [(m.start, m.end, p) for p in places for m in p.mentions]
    countries = Counter(p.country for p in places for _ in p.mentions if p.country)
    main = countries.most_common(1)[0][0] if countries else None
    country_place = next((p for p in places if p.kind == "country" and p.country == main), None)
    towns = [p for p in places if p.kind == "populated_place" and p.country == main]
    main_town = max(towns, key=lambda p: len(p.mentions)) if towns else None
    sizes = sorted((len(p.mentions) for p in places if p.kind == "populated_place"), reverse=True)
    dominant = main_town if main_town and sizes and (len(sizes) == 1 or sizes[0] >= 2 * sizes[1]) else None
    out: dict[str, Place] = {}
    for i, j, kind, anchor, urban, tail, bare in frames:
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        last = bare or max(tail, j)
        tail_end = doc[last - 1].idx + len(doc[last - 1].text)
        name = text[start:end]
        # A campus named after its town ("Garissa University") lies in that town, which keeps its own
        # mention; a street is not ("Oxford Road" runs through other towns), and any other place
        # overlapping the name has already claimed it.
        campus = kind == "site" and urban and doc[j - 1].lower_ in _AFFILIATION
        town = next((p for s, e, p in by_offset if s == start and e < end), None) if campus else None
        if name in out or (town is None and any(s < end and start < e for s, e, _p in by_offset)):
            continue
        where: Place | None = town
        if kind == "site" and urban:
            # A street or campus lies in a town the text ties it to, or in the article's dominant town;
            # the nearest town of its sentence is too often another one ("Cornell University" beside Beijing).
            where = where or _site_town(doc, i, j, by_offset) or _only_town(doc[i].sent, by_offset) or dominant
            if where is None:
                continue
        if anchor >= 0 and where is None:
            a = doc[anchor].idx
            where = next((p for s, e, p in by_offset if s <= a < e), None)
        if where is None:
            sent: Span = doc[i].sent
            near = [(abs(s - start), p) for s, e, p in by_offset
                    if sent.start_char <= s < sent.end_char and p.kind != "country"]
            if not near:  # a country of the same sentence: "a village in Chad"
                near = [(abs(s - start), p) for s, e, p in by_offset if sent.start_char <= s < sent.end_char]
            if near:
                where = min(near, key=lambda t: t[0])[1]
        if where is None and urban:
            where = main_town
        if where is None:
            where = country_place
        if where is None or where.lat is None or where.lon is None:
            continue
        mentions = tuple(Mention(text=text[m.start() : tail_end if m.start() == start else m.end()],
                                 start=m.start(), end=tail_end if m.start() == start else m.end(), relative=None)
                         for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
                         if not any(s < m.end() and m.start() < e and not (s == m.start() and e < m.end())
                                    for s, e, _p in by_offset))
        out[name] = Place(name=name, lat=where.lat, lon=where.lon, geonameid=None, country=where.country,
                          admin1=where.admin1, kind=kind, precision=_precision(where),  # type: ignore[arg-type]
                          mentions=mentions)
    return list(out.values())
