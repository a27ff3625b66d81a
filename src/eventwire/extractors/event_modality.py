"""Event modality in time: historical events (dated well before publication),
campaigns (violence told over months or years) and the story's time frame that
dates what the text leaves undated.

Split out of events.py.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.extractors.event_lexicon import Taxonomy
from eventwire.extractors.event_merge import PERPETRATED
from eventwire.extractors.event_syntax import when_year
from eventwire.schema import EventDate

if TYPE_CHECKING:
    from eventwire.extractors.events import Draft

__all__ = ["campaign", "date_frame", "historical"]

_TERRITORY = {"territory_taken", "territory_regained"}
_PERPETRATED = PERPETRATED


def historical(drafts: list[Draft], published: date | None, tax: Taxonomy) -> None:
    """An explicit date well before publication makes an event historical; a
    simple-past sentence right after a historical one carries it on."""
    if published is None:
        return
    last_hist_unit = -10
    for d in drafts:
        end = d.date.end
        year = when_year(d.anchor)
        if d.modality == "asserted" and year is not None and published.year - year >= 1:
            d.modality = "historical"  # "the memory of May 2002, when dozens were killed"
        if d.date_own and end is not None and d.date.start is not None:
            # a simple past with its own old date is history even under a plan word
            # elsewhere in the sentence ("when X fell in 2022, few expected ...")
            told = d.modality == "asserted" or (d.modality == "planned" and d.anchor.tag_ == "VBD")
            if (published - date.fromisoformat(end)).days > tax.historical_min_days and told:
                d.modality = "historical"
        elif (d.modality == "asserted" and not d.date_own and d.unit.index - last_hist_unit <= 1
              and _simple_past(d.anchor)):
            d.modality = "historical"
        if d.modality == "historical":
            last_hist_unit = d.unit.index


def campaign(d: Draft, published: date | None, tax: Taxonomy) -> bool:
    """Violence told over a span of months or years ('has fought the government
    since 2007', 'have besieged the city on and off since 2023', 'stepped up
    attacks this year'): a campaign, not one happening. A siege or blockade of
    aid (humanitarian access) is a state the news reports, and is kept."""
    if published is None or d.type not in _PERPETRATED or not d.date_own or d.modality == "negated":
        return False
    if d.date.start is None or d.date.end is None:
        return False
    start, end = date.fromisoformat(d.date.start), date.fromisoformat(d.date.end)
    return (end - start).days > tax.historical_min_days and (published - end).days <= 31


def _simple_past(anchor: Token) -> bool:
    """Simple past ('advanced', 'fell'), not the present perfect of news."""
    auxes = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"have", "has", "'ve", "is", "are", "am", "will", "would"}:
        return False
    chain = [anchor, *list(anchor.ancestors)[:2]]
    # the small model often tags a sentence-initial simple past as VBN
    return any(t.tag_ in ("VBD", "VBN") for t in chain)


_FRAME_WINDOW = 4  # sentences a story's time frame carries over


def date_frame(drafts: list[Draft], published: date | None) -> None:
    """Date what the text does not date itself, from the story's time frame.

    A news story dates its lead happening and tells the rest in the same frame
    ("Russia launched drones overnight ..." then "In Bila Tserkva a drone hit a
    warehouse"): an asserted event without a time of its own takes the date of
    the nearest earlier dated asserted event at most ``_FRAME_WINDOW`` sentences
    back, with precision ``unknown`` (inferred, not stated). Otherwise a
    reported happening, asserted or historical, took place no later than
    publication: ``{null, published, unknown}``. Planned, possible and negated
    events keep no date.
    """
    frame: Draft | None = None
    for d in sorted(drafts, key=lambda d: (d.unit.start, d.trigger.i)):
        if d.date.start is not None or d.date.end is not None:
            if d.date_own and d.modality == "asserted" and d.date.start is not None:
                frame = d
            continue
        # a denied capture ("denied that the base had fallen") is set in the story's frame too
        told = d.modality == "asserted" or (d.modality == "negated" and d.subtype in _TERRITORY)
        if told and frame is not None and \
                d.unit.index - frame.unit.index <= _FRAME_WINDOW:
            d.date = EventDate(frame.date.start, frame.date.end, "unknown")
            d.date_inferred = True
        elif d.modality in ("asserted", "historical") and published is not None:
            d.date = EventDate(None, published.isoformat(), "unknown")
            d.date_inferred = True
