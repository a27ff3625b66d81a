"""Sources cited: the outlets and agencies an article leans on.

"pictures from Sky News", "reports The Independent", "told The Times on
Saturday", "according to Reuters", "AFP reported", "state media SANA said".

Outlets come from ``data/outlets.json`` (canonical name plus the forms found in
text); an outlet mention is a citation when a citing phrase of that file stands
right before it ("according to", "told", "pictures from") or right after it
("reported", "said", "'s correspondent", also past an apposition: "X, a local
newspaper, said"), or when it is an agency credit in brackets ("(Reuters)").

Most outlets a story cites are not in any list, so an unknown name is an outlet
when its shape or its frame says so, and it is cited as above:
- its own words: a head ("Amu TV", "Geo News", "The Guardian Post", "Philippine
  News Agency") or a start ("Radio Ndeke Luka");
- a media noun before it ("the exile channel Afghanistan International") or after
  it ("told KBC radio", "on the X propaganda website");
- an apposition ("Bonferey, a private broadcaster, said");
- a masthead article after a citing verb ("told La Opinión", "told The Standard");
- a language service after a known outlet ("BBC Amharic reported").
Names holding an organisation word ("Ministry", "Police") are not outlets, and
the article's own outlet (``ctx.source``) is not a source it cites.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from eventwire.errors import DataFileError
from eventwire.extractors.context import Context
from eventwire.extractors.phrase_scan import PhraseScanner
from eventwire.gazetteer import default_gazetteer
from eventwire.schema import SourceCited

# Words allowed between a citing verb and the outlet, or the outlet and a verb
# after it: "told The Times on Saturday" needs none, "AFP later reported" one.
_GAP = (r"(?:\s+(?:later|also|first|earlier|previously|exclusively|on\s+\w+day|last\s+\w+"
        r"|in\s+an?\s+\w+|has|have|had|was|were|is))*")
# "X, a newspaper in the region, said", "X, citing police sources, reported"
_APPOSITION = r"(?:\s*,\s+(?:a|an|the|citing|quoting|which|its)\b[^,.;:\"“”()]{0,80},)?,?"
_AGENCY_AFTER = re.compile(r"\s+agency\b")
_MEDIA_TAIL = re.compile(r"\s(?:news\s+agency|TV|newspaper)$", re.IGNORECASE)
# (a word may hold dots, "U.S", but never ends on one: "Brooklyn. The Times" is two sentences)
_WORD = r"(?:[A-Z](?:[\w'’.-]*[\w'’-])?|(?:al|az|as|ash|ad|an|ar|at|el)-[A-Z][\w'’-]*)"
# lower-case words inside a name: "Carta de Moçambique", "Voice of America"
_CONNECT = r"(?:de|del|da|do|dos|das|du|des|of|di|la|le)"
_SP = r"[^\S\n]+"  # a name never runs over a line break
_NAME = _WORD + r"(?:" + _SP + r"(?:" + _CONNECT + _SP + r")?" + _WORD + r"){0,3}"
# A lone word that describes an outlet rather than names it ("Local TV reported").
_DESCRIBERS = frozenset({"local", "national", "state", "private", "independent", "public", "official",
                         "regional", "foreign", "western", "international", "opposition", "government",
                         "the", "a", "an", "its", "their", "his", "her", "our", "pro-government",
                         "community", "exile", "online", "satellite"})


# Outlet heads that any station or site may carry; the other heads are print mastheads.
_GENERIC_HEADS = frozenset({"TV", "Television", "Radio", "News", "Online", "FM", "Daily", "Insider"})


@dataclass(frozen=True)
class Outlets:
    names: dict[str, str]  # alias (without a leading "The") -> canonical name
    pattern: PhraseScanner  # every alias, with an optional leading "The"
    before: re.Pattern[str]
    after: re.Pattern[str]
    media_intro: re.Pattern[str]
    media_after: re.Pattern[str]  # a media noun right after a name: "... news agency"
    owned_media: re.Pattern[str]  # "its Radio Andalus station": a group's own outlet
    loose_before: re.Pattern[str]  # a citing phrase a few plain words back: "reports by the exile"
    shaped: re.Pattern[str]        # a name whose own words make it an outlet: "Amu TV", "Radio X"
    named_media: re.Pattern[str]   # an unknown name before a media noun: "KBC radio"
    apposed: re.Pattern[str]       # "X, a local news site"
    masthead: re.Pattern[str]      # "told La Opinión"
    service: re.Pattern[str]       # " Amharic" after "BBC"
    not_outlet: re.Pattern[str]
    described: re.Pattern[str]     # "published by the state-run X"
    platforms: frozenset[str]      # canonical names of platforms ("Telegram")
    hosting: re.Pattern[str]       # " channel" after a platform: it hosts someone else's words


def _read(name: str) -> dict[str, Any]:
    data = json.loads(resources.files("eventwire.data").joinpath(name).read_text("utf-8"))
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(path=f"eventwire/data/{name}", detail="missing 'version'")
    return data


def _alt(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=lambda s: (-len(s), s)))


@functools.lru_cache(maxsize=1)
def outlets() -> Outlets:
    """The outlet list of ``data/outlets.json``, compiled once."""
    data = _read("outlets.json")
    try:
        names: dict[str, str] = {}
        for o in data["outlets"]:
            for alias in o["aliases"]:
                names.setdefault(re.sub(r"^[Tt]he\s+", "", alias), o["name"])
        # Outlet aliases keep their capitals ("The Sun" is not "the sun"); only
        # a leading "The" may be written "the".
        pattern = PhraseScanner(names, lambda alt: r"(?:[Tt]he\s+)?(" + alt + r")(?![\w-])", all_phrases_at="Tt")
        citing = r"(?i:\b(?:" + _alt(data["citing_before"]) + r"))"
        # "according to the Ethiopian News Agency", "published by the state-run X": an article and
        # a describing word may stand between the citing phrase and the outlet.
        describers = r"(?:\s+(?:the|a|an))?(?:\s+(?i:" + _alt(data["citing_describers"]) + r"))*"
        before = re.compile(citing + _GAP + describers + r"\s*$")
        loose_before = re.compile(citing + r"(?:\s+[a-z][\w'’-]*){0,4}\s*$")
        after = re.compile(r"^(?:'s|’s)?" + _APPOSITION + _GAP + r"\s+(?i:(?:" + _alt(data["citing_after"])
                           + r"))\b")
        media_intro = re.compile(
            r"(?i:\b(?:" + _alt(data["media_nouns"]) + r"))\s+(" + _NAME + r")(?=[\s,.])"
        )
        after_nouns = r"(?i:(?:" + _alt(data["media_after"]) + r"))"
        media_after = re.compile(r"^\s+" + after_nouns + r"(?![\w-])")
        # an outlet the file does not know, owned by the actor before it ("on its
        # az-Zallaqa media channel", "the group's al-Naba newspaper")
        owned_media = re.compile(r"(?:\b(?:its|their)|['’]s)\s+(" + _NAME + r")\s+" + after_nouns + r"(?![\w-])")
        heads, starts = _alt(data["outlet_heads"]), _alt(data["outlet_starts"])
        shaped = re.compile(
            r"(?<![\w'’-])((?:The\s+)?" + _NAME + r"\s+(?:" + heads + r")|(?:" + starts + r")\s+" + _NAME
            + r")(?![\w'’-])")
        named_media = re.compile(r"(?<![\w'’-])((?:The\s+)?" + _NAME + r")\s+(?:[a-z][\w-]*\s+)?(?:"
                                 + _alt(data["media_words_after"]) + r")(?![\w-])")
        nouns = _alt([n for n in data["media_words_after"] + data["media_nouns"] if n.lower() == n])
        apposed = re.compile(r"(?<![\w'’-])((?:The\s+)?" + _NAME + r"),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:"
                             + nouns + r")\b")
        media_describers = _alt([d for d in data["citing_describers"] if "-" in d or d in ("official",)])
        # "told La Opinión"; "published by the state-run Global New Light": a media describer
        # ("state-run", "state-owned") says the unknown name after it is an outlet.
        cite_to = (r"(?i:\b(?:told|according\s+to|interview\s+with|speaking\s+to|reported\s+by|quoted\s+by|"
                   r"cited\s+by|aired\s+by|published\s+by|carried\s+by))\s+")
        masthead = re.compile(cite_to + r"((?:The|La|El|Le|Les|Die|Der|Il|O)\s+" + _NAME + r")(?![\w'’-])")
        described = re.compile(cite_to + r"(?i:the)\s+(?i:" + media_describers + r")\s+(" + _NAME
                               + r")(?![\w'’-])")
        service = re.compile(r"\s+(?:" + _alt(data["service_words"]) + r")(?![\w'’-])")
        not_outlet = re.compile(r"\b(?:" + _alt(data["not_outlet_words"]) + r")\b")
        platforms = frozenset(o["name"] for o in data["outlets"] if o.get("kind") == "platform"
                              and o["name"][:1].isupper())
        hosting = re.compile(r"\s+(?:" + _alt(data["platform_hosting"]) + r")\b")
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/outlets.json", detail=f"bad or missing key {err}") from err
    return Outlets(names, pattern, before, after, media_intro, media_after, owned_media, loose_before, shaped,
                   named_media, apposed, masthead, service, not_outlet, described, platforms, hosting)


def outlet_spans(ctx: Context) -> list[tuple[int, int]]:
    """Every outlet mention, cited or not (actors must not claim them)."""
    return [(m.start(), m.end()) for m in outlets().pattern.finditer(ctx.text)]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    nl = text.find("\n", end)
    return left, (nl if nl >= 0 else len(text))


def _cited(text: str, start: int, end: int, o: Outlets) -> bool:
    s0, s1 = _sentence_bounds(text, start, end)
    left, right = text[s0:start], text[end:s1]
    if o.before.search(left) or o.after.match(right) or o.media_after.match(right):
        return True
    if _coordinated_cite(right, o):
        return True
    # "(Reuters)", "(AFP) -": an agency credit; "a Reuters reporter": a byline
    if left.endswith("(") and right.startswith(")"):
        return True
    return bool(re.match(r"\s+(?:reporter|correspondent|journalist|investigation|analysis|footage|report)s?\b",
                         right))


# "X and the Darfur-based outlet Y also reported": the second outlet of a pair, a few words long.
_AND_NEXT = re.compile(r"^\s+and\s+((?:[^\s,.;:\"“”()]+\s+){0,5})")
# A name of letters run into a number is a masthead's shape: "Kurdistan24", "Channels7".
_DIGIT_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}[A-Za-z]*\d{1,3})(?![\w'’-])")


def _coordinated_cite(right: str, o: Outlets) -> bool:
    """The outlet is the first of two joined by "and" before a citing verb that both share."""
    m = _AND_NEXT.match(right)
    if not m:
        return False
    # the citing verb may follow any of the next few words, one of which names the other outlet
    pos = m.start(1)
    for word in m.group(1).split():
        pos = right.index(word, pos) + len(word)
        if word[:1].isupper() and o.after.match(right[pos:]):
            return True
    return False


def _adjectival(word: str) -> bool:
    """A people's or place's adjective ("Papuan", "Kenyan", "Sudanese"): it describes an outlet."""
    gaz = default_gazetteer()
    if gaz.demonym_country(word):
        return True
    for suffix in ("ian", "an", "ese", "i", "n"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(
                m.strong and m.entry.source != "geonames" for m in gaz.lookup(stem)):
            return True
    return False


def _plain_name(name: str, o: Outlets) -> bool:
    """An unknown name can be an outlet: no organisation word, and not a lone people's or
    country's name ("Kenyan radio", "Somalia TV" describe, they do not name)."""
    if o.not_outlet.search(name):
        return False
    words = name.split()
    if len(words) == 1:
        gaz = default_gazetteer()
        if _adjectival(name) or any(m.strong and m.entry.kind == "country" for m in gaz.lookup(name)):
            return False
    return True


def _shaped_ok(name: str, o: Outlets) -> bool:
    """"Amu TV" names an outlet; "Local TV" or "Kenyan TV" only describes one."""
    words = name.split()
    # A country before a print masthead's head names the paper ("Sudan Tribune", "Jordan Times");
    # before a generic head it only describes one ("Somalia TV").
    masthead = words[-1] not in _GENERIC_HEADS
    if len(words) == 2 and (words[0].lower() in _DESCRIBERS or not (masthead or _plain_name(words[0], o))):
        return False
    return not o.not_outlet.search(name)


def _platform(name: str, o: Outlets) -> bool:
    """A platform's name ("Telegram") before "channel": the host of a channel, not the source."""
    return o.names.get(re.sub(r"^[Tt]he\s+", "", " ".join(name.split()))) in o.platforms


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    name: str
    known: bool


# "the Maroua-based X", "Kigali-run Y": a modifier of where or by whom, not part of the name
_BASED = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’.-]*-(?:based|run|owned|funded|backed|aligned|affiliated)\s+(?=[A-Z])")
# a site named by its domain ("news.am", "civil.ge"): lower-case words joined by dots, no path
_DOMAIN = re.compile(r"(?<![\w@/.-])([A-Za-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6})(?![\w/@-]|\.[a-z])")


def _unknown(text: str, start: int, end: int) -> _Cand:
    """An unknown outlet's mention, without a sentence's full stop ("told La Opinión.") and
    without a '<Place>-based' modifier."""
    if text[end - 1] == "." and "." not in text[start : end - 1].split()[-1]:
        end -= 1
    based = _BASED.match(text, start, end)
    if based:
        start = based.end()
    return _Cand(start, end, " ".join(text[start:end].split()), False)


def _candidates(text: str, o: Outlets) -> list[_Cand]:
    out: list[_Cand] = []
    for m in o.pattern.finditer(text):
        name = o.names.get(" ".join(m.group(1).split()))
        if name is None:
            continue
        start, end = m.start(), m.end()
        if name in o.platforms and o.hosting.match(text, end):
            continue  # "its Telegram channel": the platform hosts the channel that speaks
        ext = o.service.match(text, end)
        if ext and _cited(text, start, ext.end(), o):  # "BBC Amharic reported"
            out.append(_Cand(start, ext.end(), f"{name} {ext.group().strip()}", False))
            continue
        # "the Saba news agency": an alias holding its media noun names an outlet at work; so does
        # a known outlet's name before "agency" ("through its Amaq agency")
        if _cited(text, start, end, o) or _MEDIA_TAIL.search(m.group(0)) or _AGENCY_AFTER.match(text, end):
            out.append(_Cand(start, end, name, True))
    for m in o.shaped.finditer(text):
        if _shaped_ok(m.group(1), o) and _cited(text, m.start(1), m.end(1), o):
            out.append(_unknown(text, m.start(1), m.end(1)))
    for m in _DIGIT_NAME.finditer(text):
        if m.group(1) not in o.names and _cited(text, m.start(1), m.end(1), o):
            out.append(_unknown(text, m.start(1), m.end(1)))
    for m in _DOMAIN.finditer(text):
        if m.group(1) not in o.names and _cited(text, m.start(1), m.end(1), o):
            out.append(_unknown(text, m.start(1), m.end(1)))
    for m in o.apposed.finditer(text):
        if _plain_name(m.group(1), o) and _cited(text, m.start(1), m.end(1), o):
            out.append(_unknown(text, m.start(1), m.end(1)))
    for m in [*o.masthead.finditer(text), *o.described.finditer(text)]:
        if _plain_name(m.group(1), o):
            out.append(_unknown(text, m.start(1), m.end(1)))
    for m in o.named_media.finditer(text):
        start, end = m.start(1), m.end(1)
        s0, s1 = _sentence_bounds(text, start, end)
        left = text[s0:start]
        if not _plain_name(m.group(1), o) or m.group(1).split()[0].lower() in _DESCRIBERS - {"the"} \
                or _platform(m.group(1), o) or re.search(r"\b(?:a|an)\s+$", left):
            continue  # "a Culiacán newspaper" describes an outlet (by its town), it does not name it
        # "told KBC radio", "on the Somali Memo propaganda website", "X television reported"
        if (o.before.search(left) or o.loose_before.search(left) or o.after.match(text[m.end():s1])
                or re.search(r"\b(?:on|in)\s+(?:the|its|their)\s+$", left)):
            if m.group(1).startswith("The "):
                start = m.start(1) + 4
            out.append(_unknown(text, start, end))
    for m in o.media_intro.finditer(text):
        start, end = m.start(1), m.end(1)
        s0, s1 = _sentence_bounds(text, start, end)
        if not _plain_name(m.group(1), o):
            continue
        left = text[s0 : m.start()]
        adj = re.search(r"([A-Z][\w'’-]+)\s+$", left)
        if adj and _adjectival(adj.group(1)):  # "told the Papuan news site Jubi"
            left = left[: adj.start()]
        if o.after.match(text[end:s1]) or o.loose_before.search(left):
            noun = text[m.start() : start].split()
            if all(w[:1].isupper() for w in noun if w.lower() != "the"):
                # "The Daily Beast", "the Daily News": the "media noun" is the name's first word
                start = m.start() + (4 if noun[0] == "the" and len(noun) > 1 else 0)
            out.append(_unknown(text, start, end))
    for m in o.owned_media.finditer(text):
        if _platform(m.group(1), o):
            continue
        out.append(_unknown(text, m.start(1), m.end(1)))
    return out


def _same(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"^the\s+", "", " ".join(s.lower().split()))
    return key(a) == key(b)


def extract_sources_cited(ctx: Context) -> list[SourceCited]:
    """Outlets and agencies the article cites, one entry per citing mention.
    Memoised on the Doc: the actor stage asks for them too (outlets are not actors)."""
    memo_key = f"eventwire_sources:{ctx.source or ''}:{ctx.body_start}"
    memo = ctx.doc.user_data.get(memo_key)
    if memo is None:
        memo = tuple(_extract_sources_cited(ctx))
        ctx.doc.user_data[memo_key] = memo
    return list(memo)


def _extract_sources_cited(ctx: Context) -> list[SourceCited]:
    o = outlets()
    text = ctx.text
    own = (ctx.source or "").strip()
    # the article's own outlet by its canonical name too: a source "AP" is "Associated Press"
    own_names = {own, o.names.get(re.sub(r"^[Tt]he\s+", "", own), own)} if own else set()
    # The longest reading of a mention wins ("The Guardian Post" over "The Guardian"); a known
    # outlet's canonical name wins a tie.
    cands = sorted(_candidates(text, o), key=lambda c: (c.start - c.end, not c.known, c.start))
    found: list[SourceCited] = []
    for c in cands:
        if any(s.start < c.end and c.start < s.end for s in found):
            continue
        if any(_same(c.name, n) for n in own_names):
            continue
        found.append(SourceCited(name=c.name, text=text[c.start : c.end], start=c.start, end=c.end))
    return sorted(found, key=lambda s: s.start)
