"""Event places and dates: which place and which day a sentence gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.actors import extract_actors
from eventwire.extractors.context import Context, compose
from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.extractors.events import extract_events
from eventwire.extractors.places import extract_places
from eventwire.extractors.quotes import extract_quotes
from eventwire.extractors.sources import extract_sources_cited
from eventwire.nlp import parse
from eventwire.schema import Event

THU = date(2023, 5, 18)  # a Thursday


def _events(title: str, body: str, published: date = THU) -> list[Event]:
    text, body_start = compose(title, body)
    ctx = Context(doc=parse(text), body_start=body_start, published=published)
    times = find_time_expressions(ctx)
    places = extract_places(ctx)
    actors = extract_actors(ctx, places=places)
    sources = extract_sources_cited(ctx)
    quotes = extract_quotes(ctx, actors=actors, sources=sources)
    counts = extract_counts(ctx, places=places, times=times, actors=actors, quotes=quotes)
    return extract_events(ctx, actors=actors, places=places, times=times, counts=counts, quotes=quotes)


def _body_events(body: str, type_: str) -> list[Event]:
    return [e for e in _events("Clashes", body) if e.type == type_]


DATE_CASES = [
    # (text, event type, expected start date)
    ("The road to Mosul was quiet on Wednesday, a day after a roadside bomb hit an army truck near "
     "the city, killing four soldiers.", "remote_violence", "2023-05-16"),
    ("Shops in Kirkuk reopened on Wednesday, two days after gunmen attacked a police checkpoint in "
     "the city, killing three officers.", "battle", "2023-05-15"),
    ("Gunmen killed nine villagers overnight on Saturday in a village near Kirkuk.",
     "violence_against_civilians", "2023-05-13"),
    # a year naming a thing ("the 2016 accord") dates no event
    ("Fighting between the army and rebels who rejected the 2016 accord killed 11 people in villages "
     "near Kirkuk over the weekend, officials said on Tuesday.", "battle", "2023-05-13"),
]


@pytest.mark.parametrize(("body", "type_", "start"), DATE_CASES)
def test_event_dates(body: str, type_: str, start: str) -> None:
    got = _body_events(body, type_)
    assert got, f"no {type_} event"
    assert got[0].date.start == start


PLACE_CASES = [
    # (text, event type, place the event must NOT be at)
    ("A drone launched from Yemen was shot down over the Red Sea by a U.S. warship near Hodeidah, "
     "U.S. Central Command said.", "United States"),
    ("Damascus has not commented on reports that its troops shelled a village near Idlib on Monday.",
     "Damascus"),
    ("The Interior Ministry in Baghdad said militants attacked a checkpoint near Kirkuk on Monday.",
     "Baghdad"),
    # officials, sources or a spokesman "in X" who tell of it sit in X; it happened elsewhere
    ("Gunmen killed six villagers on Monday, officials in Baghdad said.", "Baghdad"),
    ("Security sources in Quetta said militants had blown up a bridge overnight.", "Quetta"),
    ("Two soldiers died when their patrol was ambushed, a spokesman in Kabul said.", "Kabul"),
]


@pytest.mark.parametrize(("body", "not_place"), PLACE_CASES)
def test_speaking_or_modifying_places_are_not_event_places(body: str, not_place: str) -> None:
    events = _events("Attack in the region", body)
    assert events, "no event"
    assert all(e.place != not_place for e in events if e.type != "statement")


KEPT_CASES = [
    # (text, event type, place the event must be at): a place that is the speaker's
    # home, or names an area, still places the event
    ("A resident of Kirkuk said gunmen attacked a police checkpoint in the town on Monday.", "battle", "Kirkuk"),
]


@pytest.mark.parametrize(("body", "type_", "place"), KEPT_CASES)
def test_places_that_stay_event_places(body: str, type_: str, place: str) -> None:
    got = _body_events(body, type_)
    assert got, f"no {type_} event"
    assert got[0].place == place


def test_event_over_many_regions_is_placed_at_the_country() -> None:
    body = ("Russian drones hit apartment blocks in Kharkiv on Wednesday night, killing two people. "
            "Ukraine's air force said its units had shot down 59 of the drones over 9 regions.")
    got = _body_events(body, "strategic_development")
    assert got, "no interception event"
    assert got[0].place == "Ukraine"


RANGE_DATE_CASES = [
    # (text, event type, (start, end)): the event takes its own clause's span of days
    ("Between 8 and 12 May, air strikes killed at least 14 civilians in villages near Idlib.",
     "remote_violence", ("2023-05-08", "2023-05-12")),
    ("From 2 to 4 May, gunmen attacked farmers near Kirkuk, killing nine people.",
     "violence_against_civilians", ("2023-05-02", "2023-05-04")),
    ("Overnight on 13 to 14 May, rockets hit homes in the border town of Sderot.",
     "remote_violence", ("2023-05-13", "2023-05-14")),
]


@pytest.mark.parametrize(("body", "type_", "span"), RANGE_DATE_CASES)
def test_event_dated_by_a_range_of_days(body: str, type_: str, span: tuple[str, str]) -> None:
    got = _body_events(body, type_)
    assert got, f"no {type_} event"
    assert (got[0].date.start, got[0].date.end) == span


SEQUEL_CASES = [
    # (text, event type, date): "The X came N days after Y": Y is dated from the lead
    ("Gunmen stormed a police station near Kirkuk on Tuesday, killing four officers. "
     "The attack came two days after militants shelled an army base outside the city.",
     "remote_violence", "2023-05-14"),
    ("A roadside bomb killed six soldiers near Mosul on Monday. "
     "The bombing came a day after troops clashed with militants in a village west of the city.",
     "battle", "2023-05-14"),
    ("Rebels attacked an army post near Goma on Wednesday, killing five soldiers. "
     "It followed an air strike on rebel positions three days earlier, which happened a week after "
     "talks collapsed.", None, None),
]


@pytest.mark.parametrize(("body", "type_", "day"), [c for c in SEQUEL_CASES if c[1] is not None])
def test_after_clause_dated_from_the_lead(body: str, type_: str, day: str) -> None:
    got = [e for e in _body_events(body, type_) if e.sentence.start > body.index(".")]
    assert got, f"no {type_} event in the second sentence"
    assert (got[0].date.start, got[0].date.end) == (day, day)


def test_after_clause_in_the_lead_sentence_still_dated_from_its_own_time() -> None:
    body = ("The market in Kirkuk reopened on Wednesday, three days after gunmen attacked a checkpoint "
            "in the city, killing two officers.")
    got = _body_events(body, "battle")
    assert got and got[0].date.start == "2023-05-14"


ANTECEDENT_CASES = [
    # (text, event type, place): "the city" is the city last named, not the camp the story is about
    ("Shelling hit the Zamzam camp on Monday, killing six people. Zamzam camp lies south of El Fasher. "
     "Residents of Zamzam camp said the fire came from the north. On Tuesday a drone struck a market "
     "in the centre of the city, wounding four people.", "remote_violence", "El Fasher"),
    ("Zamzam camp was shelled on Monday. Aid workers in Zamzam camp counted 20 dead. Families from "
     "El Fasher had sought shelter in Zamzam camp. Later, fighters attacked a checkpoint on the edge "
     "of the city, killing three soldiers.", "battle", "El Fasher"),
    ("Drones struck Zamzam camp, killing 12. Zamzam camp now holds thousands who fled Tawila. "
     "Most came from Zamzam camp itself. On Sunday, gunmen killed two traders in the town's main market.",
     "battle", "Tawila"),
]


@pytest.mark.parametrize(("body", "type_", "place"), ANTECEDENT_CASES)
def test_definite_city_takes_up_the_city_last_named(body: str, type_: str, place: str) -> None:
    got = [e for e in _body_events(body, type_) if e.place == place]
    assert got, f"no {type_} event at {place}: {[(e.type, e.place) for e in _body_events(body, type_)]}"


MAIN_PLACE_CASES = [
    # (title, text, event type, place): a place told only as where someone came from or
    # where a speaker sits does not make the article's main place
    ("Gunmen seize bus in Mandera",
     "Gunmen stormed a bus yesterday and seized 30 passengers. The bus was carrying traders from Nairobi "
     "towards Mandera. Officials in Nairobi said the attackers fled. Police in Nairobi said talks had begun.",
     "Mandera"),
    ("Militants attack checkpoint near Kirkuk",
     "Militants attacked a checkpoint on Monday, killing three policemen. Officials in Baghdad said the "
     "gunmen escaped. The wounded were flown from Baghdad later. Baghdad has not commented further.",
     "Kirkuk"),
    ("Rebels attack army post in Bunia",
     "Rebels attacked an army post on Sunday, killing seven soldiers. Officials in Kinshasa said troops were on "
     "their way. Families from Kinshasa had moved there last year. The government in Kinshasa said it "
     "would send aid.", "Bunia"),
]


@pytest.mark.parametrize(("title", "body", "place"), MAIN_PLACE_CASES)
def test_main_place_is_where_things_happen(title: str, body: str, place: str) -> None:
    events = [e for e in _events(title, body) if e.type != "statement"]
    assert events, "no event"
    assert events[0].place == place
