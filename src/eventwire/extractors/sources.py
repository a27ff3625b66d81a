"""Sources cited: the outlets and agencies an article leans on.

"pictures from Sky News", "reports The Independent", "told The Times on
Saturday", "according to Reuters", "AFP reported", "state media SANA said".

Outlets come from ``data/outlets.json`` (canonical name plus the forms found in
text); an outlet mention is a citation when a citing phrase of that file stands
right before it ("according to", "told", "pictures from") or right after it
("reported", "said", "'s correspondent"), or when it is an agency credit in
brackets ("(Reuters)"). An outlet the file does not know is still caught when a
media noun introduces it: "state news agency Petra reported". The article's
own outlet (``ctx.source``) is not a source it cites.
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
from eventwire.schema import SourceCited

# Words allowed between a citing verb and the outlet, or the outlet and a verb
# after it: "told The Times on Saturday" needs none, "AFP later reported" one.
_GAP = (r"(?:\s+(?:later|also|first|earlier|previously|exclusively|on\s+\w+day|last\s+\w+"
        r"|in\s+an?\s+\w+|has|have|had|was|were|is))*")
_MEDIA_TAIL = re.compile(r"\s(?:news\s+agency|TV|newspaper)$", re.IGNORECASE)
_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|az|as|ash|ad|an|ar|at|el)-[A-Z][\w'’-]*)"
_NAME = _WORD + r"(?:\s+" + _WORD + r"){0,3}"


@dataclass(frozen=True)
class Outlets:
    names: dict[str, str]  # alias (without a leading "The") -> canonical name
    pattern: re.Pattern[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    media_intro: re.Pattern[str]
    media_after: re.Pattern[str]  # a media noun right after a name: "... news agency"
    owned_media: re.Pattern[str]  # "its Radio Andalus station": a group's own outlet


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
        pattern = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?(" + _alt(list(names)) + r")(?![\w-])")
        before = re.compile(r"(?i:\b(?:" + _alt(data["citing_before"]) + r"))" + _GAP + r"\s*$")
        after = re.compile(r"^(?:'s|’s)?" + _GAP + r"\s+(?i:(?:" + _alt(data["citing_after"]) + r"))\b")
        media_intro = re.compile(
            r"(?i:\b(?:" + _alt(data["media_nouns"]) + r"))\s+(" + _NAME + r")(?=[\s,.])"
        )
        after_nouns = r"(?i:(?:" + _alt(data["media_after"]) + r"))"
        media_after = re.compile(r"^\s+" + after_nouns + r"(?![\w-])")
        # an outlet the file does not know, owned by the actor before it ("on its
        # az-Zallaqa media channel", "the group's al-Naba newspaper")
        owned_media = re.compile(r"(?:\b(?:its|their)|['’]s)\s+(" + _NAME + r")\s+" + after_nouns + r"(?![\w-])")
    except (KeyError, TypeError) as err:
        raise DataFileError(path="eventwire/data/outlets.json", detail=f"bad or missing key {err}") from err
    return Outlets(names, pattern, before, after, media_intro, media_after, owned_media)


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
    # "(Reuters)", "(AFP) -": an agency credit; "a Reuters reporter": a byline
    if left.endswith("(") and right.startswith(")"):
        return True
    return bool(re.match(r"\s+(?:reporter|correspondent|journalist|investigation|analysis|footage|report)s?\b",
                         right))


def extract_sources_cited(ctx: Context) -> list[SourceCited]:
    """Outlets and agencies the article cites, one entry per citing mention."""
    o = outlets()
    text = ctx.text
    own = (ctx.source or "").strip().lower()
    found: list[SourceCited] = []
    for m in o.pattern.finditer(text):
        name = o.names.get(" ".join(m.group(1).split()))
        if name is None or name.lower() == own:
            continue
        # "the Saba news agency": an alias holding its media noun names an outlet at work
        if _cited(text, m.start(), m.end(), o) or _MEDIA_TAIL.search(m.group(0)):
            found.append(SourceCited(name=name, text=m.group(0), start=m.start(), end=m.end()))
    taken = [(s.start, s.end) for s in found]
    for m in o.media_intro.finditer(text):
        start, end = m.start(1), m.end(1)
        if any(a < end and start < b for a, b in taken) or any(
            a < end and start < b for a, b in outlet_spans(ctx)
        ):
            continue
        s0, s1 = _sentence_bounds(text, start, end)
        if not (o.after.match(text[end:s1]) or o.before.search(text[s0 : m.start()])):
            continue
        found.append(SourceCited(name=" ".join(m.group(1).split()), text=m.group(1), start=start, end=end))
        taken.append((start, end))
    for m in o.owned_media.finditer(text):
        start, end = m.start(1), m.end(1)
        if any(a < end and start < b for a, b in taken):
            continue
        found.append(SourceCited(name=" ".join(m.group(1).split()), text=m.group(1), start=start, end=end))
        taken.append((start, end))
    # media nouns introducing a known outlet ("state media SANA said") were caught above
    return sorted(found, key=lambda s: s.start)
