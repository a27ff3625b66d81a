"""Readers: files and folders to ``RawDocument`` (or ``Failure``), streaming.

Supported: .txt (title = first line when a blank line follows it), .html/.htm
(through trafilatura, with the page's title, date, site name and URL), .jsonl
(one article per line with its metadata fields) and .warc/.warc.gz (HTML
responses inside). Readers never raise for one bad input inside a batch: they
yield a ``Failure`` and go on. Nothing is read into memory beyond one article.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import (
    BadJsonLine,
    BadMetadata,
    BadWarc,
    EventwireError,
    FileNotFound,
    UndecodableText,
    UnknownFileType,
)
from eventwire.schema import Failure, RawDocument

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

Item = RawDocument | Failure


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def decode(data: bytes, *, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
    Windows-1252, which is what mislabelled Western news pages usually are."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise UndecodableText(path=origin, detail="it holds NUL bytes, so it is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UndecodableText(path=origin, detail=str(utf8_error)) from None


def check_date(value: str | None, *, origin: str, field: str = "published") -> str | None:
    """Accept YYYY-MM-DD (or an ISO timestamp, cut to its date); None stays None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise BadMetadata(path=origin, field=field, value=value,
                          detail="give the date as YYYY-MM-DD") from None


def read_text(path: Path, data: bytes, **meta: Any) -> RawDocument:
    text = decode(data, origin=str(path))
    return RawDocument(origin=str(path), text=text, title_is_first_line=True, **meta)


def html_document(html: str, *, origin: str, url: str | None = None, **meta: Any) -> RawDocument:
    """One HTML page to a document, with trafilatura's metadata where the
    caller gave none (the caller's flags win: they know the source)."""
    import trafilatura  # imported here: only HTML input pays its start-up cost

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    lines = [line for line in body.split("\n")]
    # trafilatura repeats the <h1> headline as the first line of the body.
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    # One trafilatura line is one block (paragraph): make the breaks explicit.
    text = "\n\n".join(line for line in lines if line.strip())
    page_date = getattr(doc, "date", None) if doc is not None else None
    return RawDocument(
        origin=origin, text=text, title=meta.pop("title", None) or title,
        source=meta.pop("source", None) or (getattr(doc, "sitename", None) if doc is not None else None),
        url=url or (getattr(doc, "url", None) if doc is not None else None),
        published=meta.pop("published", None) or check_date(page_date, origin=origin),
        **meta,
    )


_JSONL_FIELDS = {"id", "title", "text", "html", "source", "url", "published"}


def read_jsonl(path: Path, meta: dict[str, Any]) -> Iterator[Item]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            origin = f"{path}#{number}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(decode(raw, origin=origin))
                if not isinstance(obj, dict):
                    raise BadJsonLine(path=str(path), line=number, detail="the line is not a JSON object")
                if not isinstance(obj.get("text") or obj.get("html"), str):
                    raise BadJsonLine(path=str(path), line=number, detail="it has no 'text' or 'html' string")
                fields = {k: (str(v) if v is not None else None) for k, v in obj.items() if k in _JSONL_FIELDS}
                fields["published"] = check_date(fields.get("published"), origin=origin) or meta.get("published")
                merged = {**{k: v for k, v in meta.items() if v is not None}, **{
                    k: v for k, v in fields.items() if v is not None}}
                if "html" in merged and "text" not in merged:
                    html = merged.pop("html")
                    yield html_document(html, origin=origin, **merged)
                else:
                    merged.pop("html", None)
                    text = merged.pop("text")
                    yield RawDocument(origin=origin, text=text, **merged)
            except json.JSONDecodeError as err:
                yield _failure(origin, BadJsonLine(path=str(path), line=number, detail=f"invalid JSON ({err.msg})"))
            except EventwireError as err:
                yield _failure(origin, err)


def read_warc(path: Path, meta: dict[str, Any]) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator  # only WARC input needs it
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                origin = f"{path}#{number}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    html = decode(record.content_stream().read(), origin=origin)
                    yield html_document(html, origin=origin, url=url, **meta)
                except EventwireError as err:
                    yield _failure(origin, err)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError) as err:
        # warcio surfaces damaged archives as any of these, depending on where the damage is.
        yield _failure(str(path), BadWarc(path=str(path), detail=str(err) or type(err).__name__))


def _failure(origin: str, err: EventwireError) -> Failure:
    return Failure(path=origin, code=err.code, message=err.message)


_SIDECAR_FIELDS = ("id", "title", "source", "url", "published")


def sidecar(path: Path) -> dict[str, Any]:
    """Metadata saved beside an article as ``NAME.meta.json`` (what many scrapers
    write): it describes that one file, so it wins over command-line defaults."""
    side = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BadMetadata(path=str(side), field="file", value=side.name, detail=f"not readable JSON ({err})") from None
    if not isinstance(data, dict):
        raise BadMetadata(path=str(side), field="file", value=side.name, detail="expected a JSON object")
    out: dict[str, Any] = {k: str(data[k]) for k in _SIDECAR_FIELDS if data.get(k) is not None}
    if "published" in out:
        out["published"] = check_date(out["published"], origin=str(side))
    return out


def read_file(path: Path, **meta: Any) -> Iterator[Item]:
    """Every document one file holds (a container holds many)."""
    suffix = suffix_of(path)
    try:
        if suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
            meta = {**meta, **sidecar(path)}
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, meta)
        elif suffix in WARC_SUFFIXES:
            yield from read_warc(path, meta)
        elif suffix in TEXT_SUFFIXES:
            yield read_text(path, path.read_bytes(), **meta)
        elif suffix in HTML_SUFFIXES:
            yield html_document(decode(path.read_bytes(), origin=str(path)), origin=str(path), **meta)
        else:
            raise UnknownFileType(path=str(path), suffix=suffix or path.name)
    except EventwireError as err:
        yield _failure(str(path), err)
    except OSError as err:
        yield Failure(path=str(path), code="E006", message=f"{path}: cannot be read ({err.strerror}).")


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files under the given paths, in a stable order. Inside folders only
    known article types are taken (a README beside the corpus is not an
    article); a file named explicitly is always tried."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and suffix_of(child) in ALL_SUFFIXES:
                        yield child
        elif path.is_file():
            yield path
        else:
            err = FileNotFound(path=str(path))
            yield Failure(path=str(path), code=err.code, message=err.message)


def iter_documents(paths: Iterable[str | Path], **meta: Any) -> Iterator[Item]:
    """All documents under ``paths``; ``meta`` (published, source, url) fills
    what a document does not say itself."""
    if meta.get("published"):
        meta["published"] = check_date(meta["published"], origin="--published")
    for item in walk(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item, **meta)
