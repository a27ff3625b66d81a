"""Loaded-language entries: an evaluative adjective pair on an act ('a cruel and deliberate
siege'), 'unleash' an attack, 'breeding ground for' people, pictures of ruin ('a trail of
devastation'), 'iron-fist', and 'junta' after a country's possessive (wire usage). Every text is
written for these tests; each rule has three differently worded loaded cases and neutral ones."""

from __future__ import annotations

import pytest

from eventwire.extractors.framing import extract_framing
from tests.context_helpers import make_context


def outlet(body: str) -> list[str]:
    text, ctx = make_context(body)
    framing = extract_framing(ctx, quotes=(), actors=())
    for span in framing.loaded:
        assert text[span.start:span.end] == span.text
    return [s.text for s in framing.loaded if not s.speaker_framing]


def _has(spans: list[str], word: str) -> bool:
    return any(word in s for s in spans)


@pytest.mark.parametrize(("body", "word"), [
    ("This is a cruel and deliberate blockade of the town.", "cruel and deliberate blockade"),
    ("The agency called the shelling of the market a cruel act against families.", "cruel act"),
    ("Residents have endured months of cruel bombardment.", "cruel bombardment"),
    ("The army unleashed its heaviest barrage in a decade on the port.", "unleashed"),
    ("Militants unleashed a wave of attacks across the province on Sunday.", "unleashed"),
    ("The regime is unleashing fresh air raids on the rebel-held north.", "unleashing"),
    ("The slums have become a breeding ground for gunmen, officials warn.", "breeding ground"),
    ("Critics say the camps are a breeding ground for extremists.", "breeding ground"),
    ("The valley remains a breeding-ground for smugglers and armed gangs.", "breeding-ground"),
    ("The tanks left a trail of devastation through the old town.", "trail of devastation"),
    ("Floodwaters and shelling cut a path of destruction across the district.", "path of destruction"),
    ("The raid left a trail of destruction in the camp.", "trail of destruction"),
    ("Critics warn the iron-fist tactics will backfire.", "iron-fist tactics"),
    ("The governor has ruled the province with an iron fist since 2019.", "iron fist"),
    ("Rights groups condemned the iron-fisted crackdown on students.", "iron-fisted"),
])
def test_loaded(body: str, word: str) -> None:
    assert _has(outlet(body), word)


@pytest.mark.parametrize(("body", "word"), [
    # idiom and literal uses stay neutral
    ("In a cruel irony, the aid arrived a day after the ceasefire collapsed.", "cruel"),
    ("The reform aims to unleash the potential of small farmers.", "unleash"),
    ("The marsh is a breeding ground for birds and fish.", "breeding ground"),
    # a country's junta is the wire word for its military government
    ("Benin said the closure ordered by Niger's junta was hurting traders.", "junta"),
    ("Mali's junta expelled the ambassador on Tuesday.", "junta"),
    ("The ruling junta in Burkina Faso extended the transition.", "junta"),
])
def test_neutral(body: str, word: str) -> None:
    assert not _has(outlet(body), word)


def test_junta_as_a_label_is_still_loaded() -> None:
    assert _has(outlet("The Kyiv junta ordered the strikes, the broadcaster claimed."), "junta")
