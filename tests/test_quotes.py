"""Quotes and their speakers, on short texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.actors import extract_actors
from eventwire.extractors.context import Context, compose
from eventwire.extractors.quotes import extract_quotes, verbs
from eventwire.extractors.sources import extract_sources_cited
from eventwire.nlp import parse
from eventwire.schema import Mention, Place, Quote

pytestmark = pytest.mark.slow

Row = tuple[str, str, str | None, str | None, str | None, str | None]


def quotes_of(body: str, *, places: tuple[tuple[str, str], ...] = ()) -> list[Quote]:
    text, body_start = compose(None, body)
    ctx = Context(doc=parse(text), body_start=body_start, published=date(2024, 5, 15))
    pl = []
    for name, country in places:
        s = text.index(name)
        pl.append(Place(name, 0.0, 0.0, None, country, None, "populated_place", "point",
                        (Mention(name, s, s + len(name)),)))
    actors = extract_actors(ctx, places=pl)
    found = extract_quotes(ctx, actors=actors, sources=extract_sources_cited(ctx))
    for q in found:  # provenance
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return found


def rows(found: list[Quote]) -> list[Row]:
    """(kind, text, cue, name, role, organization)"""
    return [(q.kind, q.text, q.cue, q.speaker.name if q.speaker else None,
             q.speaker.role if q.speaker else None, q.speaker.organization if q.speaker else None)
            for q in found]


def test_verbs_file() -> None:
    assert "warn" in verbs().indirect and "read" in verbs().direct_only
    assert "suggest" in verbs().not_quotes


def test_direct_quote_with_inverted_attribution_and_org_in_the_speaker() -> None:
    found = quotes_of('"We hold every street in the old city," said one senior RSF commander.')
    assert rows(found) == [("direct", "We hold every street in the old city", "said", None, "RSF commander",
                            "Rapid Support Forces")]
    assert found[0].speaker is not None and found[0].speaker.text == "one senior RSF commander"


def test_named_speaker_with_rank_and_apposition() -> None:
    found = quotes_of(
        "Lieutenant Colonel Nadav Shoshani, a spokesman for the Israeli military, said the army had "
        "\u201cno intention of leaving the corridor\u201d.")
    assert rows(found) == [
        ("partial", "no intention of leaving the corridor", "said", "Nadav Shoshani", "spokesman",
         "Israel Defense Forces"),
        ("indirect", "the army had \u201cno intention of leaving the corridor\u201d", "said", "Nadav Shoshani",
         "spokesman", "Israel Defense Forces"),
    ]


def test_role_mention_resolves_to_the_person_named_later() -> None:
    found = quotes_of(
        "A missile struck a school in Sumy on Monday, the regional governor said.\n\n"
        "\u201cThe children were in the shelter,\u201d governor Volodymyr Artiukh told reporters.",
        places=(("Sumy", "UA"),))
    assert rows(found) == [
        ("direct", "The children were in the shelter", "told", "Volodymyr Artiukh", "governor", None),
        ("indirect", "A missile struck a school in Sumy on Monday", "said", "Volodymyr Artiukh",
         "regional governor", None),
    ]


def test_statement_read_takes_the_organisation_from_context() -> None:
    found = quotes_of(
        "The prisoners were freed as a sign of \u201cgoodwill\u201d, the Arakan Army said.\n\n"
        "A statement read: \u201cThey are free to go home. We ask nothing of them.\u201d")
    direct = [r for r in rows(found) if r[0] == "direct"]
    assert direct == [("direct", "They are free to go home. We ask nothing of them", "read", None,
                       "statement", "Arakan Army")]
    assert ("partial", "goodwill", "said", None, None, "Arakan Army") in rows(found)


def test_they_resolves_to_the_preceding_group() -> None:
    found = quotes_of(
        "A crowd of farmers gathered outside the governor's office in Maiduguri.\n\n"
        "\"We have nothing left to plant,\" they shouted.")
    assert rows(found) == [("direct", "We have nothing left to plant", "shouted", None, "farmers", None)]


def test_quote_spanning_paragraphs_and_an_unattributed_follow_up() -> None:
    found = quotes_of(
        "\u201cWe will not give up the bridge,\u201d the battalion commander said.\n\n"
        "\u201cOur men are tired.\n\n"
        "\u201cBut we have food for a month,\u201d he added.")
    assert rows(found)[0] == ("direct", "We will not give up the bridge", "said", None, "battalion commander",
                              None)
    assert rows(found)[1] == ("direct", "Our men are tired.\n\n\u201cBut we have food for a month", "added",
                              None, "battalion commander", None)
    assert len(found) == 2


def test_colon_attribution_before_the_quote_and_straight_marks() -> None:
    found = quotes_of('The UN refugee agency warned: "Families are sleeping in the open."')
    assert rows(found) == [("direct", "Families are sleeping in the open", "warned", None, None, "UNHCR")]


def test_scare_quotes_are_partial_without_a_speaker() -> None:
    found = quotes_of("The so-called \u2018liberation\u2019 of the town left the residents without water.")
    assert rows(found) == [("partial", "liberation", None, None, None, None)]


def test_apostrophes_are_not_quotes() -> None:
    assert quotes_of("The soldiers' families waited at Mali's border while the '90s-era trucks broke down.") == []


def test_indirect_speech_with_relative_pronoun_speaker() -> None:
    found = quotes_of(
        "Food stocks are running out in Goma, according to the World Food Programme, which warned that "
        "half a million people could go hungry by June if the road stays closed.")
    assert rows(found) == [("indirect", "half a million people could go hungry by June if the road stays closed",
                            "warned", None, None, "WFP")]
    assert found[0].speaker is not None and found[0].speaker.text == "the World Food Programme"


def test_anaphoric_ministry_speaker_keeps_its_role() -> None:
    found = quotes_of(
        "The Russian defence ministry accused Kyiv of shelling a power plant. The ministry said the "
        "strike had cut power to 3,000 homes.")
    assert rows(found) == [("indirect", "the strike had cut power to 3,000 homes", "said", None, "ministry",
                            "Russia")]


def test_no_quotes_from_hedges_or_impersonal_passives() -> None:
    assert quotes_of("Figures suggest that 500 homes were destroyed. It was confirmed that the road "
                     "reopened.") == []


def test_outlet_credit_is_not_a_speaker_nor_part_of_the_clause() -> None:
    found = quotes_of("The Taliban said the border crossing had reopened, Reuters reported.")
    assert rows(found) == [("indirect", "the border crossing had reopened", "said", None, None, "Taliban")]


def test_name_the_actor_list_missed_with_appositive_role_and_place_of_work() -> None:
    found = quotes_of('"The river has not been this low in my lifetime," said Samira al-Khouri, a hydrologist at '
                      'the University of Basra. "We need rain."')
    assert rows(found) == [
        ("direct", "The river has not been this low in my lifetime", "said", "Samira al-Khouri", "hydrologist",
         "University of Basra"),
        ("direct", "We need rain", "said", "Samira al-Khouri", "hydrologist", "University of Basra"),
    ]


def test_after_the_quote_whitespace_then_pronoun_cue() -> None:
    found = quotes_of("The prize went to the baker Yusuf Demir Karaca.\n\n"
                      '"We bake before dawn. Every loaf is sold by noon," he said, pointing at the oven.')
    assert [(r[0], r[2]) for r in rows(found)] == [("direct", "said")]
    assert found[0].speaker is not None and found[0].speaker.text == "he"


def test_inverted_subject_read_as_object_and_one_of_the_group() -> None:
    found = quotes_of('"They took the cattle and burned the granary," sobbed one farmer, who hid in a ditch.\n\n'
                      '"Nobody came to help," said one of the villagers.')
    assert [(r[1], r[4]) for r in rows(found)] == [("They took the cattle and burned the granary", "farmer"),
                                                  ("Nobody came to help", "villagers")]


def test_participle_saying_takes_the_subject_of_its_verb() -> None:
    found = quotes_of("The spokesman Ibrahim Tahir Musa rejected the figures, saying they were \"invented\".")
    partial = [r for r in rows(found) if r[0] == "partial"]
    assert [(r[1], r[2], r[3]) for r in partial] == [("invented", "saying", "Ibrahim Tahir Musa")]


def test_role_keeps_the_words_the_text_uses_for_the_speaker() -> None:
    found = quotes_of('"The border stays open," a Downing Street spokesman said.\n\n'
                      'The Israeli military said the strike hit "a weapons depot".')
    assert rows(found)[0][4] == "Downing Street spokesman"
    partial = next(r for r in rows(found) if r[0] == "partial")
    assert partial[4:] == ("Israeli military", "Israel Defense Forces")


def test_surname_alone_keeps_the_title_given_earlier() -> None:
    found = quotes_of("Nine people died, police spokesman Aliyu Garba Bello said.\n\n"
                      '"We are searching the forest," Bello said.')
    direct = next(r for r in rows(found) if r[0] == "direct")
    assert direct[3:5] == ("Aliyu Garba Bello", "police spokesman")


def test_acronym_speaker_outside_the_dictionary_is_an_organisation() -> None:
    found = quotes_of('The council said that ZWRB, the water board, had promised "no cuts" this summer.\n\n'
                      'ZWRB said there would be "no cuts" this summer.')
    partial = [r for r in rows(found) if r[0] == "partial"]
    assert partial[-1][3:] == (None, None, "ZWRB")


def test_headline_reported_speech_is_not_a_second_quote() -> None:
    text, body_start = compose("Rebels seize river port, army says",
                               "Rebels seized the river port of Kindu on Monday, the army said.")
    ctx = Context(doc=parse(text), body_start=body_start, published=date(2024, 5, 15))
    found = extract_quotes(ctx, actors=extract_actors(ctx, places=[]), sources=[])
    assert [q.text for q in found] == ["Rebels seized the river port of Kindu on Monday"]


def test_appeal_and_brag_are_cues() -> None:
    found = quotes_of('Governor Lucia Ferraro Quintero appealed to the gangs to "let the children go home".\n\n'
                      'The rebel commanders bragged about a "historic victory".')
    partial = [r for r in rows(found) if r[0] == "partial"]
    assert [(r[1], r[3] or r[4]) for r in partial] == [("let the children go home", "Lucia Ferraro Quintero"),
                                                      ("historic victory", "rebel commanders")]
