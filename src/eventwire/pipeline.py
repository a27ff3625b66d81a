"""The ordered stages, from a raw document to a provenance-checked Record.

clean -> parse (title and body as one Doc) -> dates -> places -> actors ->
sources cited -> quotes -> counts -> events -> framing -> offsets mapped to
the record's fields -> provenance check. Each stage is a pure function of what
came before; this module only orders them and turns per-article crashes into
``Failure`` rows so that one bad article never aborts a batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc

from eventwire import nlp
from eventwire.clean import clean_text, split_title
from eventwire.errors import EmptyArticle, EventwireError
from eventwire.extractors.actors import extract_actors
from eventwire.extractors.context import Context, compose
from eventwire.extractors.counts import extract_counts
from eventwire.extractors.dates import find_time_expressions
from eventwire.extractors.events import extract_events
from eventwire.extractors.framing import extract_framing
from eventwire.extractors.places import extract_places
from eventwire.extractors.quotes import extract_quotes
from eventwire.extractors.sources import extract_sources_cited
from eventwire.ingest import check_date
from eventwire.schema import (
    Actor,
    Article,
    Event,
    Failure,
    Framing,
    Place,
    Quote,
    RawDocument,
    Record,
    SentenceRef,
)
from eventwire.settings import Settings

T = TypeVar("T")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare(raw: RawDocument) -> Article:
    """Clean a raw document into the Article every offset will point into."""
    title, body = raw.title, raw.text
    if raw.title_is_first_line:
        first, rest = split_title(body)
        if first is not None:
            title, body = title or first, rest
    cleaned = clean_text(body)
    if not cleaned.text.strip():
        raise EmptyArticle(path=raw.origin)
    return Article(
        id=raw.id or content_hash(cleaned.text),
        title=title.strip() if title else None,
        text=cleaned.text,
        source=raw.source,
        url=raw.url,
        published=check_date(raw.published, origin=raw.origin),
        language="en",
        removed=cleaned.removed,
    )


STAGES = ("dates", "places", "actors", "sources", "quotes", "counts", "events", "framing")


def analyse(article: Article, doc: Doc, *, timings: dict[str, float] | None = None) -> Record:
    """Run every extractor over ``doc`` (the parse of title + body).
    ``timings``, when given, accumulates seconds per stage (for benchmarks)."""
    text, body_start = compose(article.title, article.text)
    if doc.text != text:
        raise ValueError("doc does not hold the article's title and text")
    published = dt.date.fromisoformat(article.published) if article.published else None
    ctx = Context(doc=doc, body_start=body_start, published=published, source=article.source)
    clock = _Clock(timings)
    times = clock("dates", lambda: find_time_expressions(ctx))
    places = clock("places", lambda: extract_places(ctx))
    actors = clock("actors", lambda: extract_actors(ctx, places=places))
    sources = clock("sources", lambda: extract_sources_cited(ctx))
    quotes = clock("quotes", lambda: extract_quotes(ctx, actors=actors, sources=sources))
    counts = clock("counts", lambda: extract_counts(ctx, places=places, times=times, actors=actors,
                                                    quotes=quotes))
    events = clock("events", lambda: extract_events(ctx, actors=actors, places=places, times=times,
                                                    counts=counts, quotes=quotes))
    framing = clock("framing", lambda: extract_framing(ctx, quotes=quotes, actors=actors))
    record = Record(
        article=article,
        actors=tuple(_remap_mentions(ctx, a) for a in actors),
        places=tuple(_remap_mentions(ctx, p) for p in places),
        counts=tuple(_remap(ctx, c) for c in counts),
        quotes=tuple(_remap_quote(ctx, q) for q in quotes),
        sources_cited=tuple(_remap(ctx, s) for s in sources),
        events=tuple(_remap_event(ctx, e) for e in events),
        framing=Framing(
            tone=framing.tone,
            loaded=tuple(_remap(ctx, ls) for ls in framing.loaded if not ls.speaker_framing),
            quoted=tuple(_remap(ctx, ls) for ls in (*framing.loaded, *framing.quoted) if ls.speaker_framing)),
    )
    record.check_provenance()
    return record


class _Clock:
    """Runs a stage, adding its seconds to ``timings`` when the caller asked."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def __call__(self, name: str, stage: Callable[[], T]) -> T:
        if self.timings is None:
            return stage()
        start = time.perf_counter()
        result = stage()
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
        return result


# --- doc offsets to record fields -------------------------------------------

def _remap(ctx: Context, item: T) -> T:
    fld, start, end = ctx.to_field(item.start, item.end)  # type: ignore[attr-defined]
    return dataclasses.replace(item, start=start, end=end, field=fld)  # type: ignore[type-var]


def _remap_mentions(ctx: Context, item: Actor | Place) -> Any:
    return dataclasses.replace(item, mentions=tuple(_remap(ctx, m) for m in item.mentions))


def _remap_quote(ctx: Context, quote: Quote) -> Quote:
    speaker = _remap(ctx, quote.speaker) if quote.speaker is not None else None
    return dataclasses.replace(_remap(ctx, quote), speaker=speaker)


def _remap_event(ctx: Context, event: Event) -> Event:
    fld, start, end = ctx.to_field(event.sentence.start, event.sentence.end)
    return dataclasses.replace(event, sentence=SentenceRef(start=start, end=end, field=fld))  # type: ignore[arg-type]


# --- public entry points -----------------------------------------------------

def extract(text: str, *, title: str | None = None, published: str | None = None,
            source: str | None = None, url: str | None = None, id: str | None = None,
            title_is_first_line: bool = False, settings: Settings | None = None) -> Record:
    """One article's text to its record. Raises coded errors for bad input."""
    settings = settings or Settings.from_env()
    raw = RawDocument(origin="<text>", text=text, title=title, source=source, url=url,
                      published=published, id=id, title_is_first_line=title_is_first_line)
    article = prepare(raw)
    doc = nlp.parse(compose(article.title, article.text)[0], model=settings.model,
                    chunk_chars=settings.chunk_chars)
    return analyse(article, doc)


def extract_document(raw: RawDocument, *, settings: Settings | None = None) -> Record:
    settings = settings or Settings.from_env()
    article = prepare(raw)
    doc = nlp.parse(compose(article.title, article.text)[0], model=settings.model,
                    chunk_chars=settings.chunk_chars)
    return analyse(article, doc)


@dataclass
class Outcome:
    """What one batch run produced, in input order."""

    records: list[Record] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def failure_for(raw: RawDocument, err: Exception) -> Failure:
    if isinstance(err, EventwireError):
        return Failure(path=raw.origin, code=err.code, message=err.message, article_id=raw.id)
    # An extractor crashed on this article: keep it as data, go on with the batch.
    return Failure(path=raw.origin, code="E900",
                   message=f"{raw.origin}: analysis failed ({type(err).__name__}: {err}). "
                           "The article was skipped; please report it with the file.",
                   article_id=raw.id)


def admit(items: Iterable[RawDocument | Failure],
          skip: Callable[[Article], bool] | None = None) -> Iterator[tuple[RawDocument, Article] | Failure]:
    """The driver-side step every engine shares: clean each document, pass on
    readers' failures and articles that do not clean as Failures (``path`` is
    the origin), drop what ``skip`` says is already held, and yield the rest as
    (raw, Article) pairs."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            article = prepare(item)
        except EventwireError as err:
            yield failure_for(item, err)
            continue
        if skip is None or not skip(article):
            yield item, article


def run(items: Iterable[RawDocument | Failure], *, settings: Settings | None = None,
        skip: Callable[[Article], bool] | None = None) -> Iterator[tuple[str, Record | Failure]]:
    """Analyse a stream of documents, yielding (origin, Record or Failure) for each.

    ``skip(article)`` lets the caller drop articles it already holds before the
    expensive parse (the store's content-hash check). Parsing is batched with
    ``nlp.pipe``; memory stays bounded by ``settings.batch_size``.
    """
    settings = settings or Settings.from_env()
    batch: list[Article] = []
    origins: list[RawDocument] = []

    def flush() -> Iterator[tuple[str, Record | Failure]]:
        texts = [compose(a.title, a.text)[0] for a in batch]
        docs = nlp.parse_many(texts, model=settings.model, chunk_chars=settings.chunk_chars,
                              batch_size=settings.batch_size)
        for article, raw, doc in zip(batch, origins, docs, strict=True):
            result: Record | Failure
            try:
                result = analyse(article, doc)
            except Exception as err:
                result = failure_for(raw, err)
            yield raw.origin, result
        batch.clear()
        origins.clear()

    for admitted in admit(items, skip):
        if isinstance(admitted, Failure):
            yield admitted.path, admitted
            continue
        raw, article = admitted
        batch.append(article)
        origins.append(raw)
        if len(batch) >= settings.batch_size:
            yield from flush()
    if batch:
        yield from flush()
