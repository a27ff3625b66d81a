"""Synthetic records for the web app's benchmark and tests.

They are built directly from the schema types (no NLP model), with offsets
that hold (``Record.check_provenance`` passes), so a store of any size can be
made in seconds: ``Store.add(list(synthetic_records(1000)))``. The places are
real towns with rounded coordinates; everything else is invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator

from eventwire.schema import (
    Actor,
    Article,
    Count,
    Event,
    EventDate,
    Framing,
    Mention,
    Modality,
    Place,
    Record,
    SentenceRef,
)

# (name, lat, lon, ISO country)
PLACES: tuple[tuple[str, float, float, str], ...] = (
    ("Aleppo", 36.20, 37.16, "SY"), ("Idlib", 35.93, 36.63, "SY"), ("Deir ez-Zor", 35.34, 40.14, "SY"),
    ("Mosul", 36.34, 43.13, "IQ"), ("Kirkuk", 35.47, 44.39, "IQ"), ("Hodeidah", 14.80, 42.95, "YE"),
    ("Taiz", 13.58, 44.02, "YE"), ("Marib", 15.46, 45.32, "YE"), ("Kharkiv", 49.99, 36.23, "UA"),
    ("Donetsk", 48.02, 37.80, "UA"), ("Kherson", 46.64, 32.61, "UA"), ("Zaporizhzhia", 47.84, 35.14, "UA"),
    ("El Fasher", 13.63, 25.35, "SD"), ("Khartoum", 15.50, 32.56, "SD"), ("Gao", 16.27, -0.04, "ML"),
    ("Mopti", 14.48, -4.20, "ML"), ("Maiduguri", 11.85, 13.16, "NG"), ("Mogadishu", 2.04, 45.34, "SO"),
    ("Kismayo", -0.36, 42.55, "SO"), ("Kandahar", 31.61, 65.71, "AF"), ("Sittwe", 20.15, 92.90, "MM"),
    ("Goma", -1.68, 29.22, "CD"), ("Bunia", 1.57, 30.25, "CD"), ("Mekelle", 13.50, 39.47, "ET"),
    ("Rafah", 31.30, 34.25, "PS"), ("Khan Younis", 31.34, 34.31, "PS"), ("Tripoli", 32.89, 13.19, "LY"),
    ("Djibo", 14.10, -1.63, "BF"), ("Cabo Delgado", -12.33, 39.32, "MZ"), ("Port-au-Prince", 18.54, -72.34, "HT"),
)

# (type, subtype, verb phrase)
EVENTS: tuple[tuple[str, str, str], ...] = (
    ("battle", "armed_clash", "clashed with {a2} near"),
    ("battle", "territory_taken", "took control of"),
    ("remote_violence", "air_drone_strike", "carried out an air strike on"),
    ("remote_violence", "shelling_artillery_missile", "shelled"),
    ("remote_violence", "ied_landmine", "detonated a roadside bomb in"),
    ("violence_against_civilians", "attack", "attacked civilians in"),
    ("violence_against_civilians", "abduction", "abducted residents of"),
    ("protest", "peaceful", "marched through"),
    ("riot", "mob_violence", "rioted in"),
    ("strategic_development", "arrest", "arrested suspects in"),
    ("displacement", "flight", "fled"),
    ("humanitarian_access", "aid_delivery", "delivered aid to"),
    ("statement", "accuse", "accused {a2} of attacks on"),
)

ACTORS: tuple[tuple[str, str], ...] = (
    ("Government forces", "state_military"), ("Rebel fighters", "rebel_group"),
    ("Militia members", "militia"), ("Protesters", "civilians"), ("Police", "police"),
    ("Islamic State", "rebel_group"), ("Aid workers", "igo"), ("Residents", "civilians"),
)
SOURCES = ("Example Wire", "Daily Ledger", "Frontline Post", "Regional Herald", "Morning Report")
MODALITIES: tuple[Modality, ...] = ("asserted",) * 8 + ("possible", "planned", "historical")


def _mention(text: str, sub: str, start: int) -> Mention:
    at = text.index(sub, start)
    return Mention(text=sub, start=at, end=at + len(sub))


def synthetic_records(n_articles: int, *, events_per_article: int = 2, seed: int = 0,
                      first_day: dt.date = dt.date(2022, 1, 1), days: int = 730) -> Iterator[Record]:
    """``n_articles`` records of ``events_per_article`` events each, reproducible from ``seed``."""
    rng = random.Random(seed)
    for i in range(n_articles):
        published = first_day + dt.timedelta(days=rng.randrange(days))
        text = f"Report {i}."
        actors: dict[str, Actor] = {}
        places: dict[str, Place] = {}
        events: list[Event] = []
        counts: list[Count] = []
        for _ in range(events_per_article):
            name, lat, lon, country = rng.choice(PLACES)
            if rng.random() < 0.6:  # most events happen around a town, not in it
                name = f"{name} outskirts {rng.randrange(12)}"
                lat, lon = lat + rng.uniform(-0.8, 0.8), lon + rng.uniform(-0.8, 0.8)
            kind, subtype, verb = rng.choice(EVENTS)
            (a1, t1), (a2, t2) = rng.sample(ACTORS, 2)
            day = published - dt.timedelta(days=rng.randrange(3))
            killed = rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 30))
            sentence = f"{a1} {verb.format(a2=a2)} {name} on {day.isoformat()}"
            sentence += f", killing {killed} people." if killed else "."
            start = len(text) + 1
            text = f"{text} {sentence}"
            end = len(text)
            for actor, atype in ((a1, t1), (a2, t2)):
                if actor in text[start:end]:
                    m = _mention(text, actor, start)
                    old = actors.get(actor)
                    actors[actor] = Actor(name=actor, type=atype, country=country,
                                          mentions=(*(old.mentions if old else ()), m))
            pm = _mention(text, name, start)
            old_place = places.get(name)
            places[name] = Place(name=name, lat=round(lat, 4), lon=round(lon, 4), geonameid=None, country=country,
                                 admin1=None, kind="populated_place", precision="point",
                                 mentions=(*(old_place.mentions if old_place else ()), pm))
            if killed:
                c = _mention(text, f"{killed} people", start)
                counts.append(Count(kind="killed", value=killed, low=killed, high=None, qualifier="exact",
                                    what="people", text=c.text, start=c.start, end=c.end, place=name))
            events.append(Event(
                type=kind, subtype=subtype, actor1=a1, actor2=a2 if a2 in text[start:end] else None,
                place=name, date=EventDate(start=day.isoformat(), end=day.isoformat(), precision="day"),
                modality=rng.choice(MODALITIES), counts={"killed": killed} if killed else {},
                attributed_to=None, sentence=SentenceRef(start=start, end=end),
                confidence=round(rng.uniform(0.5, 0.95), 2)))
        title = f"{events[0].type.replace('_', ' ').capitalize()} reported near {events[0].place}"
        article = Article(id=hashlib.sha256(text.encode()).hexdigest(), title=title, text=text,
                          source=rng.choice(SOURCES), url=f"https://news.example/{i}",
                          published=published.isoformat())
        yield Record(article=article, actors=tuple(actors.values()), places=tuple(places.values()),
                     counts=tuple(counts), events=tuple(events), framing=Framing(tone=0.0))
