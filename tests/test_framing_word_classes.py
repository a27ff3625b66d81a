"""Loaded-language word classes: mockery adjectives, violent-motion verbs whose
subject is an army, intensified superlatives of shame, 'X machine', 'raged' with a person as
subject, shame nouns in capital headlines, and neutral readings (a word inside a proper name, an
adjective used as a finite verb, a literal subject of 'swamped'). Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extractors.framing import extract_framing
from tests.context_helpers import make_context


def outlet(body: str, title: str | None = None) -> list[str]:
    _text, ctx = make_context(body, title)
    framing = extract_framing(ctx, quotes=(), actors=())
    return [s.text for s in framing.loaded if not s.speaker_framing]


def _has(spans: list[str], word: str) -> bool:
    return any(word in s for s in spans)


@pytest.mark.parametrize(("body", "word"), [
    ("The bungling commanders lost another town on Friday.", "bungling"),
    ("Ministers were left red-faced after the convoy vanished.", "red-faced"),
    ("The regime's creaking army could not hold the pass.", "creaking"),
    ("Armoured columns smashed through the border villages at dawn.", "smashed"),
    ("Rebel fighters tore into the city from three sides.", "tore"),
    ("Government troops ploughed deeper into the valley overnight.", "ploughed"),
    ("It was the most humiliating retreat the navy has suffered in decades.", "most humiliating"),
    ("Critics called it the most shameful episode of the campaign.", "most shameful"),
    ("The army suffered its most embarrassing defeat of the war.", "most embarrassing"),
    ("The junta's propaganda machine denied the losses.", "propaganda machine"),
    ("The militia became a killing machine in the border towns.", "killing machine"),
    ("Officials said the spin machine was working overtime.", "spin machine"),
    ("Commentators on state television raged at the attack.", "raged"),
    ("The loss of the airbase was a staggering blow to the generals.", "staggering blow"),
    ("The deafening silence of the great powers continues.", "deafening silence"),
])
def test_loaded_word_classes(body: str, word: str) -> None:
    assert _has(outlet(body), word)


@pytest.mark.parametrize(("title", "word"), [
    ("THE GENERAL'S HUMILIATION", "HUMILIATION"),
    ("BORDER FIASCO AS TROOPS RETREAT", "FIASCO"),
    ("DEBACLE AT THE DAM", "DEBACLE"),
])
def test_shame_nouns_in_capital_headlines(title: str, word: str) -> None:
    assert _has(outlet("Troops withdrew on Monday.", title), word)


@pytest.mark.parametrize("body", [
    "Debris from an intercepted missile smashed into a block of flats, officials said.",
    "An explosion tore through the market on Tuesday, police said.",
    "A lorry crashed into a checkpoint near the bridge.",
    "Fighting raged in the northern districts overnight.",
    "Fires raged for two days after the strike on the depot.",
    "Floodwater swamped low-lying villages after the dam burst.",
    "Heavy rain swamped the camp, aid workers said.",
    "The party's rift has hardened since the congress in March.",
    "Positions on both sides have hardened, diplomats said.",
    "Rebels led by Hayat Tahrir al-Sham entered the city on Friday.",
    "The old wooden door was creaking in the wind.",
    "He said the detainees felt humiliated by the searches.",
])
def test_neutral_readings(body: str) -> None:
    assert outlet(body) == []
