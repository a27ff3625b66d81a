"""One way to run the counts extractor on a test sentence, shared by the counts test files."""

from __future__ import annotations

from datetime import date

from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.schema import Count
from tests.context_helpers import make_context


def count_records(body: str, published: date = date(2024, 5, 15)) -> list[Count]:
    """The counts of a body with no title, places, actors or quotes, dates resolved from `published`."""
    _text, ctx = make_context(body, published=published)
    return extract_counts(ctx, places=[], times=find_time_expressions(ctx), actors=[], quotes=[])
