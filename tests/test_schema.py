"""The record contract: JSON shape, round trip, provenance guarantee."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from eventwire.errors import ProvenanceError
from eventwire.schema import Mention, Record, record_from_dict
from tests.records import sample_record

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "spec" / "example" / "kharkiv-example.record.json"


def test_round_trip_is_exact() -> None:
    record = sample_record()
    again = Record.from_dict(json.loads(record.to_json()))
    assert again == record


def test_body_spans_omit_the_field_key_title_spans_carry_it() -> None:
    d = sample_record().to_dict()
    mentions = d["places"][0]["mentions"]
    assert "field" not in mentions[0]
    assert mentions[1]["field"] == "title"
    assert list(d) == ["schema_version", "article", "actors", "places", "counts", "quotes",
                       "sources_cited", "events", "framing"]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared/spec not beside the repository")
def test_contract_example_parses_and_prints_identically() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record = record_from_dict(data)
    record.check_provenance()
    assert record.to_dict() == data


def test_provenance_check_catches_a_shifted_span() -> None:
    record = sample_record()
    place = record.places[0]
    bad = dataclasses.replace(place, mentions=(Mention(text="Hodeidah", start=1, end=9),))
    with pytest.raises(ProvenanceError) as info:
        dataclasses.replace(record, places=(bad,)).check_provenance()
    assert info.value.code == "E901" and "places[0]" in str(info.value)


def test_provenance_check_reads_title_spans_from_the_title() -> None:
    record = sample_record()
    record.check_provenance()
    no_title = dataclasses.replace(record, article=dataclasses.replace(record.article, title=None))
    with pytest.raises(ProvenanceError):
        no_title.check_provenance()


def test_every_error_code_is_documented_and_unique() -> None:
    import inspect

    import eventwire.errors as errors

    docs = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, errors.EventwireError) and c is not errors.EventwireError]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    for cls in classes:
        assert f"| {cls.code} | {cls.__name__} |" in docs


def test_every_setting_is_a_field_and_documented_in_the_readme() -> None:
    from eventwire.settings import SETTINGS, Settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, env, default, _help in SETTINGS:
        assert getattr(Settings(), name) == default
        assert env in readme
