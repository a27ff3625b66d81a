"""Actor recognition on short texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extractors.actors import actor_at, extract_actors, lexicon
from eventwire.schema import Actor, Mention, Place
from tests.context_helpers import make_context

pytestmark = pytest.mark.slow


def place(name: str, country: str, text: str) -> Place:
    start = text.index(name)
    return Place(name, 0.0, 0.0, None, country, None, "populated_place", "point",
                 (Mention(name, start, start + len(name)),))


def actors_of(body: str, *, title: str | None = None, places: tuple[tuple[str, str], ...] = ()) -> list[Actor]:
    text, ctx = make_context(body, title)
    found = extract_actors(ctx, places=[place(n, c, text) for n, c in places])
    for a in found:  # provenance: every mention is the text at its offsets
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    return found


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def mentions(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_dictionary_file_is_versioned_and_consistent() -> None:
    lex = lexicon()
    assert lex.aliases["Daesh"] == ("Islamic State", False)
    assert lex.entries["UNHCR"].type == "igo"
    assert {e.type for e in lex.entries.values()} <= {
        "state_military", "rebel_group", "militia", "government", "civilians", "igo", "ngo", "media",
        "person", "political_party", "police", "other"}


@pytest.mark.parametrize(("body", "name", "typ", "texts"), [
    ("Daesh fighters attacked a checkpoint. ISIL later said it had lost ten men.",
     "Islamic State", "rebel_group", ["Daesh", "ISIL"]),
    ("The Kurdish-led SDF said its units cleared the village.", "SDF", "rebel_group", ["The Kurdish-led SDF"]),
    ("Aid trucks were stopped, the UN refugee agency warned.", "UNHCR", "igo", ["the UN refugee agency"]),
    ("Doctors Without Borders closed its clinic after the raid.", "MSF", "ngo", ["Doctors Without Borders"]),
    ("Al-Shabaab fighters overran the base at dawn.", "al-Shabaab", "rebel_group", ["Al-Shabaab"]),
    ("Houthi rebels fired a missile at a tanker.", "Houthis", "rebel_group", ["Houthi rebels"]),
])
def test_dictionary_aliases(body: str, name: str, typ: str, texts: list[str]) -> None:
    actor = by_name(actors_of(body))[name]
    assert actor.type == typ
    assert mentions(actor) == texts


def test_adjectival_forms_and_government() -> None:
    found = by_name(actors_of(
        "Russian shelling hit Kherson overnight. Ukrainian troops repelled an attack, and the Russian "
        "defence ministry said its forces had advanced."))
    assert mentions(found["Russian armed forces"]) == ["Russian"]  # the act is not the actor
    assert found["Russian armed forces"].country == "RU"
    assert mentions(found["Ukrainian armed forces"]) == ["Ukrainian troops"]
    assert found["Russia"].type == "government"
    assert mentions(found["Russia"]) == ["the Russian defence ministry"]


def test_country_name_is_an_actor_only_as_subject() -> None:
    found = by_name(actors_of("Iran denied the report. Two tankers were seized off Iran last week."))
    assert mentions(found["Iran"]) == ["Iran"]


def test_person_title_surname_and_role_mention_merge() -> None:
    found = actors_of(
        "Two people were killed in Zaporizhzhia, the regional governor said. Governor Ivan Fedorov "
        "said rescuers were still at work. Fedorov added that power was cut.",
        places=(("Zaporizhzhia", "UA"),))
    person = by_name(found)["Ivan Fedorov"]
    assert person.type == "person"
    assert person.country == "UA"
    assert mentions(person) == ["the regional governor", "Governor Ivan Fedorov", "Fedorov"]


def test_demonym_gives_a_person_country() -> None:
    found = by_name(actors_of("French General Thierry Burkhard visited the base in Gao."))
    assert found["Thierry Burkhard"].country == "FR"
    assert mentions(found["Thierry Burkhard"]) == ["General Thierry Burkhard"]


def test_short_references_link_to_the_nearest_compatible_actor() -> None:
    found = by_name(actors_of(
        "Boko Haram fighters raided a market in Borno. The terror group has staged similar raids. "
        "The Nigerian army said the militants fled."))
    assert mentions(found["Boko Haram"]) == ["Boko Haram", "The terror group", "the militants"]
    assert mentions(found["Nigerian armed forces"]) == ["The Nigerian army"]


def test_a_same_noun_phrase_in_between_blocks_the_link() -> None:
    found = by_name(actors_of(
        "Hamas militants fired rockets. Separately, Iranian-backed rebels seized a port. The rebels "
        "said they would hold it."))
    assert mentions(found["Hamas"]) == ["Hamas militants"]


def test_civilians_in_victim_roles_take_the_main_place_country() -> None:
    found = by_name(actors_of(
        "An air strike killed nine people in El Fasher, and 2,000 residents fled the city, "
        "officials told reporters.",
        places=(("El Fasher", "SD"),)))
    civ = found["civilians"]
    assert civ.type == "civilians" and civ.country == "SD"
    assert mentions(civ) == ["people", "residents"]  # not "reporters", not "officials"


def test_civilians_come_last_and_people_without_harm_are_not_victims() -> None:
    found = actors_of("The Taliban said people should stay home. Gunmen killed three civilians in Kabul.")
    assert found[-1].name == "civilians"
    assert mentions(found[-1]) == ["civilians"]


def test_cited_outlets_are_not_actors() -> None:
    found = by_name(actors_of("M23 rebels took Goma, Reuters reported, citing pictures from Al Jazeera."))
    assert set(found) == {"M23"}


def test_ambiguous_acronyms_need_context() -> None:
    assert "People's Defence Force" not in by_name(actors_of("The PDF was attached to the email."))
    found = by_name(actors_of("The PDF attacked a junta post near Mandalay.", places=(("Mandalay", "MM"),)))
    assert mentions(found["People's Defence Force"]) == ["The PDF"]


def test_organisation_outside_the_dictionary_typed_by_its_head() -> None:
    found = by_name(actors_of("The Kivu Peace Council condemned the attack on the camp."))
    assert "Kivu Peace Council" in found


def test_actor_at_finds_the_overlapping_mention() -> None:
    body = "The Israeli military said it struck a launcher in Khan Younis."
    found = actors_of(body)
    start = body.index("Israeli")
    assert actor_at(found, start, start + 7) == "Israel Defense Forces"
    assert actor_at(found, body.index("launcher"), body.index("launcher") + 8) is None
