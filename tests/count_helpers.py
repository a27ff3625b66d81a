"""One way to run the counts extractor on a test sentence, shared by the counts test files."""

from __future__ import annotations

from datetime import date

from eventwire.extractors.context import Context, compose
from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.nlp import parse
from eventwire.schema import Count


def count_records(body: str, published: date = date(2024, 5, 15)) -> list[Count]:
    """The counts of a body with no title, places, actors or quotes, dates resolved from `published`."""
    text, body_start = compose(None, body)
    ctx = Context(doc=parse(text), body_start=body_start, published=published)
    return extract_counts(ctx, places=[], times=find_time_expressions(ctx), actors=[], quotes=[])
