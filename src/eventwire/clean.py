"""Cleaning: scraping debris out, the words of the body untouched.

A body is a list of paragraphs (blocks separated by blank lines). Cleaning only
ever drops whole paragraphs or whole lines, and normalises the white space
*between* paragraphs to one blank line; it never edits the characters inside a
kept line. Everything dropped is listed, with a reason, so an analyst can audit it.

What goes:
- lines that are scraper boilerplate (patterns in ``data/boilerplate.json``:
  "Source: Read Full Article", "Read more", share and subscribe prompts...);
- a paragraph that repeats an earlier one (``duplicate_paragraph``);
- a paragraph that is a truncated prefix of an earlier one, as syndication
  feeds leave at the end of a copy (``truncated_duplicate``);
- a block of links to other stories: a paragraph opening with a teaser heading
  ("MOST READ IN NEWS", "More on this story", ``teaser_headings`` in the same
  data file) and the headline-like lines right after it (``related_links``);
- runs of blank lines beyond one separator (``blank_lines``).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from eventwire.schema import Removed

# A truncated copy shorter than this is more likely a short line that happens
# to open a longer one ("Update:", "Why?") than syndication debris.
_MIN_TRUNCATED_CHARS = 40

_BLANK_RUN = re.compile(r"\n[ \t\u00a0\r\f\v]*(?:\n[ \t\u00a0\r\f\v]*)+")


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removed, ...]


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = resources.files("eventwire.data").joinpath("boilerplate.json").read_text("utf-8")
    data = json.loads(raw)
    return tuple(
        (re.compile(rf"(?:{p['pattern']})", re.IGNORECASE), str(p["reason"])) for p in data["patterns"]
    )


@functools.lru_cache(maxsize=1)
def _teaser_headings() -> re.Pattern[str]:
    raw = resources.files("eventwire.data").joinpath("boilerplate.json").read_text("utf-8")
    headings = json.loads(raw).get("teaser_headings", [])
    return re.compile("|".join(f"(?:{h})" for h in headings) or r"(?!)", re.IGNORECASE)


# A teaser is a linked headline: short, and without the closing punctuation of a
# sentence. Anything longer or punctuated is prose again, and the block ends there.
_MAX_TEASER_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")


def _is_teaser_heading(line: str) -> bool:
    return bool(_teaser_headings().fullmatch(line.strip()))


def _is_teaser_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_TEASER_CHARS and not _SENTENCE_END.search(stripped)


def boilerplate_reason(line: str) -> str | None:
    """The reason a whole line is debris, or None when it is article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 240:
        return None
    for pattern, reason in _patterns():
        if pattern.fullmatch(stripped):
            return reason
    return None


def _norm(text: str) -> str:
    """Comparison key for repeats: case, accents' encoding and spacing folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def split_title(text: str) -> tuple[str | None, str]:
    """The .txt convention: the first line is the title when a blank line follows it."""
    text = normalise_newlines(text).lstrip("\ufeff")
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and first.strip() and rest.split("\n", 1)[0].strip() == "":
        return first.strip(), rest
    return None, text


def clean_text(text: str) -> Cleaned:
    """Drop debris paragraphs and lines; keep every other character as it was."""
    text = normalise_newlines(text)
    removed: list[Removed] = []
    # Listed after the content removals: white space is the least interesting debris.
    blank = [Removed(text=m.group(), reason="blank_lines")
             for m in _BLANK_RUN.finditer(text.strip()) if m.group().count("\n") > 2]
    kept: list[str] = []
    seen: list[str] = []
    in_teasers = False
    for block in re.split(r"\n[ \t\u00a0\r\f\v]*\n", text):
        lines = block.split("\n")
        first = next((ln for ln in lines if ln.strip()), "")
        if _is_teaser_heading(first) or (in_teasers and all(_is_teaser_line(ln) for ln in lines if ln.strip())):
            # Drop the heading's paragraph only when its other lines are teasers too:
            # a heading glued to prose by a missing blank line must not take the prose.
            rest = [ln for ln in lines if ln.strip()][1:] if _is_teaser_heading(first) else []
            if all(_is_teaser_line(ln) for ln in rest) and block.strip():
                removed.append(Removed(text=block.strip(), reason="related_links"))
                in_teasers = True
                continue
        in_teasers = False
        keep_lines: list[str] = []
        for line in lines:
            reason = boilerplate_reason(line)
            if reason is not None:
                removed.append(Removed(text=line.strip(), reason=reason))
            else:
                keep_lines.append(line)
        paragraph = "\n".join(keep_lines).strip()
        if not paragraph:
            continue
        key = _norm(paragraph)
        if key in seen:
            removed.append(Removed(text=paragraph, reason="duplicate_paragraph"))
            continue
        if len(key) >= _MIN_TRUNCATED_CHARS and any(s.startswith(key) for s in seen):
            removed.append(Removed(text=paragraph, reason="truncated_duplicate"))
            continue
        seen.append(key)
        kept.append(paragraph)
    return Cleaned(text="\n\n".join(kept), removed=tuple(removed + blank))
