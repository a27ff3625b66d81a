"""Figures about people and forces: kind, value, qualifier, span and the clause around them."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extractors.context import Context, compose
from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.extractors.numbers import counts_lexicon, parse_number
from eventwire.schema import Actor, Count, Mention, Place, Quote, Speaker
from tests.context_helpers import make_context

PUB = date(2024, 5, 15)  # a Wednesday


def _ctx(body: str, title: str | None = None, published: date | None = PUB) -> Context:
    return make_context(body, title, published=published)[1]


def _counts(body: str, *, title: str | None = None, places: list[Place] | None = None,
            actors: list[Actor] | None = None, quotes: list[Quote] | None = None,
            published: date | None = PUB) -> list[Count]:
    ctx = _ctx(body, title, published)
    found = extract_counts(ctx, places=places or [], times=find_time_expressions(ctx),
                           actors=actors or [], quotes=quotes or [])
    for c in found:
        assert ctx.text[c.start:c.end] == c.text  # provenance
    return found


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(text=word, start=start, end=start + len(word))


def _place(text: str, name: str, precision: str = "point") -> Place:
    kind = "country" if precision == "country" else "populated_place"
    return Place(name=name, lat=0.0, lon=0.0, geonameid=None, country=None, admin1=None,
                 kind=kind, precision=precision, mentions=(_mention(text, name),))  # type: ignore[arg-type]


def _actor(text: str, name: str, *words: str) -> Actor:
    return Actor(name=name, type="government", country=None,
                 mentions=tuple(_mention(text, w) for w in words))


# (body, [(kind, value, low, high, qualifier, what, text)])
CASES = [
    ("Gunmen killed at least 12 villagers in Zamfara state on Saturday, police said.",
     [("killed", 12, 12, None, "at_least", "villagers", "at least 12 villagers")]),
    ("More than 200 families fled Goma over the weekend.",
     [("displaced", 200, 200, None, "more_than", "families", "More than 200 families")]),
    ("Between 30 and 40 people were wounded in the blast in Mogadishu.",
     [("injured", 30, 30, 40, "range", "people", "Between 30 and 40 people")]),
    ("The army said it had arrested 57 suspects in Rakhine.",
     [("detained", 57, 57, 57, "exact", "suspects", "57 suspects")]),
    ("Security forces detained 23 protesters in Tehran.",
     [("detained", 23, 23, 23, "exact", "protesters", "23 protesters")]),
    ("Armed men kidnapped 80 students from a school in Kaduna.",
     [("detained", 80, 80, 80, "exact", "students", "80 students")]),
    ("Rebels released 14 hostages on Tuesday.",
     [("released", 14, 14, 14, "exact", "hostages", "14 hostages")]),
    ("Dozens of fighters surrendered to the army near Maiduguri.",
     [("surrendered", 12, 12, 99, "vague", "fighters", "Dozens of fighters")]),
    ("Hundreds of thousands of people have been displaced by the fighting in Darfur.",
     [("displaced", 100000, 100000, 999999, "vague", "people", "Hundreds of thousands of people")]),
    ("Nearly 3,000 migrants were returned to Libya last month.",
     [("returned", 3000, None, 3000, "about", "migrants", "Nearly 3,000 migrants")]),
    ("Fighters took 11 villagers back to their homes in Ituri yesterday.",
     [("returned", 11, 11, 11, "exact", "villagers", "11 villagers")]),
    ("Militants prevented 5,000 residents from leaving the besieged town of Kadugli.",
     [("trapped", 5000, 5000, 5000, "exact", "residents", "5,000 residents")]),
    ("Tens of thousands of people are trapped in Mariupol.",
     [("trapped", 10000, 10000, 99999, "vague", "people", "Tens of thousands of people")]),
    ("About 150 people remain missing after the landslide.",
     [("missing", 150, None, None, "about", "people", "About 150 people")]),
    ("The United States has about 900 troops in Syria.",
     [("troops", 900, None, None, "about", "troops", "about 900 troops")]),
    ("Israel has 2,000 reservists on standby.",
     [("troops", 2000, 2000, 2000, "exact", "reservists", "2,000 reservists")]),
    ("Two dozen soldiers were killed when their convoy was ambushed.",
     [("killed", 24, None, None, "about", "soldiers", "Two dozen soldiers")]),
    ("Israeli strikes killed three paramedics in Rafah.",
     [("killed", 3, 3, 3, "exact", "paramedics", "three paramedics")]),
    ("Renewed clashes killed 5 and wounded 12 in Tripoli.",
     [("killed", 5, 5, 5, "exact", "people", "killed 5"),
      ("injured", 12, 12, 12, "exact", "people", "wounded 12")]),
    ("The death toll rose to 45, according to the health ministry.",
     [("killed", 45, 45, 45, "exact", "people", "45")]),
    ("Some 20 bodies were recovered from the river.",
     [("killed", 20, None, None, "about", "bodies", "Some 20 bodies")]),
    ("The group said 1.5 million people had been forced from their homes in Sudan.",
     [("displaced", 1500000, 1500000, 1500000, "exact", "people", "1.5 million people")]),
    ("It is a war which has already left up to 300,000 people dead.",
     [("killed", 300000, None, 300000, "up_to", "people", "up to 300,000 people")]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_counts(body: str, expected: list[tuple[object, ...]]) -> None:
    found = [(c.kind, c.value, c.low, c.high, c.qualifier, c.what, c.text) for c in _counts(body)]
    assert found == expected


@pytest.mark.parametrize("body", [
    "The 25-year-old was shot near Hebron.",
    "The convoy travelled 40 kilometres before it was stopped.",
    "The war began in 2011 and food prices rose 30 percent.",
    "The ceasefire lasted for four days and cost $5 million.",
    "He spoke to his mother for the first time in four-and-a-half years.",
    "Two or three shells hit the market at 3 p.m.",
    "One resident told reporters that the town near Bunia was empty.",
    "Soldiers destroyed 14 homes and 3 vehicles in the raid.",
    "A handful of villagers stayed behind.",
])
def test_not_counts(body: str) -> None:
    assert _counts(body) == []


def test_negated_counts() -> None:
    # "no one was hurt" states that nothing happened: no figure (the gold corpus's convention)
    assert _counts("The ministry denied that any civilians were killed in the strike on Khan Younis.") == []
    assert _counts("No one was killed in the attack, and police said no civilians were hurt.") == []
    denied_figure = _counts("The army denied that 20 civilians were killed in Tigray.")
    assert [(c.kind, c.value, c.status) for c in denied_figure] == [("killed", 20, "negated")]


@pytest.mark.parametrize(("body", "status"), [
    ("The fighting could displace up to 100,000 people, the UN warned.", "hypothetical"),
    ("Up to 10,000 more could leave if the shelling continues.", "hypothetical"),
    ("The rebels threatened to execute 30 prisoners in Marawi.", "hypothetical"),
    ("The president said he would send 1,500 troops to Haiti.", "hypothetical"),
    ("Shelling displaced 4,000 people in Khartoum on Monday.", "asserted"),
])
def test_status(body: str, status: str) -> None:
    found = _counts(body)
    assert len(found) == 1
    assert found[0].status == status
    if status == "hypothetical":
        assert found[0].period is None  # a figure that has not happened has no period


@pytest.mark.parametrize(("body", "hedged"), [
    ("Three people were reportedly killed in clashes in Juba.", True),
    ("An estimated 4,000 people have fled into Chad since Sunday.", True),
    ("Figures suggest that 700 people have left Kherson in the past two weeks.", True),
    ("Some 60 fighters are believed to have surrendered near Palma.", True),
    ("Police arrested 41 people in Dhaka on Tuesday.", False),
])
def test_hedged(body: str, hedged: bool) -> None:
    found = _counts(body)
    assert len(found) == 1
    assert found[0].hedged is hedged


@pytest.mark.parametrize(("body", "scope"), [
    ("It is a war which has already left up to 300,000 people dead.", "background"),
    ("The conflict has displaced more than 6 million people since it began.", "background"),
    ("Some 400,000 people have been killed since the war began in 2011.", "background"),
    ("In 2017, the militants killed 300 worshippers in a mosque in Bir al-Abed.", "background"),
    ("Fighting in Kidal killed 14 people on Tuesday.", "event"),
])
def test_scope(body: str, scope: str) -> None:
    found = _counts(body)
    assert len(found) == 1
    assert found[0].scope == scope


@pytest.mark.parametrize(("body", "period"), [
    ("Drone strikes killed 9 people in Sumy on Tuesday.", ("2024-05-14", "2024-05-14")),
    ("More than 700 people have fled Rafah since Sunday.", ("2024-05-12", "2024-05-15")),
    ("About 60 people were abducted in Zamfara over the weekend.", ("2024-05-11", "2024-05-12")),
    ("Militias released 18 detainees last week.", ("2024-05-06", "2024-05-12")),
    ("Soldiers arrested 32 men in Masisi overnight.", ("2024-05-14", "2024-05-15")),
    ("Officials said on Monday that 40 migrants had drowned off Lampedusa.", None),
])
def test_period(body: str, period: tuple[str, str] | None) -> None:
    found = _counts(body)
    assert len(found) == 1
    got = (found[0].period.start, found[0].period.end) if found[0].period else None
    assert got == period


def test_place_claimant_and_what_follow_the_sentence() -> None:
    body = ("Artillery fire killed at least six people and wounded 19 in Avdiivka on Tuesday, "
            "the regional governor said.\n\n"
            "Nearly 2,000 residents have left villages near Pokrovsk since Sunday, according to "
            "the local council, which said up to 5,000 more could follow.")
    text, body_start = compose(None, body)
    assert body_start == 0
    places = [_place(text, "Avdiivka"), _place(text, "Pokrovsk")]
    governor = _actor(text, "Vadym Filashkin", "the regional governor")
    council = _actor(text, "Pokrovsk city council", "the local council")
    found = _counts(body, places=places, actors=[governor, council])
    assert [(c.kind, c.value, c.qualifier, c.what, c.text, c.place, c.claimed_by, c.status) for c in found] == [
        ("killed", 6, "at_least", "people", "at least six people", "Avdiivka", "Vadym Filashkin", "asserted"),
        ("injured", 19, "exact", "people", "wounded 19", "Avdiivka", "Vadym Filashkin", "asserted"),
        ("displaced", 2000, "about", "residents", "Nearly 2,000 residents", "Pokrovsk",
         "Pokrovsk city council", "asserted"),
        ("displaced", 5000, "up_to", "residents", "up to 5,000 more", "Pokrovsk", "Pokrovsk city council",
         "hypothetical"),
    ]
    assert [c.period for c in found][2].start == "2024-05-12"  # type: ignore[union-attr]


def test_claimant_from_a_quote_speaker() -> None:
    body = "The agency said 312 refugees had crossed into Uganda, its spokesman told reporters."
    text, _ = compose(None, body)
    quote_start = text.index("312")
    quote_end = text.index(", its")
    speaker_at = text.index("its spokesman")
    quote = Quote(text=text[quote_start:quote_end], start=quote_start, end=quote_end, kind="indirect",
                  cue="said", speaker=Speaker(name="Joel Boutroue", role="spokesman", organization="UNHCR",
                                              text="its spokesman", start=speaker_at,
                                              end=speaker_at + len("its spokesman")))
    found = _counts(body, quotes=[quote])
    assert [(c.kind, c.value, c.claimed_by) for c in found] == [("displaced", 312, "Joel Boutroue")]


def test_place_prefers_the_most_precise_and_skips_nationalities() -> None:
    body = "Syria's army said 14 soldiers were killed near Palmyra, in central Syria."
    text, _ = compose(None, body)
    syria = Place(name="Syria", lat=35.0, lon=38.0, geonameid=None, country="SY", admin1=None, kind="country",
                  precision="country", mentions=(_mention(text, "Syria"), _mention(text, "Syria", 1)))
    found = _counts(body, places=[syria, _place(text, "Palmyra")])
    assert [(c.kind, c.value, c.place) for c in found] == [("killed", 14, "Palmyra")]


def test_headline_figures_repeat_the_body() -> None:
    title = "Clashes kill eight in Goma as hundreds flee"
    body = "Clashes between the army and M23 rebels killed eight people in Goma on Monday."
    found = _counts(body, title=title)
    # the killed figure is in the body; the headline's displaced figure has no body twin
    assert [(c.kind, c.value, c.qualifier, c.text) for c in found] == [
        ("displaced", 100, "vague", "hundreds"), ("killed", 8, "exact", "eight people")]


def test_no_publication_date_gives_no_period() -> None:
    found = _counts("Police arrested 41 people in Dhaka on Tuesday.", published=None)
    assert [(c.kind, c.value, c.period) for c in found] == [("detained", 41, None)]


@pytest.mark.parametrize(("text", "value"), [
    ("6,500", 6500), ("1.5 million", 1500000), ("two dozen", 24), ("twenty-five", 25),
    ("two hundred and fifty", 250), ("a dozen", 12), ("2.5m", 2500000), ("eleven", 11), ("many", None),
])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_lexicon_is_versioned_and_vague_defaults_follow_acled() -> None:
    lex = counts_lexicon()
    assert lex["version"] and "ACLED" in lex["note"]
    vague = {v["phrase"]: v["value"] for v in lex["vague"]}
    assert (vague["tens"], vague["dozens"], vague["hundreds"]) == (10, 12, 100)
    for v in lex["vague"]:
        assert v["low"] is None or v["low"] <= v["value"]
        assert v["high"] is None or v["high"] >= v["value"]


# ---------------------------------------------------------------- round 2: kinds, sub-figures, scope

@pytest.mark.parametrize(("body", "expected"), [
    # verbs the first lexicon lacked
    ("Gunmen slaughtered at least nine farmers near the river.", [("killed", 9)]),
    ("The army said it had neutralised about 40 assailants.", [("killed", 40)]),
    ("The district hospital treated 27 people after the riot.", [("injured", 27)]),
    ("Raiders snatched 18 travellers from the highway.", [("detained", 18)]),
    ("More than 500 people have abandoned the town since the raid.", [("displaced", 500)]),
    ("About 900 residents were driven from their homes by the floods of fighting.", [("displaced", 900)]),
    ("Thousands of people poured out of the city overnight.", [("displaced", 1000)]),
    ("Some 6,000 people have arrived in Adre this week.", [("displaced", 6000)]),
    ("The settlement hosts 70,000 IDPs.", [("displaced", 70000)]),
    ("Officials say 40 passengers were missing after the attack.", [("missing", 40)]),
    ("Officials put the death toll at 14.", [("killed", 14)]),
    ("Estimates of the death toll range from 300 to 500.", [("killed", 300)]),
    ("The commander said his battalion lost 12 men.", [("killed", 12)]),
    ("More than 80 students were taken from their dormitory.", [("detained", 80)]),
    ("Four of the injured were taken to hospital in Kismayo.", [("injured", 4)]),
    ("Volunteers pulled five people from the rubble of the market.", [("trapped", 5)]),
    ("The war has uprooted more than 9 million.", [("displaced", 9000000)]),
    ("Between 2,000 and 2,500 Chadian soldiers are deployed in the region.", [("troops", 2000)]),
    ("The shelling forced several hundred families to flee.", [("displaced", 100)]),
    # a sub-figure takes the kind of the count it belongs to, not of the next verb
    ("A shell killed five people, including two children, and wounded 14 others.",
     [("killed", 5), ("killed", 2), ("injured", 14)]),
    # the number restates the previous figure
    ("Police say 25 pupils were abducted, but parents fear the real number could be as high as 70.",
     [("detained", 25), ("detained", 70)]),
    # a return that never happened: people whose fate is unknown
    ("Dozens of them have never come home.", [("missing", 12)]),
    # in a story of captives, those who escape are escaped captives
    ("Bandits abducted 30 women on Friday. Three women who escaped reached Gusau on Sunday.",
     [("detained", 30), ("returned", 3)]),
])
def test_round2_kinds(body: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.value) for c in _counts(body)] == expected


@pytest.mark.parametrize("body", [
    "08:40 Residents of the old town say the shooting has stopped.",  # a clock time
    "None of the 14 sailors was hurt, the company said.",  # the crew, not a toll
    "One officer suffered burns to his arms.",  # a person, not a force
    "The drone struck a car, two residents told Reuters by phone.",  # speakers
    "The ministry said the two men were cousins.",  # the same men again
    "Festival organisers said 4,000 visitors had arrived by Friday.",  # not displaced
])
def test_round2_not_figures(body: str) -> None:
    assert [(c.kind, c.value) for c in _counts(body) if c.kind != "other"] == []


def test_none_of_the_crew_is_other_or_nothing() -> None:
    found = _counts("None of the 14 sailors was hurt, the company said.")
    assert all(c.kind == "other" for c in found)


@pytest.mark.parametrize(("body", "scope"), [
    ("About 2 million people remain displaced nationwide.", "background"),
    ("The camp hosts an estimated 300,000 people.", "background"),
    ("Around 20,000 people are still held at the camp.", "background"),
    ("An AU force of about 8,000 troops is helping the army.", "background"),
    ("Gangs kidnap hundreds of people a year on the road.", "background"),
    ("About 90,000 people have been driven from their homes by the violence.", "background"),
    ("The monitor has recorded more than 90 soldiers killed in such raids since January.", "background"),
    ("Rebels kidnapped 300 pupils in Kebbi in 2019. Dozens of them have never come home.", "background"),
    ("Rescuers were still searching the rubble for two people.", "event"),
    ("Shelling killed 12 people in the market on Monday.", "event"),
])
def test_round2_scope(body: str, scope: str) -> None:
    found = _counts(body)
    assert found and found[-1].scope == scope


@pytest.mark.parametrize(("body", "hedged", "status"), [
    ("Residents said as many as 50 children could be missing.", True, "asserted"),
    ("The UN estimates that more than 2 million people have fled.", True, "asserted"),
    ("More than 900 villagers have fled, according to an aid group, which said it feared more strikes.",
     False, "asserted"),
    ("Up to 20,000 people could flee the town, aid groups warned.", False, "hypothetical"),
])
def test_round2_hedge_and_status(body: str, hedged: bool, status: str) -> None:
    found = _counts(body)
    assert [(c.hedged, c.status) for c in found] == [(hedged, status)]


def test_hedge_bears_on_the_next_figure_only() -> None:
    found = _counts("The war has killed thousands of people, by some estimates as many as 90,000, "
                    "and uprooted more than 4 million.")
    assert [(c.value, c.hedged) for c in found] == [(1000, False), (90000, True), (4000000, False)]


def test_claimant_without_an_actor_is_the_reporting_phrase() -> None:
    found = _counts("Two mortar rounds killed four people, camp leaders told reporters.")
    assert [(c.kind, c.value, c.claimed_by) for c in found] == [("killed", 4, "camp leaders")]
    subject = _counts("About 30 drivers were missing, the sources said.")
    assert [(c.kind, c.claimed_by) for c in subject] == [("missing", "sources")]


@pytest.mark.parametrize(("body", "expected"), [
    # army euphemisms for deaths
    # (the list's total is spelled out too: 8, round 9)
    ("Six soldiers and two militiamen fell on the field of honour during the clashes.",
     [("killed", 6), ("killed", 8), ("killed", 2)]),
    ("Three police officers fell in combat near the border.", [("killed", 3)]),
    # "to death" on any verb kills
    ("Rioters stabbed at least five prisoners to death in the east wing.", [("killed", 5)]),
    # people who cross or relocate are displaced; households are people
    ("More than 3,000 people crossed the border to reach Chad.", [("displaced", 3000)]),
    ("About 500 refugees have tried to cross into Uganda this week.", [("displaced", 500)]),
    ("Another 1,200 households may need to relocate.", [("displaced", 1200)]),
    # reports of missing people count the missing
    ("Police have logged about 150 reports of missing people since March.", [("missing", 150)]),
    # an implied count: a person named with "a" joins the figure
    ("The strike killed a man and his three daughters.", [("killed", 4)]),
    ("Gunmen shot dead two teachers and a pupil.", [("killed", 3)]),
])
def test_round4_kinds(body: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.value) for c in _counts(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a share of the figure just given, written "one of them"
    ("One rocket hit a parking lot near a school, wounding three people, one of them seriously.",
     [("injured", 3)]),
    # "one of the most ...": a superlative, not a person
    ("Inmates rioted inside one of Peru's most crowded jails.", []),
    # a population is not a figure of the conflict
    ("About 2 million people live in the province.", []),
    # a road marker
    ("The bodies were left near kilometre 41 of the road.", []),
    # households are counted only under a kind cue
    ("Some 240 households received compensation for the new road.", []),
])
def test_round4_not_figures(body: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.value) for c in _counts(body)] == expected
