"""Events: background, framing and aid-access rules, (text, expected) on invented sentences.

Each case is a short invented news text run through the whole pipeline; the
assertion names the event types the target sentence must (or must not) yield.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import extract

pytestmark = pytest.mark.slow  # loads the spaCy model

PUB = date(2025, 3, 19).isoformat()
# a first sentence that makes the article about armed conflict
LEAD = "Rebels and government troops fought near the border on Monday, officials said. "


def _types(body: str, needle: str) -> list[str]:
    """Event types whose sentence contains ``needle``."""
    record = extract(LEAD + body, title="Fighting in the north", published=PUB)
    out = []
    for e in record.events:
        text = record.article.title if e.sentence.field == "title" else record.article.text
        if text is not None and needle in text[e.sentence.start : e.sentence.end]:
            out.append(e.type)
    return out


NOT_EVENTS = [
    # a happening used as the time reference of another report
    ("About 300 households had fled to schools in Kalemie since the fighting began, a nurse said.",
     "since the fighting began", ["displacement"]),
    ("Abductions have haunted the province since gunmen seized 40 pupils from a school in 2019.",
     "Abductions have haunted", []),
    # the feared event is the reason of a flight, not a possible battle
    ("About 60 families left their homes near Pweto on Sunday, fearing clashes between the militia and the army.",
     "fearing clashes", ["displacement"]),
    # framing an event already told
    ("The bombardment comes at the start of the maize harvest in the valley.", "maize harvest", []),
    # disputing a number says nothing about what happened
    ("Local officials put the toll at 30. The governor rejected that figure.", "rejected that figure", []),
    # history: how a war began, a practice by a year, a past event named by its year
    ("The conflict began when insurgents overran a garrison town, killing 300 soldiers.",
     "The conflict began", []),
    ("A local radio station reported that the fighting began after herders accused soldiers of stealing cattle.",
     "the fighting began after", []),
    ("By 2018 the group was sending car bombs into the city.", "By 2018", []),
    ("The militia was behind the 2012 massacre at a mission school, where 60 pupils were killed.",
     "2012 massacre", []),
    # what an organisation does as a rule
    ("Founded in 2003, Hope Bridge works with volunteers in nine countries to deliver food aid.",
     "Founded in 2003", []),
    # the wounded taken for care
    ("The two wounded policemen were later taken to hospital in Kindu, he said.",
     "taken to hospital", []),
    # fighters arriving are an assault, not people fleeing
    ("Gunmen from the militia arrived in pickup trucks at the checkpoint near Nyunzu, the army said.",
     "arrived in pickup", []),
    # a claim of an attack already told is that attack
    ("Rebels raided two villages near Manono on Monday. The group claimed the raid on its radio station, "
     "saying its fighters had killed nine soldiers.", "claimed the raid", []),
    # aid verbs without aid
    ("The parliamentary vote was postponed until Friday.", "vote was postponed", []),
    ("The troops said the army convoy had reached Manono on Tuesday.", "army convoy had reached", []),
]


@pytest.mark.parametrize(("body", "needle", "expected"), NOT_EVENTS)
def test_background_and_framing_are_not_events(body: str, needle: str, expected: list[str]) -> None:
    assert sorted(_types(body, needle)) == expected


REPORTED = [
    # armed victims make a battle, whatever the tabloid verb
    ("Militants have butchered at least nine soldiers in a dawn ambush near Kalemie.", "butchered", "battle"),
    # humanitarian-update register
    ("Hostilities between the militia and government forces have intensified along frontlines "
     "in Nyunzu territory since 2 March.", "Hostilities", "battle"),
    ("Between 900 and 1,200 households have been displaced since 2 March by renewed clashes in Nyunzu territory.",
     "households have been displaced", "displacement"),
    ("Since 3 March, fighting between the militia and the army in Nyunzu territory has displaced "
     "an estimated 7,000 people.", "has displaced", "displacement"),
    ("A UN convoy of 12 trucks carrying food planned for 15 March was postponed because of the clashes.",
     "was postponed", "humanitarian_access"),
    ("A truck convoy carrying medical kits was held for two days at a checkpoint near Nyunzu.",
     "was held", "humanitarian_access"),
    ("On 16 March, aid partners distributed hot meals to 3,000 displaced people in Kalemie.",
     "distributed hot meals", "humanitarian_access"),
    ("Fewer than 40 families had gone back to Nyunzu since January, officials said.", "gone back", "return"),
    ("The UN envoy has issued a statement calling on both sides to stop the fighting around Nyunzu.",
     "issued a statement", "statement"),
]


@pytest.mark.parametrize(("body", "needle", "expected"), REPORTED)
def test_reported_happenings(body: str, needle: str, expected: str) -> None:
    assert expected in _types(body, needle)


def test_armed_victims_are_not_civilians() -> None:
    types = _types("Militants have butchered at least nine soldiers in a dawn ambush near Kalemie.", "butchered")
    assert "violence_against_civilians" not in types


def test_a_month_is_not_a_protest_march() -> None:
    record = extract("KINSHASA, March 18 (Newswire) - Militiamen attacked an army base near Kalemie on "
                     "Sunday night, leaving six soldiers dead.", title="Militia attack", published=PUB)
    types = {e.type for e in record.events}
    assert "battle" in types
    assert not types & {"protest", "riot"}


# round 10: standing situations, support, documents and re-tellings are not new happenings
STANDING = [
    # where people are now, without a figure: a condition, not a new flight
    ("Many are sleeping in schools and churches in Kalemie, a nurse said.", "sleeping", []),
    ("Most are sleeping in the open near the market in Nyunzu.", "sleeping", []),
    ("Hundreds are huddling in a church compound near Nyunzu.", "huddling", []),
    # a tally up to an earlier year
    ("Nationwide, nearly a million people had been displaced by June 2022, according to the last census.",
     "had been displaced", []),
    ("By the end of 2021 about 400,000 people had fled the province.", "had fled", []),
    ("Some 50,000 residents had been uprooted by 2019, officials said.", "uprooted", []),
    # a past span ending in a named year
    ("The town was besieged by the militia for two years until 2017.", "besieged", []),
    ("The valley was shelled by government troops almost every week until 2015.", "shelled", []),
    ("The road was blockaded by the rebels until 2019.", "blockaded", []),
    # help to a side is not a battle told
    ("The government says its drones are helping the army repel the rebel offensive.", "repel", []),
    ("Mercenaries are helping government forces fight the rebels around the capital.", "fight the rebels", []),
    ("Drones supplied by its ally have helped the army repel the offensive.", "repel", []),
    # the document itself, not people released
    ("Names in this release have been changed to protect the witnesses.", "this release", []),
    ("The data in this release were gathered by our field teams in Kalemie.", "this release", []),
    ("Photos accompanying this release were taken by staff in Nyunzu.", "this release", []),
    # a state word, not a capture
    ("The town fell quiet on Tuesday after three days of shooting.", "fell quiet", []),
    ("The frontline fell calm overnight, residents said.", "fell calm", []),
    ("When the guns fell silent in Tanganyika in 2019, the valley lay in ruins.", "fell silent", []),
]


@pytest.mark.parametrize(("body", "needle", "expected"), STANDING)
def test_standing_situations_are_not_events(body: str, needle: str, expected: list[str]) -> None:
    assert sorted(_types(body, needle)) == expected


RETOLD = [
    ("An air strike hit the road near the Kalemie crossing on Sunday, leaving a deep crater. Traffic stopped "
     "for hours. Aid trucks waited at the border. Rwanda's army stated that the route had been struck because "
     "the militia was using it to move weapons into Congo.", "had been struck"),
    ("Rebels stormed the town of Nyunzu on Tuesday. The army later acknowledged that the rebels had entered "
     "the town.", "later acknowledged"),
    ("An air strike hit a bridge near Kalemie on Sunday. The army stated that the bridge had been struck "
     "because fighters used it.", "had been struck"),
    ("Militiamen attacked a camp for displaced people near Manono on Tuesday. Officials said the camp had been "
     "attacked by the militia.", "had been attacked"),
]


@pytest.mark.parametrize(("body", "needle"), RETOLD)
def test_a_retelling_merges_into_the_told_happening(body: str, needle: str) -> None:
    assert _types(body, needle) == []


KEPT = [
    # a figure of people sheltering is a displacement report
    ("Some 3,000 people are sleeping in churches in Kalemie, the UN said.", "sleeping", "displacement"),
    # a further act told under a reporting verb is its own happening
    ("Rebels stormed Nyunzu on Tuesday. Witnesses said police had also fired tear gas at marchers in Kalemie.",
     "tear gas", "protest"),
    ("Gunmen shot dead a teacher in Manono on Monday, police said.", "shot dead", "violence_against_civilians"),
]


@pytest.mark.parametrize(("body", "needle", "expected"), KEPT)
def test_reports_kept(body: str, needle: str, expected: str) -> None:
    assert expected in _types(body, needle)


def test_an_old_capture_under_a_plan_word_is_history() -> None:
    record = extract(LEAD + "When the city fell to the rebels in March 2019, few people expected the siege "
                     "to end quickly.", title="Fighting in the north", published=PUB)
    mods = [e.modality for e in record.events if e.date.start == "2019-03-01"]
    assert mods == ["historical"]


AFTERMATH = [
    ("Gunmen killed 12 villagers in Kikuku on Sunday night. The attackers set fire to about 20 houses and a "
     "school before withdrawing into the forest.", "set fire"),
    ("Militants stormed a village near Kalemie on Monday, killing nine people. The assailants looted shops and "
     "torched a clinic before fleeing.", "looted"),
    ("Fighters raided a camp near Nyunzu late on Friday, killing five displaced people. The gunmen burned tents "
     "and stole cattle before pulling back towards the hills.", "burned"),
]


@pytest.mark.parametrize(("body", "needle"), AFTERMATH)
def test_raiders_further_acts_are_part_of_the_attack(body: str, needle: str) -> None:
    assert _types(body, needle) == []
