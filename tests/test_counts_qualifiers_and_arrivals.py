"""Counts: 'N or more' is a floor, 'closer to N' is about N, people 'moved out' of a
region, 'sent fleeing' and 'streaming' along a road are displaced. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.count_helpers import count_records


def _counts(body: str) -> list[tuple[str, int, str]]:
    found = count_records(body)
    return [(c.kind, c.value, c.qualifier) for c in found]


@pytest.mark.parametrize(("body", "value"), [
    ("The army has mobilised 50,000 or more reservists, officials said.", 50000),
    ("Officials expect 3,000 or more troops to join the offensive.", 3000),
    ("Police said 200 or more protesters were arrested in the square.", 200),
])
def test_or_more_is_at_least(body: str, value: int) -> None:
    assert any(v == value and q == "at_least" for _, v, q in _counts(body))


@pytest.mark.parametrize(("body", "value"), [
    ("Aid workers counted closer to 300 families displaced by the floods and the fighting.", 300),
    ("The toll was nearer to 40 dead, residents said.", 40),
    ("Closer to 90 people were killed, according to the hospital.", 90),
])
def test_closer_to_is_about(body: str, value: int) -> None:
    assert any(v == value and q == "about" for _, v, q in _counts(body))


@pytest.mark.parametrize("body", [
    "More than 20,000 people had been moved out of the province, the governor said.",
    "The shelling sent 5,000 villagers fleeing into the hills.",
    "About 2,000 people were streaming along the highway towards the border.",
])
def test_displacement_wordings(body: str) -> None:
    assert any(k == "displaced" for k, _, _ in _counts(body))
