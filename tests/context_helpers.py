"""One way to build an extractor context from a test article, shared by the extractor test files."""

from __future__ import annotations

from datetime import date

from eventwire.extractors.context import Context, compose
from eventwire.nlp import parse

# The publication date most tests resolve relative dates against (a Wednesday).
PUBLISHED = date(2024, 5, 15)


def make_context(body: str, title: str | None = None, *, published: date | None = PUBLISHED,
                 source: str | None = None) -> tuple[str, Context]:
    """The composed doc text (title, blank line, body) and its parsed context."""
    text, body_start = compose(title, body)
    return text, Context(doc=parse(text), body_start=body_start, published=published, source=source)
