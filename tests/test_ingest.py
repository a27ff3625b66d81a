"""Readers: every supported type, and bad input as coded failures, not crashes."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import BadMetadata
from eventwire.ingest import decode, iter_documents
from eventwire.schema import Failure, RawDocument

PAGE = """<html><head><title>Bridge reopens | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="article:published_time" content="2023-09-14T08:30:00Z">
<meta property="og:url" content="https://courier.example/bridge"></head>
<body><nav>Home | Region | Sport</nav><article><h1>Bridge reopens after repairs</h1>
<p>The old stone bridge over the river reopened to traffic on Wednesday after nine months of repairs.</p>
<p>Engineers replaced two arches that floodwater had cracked last winter, the council said.</p>
</article><footer>Contact us | Privacy</footer></body></html>"""


def _docs(*paths: Path, **meta: str) -> list[RawDocument | Failure]:
    return list(iter_documents(paths, **meta))


def test_txt_keeps_metadata_from_flags(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nBody line one.\n", encoding="utf-8")
    [doc] = _docs(f, published="2020-01-02", source="Wire")
    assert isinstance(doc, RawDocument)
    assert doc.title_is_first_line and doc.published == "2020-01-02" and doc.source == "Wire"


def test_windows_1252_text_is_decoded() -> None:
    assert decode("café – “quoted”".encode("cp1252"), origin="x") == "café – “quoted”"


def test_binary_file_is_a_coded_failure(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(b"\x00\x01\x02binary")
    [item] = _docs(f)
    assert isinstance(item, Failure) and item.code == "E002" and str(f) in item.message


def test_unknown_type_named_explicitly_fails_but_is_skipped_in_folders(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "a.txt").write_text("T\n\nBody.")
    assert [type(d).__name__ for d in _docs(tmp_path)] == ["RawDocument"]
    [item] = _docs(tmp_path / "notes.md")
    assert isinstance(item, Failure) and item.code == "E001"


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [item] = _docs(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and item.code == "E006"


def test_html_takes_title_date_site_and_url_from_the_page(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    f.write_text(PAGE, encoding="utf-8")
    [doc] = _docs(f)
    assert isinstance(doc, RawDocument)
    assert doc.title and "Bridge reopens" in doc.title
    assert doc.source == "Valley Courier"
    assert doc.published == "2023-09-14"
    assert doc.url == "https://courier.example/bridge"
    assert "nine months of repairs" in doc.text and "Privacy" not in doc.text
    assert "\n\n" in doc.text  # paragraphs stay paragraphs


def test_jsonl_bad_line_fails_alone(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "One", "text": "First body.", "published": "2022-05-01"}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"id": "a3", "text": "Third body.", "published": "May 2022"}),
        json.dumps({"id": "a4", "text": "Fourth body.", "source": "Radio"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _docs(f, source="Default Source")
    kinds = [(type(i).__name__, getattr(i, "code", None)) for i in items]
    assert kinds == [("RawDocument", None), ("Failure", "E004"), ("Failure", "E004"),
                     ("Failure", "E005"), ("RawDocument", None)]
    first, last = items[0], items[-1]
    assert isinstance(first, RawDocument) and first.id == "a1" and first.source == "Default Source"
    assert isinstance(last, RawDocument) and last.source == "Radio"
    assert items[1].path.endswith("#2")  # type: ignore[union-attr]


def test_bad_published_flag_is_refused() -> None:
    with pytest.raises(BadMetadata) as info:
        list(iter_documents([], published="06/03/2019"))
    assert info.value.code == "E005"


def _warc(records: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_gz_pages_are_read(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc([("https://courier.example/bridge", PAGE)]))
    [doc] = _docs(f)
    assert isinstance(doc, RawDocument)
    assert doc.url == "https://courier.example/bridge" and "stone bridge" in doc.text


def test_truncated_warc_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort"))
    items = _docs(f)
    assert items and all(isinstance(i, Failure) for i in items)
    assert items[0].code == "E007"  # type: ignore[union-attr]


def test_sidecar_metadata_describes_its_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2021-07-04", "source": "Local Radio"}')
    (tmp_path / "b.txt").write_text("Other\n\nBody two.", encoding="utf-8")
    a, b = _docs(tmp_path, published="2020-01-01")
    assert isinstance(a, RawDocument) and a.published == "2021-07-04" and a.source == "Local Radio"
    assert isinstance(b, RawDocument) and b.published == "2020-01-01" and b.source is None


def test_bad_sidecar_is_a_coded_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "last week"}')
    [item] = _docs(tmp_path)
    assert isinstance(item, Failure) and item.code == "E005" and "a.meta.json" in item.message
