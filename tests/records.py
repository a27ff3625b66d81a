"""Hand-built records for tests that must not depend on the NLP model."""

from __future__ import annotations

import hashlib

from eventwire.schema import (
    Actor,
    Article,
    Count,
    Event,
    EventDate,
    Framing,
    LoadedSpan,
    Mention,
    Period,
    Place,
    Quote,
    Record,
    Removed,
    SentenceRef,
    SourceCited,
    Speaker,
)

TITLE = "Strike hits market in Hodeidah"
TEXT = ('An air strike killed at least seven people at a market in Hodeidah on Sunday, medics said.\n\n'
        '"We carried out the wounded by hand," a nurse told Reuters.')


def _m(text: str, sub: str, field: str = "text") -> Mention:
    start = text.index(sub)
    return Mention(text=sub, start=start, end=start + len(sub), field=field)  # type: ignore[arg-type]


def sample_record(*, text: str = TEXT, title: str | None = TITLE, source: str = "Example Wire") -> Record:
    article = Article(id=hashlib.sha256(text.encode()).hexdigest(), title=title, text=text, source=source,
                      url="https://wire.example/1", published="2023-06-12",
                      removed=(Removed(text="Read more", reason="scraper_boilerplate"),))
    place = Place(name="Hodeidah", lat=14.79781, lon=42.95452, geonameid=79415, country="YE", admin1="Al Hudaydah",
                  kind="populated_place", precision="point",
                  mentions=(_m(text, "Hodeidah"), _m(title or "", "Hodeidah", "title")) if title else
                  (_m(text, "Hodeidah"),))
    count_start = text.index("at least seven people")
    count = Count(kind="killed", value=7, low=7, high=None, qualifier="at_least", what="people",
                  text="at least seven people", start=count_start, end=count_start + 21, place="Hodeidah",
                  period=Period(start="2023-06-11", end="2023-06-11"), claimed_by="medics")
    q_start = text.index("We carried")
    q_text = "We carried out the wounded by hand"
    nurse = _m(text, "a nurse")
    quote = Quote(text=q_text, start=q_start, end=q_start + len(q_text), kind="direct", cue="told",
                  speaker=Speaker(name=None, role="nurse", organization=None, text=nurse.text,
                                  start=nurse.start, end=nurse.end))
    src = _m(text, "Reuters")
    event = Event(type="remote_violence", subtype="air_drone_strike", actor1=None, actor2="civilians",
                  place="Hodeidah", date=EventDate(start="2023-06-11", end="2023-06-11", precision="day"),
                  modality="asserted", counts={"killed": 7}, attributed_to="medics",
                  sentence=SentenceRef(start=0, end=text.index("\n\n")), confidence=0.9)
    return Record(
        article=article,
        actors=(Actor(name="civilians", type="civilians", country="YE", mentions=(_m(text, "people"),)),
                Actor(name="medics", type="other", country="YE", mentions=(_m(text, "medics"),))),
        places=(place,), counts=(count,), quotes=(quote,),
        sources_cited=(SourceCited(name="Reuters", text=src.text, start=src.start, end=src.end),),
        events=(event,),
        framing=Framing(tone=-30.0, loaded=(LoadedSpan(text="air strike", start=3, end=13,
                                                       category="other"),)),
    )
