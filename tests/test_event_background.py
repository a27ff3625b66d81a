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
