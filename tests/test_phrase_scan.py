"""PhraseScanner must give exactly the matches of the single alternation regex it replaces."""

from __future__ import annotations

import re

import pytest

from eventwire.extractors.phrase_scan import PhraseScanner

PHRASES = ["Red Cross", "Red Crescent", "red", "UN", "UN Security Council", "Army", "army chief", "4th Brigade"]


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "The Red  Cross and the UN Security Council met the army chief of the 4th Brigade.",
    "UNICEF, not the UN, said the pre-Army units and Red-Cross teams left; red flags flew.",
    "THE RED CRESCENT AND THE ARMY CHIEF ARRIVED, the UN said",
])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_same_matches_as_the_alternation(text: str, flags: int) -> None:
    single = re.compile(r"(?<![\w-])(?:" + _alternation(PHRASES) + r")(?![\w-])", flags)
    scanner = PhraseScanner(PHRASES, lambda alt: r"(?:" + alt + r")(?![\w-])", flags)
    assert _spans(scanner.finditer(text)) == _spans(single.finditer(text))


def test_optional_leading_the_with_groups() -> None:
    text = "the Red Cross told The UN and then Red Crescent staff; theUN is not a match."
    single = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?(" + _alternation(PHRASES) + r")(?![\w-])")
    scanner = PhraseScanner(PHRASES, lambda alt: r"(?:[Tt]he\s+)?(" + alt + r")(?![\w-])", all_phrases_at="Tt")
    found = _spans(scanner.finditer(text))
    assert found == _spans(single.finditer(text))
    assert [g for _, (g,) in found] == ["Red Cross", "UN", "Red Crescent"]
