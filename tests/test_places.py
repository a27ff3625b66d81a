"""Place recognition and resolution on short texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.context import Context, compose
from eventwire.extractors.places import extract_places
from eventwire.gazetteer import distance_km
from eventwire.nlp import parse
from eventwire.schema import Place

pytestmark = pytest.mark.slow


def places_of(body: str, title: str | None = None) -> list[Place]:
    text, body_start = compose(title, body)
    ctx = Context(doc=parse(text), body_start=body_start, published=date(2024, 5, 15))
    places = extract_places(ctx)
    for place in places:  # provenance: every mention is the text at its offsets
        for m in place.mentions:
            assert text[m.start : m.end] == m.text
    return places


def by_name(places: list[Place]) -> dict[str, Place]:
    return {p.name: p for p in places}


def near(place: Place, lat: float, lon: float, km: float) -> bool:
    assert place.lat is not None and place.lon is not None
    return distance_km(place.lat, place.lon, lat, lon) <= km


def test_syria_village_camps_region_and_river() -> None:
    places = by_name(places_of(
        "Hundreds of families left the battered village of Baghouz on Monday and were driven north "
        "to the al-Hol and Roj camps in north-eastern Syria. Fighting went on near Dayr az Zawr and "
        "along the Euphrates River."))
    assert near(places["Baghuz"], 34.45, 40.94, 25)
    assert [m.text for m in places["Baghuz"].mentions] == ["Baghouz"]
    assert places["al-Hawl"].kind == "camp" and [m.text for m in places["al-Hawl"].mentions] == ["al-Hol"]
    assert places["Roj"].kind == "camp" and [m.text for m in places["Roj"].mentions] == ["Roj"]
    assert places["north-eastern Syria"].kind == "region"
    assert places["Deir ez-Zor"].geonameid == 170794
    assert places["Euphrates"].kind == "water" and places["Euphrates"].precision == "region"


def test_article_optional_and_mentions_merge() -> None:
    places = places_of("Aid trucks reached al-Hawl on Friday. Al-Hawl now holds 40,000 people, and Hawl "
                       "residents say water is short.")
    camps = [p for p in places if p.kind == "camp"]
    assert len(camps) == 1
    assert [m.text for m in camps[0].mentions] == ["al-Hawl", "Al-Hawl", "Hawl"]


def test_relative_location_keeps_the_anchor() -> None:
    places = places_of("Medics set up a clinic four miles outside of Baghuz, east of the Euphrates.")
    names = by_name(places)
    assert [m.text for m in names["Baghuz"].mentions] == ["Baghuz"]
    assert names["Baghuz"].kind == "populated_place"
    assert "Euphrates" in names


def test_sinjar_in_an_iraq_story() -> None:
    places = by_name(places_of("Iraqi officials said Yazidi families returned to Sinjar this week, while "
                               "clashes were reported near Tal Afar in Nineveh province."))
    assert places["Sinjar"].country == "IQ" and near(places["Sinjar"], 36.32, 41.88, 25)
    assert places["Tal Afar"].country == "IQ"
    assert places["Nineveh"].kind == "admin_area"


@pytest.mark.parametrize(("text", "country"), [
    ("Militias clashed in Tripoli overnight, and Libya's rival governments traded blame. Flights to "
     "Misrata were suspended.", "LY"),
    ("Lebanese troops deployed in Tripoli after clashes in the north of Lebanon, near the Syrian border.",
     "LB"),
])
def test_tripoli_follows_the_story(text: str, country: str) -> None:
    assert by_name(places_of(text))["Tripoli"].country == country


def test_ukraine_kharkiv_city_region_and_village() -> None:
    places = by_name(places_of(
        "Russian glide bombs hit Kharkiv overnight. Officials in the Kharkiv region said villages near "
        "Vovchansk were evacuated. Kharkiv was hit again at dawn."))
    city = places["Kharkiv"]
    assert (city.geonameid, city.country, city.admin1, city.kind, city.precision) == (
        706483, "UA", "Kharkiv", "populated_place", "point")
    assert len(city.mentions) == 2
    oblast = [p for p in places.values() if p.kind == "admin_area"]
    assert [m.text for p in oblast for m in p.mentions] == ["Kharkiv region"]
    assert places["Vovchansk"].country == "UA" and places["Vovchansk"].kind == "populated_place"


def test_sudan_camp_city_and_state() -> None:
    places = by_name(places_of("RSF fighters shelled the Zamzam camp outside El Fasher, the capital of "
                               "North Darfur, aid workers said."))
    assert places["Zamzam"].kind == "camp" and places["Zamzam"].country == "SD"
    assert places["El Fasher"].country == "SD"
    assert places["North Darfur"].kind == "admin_area"


def test_yemen_port_and_sea() -> None:
    places = by_name(places_of("Houthi forces fired missiles at ships in the Red Sea from positions near "
                               "Hodeidah, Yemen's main port."))
    assert places["Hodeidah"].country == "YE"
    assert places["Red Sea"].kind == "water"
    assert places["Yemen"].kind == "country"


def test_myanmar_state_and_town_but_not_the_army() -> None:
    places = places_of("The Arakan Army said it had seized Maungdaw after weeks of fighting in Rakhine "
                       "State, near the border with Bangladesh.")
    names = by_name(places)
    assert names["Maungdaw"].country == "MM"
    assert [m.text for m in names["Rakhine"].mentions] == ["Rakhine State"]
    assert "Bangladesh" in names
    assert not any(m.text.startswith("Arakan") for p in places for m in p.mentions)


def test_drc_towns_resolve_in_north_kivu() -> None:
    places = by_name(places_of("M23 rebels advanced on Goma, the capital of North Kivu, after seizing "
                               "Sake and Minova in eastern Congo."))
    assert places["Goma"].country == "CD"
    assert places["Minova"].country == "CD"
    assert places["North Kivu"].kind == "admin_area"


def test_sahel_region_and_towns() -> None:
    places = by_name(places_of("Jihadists attacked an army post near Menaka in Mali, as violence across "
                               "the Sahel spread towards Tillaberi in Niger."))
    assert places["Menaka"].country == "ML"
    assert places["Tillaberi"].country == "NE"
    assert places["Sahel"].kind == "region"
    assert places["Niger"].kind == "country"


def test_demonyms_are_not_places() -> None:
    assert places_of("American, British and Syrian negotiators met Iraqi and Ukrainian officials.") == []


def test_organisations_and_people_are_not_places() -> None:
    places = places_of("The Washington Post interviewed Jordan Peterson and Chad Smith about the Islamic "
                       "State.")
    assert places == []


def test_common_words_do_not_match_tiny_places() -> None:
    places = places_of("Hit by heavy rain, the Mission said Police would reopen the Main road soon.")
    assert places == []


def test_backer_modifier_is_not_a_place() -> None:
    names = by_name(places_of("The US-led coalition and Iranian-backed militias both claimed strikes near "
                              "Raqqa."))
    assert "United States" not in names
    assert "Raqqa" in names


def test_headline_mentions_are_found() -> None:
    places = places_of("Residents of the city said the shelling lasted all night.",
                       title="Shelling Hits Kherson As Evacuations Continue")
    assert [p.name for p in places] == ["Kherson"]
