"""Totals spelled out with a possessive ('and their driver'), people moved into camps, force sizes
(cadres, units, deployments), tolls named by their subject ('the number of dead'), people taken
into custody, sub-figures of a list, people who cannot return, burials, and numbers that are no
figure (ages 'a boy of 16', a state 'two of them in a serious condition', institutions 'three armed
forces', 'the two sides'). Sentences written for these tests; each rule has three differently worded
cases at least."""

from __future__ import annotations

import pytest

from tests.count_helpers import count_records


def _counts(body: str) -> list[tuple[str, int, str]]:
    found = count_records(body)
    return [(c.kind, c.value, c.status) for c in found]


def _kinds(body: str) -> list[tuple[str, int]]:
    return [(k, v) for k, v, _ in _counts(body)]


@pytest.mark.parametrize(("text", "expected"), [
    # a person joined with a possessive is one more in the figure: the total is the count
    ("A landmine on the track killed six soldiers and their interpreter, the army said.", [("killed", 7)]),
    ("Gunmen abducted four nurses and their driver on the road to the clinic.", [("detained", 5)]),
    ("The blast wounded three police officers and their commander near the checkpoint.", [("injured", 4)]),
    # no figure joined: nothing added
    ("The blast wounded three police officers near the checkpoint.", [("injured", 3)]),
])
def test_possessive_person_joins_the_total(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # verbs that move people, with "into" a camp or a place: displaced
    ("The militia moved about 5,000 farmers into makeshift camps along the highway.", [("displaced", 5000)]),
    ("Authorities relocated some 800 families into a school compound outside the city.", [("displaced", 800)]),
    ("The army transferred hundreds of villagers into settlements near the garrison town.", [("displaced", 100)]),
])
def test_moved_into_camps_is_displacement(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # cadres are a force; a unit's "of" phrase and deployed people are a force too
    ("Officials believe between 300 and 400 armed cadres are still active in the hills.", [("troops", 300)]),
    ("About 2,000 cadres took part in the offensive, a commander said.", [("troops", 2000)]),
    ("A further battalion of about 600 men would be sent to the province.", [("troops", 600)]),
    ("The government said a contingent of 250 men had reached the border.", [("troops", 250)]),
    ("The ministry said it would deploy 900 men along the frontier.", [("troops", 900)]),
    # a harm cue still wins over the force
    ("The rebels killed 12 cadres of a rival faction on Sunday.", [("killed", 12)]),
])
def test_force_sizes(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


def test_unit_figure_keeps_its_modality() -> None:
    assert _counts("Officials said a battalion of 500 men would be deployed next month.") == [
        ("troops", 500, "hypothetical")]


@pytest.mark.parametrize(("text", "expected"), [
    # the toll names its kind in the subject when the figure hangs on "as high as"
    ("The group says the number of dead may be as high as 40.", [("killed", 40)]),
    ("Medics fear the number of wounded could be as high as 300.", [("injured", 300)]),
    ("Activists said the toll of dead might be as high as 75 by nightfall.", [("killed", 75)]),
])
def test_toll_subject_of_as_high_as(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle or relative clause on the counted people gives the kind
    ("Observers counted at least 45 people taken into custody overnight.", [("detained", 45)]),
    ("The lawyers listed 30 students held hostage in the dormitory.", [("detained", 30)]),
    ("The monitors recorded about 70 people taken to hospital after the rally.", [("injured", 70)]),
])
def test_participle_on_the_counted_noun(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list after "among them" / "including": every group of it is a sub-figure of the count
    ("The hospital said 30 bodies had arrived, among them nine women and four children.",
     [("killed", 30), ("killed", 9), ("killed", 4)]),
    ("Gunmen abducted 25 people, including eight girls and two teachers.",
     [("detained", 25), ("detained", 8), ("detained", 2)]),
    ("The shelling wounded 18 people, among them three nurses, two doctors and a guard.",
     [("injured", 18), ("injured", 3), ("injured", 3)]),  # "two doctors and a guard": 3
])
def test_every_group_of_a_subfigure_list(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people who cannot go back are still displaced, and the figure is asserted
    ("Thousands of those families have still not been able to return.", [("displaced", 1000, "asserted")]),
    ("About 3,000 residents remain unable to go home, the mayor said.", [("displaced", 3000, "asserted")]),
    ("Some 600 people who fled the floods cannot return to the valley.", [("displaced", 600, "asserted")]),
    # a return that happened stays a return
    ("Officials said 300 people had returned home.", [("returned", 300, "asserted")]),
])
def test_unable_to_return_is_displaced(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the dead "laid to rest"
    ("More than 40 victims of the raids were laid to rest in a mass grave.", [("killed", 40)]),
    ("Mourners gathered as 12 villagers were laid to rest on Friday.", [("killed", 12)]),
    ("The town laid to rest 9 fishermen lost in the attack.", [("killed", 9)]),
])
def test_laid_to_rest(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an age after "a <person> of": no count
    ("Three more people died, among them a boy of 14.", [("killed", 3)]),
    ("The dead included an old woman of 80, relatives said.", []),
    ("Police said a man of 45 had been detained.", []),
    # a collective noun of a number is a figure
    ("The strike killed a family of six in the village.", [("killed", 6)]),
])
def test_age_after_person_of(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the state of some of the people just counted is no new figure
    ("Doctors said 14 wounded soldiers were brought in, two of them in a serious condition.", [("injured", 14)]),
    ("The blast injured nine people, three of whom critically.", [("injured", 9)]),
    ("Twenty people were hurt, four of them in critical condition, officials said.", [("injured", 20)]),
])
def test_condition_share_is_no_figure(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # institutions and sides are no people
    ("The region has been caught between three armed forces for a decade.", []),
    ("The two sides agreed to return the bodies they held.", []),
    ("Four factions signed the deal, the mediator said.", []),
    # a large number of forces is a force size
    ("About 5,000 forces were sent to the border.", [("troops", 5000)]),
])
def test_institutions_and_sides(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected
