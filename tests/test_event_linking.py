"""Event places and dates: which place and which day a sentence gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.actors import extract_actors
from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.extractors.events import extract_events
from eventwire.extractors.places import extract_places
from eventwire.extractors.quotes import extract_quotes
from eventwire.extractors.sources import extract_sources_cited
from eventwire.schema import Event
from tests.context_helpers import make_context

THU = date(2023, 5, 18)  # a Thursday


def _events(title: str, body: str, published: date = THU) -> list[Event]:
    _text, ctx = make_context(body, title, published=published)
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


DATELINE_CASES = [
    # (body, event type, place): a dateline says where the story was filed
    ("Peshawar (Pakistan) (AFP) - Gunmen ambushed a police patrol in Pakistan's northwest, killing six "
     "officers, police said on Friday.\n\nThe patrol came under fire on Thursday near Bannu.",
     "battle", "Bannu"),
    ("Maiduguri (Nigeria) (AFP) - Jihadists raided a village in the country's northeast overnight, "
     "killing 12 farmers.\n\nThe attack took place in Konduga, residents said.",
     "violence_against_civilians", "Konduga"),
    ("Bamako (Mali) (Reuters) - Militants attacked an army camp in central Mali on Sunday, killing "
     "nine soldiers.\n\nThe assault hit the camp at Djenne before dawn, the army said.",
     "battle", "Djenné"),
]


@pytest.mark.parametrize(("body", "type_", "place"), DATELINE_CASES)
def test_a_dateline_city_is_not_the_event_place(body: str, type_: str, place: str) -> None:
    got = _body_events(body, type_)
    assert got, "no event"
    assert got[0].place == place


LEAD_PLACE_CASES = [
    # (title, body, place of the first event): the lead's place, not the most told capital
    ("Clashes in the north",
     "Rebels attacked an army post in Timbuktu on Sunday, killing four soldiers. Protesters marched in "
     "Bamako on Monday. Shops in Bamako stayed shut. Soldiers patrolled the streets of Bamako at night. Later, "
     "gunmen burned a health centre, killing two nurses.",
     "Timbuktu"),
    ("Blast hits market",
     "A car bomb exploded at a market in Baidoa on Tuesday, killing 11 people. Security was tightened in "
     "Mogadishu. Roads around Mogadishu were closed, and schools in Mogadishu shut for the week. "
     "Hours later a second bomb exploded, killing three people.", "Baidoa"),
    ("Police fire tear gas",
     "Police fired tear gas at protesters in Kisumu on Thursday. Traders in Nairobi closed their shops. "
     "Buses in Nairobi stopped running, and crowds gathered in Nairobi in the evening. Later police "
     "shot dead two protesters.", "Kisumu"),
]


@pytest.mark.parametrize(("title", "body", "place"), LEAD_PLACE_CASES)
def test_main_place_is_the_lead_place(title: str, body: str, place: str) -> None:
    # the last event names no place of its own: it takes the article's main place
    events = [e for e in _events(title, body) if e.type != "statement"]
    assert events, "no event"
    assert events[-1].place == place, [(e.type, e.place) for e in events]


VAGUE_LEAD_CASES = [
    # (body, event type, place): a lead that names only a vague area is placed where
    # the next sentences say it happened
    ("Gunmen attacked a convoy of buses in Pakistan's tribal northwest on Thursday, killing 30 passengers. "
     "The convoy came under fire near Parachinar, police said. Traders in Peshawar shut their shops. Roads "
     "around Peshawar were closed. Peshawar was calm by night.", "violence_against_civilians", "Parachinar"),
    ("Jihadists stormed an army post in Niger's far west, killing ten soldiers. The post lies outside "
     "the town of Ouallam, close to the border. Markets in Niamey stayed open. Traffic in Niamey was "
     "light, and mosques in Niamey held prayers.", "battle", "Ouallam"),
    ("Fighters attacked a military camp on an island in Lake Chad late on Monday, killing eight soldiers. "
     "The camp is near Kukawa, officials said.", "battle", "Kukawa"),
]


@pytest.mark.parametrize(("body", "type_", "place"), VAGUE_LEAD_CASES)
def test_a_vague_lead_area_takes_the_next_specific_place(body: str, type_: str, place: str) -> None:
    got = _body_events(body, type_)
    assert got, "no event"
    assert got[0].place == place


def test_open_water_stays_the_place_of_a_happening_at_sea() -> None:
    body = ("Rebels fired two missiles at a cargo ship in the Red Sea on Sunday. The group, based in "
            "Hodeidah, said it had hit the vessel.")
    got = _body_events(body, "remote_violence")
    assert got and got[0].place == "Red Sea"


NEIGHBOUR_CASES = [
    # (body, event type, neighbour country): 'near the border with X' locates the event, it is not there
    ("Near its frontiers with Niger and Burkina Faso, militants stormed a police post in Benin's north, "
     "killing five policemen.", "battle", "Niger"),
    ("Close to the border with Sudan, rebels attacked an army base in eastern Chad on Sunday.",
     "battle", "Sudan"),
    ("Along the boundary with Nigeria, fighters overran a military camp in Cameroon's far north.",
     "battle", "Nigeria"),
]


@pytest.mark.parametrize(("body", "type_", "neighbour"), NEIGHBOUR_CASES)
def test_a_neighbour_across_the_border_is_not_the_event_place(body: str, type_: str, neighbour: str) -> None:
    got = _body_events(body, type_)
    assert got, "no event"
    assert all(e.place != neighbour for e in got), [(e.type, e.place) for e in got]


FLED_FROM_CASES = [
    # (body, place): people fled places located from a town: the town, not where they went
    ("Clashes hit Kadugli on Monday. About 900 families fled villages north of El Obeid since Saturday, "
     "most of them towards Kadugli.", "El Obeid"),
    ("Fighting continued near Goma. Some 3,000 people have fled hamlets west of Rutshuru this week, "
     "heading towards Kiwanja.", "Rutshuru"),
    ("Troops shelled Kidal on Sunday. Hundreds of herders fled the pastures south of Menaka, walking towards "
     "Ansongo.", "Menaka"),
]


@pytest.mark.parametrize(("body", "place"), FLED_FROM_CASES)
def test_flight_from_places_located_by_a_town(body: str, place: str) -> None:
    got = _body_events(body, "displacement")
    assert got, "no displacement"
    assert got[0].place == place


TOWN_JUST_NAMED_CASES = [
    # (body, event type, place): 'the town' is the town just named when the story is about towns
    ("Shells landed on Kadugli on Monday, killing nine civilians. Shops in Kadugli stayed shut. On Tuesday, "
     "fighters reached El Obeid. A shell struck a clinic in the east of the town on Wednesday, injuring "
     "two nurses.", "remote_violence", "El Obeid"),
    ("Drones struck Sumy on Monday, killing two people. Sumy burned for hours. Kharkiv also came under "
     "fire. Later a missile hit a hospital on the edge of the town.", "remote_violence", "Kharkiv"),
    ("Rebels shelled Goma on Friday, killing four people. Goma counted its dead. Fighting spread to Butembo. "
     "Overnight, a bomb exploded near a school in the centre of the town.", "remote_violence", "Butembo"),
]


@pytest.mark.parametrize(("body", "type_", "place"), TOWN_JUST_NAMED_CASES)
def test_the_town_is_the_town_just_named(body: str, type_: str, place: str) -> None:
    got = _body_events(body, type_)
    assert got, "no event"
    assert got[-1].place == place, [(e.type, e.place, e.sentence) for e in got]


RIVER_CASES = [
    # (text, event type, expected place): a river's name is no town, whatever the gazetteer holds
    ("Thousands of people along the San Juan and Atrato rivers in Chocó have been cut off since "
     "Sunday. On Monday, fighting between the ELN and the AGC near Istmina killed two soldiers.",
     "battle", "Istmina"),
    ("Armed men shelled villages on the banks of the San Juan river on Tuesday, killing four "
     "civilians near Istmina in Chocó.", "remote_violence", "Istmina"),
    ("Soldiers clashed with ELN fighters on the Atrato and San Juan rivers near Quibdó on "
     "Wednesday, killing three rebels, officials said.", "battle", "Quibdó"),
]


@pytest.mark.parametrize(("body", "type_", "place"), RIVER_CASES)
def test_a_river_name_is_not_a_town(body: str, type_: str, place: str) -> None:
    got = _body_events(body, type_)
    assert got, f"no {type_} event"
    assert all(e.place != "San Juan Nepomuceno" and e.place != "San Juan" for e in got)
    assert got[0].place == place


ARRIVAL_CASES = [
    # (text, expected place): people arriving are placed where they got to
    ("RSF fighters shelled the Abu Shouk camp on Friday, killing 12 people. More than 600 families "
     "have made it to Tawila since Saturday, most of them from Abu Shouk.", "Tawila"),
    ("Clashes between the army and the White Army erupted near Nasir on Sunday, killing 14 soldiers. "
     "More than 8,000 people have reached Ulang since the "
     "fighting began, coming from villages near Nasir.", "Ulang"),
    ("Gunmen attacked a village near Tibú on Friday. About 300 families from around Tibú have "
     "arrived in Cúcuta since Saturday.", "Cúcuta"),
]


@pytest.mark.parametrize(("body", "place"), ARRIVAL_CASES)
def test_arrivals_are_placed_where_people_got_to(body: str, place: str) -> None:
    got = _body_events(body, "displacement")
    assert got, "no displacement event"
    assert got[-1].place == place


FLED_TO_CASES = [
    # (text, expected place): no place of departure named, the town fled to (same country)
    # is the place, not the article's main town
    ("Militants attacked an army post in Istmina on Monday, killing two soldiers. Over the weekend, "
     "clashes near the mouth of the Opogadó river forced about 120 families to flee downstream "
     "to Bellavista.", "Bellavista"),
    ("Troops fought rebels in Cotabato on Tuesday. Separately, about 200 families fled to "
     "evacuation centres in Datu Piang on Wednesday.", "Datu Piang"),
    ("A bomb killed three people in Quibdó on Monday. In a separate attack, armed men burned "
     "houses and about 80 families fled on foot to Istmina on Tuesday.", "Istmina"),
]


@pytest.mark.parametrize(("body", "place"), FLED_TO_CASES)
def test_flight_with_only_a_destination_takes_it(body: str, place: str) -> None:
    got = _body_events(body, "displacement")
    assert got, "no displacement event"
    assert got[-1].place == place


def test_a_direction_or_a_joined_verb_is_not_the_place_fled() -> None:
    # "towards" gives a direction, and "walked ... to" is another verb than "fled"
    body = ("Gunmen abducted two teachers in Timika on Tuesday. Hundreds of villagers have fled into "
            "the forest or walked for two days to Wamena, church workers said.")
    got = _body_events(body, "displacement")
    assert got and got[0].place == "Timika"
    body = ("Rebels overran Bara on Thursday. About 3,500 families have fled since then, most of "
            "them towards El Obeid.")
    got = _body_events(body, "displacement")
    assert got and got[0].place != "El Obeid"


SEVERAL_PLACES_CASES = [
    # (text, event type, expected place): the first place of "in X and Y", not the main place
    ("Protests spread across the south of Mozambique. Police shot dead four people on Thursday in "
     "Matola and Maputo, a monitor said.", "violence_against_civilians", "Matola"),
    ("Drones struck fuel depots in Kharkiv. On Tuesday, shells hit houses in Izium and Kharkiv, "
     "killing two civilians.", "remote_violence", "Izium"),
    ("Fighting flared around Goma this week. Rebels attacked army positions in Sake and Goma on "
     "Monday, killing five soldiers.", "battle", "Sake"),
]


@pytest.mark.parametrize(("body", "type_", "place"), SEVERAL_PLACES_CASES)
def test_several_places_joined_by_and_keep_the_first(body: str, type_: str, place: str) -> None:
    got = [e for e in _body_events(body, type_) if e.date.start is not None]
    assert got, f"no dated {type_} event"
    assert got[-1].place == place


SEAT_CASES = [
    # (text, event type, expected place): "loyal to the authorities in X" is whom they answer to
    ("Gunmen loyal to the authorities in Damascus stormed villages around Baniyas on Saturday, "
     "killing 20 men.", "Damascus"),
    ("Militias backed by the government in Tripoli attacked a checkpoint in Zawiya on Monday, "
     "killing three guards.", "Tripoli"),
    ("Fighters allied with the administration in Kabul raided a house in Jalalabad on Tuesday, "
     "killing two men.", "Kabul"),
]


@pytest.mark.parametrize(("body", "seat"), SEAT_CASES)
def test_the_seat_of_a_power_is_not_the_event_place(body: str, seat: str) -> None:
    got = [e for e in _events("Attack", body) if e.date.start is not None]
    assert got, "no dated event"
    assert all(e.place is not None and e.place != seat for e in got)


@pytest.mark.parametrize("body", [
    "Gunmen killed 12 villagers in Ménaka on Monday. On Tuesday, fighters of ISSP, the Sahel’s Islamic "
    "State branch, shelled a school.",
    "Gunmen killed 12 villagers in Ménaka on Monday. On Tuesday, fighters from JNIM, the Sahel's al-Qaeda "
    "branch, shelled a clinic.",
    "Insurgents killed nine farmers in Gwoza on Sunday. On Monday, fighters of ISWAP, West Africa's "
    "Islamic State affiliate, shelled the market.",
])
def test_a_region_owning_a_group_is_not_the_event_place(body: str) -> None:
    # "the Sahel's al-Qaeda affiliate" says whose group, not where it struck
    strikes = _body_events(body, "remote_violence")
    assert strikes and all(e.place not in ("Sahel", "West Africa") for e in strikes)
    assert strikes[0].place is not None


@pytest.mark.parametrize(("body", "place"), [
    ("Hundreds of people have reached Goma since Saturday, escaping fighting between the army and M23 "
     "rebels in Rutshuru. Armed men exchanged fire for hours, and on Sunday evening drones dropped bombs "
     "on houses.", "Rutshuru"),
    ("About 300 families have arrived in Maiduguri this week, fleeing fighting between soldiers and "
     "insurgents around Bama. On Tuesday gunmen shelled houses.", "Bama"),
    ("Over 500 villagers made it to Goma on Friday, escaping clashes between militias in Masisi. "
     "Shells hit the market in the afternoon, residents said.", "Masisi"),
])
def test_the_lead_happens_where_people_fled_not_where_they_got_to(body: str, place: str) -> None:
    # the main place is the fighting's, not the town the people reached
    strikes = _body_events(body, "remote_violence")
    assert strikes and strikes[0].place == place


@pytest.mark.parametrize(("body", "place"), [
    ("Hundreds of people have reached Goma, escaping fighting between Kisangani and Beni in Rutshuru. "
     "On Sunday evening drones dropped bombs on houses.", "Rutshuru"),
    ("Families have reached Maiduguri, fleeing clashes between Konduga and Bama near Gwoza. "
     "On Tuesday gunmen shelled houses.", "Gwoza"),
    ("Some 400 villagers arrived in Bunia on Friday, escaping a feud between Mahagi and Aru in Beni. "
     "Shells hit the market in the afternoon, residents said.", "Beni"),
])
def test_the_sides_of_a_fight_are_not_the_lead_place(body: str, place: str) -> None:
    # names after "fighting between" are the sides (often groups named after towns)
    strikes = _body_events(body, "remote_violence")
    assert strikes and strikes[0].place == place
