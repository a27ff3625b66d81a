"""Count kinds across long subjects, sibling verbs and places of refuge, and figures that are not
counts of the conflict (kin, aid beneficiaries, goods, age bands). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.count_helpers import count_records


def _kinds(body: str) -> list[tuple[str, int]]:
    found = count_records(body)
    return [(c.kind, c.value) for c in found]


@pytest.mark.parametrize(("text", "expected"), [
    # a kind cue on the counted noun: "displaced people"
    ("The gunmen burned the settlement, home to some 4,100 displaced people, before dawn.",
     [("displaced", 4100)]),
    # people who reach a town are displaced; a toll that reaches a figure is a toll
    ("More than 600 people have reached the district capital since Friday.", [("displaced", 600)]),
    ("The death toll reached 31, hospital staff said.", [("killed", 31)]),
    ("Hundreds of delegates reached the capital for the summit.", []),
    # a figure after "of whom" with a verb of its own keeps its own kind
    ("Police arrested 19 protesters, of whom 12 have since been freed.", [("detained", 19), ("released", 12)]),
    ("A rocket killed six people, including two children, and wounded nine others.",
     [("killed", 6), ("killed", 2), ("injured", 9)]),
    # a later verb of the same subject, a complement verb, the first of two verbs sharing an object
    ("Dozens of terrified families had loaded their carts and left the hamlet.", [("displaced", 12)]),
    ("Officials warned that up to 8,000 others may have to leave their homes.", [("displaced", 8000)]),
    ("The militia killed and robbed hundreds of farmers in 2016.", [("killed", 100)]),
    ("Among the dead were four teachers, the mayor said.", [("killed", 4)]),
    ("The gang mowed down at least 23 worshippers outside the mosque.", [("killed", 23)]),
    # staying in a camp or a school is displacement
    ("About 700 families are staying in two schools near the river.", [("displaced", 700)]),
    ("Some 90,000 people still live in camps east of the city.", [("displaced", 90000)]),
    # one figure given twice, in households and in people: both take the clause's kind
    ("Monitors counted 410 households, or about 2,500 people, arriving at the camp last week.",
     [("displaced", 410), ("displaced", 2500)]),
])
def test_kinds(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # animals, goods, kin with a possessive, money: not people counts
    ("We fled with the baby and three goats and two chickens.", []),
    ("She reached the camp on foot with her four daughters.", []),
    ("The depot can take in 3 million bags of grain.", []),
    ("Dealers asked between 200 and 250 rupees a kilo.", []),
    # aid beneficiaries and patients treated are programme figures
    ("The agency delivered blankets to 1,800 displaced people in the valley.", []),
    ("A mobile clinic treated 260 patients, most of them children under five.", []),
    # people left without a service are not displaced
    ("The blast cut the main line, leaving some 40,000 residents without power.", []),
    # remains, and nights as a measure
    ("Nothing was left of the five men in the car.", []),
    ("The families have slept in the mosque for four nights.", []),
    # harm to kin still counts
    ("The strike killed her two sons.", [("killed", 2)]),
])
def test_not_counts(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected
