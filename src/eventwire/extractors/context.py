"""What every extractor reads: the parsed text and the article's metadata.

The pipeline parses the headline and the body together as one text,
``title + "\\n\\n" + body``, so headline and body share one parse and one set of
offsets. Extractors return spans in these *doc offsets*; the pipeline maps them
to the record's fields (``article.title`` or ``article.text``) at the end with
``to_field``. An extractor never needs to know about that mapping unless it
treats headlines differently (e.g. an event told in both headline and body).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

TITLE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Context:
    doc: Doc
    body_start: int = 0           # doc offset where article.text begins (0: no title)
    published: date | None = None
    source: str | None = None

    @functools.cached_property
    def text(self) -> str:
        return doc_text(self.doc)

    def in_title(self, start: int) -> bool:
        return start < self.body_start

    def to_field(self, start: int, end: int) -> tuple[str, int, int]:
        """Map doc offsets to (field, start, end) in the record."""
        if start < self.body_start:
            return "title", start, end
        return "text", start - self.body_start, end - self.body_start


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on
    every access, which dominated extraction time in profiles)."""
    cached = doc.user_data.get("eventwire_text")
    if cached is None:
        cached = str(doc.text)
        doc.user_data["eventwire_text"] = cached
    return str(cached)


def compose(title: str | None, body: str) -> tuple[str, int]:
    """The text the pipeline parses and the offset at which the body starts."""
    if not title:
        return body, 0
    head = title + TITLE_SEPARATOR
    return head + body, len(head)
