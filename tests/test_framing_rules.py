"""Framing word-class rules (framing_rules) and the lexicon entries added with them.

Every text here is written for these tests (none comes from a real article); each rule
is checked on at least three differently worded sentences, and on neutral ones."""

from __future__ import annotations

import pytest

from eventwire.extractors.framing import extract_framing
from eventwire.schema import Framing
from tests.context_helpers import make_context


def frame(title: str | None, body: str) -> tuple[str, Framing]:

    text, ctx = make_context(body, title)
    framing = extract_framing(ctx, quotes=(), actors=())
    for span in framing.loaded:
        assert text[span.start:span.end] == span.text
    return text, framing


def outlet(title: str | None, body: str) -> list[str]:
    return [s.text for s in frame(title, body)[1].loaded if not s.speaker_framing]


def flagged(words: str, spans: list[str]) -> bool:
    """Some outlet span overlaps ``words`` (as the scorer matches)."""
    return any(words in s or s in words for s in spans)


# ------------------------------------------------------------ capital headlines --------

@pytest.mark.parametrize(("title", "expected"), [
    ("NIGHTMARE IN THE VALLEY: gunmen raid a village", "NIGHTMARE IN THE VALLEY"),
    ("DESERT CARNAGE: convoy hit near the border", "DESERT CARNAGE"),
    ("HORROR AT DAWN as raiders torch homes", "HORROR AT DAWN"),
    ("MAYHEM ON THE BRIDGE: police fire tear gas", "MAYHEM ON THE BRIDGE"),
])
def test_capital_headline_with_an_emotive_noun_is_one_span(title: str, expected: str) -> None:
    spans = outlet(title, "Officials gave no figures on Monday.")
    assert expected in spans


@pytest.mark.parametrize("title", [
    "UN SECURITY COUNCIL meets on the ceasefire",
    "Terror suspects appear in court in the capital",   # sentence case: no capital run
    "WFP RESUMES FOOD DELIVERIES TO THE NORTH",
])
def test_capital_headline_without_an_emotive_noun_is_neutral(title: str) -> None:
    assert outlet(title, "Officials gave no figures on Monday.") == []


# ------------------------------------------------------------ dehumanising nouns -------

@pytest.mark.parametrize(("body", "words"), [
    ("Knife fiends stormed the market and stabbed two traders.", "fiends"),
    ("The vermin torched the clinic before dawn.", "vermin"),
    ("Witnesses said the ghouls filmed the bodies on their phones.", "ghouls"),
    ("Police said the brutes had beaten the guards with iron bars.", "brutes"),
])
def test_fiend_nouns_for_people_are_name_calling(body: str, words: str) -> None:
    _, framing = frame(None, body)
    hit = [s for s in framing.loaded if words in s.text]
    assert hit and hit[0].category == "name_calling"


@pytest.mark.parametrize(("body", "words"), [
    ("The hyenas moved from house to house, dragging men into the street.", "hyenas"),
    ("The jackals opened fire on the queue outside the bakery.", "jackals"),
    ("Residents said these animals had burned the school.", "animals"),
])
def test_animal_nouns_acting_as_people_are_name_calling(body: str, words: str) -> None:
    assert flagged(words, outlet(None, body))


@pytest.mark.parametrize("body", [
    "The strike killed four people and dozens of animals on the farm.",
    "Rangers said the hyenas had been seen near the park fence at night.",
    "Stray dogs roamed the empty streets of the abandoned town.",
    "A monster truck show was cancelled because of the curfew.",
])
def test_real_animals_and_modifiers_stay_neutral(body: str) -> None:
    assert outlet(None, body) == []


# ------------------------------------------------------------ person objects -------------

@pytest.mark.parametrize(("body", "words"), [
    ("Gunmen herding the passengers towards the river shouted orders.", "herding"),
    ("Soldiers herded dozens of detainees into a warehouse.", "herded"),
    ("The gang hacked three inmates to death in the yard.", "hacked"),
    ("Attackers hacked a farmer and his son with machetes.", "hacked"),
])
def test_verbs_acting_on_people_are_loaded(body: str, words: str) -> None:
    assert flagged(words, outlet(None, body))


@pytest.mark.parametrize("body", [
    "Boys were herding goats near the river when the shelling began.",
    "The group hacked the ministry's website on Tuesday.",
    "Rescuers dragged survivors from the rubble of the clinic.",
    "Seven farmers were hacked to death in the attack, police said.",
])
def test_verbs_acting_on_things_stay_neutral(body: str) -> None:
    assert outlet(None, body) == []


@pytest.mark.parametrize("body", [
    "The prisoners were rounded up like cattle and driven away.",
    "Families were penned in like animals behind the wire.",
    "Recruits were treated like dogs by their commanders.",
])
def test_people_likened_to_beasts_are_loaded(body: str) -> None:
    assert any(s.startswith("like ") for s in outlet(None, body))


# ------------------------------------------------------------ scene pictures ------------

@pytest.mark.parametrize(("body", "expected"), [
    ("Survivors described scenes of pure horror inside the mosque.", "scenes of pure horror"),
    ("Medics arrived to a scene of utter carnage at the bus station.", "scene of utter carnage"),
    ("Rescuers spoke of scenes of terror as the water rose.", "scenes of terror"),
])
def test_scene_pictures_are_reported_whole(body: str, expected: str) -> None:
    spans = outlet(None, body)
    assert expected in spans
    assert "horror" not in spans and "carnage" not in spans


@pytest.mark.parametrize(("body", "expected"), [
    ("The gunmen turned the valley into a killing zone for a whole night.", "killing zone"),
    ("The camp became a death zone after the wells were poisoned.", "death zone"),
    ("Snipers made the crossing a slaughter ground for anyone fleeing.", "slaughter ground"),
])
def test_slaughter_places_are_loaded(body: str, expected: str) -> None:
    assert expected in outlet(None, body)


@pytest.mark.parametrize("body", [
    "Related: Army vows revenge after the ferry horror\nMore stories",
    "Residents watched in horror as the roof collapsed.",
    "She recalled the horror of that night.",
])
def test_horror_as_a_head_noun_stays_neutral(body: str) -> None:
    assert not flagged("horror", outlet(None, body))


# ------------------------------------------------------------ intensifier adjectives ----

@pytest.mark.parametrize(("body", "words"), [
    ("This brazen obstruction of aid leaves families without food.", "brazen obstruction"),
    ("The shameless looting of the warehouse went on for days.", "shameless looting"),
    ("Callous gunmen left the wounded by the road.", "Callous"),
    ("The wanton destruction of the orchards ruined the harvest.", "wanton destruction"),
])
def test_outrage_intensifiers_are_loaded_with_their_noun(body: str, words: str) -> None:
    assert flagged(words, outlet(None, body))


# ------------------------------------------------------------ labels pinned afterwards --

@pytest.mark.parametrize("body", [
    "The killers from al-Shabaab escaped into the forest.",
    "The killers of ISIS left no survivors in the village.",
    "Marauding killers swept through the farms after dark.",
])
def test_killers_pinned_on_a_group_or_by_a_loaded_modifier(body: str) -> None:
    assert flagged("killers", outlet(None, body))


def test_killers_alone_stay_neutral() -> None:
    assert outlet(None, "Police are still looking for the killers of the shopkeeper.") == []


# ------------------------------------------------------------ military verbs ------------

@pytest.mark.parametrize("body", [
    "Rebel fighters overran his compound in 2019, analysts said.",
    "The insurgents overran two army posts near the lake.",
    "Government troops overran their positions after a week of fighting.",
])
def test_overran_in_a_military_report_is_neutral(body: str) -> None:
    assert outlet(None, body) == []


# ------------------------------------------------------------ quoted words -------------

@pytest.mark.parametrize("body", [
    'A survivor said: "These beasts laughed while they shot."',
    'The governor called them "vermin" in a speech on Friday.',
    "'The jackals came at night,' one farmer told reporters.",
])
def test_loaded_words_in_quotes_are_the_speakers(body: str) -> None:
    _, framing = frame(None, body)
    assert framing.loaded and all(s.speaker_framing for s in framing.loaded)
