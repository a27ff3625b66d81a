"""Speakers: who a cue attributes quoted words to (texts written for these tests)."""

from __future__ import annotations

from datetime import date

from eventwire.extractors.actors import extract_actors
from eventwire.extractors.context import Context, compose
from eventwire.extractors.quotes import extract_quotes
from eventwire.extractors.sources import extract_sources_cited
from eventwire.nlp import parse
from eventwire.schema import Quote


def quotes_of(body: str) -> list[Quote]:
    text, body_start = compose("Test", body)
    ctx = Context(doc=parse(text), body_start=body_start, published=date(2024, 5, 15))
    actors = extract_actors(ctx, places=[])
    return extract_quotes(ctx, actors=actors, sources=extract_sources_cited(ctx))


def who(q: Quote) -> str:
    s = q.speaker
    return " / ".join(x for x in (s.name, s.role, s.organization) if x) if s else ""


def test_speaker_named_between_closing_mark_and_cue() -> None:
    body = ('"The rains came late and the seed was poor," farm manager Lemma Tadesse told reporters '
            "during a tour of the valley.")
    q = quotes_of(body)[0]
    assert q.kind == "direct"
    assert "Lemma Tadesse" in who(q)


def test_defined_acronym_stays_with_the_role() -> None:
    body = ("The African Union Observer Mission (AUOM), which watches the border, said it was "
            '"following the situation closely".')
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert "AUOM" in who(q)


def test_bare_definite_noun_takes_up_the_organisation_named_before() -> None:
    body = ("The World Food Programme opened a warehouse in the town on Monday. Stocks had been "
            '"badly depleted", the agency said.')
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert q.speaker is not None and q.speaker.organization is not None
    assert q.speaker.organization in {"WFP", "World Food Programme"}


def test_capitalised_ministry_title_keeps_its_of_phrase() -> None:
    body = 'The Syrian Ministry of Defence said its units had "returned fire" near the front line.'
    q = next(q for q in quotes_of(body) if q.kind == "partial")
    assert "ministry of defence" in who(q).lower()


def test_a_denied_charge_is_not_reported_speech() -> None:
    body = ("Some context first.\n\nThe capital again accused its neighbour of arming the rebels, "
            "a charge the neighbour denies.")
    assert not [q for q in quotes_of(body) if q.kind == "indirect" and "arming" in q.text]
