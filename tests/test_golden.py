"""Golden files: whole records for the demo corpus's articles.

A change in any extractor shows up here as a diff of the record. When the change
is intended, rewrite the files with `pytest tests/test_golden.py --update-golden`
and review the diff in the commit like any other change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest import iter_documents
from eventwire.pipeline import extract_document
from eventwire.schema import RawDocument

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
ARTICLES = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".html", ".jsonl"))


def _documents() -> list[tuple[str, RawDocument]]:
    out = []
    for item in iter_documents(ARTICLES):
        assert isinstance(item, RawDocument), item
        name = Path(item.origin.split("#")[0]).stem + (f"-{item.origin.split('#')[1]}" if "#" in item.origin else "")
        out.append((name, item))
    return out


@pytest.mark.parametrize(("name", "doc"), [pytest.param(n, d, id=n) for n, d in _documents()])
def test_record_matches_golden(name: str, doc: RawDocument, update_golden: bool) -> None:
    record = extract_document(doc)
    record.check_provenance()
    path = GOLDEN / f"{name}.record.json"
    got = record.to_dict()
    if update_golden or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{path.name} did not exist and was written; review and commit it")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected
