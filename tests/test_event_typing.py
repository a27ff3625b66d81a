"""Event typing and structure: (text, expected) cases written for eventwire.

Whole-pipeline cases (places, actors and dates come from the real extractors)
on invented sentences; each rule is tried on three differently worded ones.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import extract
from eventwire.schema import Event

pytestmark = pytest.mark.slow  # loads the spaCy model

PUB = date(2024, 7, 20)
UNREST = "Unrest spreads as police and protesters clash"
CONFLICT = "Armed groups and the army in the north: an update"


def _events(body: str, title: str = UNREST) -> list[Event]:
    return list(extract(body, title=title, published=PUB).events)


def _body_events(body: str, title: str = UNREST) -> list[tuple[str, str | None, str]]:
    """(type, subtype, modality) of the events told in the body."""
    rec = extract(body, title=title, published=PUB)
    return [(e.type, e.subtype, e.modality) for e in rec.events if e.sentence.field != "title"]


# --- a crowd that does violence itself riots ---------------------------------------


@pytest.mark.parametrize("text", [
    "On Thursday, crowds stormed the compound of the state broadcaster in Rampura and set the main building alight.",
    "Hundreds of students stormed the ruling party office in Sylhet on Monday and torched it.",
    "The town hall in Kisumu was set on fire by protesters on Wednesday.",
])
def test_crowd_violence_is_a_riot(text: str) -> None:
    types = {t for t, _s, _m in _body_events(text)}
    assert types == {"riot"}


@pytest.mark.parametrize("text", [
    "Police fired tear gas at protesters in central Dhaka on Friday.",
    "Officers used water cannon against demonstrators outside parliament in Nairobi on Tuesday.",
    "Riot police fired rubber bullets at marchers in Maputo on Thursday.",
])
def test_police_force_against_a_crowd_is_no_riot(text: str) -> None:
    assert "riot" not in {t for t, _s, _m in _body_events(text)}


# --- what someone is charged with is no event -------------------------------------------


@pytest.mark.parametrize("text", [
    "Police said more than 200 people had been arrested in Dhaka since Thursday on charges including arson "
    "and assaulting officers.",
    "Police in Lagos detained 40 people on Monday on suspicion of looting shops.",
    "Officers arrested 52 youths in Kisumu for rioting and arson on Monday.",
])
def test_charges_are_not_events(text: str) -> None:
    assert _body_events(text) == [("strategic_development", "arrest", "asserted")]


# --- police killing at a peaceful march: a protest met with force ----------------------


@pytest.mark.parametrize("text", [
    "In Rangpur, several thousand students marched peacefully to the university, where a student was shot dead "
    "by police on Tuesday.",
    "Thousands of workers marched through Mombasa on Friday and police opened fire on them, killing two.",
    "Protesters rallied outside parliament in Nairobi on Tuesday, where soldiers shot dead three demonstrators.",
])
def test_protest_met_with_lethal_force(text: str) -> None:
    assert ("protest", "excessive_force", "asserted") in _body_events(text)
    assert "riot" not in {t for t, _s, _m in _body_events(text)}


def test_police_force_after_crowd_violence_stays_a_riot() -> None:
    text = ("Soldiers fired tear gas to disperse hundreds of protesters in Tripoli on Monday, after demonstrators "
            "set fire to tyres and tried to storm the offices of the power company.")
    assert {t for t, _s, _m in _body_events(text)} == {"riot"}


# --- a weak crowd noun doing nothing violent -----------------------------------------------


@pytest.mark.parametrize("text", [
    "He hid with his children in a water tank while the mob went from flat to flat below.",
    "Residents said the crowd moved slowly towards the square in Kano on Sunday.",
    "The mob waited outside the gates of the police station in Bunia on Monday.",
])
def test_weak_crowd_noun_without_violence(text: str) -> None:
    assert _body_events(text, title=CONFLICT) == []


# --- a claim refuted in the same sentence is negated -----------------------------------------


@pytest.mark.parametrize("text", [
    "A pro-junta account claimed on Monday that Malian forces had retaken Tinzaouaten; they have not, "
    "and the town remains under rebel control.",
    "Pro-government channels said on Sunday that rebels had seized Menaka; they have not.",
    "State television reported that troops had seized Bunagana on Friday, but they did not.",
])
def test_refuted_claim_is_negated(text: str) -> None:
    evs = [e for e in _events(text, title=CONFLICT) if e.type == "battle"]
    assert evs and all(e.modality == "negated" for e in evs)


# --- a 'when' clause on a past date is historical --------------------------------------------


@pytest.mark.parametrize("text", [
    "The village still carries the memory of May 2002, when dozens of civilians were killed by a bomb in the church.",
    "Elders recall the winter of 1998, when soldiers burned the market and shot dead 12 traders.",
    "Nobody here has forgotten March 2011, when gunmen killed 30 villagers near the river.",
])
def test_when_clause_on_a_past_year_is_historical(text: str) -> None:
    # historical, or nothing at all: never a happening of this week
    assert all(m == "historical" for _t, _s, m in _body_events(text, title=CONFLICT))


# --- background inside a relative clause about a person -------------------------------------


@pytest.mark.parametrize("text", [
    "Mondlane, who says he left the country after two of his allies were assassinated, addressed supporters "
    "on Facebook.",
    "The commander, who claims he fled after his brother was shot dead, spoke to reporters in Goma.",
    "Ahmed, who said he was detained after soldiers raided his village, now lives in a camp.",
])
def test_background_in_relative_clause(text: str) -> None:
    evs = _body_events(text, title=CONFLICT)
    assert all(t not in ("violence_against_civilians", "battle", "strategic_development") for t, _s, _m in evs)


# --- one happening told across named places and participles ------------------------------


@pytest.mark.parametrize("text", [
    "Gunmen stormed villages around Baniyas, Jableh and Latakia over the weekend, dragging men from their homes "
    "and executing them in the street, survivors said.",
    "Militiamen attacked hamlets near Djugu, Bunia and Mahagi on Sunday, dragging families out of their huts and "
    "shooting them.",
    "Fighters overran farms around Kukawa, Monguno and Marte on Friday, rounding up herders and killing them.",
])
def test_one_attack_across_places(text: str) -> None:
    evs = _body_events(text, title=CONFLICT)
    assert evs == [("violence_against_civilians", "attack", "asserted")]


# --- an armed doer and a settlement hit: violence against civilians ----------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Militiamen attacked hamlets near Djugu on Sunday.", "violence_against_civilians"),
    ("Gunmen attacked two villages in Zamfara on Friday night.", "violence_against_civilians"),
    ("Rebels attacked an army post near Beni on Monday.", "battle"),
])
def test_armed_doer_typing(text: str, expected: str) -> None:
    assert [t for t, _s, _m in _body_events(text, title=CONFLICT)] == [expected]


# --- laying a device is not its explosion ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Armed men have planted landmines on the paths near Istmina.",
    "Rebels laid a landmine on the road to Beni last week.",
    "A bomb was planted under the bridge near Kidal on Sunday.",
])
def test_emplaced_device_is_strategic(text: str) -> None:
    assert [(t, s) for t, s, _m in _body_events(text, title=CONFLICT)] == [("strategic_development", "other")]


def test_device_that_went_off_is_remote_violence() -> None:
    text = "A landmine exploded under a truck near Kidal on Monday, killing two soldiers."
    assert [t for t, _s, _m in _body_events(text, title=CONFLICT)] == ["remote_violence"]


# --- a verb coordinated with an order is told, not ordered -----------------------------------


@pytest.mark.parametrize("text", [
    "Armed men have told residents not to travel after dark and have set curfews in Istmina.",
    "The militia ordered shops to close and has imposed a curfew on Bunia.",
    "Gunmen warned farmers to stay indoors and have planted landmines near Tame.",
])
def test_coordinated_with_an_order_is_asserted(text: str) -> None:
    evs = _body_events(text, title=CONFLICT)
    assert evs and all(m == "asserted" for _t, _s, m in evs)
