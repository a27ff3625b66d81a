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
