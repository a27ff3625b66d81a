"""Counted groups with an insertion set off by commas, coordinated verbs (detention then killing),
totals of spelled-out lists, 'the loss of' people, fractions of a million, confinement, a word of
addition after a qualifier ('up to a further'), 'the number of X at N', shelter in bunkers and
shelters, forced out, and numbers that are no figure (vehicles, a family's children). Sentences
written for these tests; each rule has three differently worded cases at least."""

from __future__ import annotations

import pytest

from eventwire.extractors.numbers import parse_number
from tests.count_helpers import count_records


def _counts(body: str) -> list[tuple[str, int, str, str]]:
    found = count_records(body)
    return [(c.kind, c.value, c.qualifier, c.status) for c in found]


def _kinds(body: str) -> list[tuple[str, int]]:
    return [(k, v) for k, v, _, _ in _counts(body)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said at least five civilians, among them a 12-year-old boy, were killed in the raid.",
     [("killed", 5)]),
    ("Tensions rose after 26 people, most of them pilgrims, were shot dead near the shrine.", [("killed", 26)]),
    ("Nine farmers, all of them from the same clan, were abducted on the way to market.", [("detained", 9)]),
    ("Eleven villagers, mostly women, were wounded when the shell hit the market.", [("injured", 11)]),
])
def test_insertion_between_group_and_verb(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 30 men were rounded up and mown down by the militia.", [("killed", 30)]),
    ("Witnesses said 14 herders were seized and executed at the well.", [("killed", 14)]),
    ("The gunmen abducted and killed six traders on the highway.", [("killed", 6)]),
    # a later verb that does not kill leaves the detention
    ("Police arrested 20 protesters and questioned them overnight.", [("detained", 20)]),
])
def test_later_killing_verb_wins_over_detention(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The attackers carried off five women and two children from the village.",
     [("detained", 5), ("detained", 7), ("detained", 2)]),
    ("Gunmen killed three farmers and two herders near the well on Sunday.",
     [("killed", 3), ("killed", 5), ("killed", 2)]),
    ("Militiamen led away four teachers and six pupils at gunpoint.",
     [("detained", 4), ("detained", 10), ("detained", 6)]),
    # a list that is a share of a figure, or holds a rounded figure, adds no total
    ("The bombing killed 20 people, including five women and two children.",
     [("killed", 20), ("killed", 5), ("killed", 2)]),
    ("The strike killed about 70 villagers and 12 soldiers.", [("killed", 70), ("killed", 12)]),
])
def test_total_of_a_spelled_out_list(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The army acknowledged the loss of seven soldiers in the ambush.", [("killed", 7)]),
    ("The village mourned the loss of 12 fishermen at sea after the boat was shelled.", [("killed", 12)]),
    ("Commanders confirmed the loss of three pilots when the helicopter was downed.", [("killed", 3)]),
])
def test_loss_of_people(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("half a million", 500_000), ("a quarter of a million", 250_000), ("three quarters of a million", 750_000),
    ("half a billion", 500_000_000), ("a million", 1_000_000),
])
def test_fractions_of_a_scale(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("The civil war has claimed more than half a million lives.", [("killed", 500_000, "more_than")]),
    ("The famine took a quarter of a million lives in two years.", [("killed", 250_000, "exact")]),
    ("Nearly half a million people have fled the region since May.", [("displaced", 500_000, "about")]),
])
def test_fraction_figures_in_text(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(k, v, q) for k, v, q, _ in _counts(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 4,300 people in at least 14 riverside communities have been confined by the armed group.",
     [("trapped", 4300)]),
    ("About 2,000 residents were confined to their homes by the curfew.", [("trapped", 2000)]),
    ("Heavy fighting has cut off 8,000 villagers in the hills.", [("trapped", 8000)]),
])
def test_confined_people_are_trapped(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Up to a further 5,000 residents of the hills could be forced out, the agency warned.",
     [("displaced", 5000, "up_to", "hypothetical")]),
    ("At least another 200 families were forced out of the district on Monday.",
     [("displaced", 200, "at_least", "asserted")]),
    ("More than an additional 300 people may be forced out if the shelling goes on.",
     [("displaced", 300, "more_than", "hypothetical")]),
])
def test_word_of_addition_after_a_qualifier(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Aid agencies estimate the number of displaced people there at roughly 450,000.", [("displaced", 450_000)]),
    ("The ministry put the number of people killed in the clashes at 43.", [("killed", 43)]),
    ("Monitors estimated the number of refugees in the camp at 12,000.", [("displaced", 12_000)]),
])
def test_number_of_a_group_at_a_figure(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("About 1,500 residents of hamlets close to the frontier spent the night in community bunkers.",
     [("displaced", 1500)]),
    ("Authorities moved hundreds of families to shelters set up in schools.", [("displaced", 100)]),
    ("Some 600 villagers spent three nights in underground bunkers during the shelling.", [("displaced", 600)]),
    ("The police relocated 250 households to a camp outside the town.", [("displaced", 250)]),
    # moving oneself to a place is no displacement cue on a later bare number
    ("Most have moved to four spontaneous sites in the city and two in the suburb.", []),
])
def test_sheltering_and_moving_to_shelters(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds of lorries were stuck in queues at the border crossing.", []),
    ("Dozens of buses were stranded on the flooded road.", []),
    ("Some 40 minibuses were trapped behind the checkpoint.", []),
    ("He hid with his wife and their two girls in a water tank on the roof.", []),
    ("She fled with her three boys across the river.", []),
    ("They waited at the border with their twin girls and an uncle.", []),
])
def test_vehicles_and_a_familys_children_are_no_figure(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected
