"""Round 7 event rules: (text, expected) cases written for eventwire.

Each rule is tried on at least three differently worded sentences. Upstream
records are left empty (or built by hand) so that only the event rules run.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.context import Context, compose
from eventwire.extractors.events import extract_events
from eventwire.nlp import parse
from eventwire.schema import Event

pytestmark = pytest.mark.slow  # loads the spaCy model

LEAD = "Soldiers and rebels fought near the border on Monday, the army said."
# a lead with no violent happening, so a violent sentence is not merged into it
CALM = "Aid agencies visited the region on Monday, the army said."


def events_of(body: str, title: str = "Report from the north") -> tuple[str, list[Event]]:
    text, start = compose(title, body)
    ctx = Context(doc=parse(text), body_start=start, published=date(2025, 3, 12))
    return text, extract_events(ctx, actors=[], places=[], times=[], counts=[], quotes=[])


def kinds_in(body: str, needle: str) -> list[tuple[str, str | None, str]]:
    """(type, subtype, modality) of the events told in the sentence holding ``needle``."""
    text, events = events_of(body)
    return [(e.type, e.subtype, e.modality) for e in events
            if needle in text[e.sentence.start : e.sentence.end]]


# --- press-release boilerplate and organisation descriptions -------------------------


@pytest.mark.parametrize("block", [
    "About Harbour Relief\nFounded in 2001, Harbour Relief is a charity that helps families displaced by war.",
    "Notes to editors\n- Harbour Relief has delivered food aid to refugees fleeing conflict since 2005.",
    "About us\nHarbour Relief works in nine countries, evacuating civilians from shelling and running clinics.",
])
def test_boilerplate_block_reports_nothing(block: str) -> None:
    body = f"{LEAD}\n\nENDS\n\n{block}"
    assert kinds_in(body, "Harbour Relief") == []


@pytest.mark.parametrize("sentence", [
    "Founded in 1994, Meadow Aid is a non-profit relief agency active in 11 countries, helping communities hit by war.",
    "Northstar is an independent humanitarian organisation that shelters refugees fleeing conflict.",
    "The Riverside Trust is a medical charity treating people wounded in the fighting.",
])
def test_copular_organisation_description_is_not_an_event(sentence: str) -> None:
    assert kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20]) == []


# --- a list of demands -------------------------------------------------------------------


@pytest.mark.parametrize("items", [
    ["guarantee safe passage for civilians fleeing the fighting;", "allow aid convoys through;"],
    ["stop the shelling of residential areas;", "release all detained aid workers."],
    ["lift the siege of the town;", "let families who fled return home safely."],
])
def test_demands_listed_after_a_colon_are_one_appeal(items: list[str]) -> None:
    bullets = "\n".join(f"- {i}" for i in items)
    body = f"{LEAD}\n\nThe agency calls on the army and the rebels to:\n{bullets}"
    text, events = events_of(body)
    listed = [e for e in events if any(i[:15] in text[e.sentence.start : e.sentence.end] for i in items)]
    assert listed == []
    assert ("statement", "appeal") in {(e.type, e.subtype) for e in events}


# --- captures: what is taken, denied captures ---------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Officers took a motorcycle and several phones from the suspects' homes.",
    "Troops seized two rifles from a house in the village.",
    "Police took cash and documents from the militants' hideout.",
])
def test_things_taken_from_a_place_are_no_capture(sentence: str) -> None:
    assert ("battle", "territory_taken", "asserted") not in kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert ("battle", "territory_regained", "asserted") not in kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])


@pytest.mark.parametrize("sentence", [
    "The governor denied that the base had fallen.",
    "Police denied reports that the insurgents had occupied the town on Sunday.",
    "Posts claiming the fighters had seized the garrison were false, the army said.",
])
def test_denied_capture_is_a_negated_battle(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert any(t == "battle" and s in ("territory_taken", "territory_regained") and m == "negated"
               for t, s, m in found), found


# --- negated mentions, time frames ---------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The bombing in the market was not addressed.",
    "The massacre was never mentioned by the minister.",
    "The ambush was not discussed at the meeting.",
])
def test_a_told_happening_not_talked_about_is_not_an_event(sentence: str) -> None:
    assert kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20]) == []


@pytest.mark.parametrize("sentence", [
    "The group boasted that its men had killed 40 soldiers during the siege.",
    "Two doctors were injured during the blockade, the army said.",
    "Many residents stayed indoors throughout the siege, the army said.",
])
def test_a_definite_happening_as_time_frame_is_not_a_new_one(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert all(t != "humanitarian_access" for t, _s, _m in found), found


@pytest.mark.parametrize("sentence", [
    "Rebels have waged an insurgency in the province for two decades, targeting troops and workers.",
    "Gunmen have killed more than 1,000 villagers in the past two years, officials say.",
    "The militia has shelled the valley for several months, the army said.",
])
def test_acts_over_months_or_years_are_a_campaign(sentence: str) -> None:
    found = kinds_in(f"{CALM}\n\n{sentence}", sentence[:20])
    assert all(t not in ("remote_violence", "battle", "violence_against_civilians") for t, _s, _m in found), found


# --- people hit who are armed; releases -------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Security sources said 97 hostages had been freed and that all 11 attackers had been gunned down.",
    "All six gunmen were gunned down by commandos, the army said.",
    "Police shot dead three militants at the checkpoint.",
])
def test_armed_people_gunned_down_is_a_battle(sentence: str) -> None:
    found = kinds_in(f"{CALM}\n\n{sentence}", sentence[:20])
    assert ("battle", "armed_clash", "asserted") in found, found
    assert all(t != "violence_against_civilians" for t, _s, _m in found)


@pytest.mark.parametrize("sentence", [
    "Security sources said 97 hostages had been freed.",
    "Twelve hostages were freed on Tuesday, the army said.",
    "The rebels freed 30 hostages late on Friday.",
])
def test_freed_hostages_are_a_release(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert any(t == "release" for t, _s, _m in found), found


# --- new triggers ---------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The army said they had repelled a rebel attack on the edge of the city early on Monday.",
    "Government troops repulsed an assault on their positions overnight.",
    "Soldiers beat back the militants at the checkpoint on Sunday.",
])
def test_repelling_an_attack_is_a_battle(sentence: str) -> None:
    found = kinds_in(f"{CALM}\n\n{sentence}", sentence[:20])
    assert any(t == "battle" for t, _s, _m in found), found


@pytest.mark.parametrize("sentence", [
    "On Thursday, a convoy of 14 trucks carrying food was turned back at a military checkpoint.",
    "An aid convoy with medical supplies was sent back by soldiers at the bridge.",
    "Militiamen turned back a UN convoy carrying food aid near the camp.",
])
def test_convoy_turned_back_is_obstruction(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert ("humanitarian_access", "obstruction", "asserted") in found, found


@pytest.mark.parametrize("sentence", [
    "More than 600 families have made it to the camp since Friday, fleeing the fighting.",
    "About 300 people made it to the border town on foot after the attack.",
    "Hundreds of families have made it to the capital since the clashes began.",
])
def test_making_it_to_a_place_is_an_arrival(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert any(t == "displacement" for t, _s, _m in found), found


@pytest.mark.parametrize("sentence", [
    "The army said its units had never shelled the camp.",
    "A spokesman for the rebels insisted its men had not attacked civilians.",
    "The military said its drones had not struck the market.",
])
def test_speaker_saying_its_forces_never_did_it_is_a_denial(sentence: str) -> None:
    found = kinds_in(f"{CALM}\n\n{sentence}", sentence[:20])
    assert ("statement", "deny", "asserted") in found, found
    assert all(t not in ("remote_violence", "battle", "violence_against_civilians") for t, _s, _m in found)


@pytest.mark.parametrize("sentence", [
    "The army and the rebels each accuse the other of the killings.",
    "The two militias accuse each other of starting the clashes.",
    "The army and the rebels blamed one another for the massacre.",
])
def test_mutual_blame_is_no_single_statement(sentence: str) -> None:
    found = kinds_in(f"{LEAD}\n\n{sentence}", sentence[:20])
    assert all(t != "statement" for t, _s, _m in found), found


# --- live-blog entry headlines ------------------------------------------------------------------


@pytest.mark.parametrize("head,body", [
    ("Shells hit camp", "Shells landed in the camp on Monday morning, killing four people, the army said."),
    ("Doctor describes drone strike on hospital", "A drone struck the hospital shortly after midday, a doctor said."),
    ("Army says attack repelled", "The army said it had repelled a rebel attack on the city early on Monday."),
])
def test_entry_headline_is_merged_with_its_entry(head: str, body: str) -> None:
    text, events = events_of(f"{CALM}\n\n14:20\n{head}\n{body}\nShare")
    assert not [e for e in events if text[e.sentence.start : e.sentence.end].startswith(head)]
    assert [e for e in events if body[:20] in text[e.sentence.start : e.sentence.end]]
