"""Engines: the same records from one process, every local core and a Dask cluster.

The slow tests start real worker processes (spawned, each loading the model),
so each engine is started once and checked for several things at a time:
equality with ``pipeline.run``, a bad article isolated, the bounded window.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from eventwire.engines import ENGINES, run_engine
from eventwire.engines.common import EngineProgress, Result, analyse_batch, plan
from eventwire.engines.common import EngineReport as Report
from eventwire.schema import Failure, RawDocument, Record
from eventwire.settings import Settings

# Short articles written for these tests: a range of events, places and dates.
ARTICLES = [
    ("Drone strike hits fuel depot near Kramatorsk",
     "A drone strike set a fuel depot on fire near Kramatorsk on Monday, the regional "
     "administration said. Two workers were injured.\n\nFirefighters needed six hours to put out the blaze."),
    ("Clashes in Tripoli leave nine dead",
     "Fighting between rival armed groups in Tripoli killed nine people overnight, the health "
     "ministry said on Thursday.\n\n\"We heard gunfire until dawn,\" a resident of Souq al-Juma told AFP."),
    ("Thousands flee fighting in North Darfur",
     "More than 4,000 families have fled El Fasher since Saturday as fighting spread to the "
     "city's southern districts, the UN migration agency said."),
    ("Police arrest 30 protesters in Dhaka",
     "Police arrested 30 protesters in Dhaka on Friday after a march against fuel prices turned "
     "violent, according to local media. Officers fired tear gas to clear the main square."),
    ("Landmine kills two farmers in Cauca",
     "Two farmers were killed when a landmine exploded in a rural area of Cauca on Wednesday, "
     "the army said.\n\nThe army blamed a dissident armed group for planting the device."),
    ("Aid convoy reaches Goma",
     "An aid convoy of 20 trucks reached Goma on Tuesday after a week of heavy fighting around "
     "Sake cut the main road, the World Food Programme said."),
]
BOMB = "This text makes the batch function raise: BOOM."


def corpus() -> list[RawDocument | Failure]:
    items: list[RawDocument | Failure] = [
        RawDocument(origin=f"art{i}.txt", text=body, title=title, published="2024-05-15", source="Test Wire")
        for i, (title, body) in enumerate(ARTICLES)
    ]
    items.insert(3, RawDocument(origin="bomb.txt", text=BOMB, published="2024-05-15"))
    items.append(RawDocument(origin="empty.txt", text="   \n\n  "))              # E003, in the driver
    items.append(RawDocument(origin="baddate.txt", text="Shelling hit the port.", published="2024-13-45"))
    items.append(Failure(path="unreadable.bin", code="E002", message="unreadable.bin: not text"))
    return items


def exploding(docs: Sequence[RawDocument], settings: Settings) -> list[Result]:
    """A worker batch function that raises whenever the batch holds the bomb."""
    if any("BOOM" in d.text for d in docs):
        raise RuntimeError("boom")
    return analyse_batch(docs, settings)


def dying(docs: Sequence[RawDocument], settings: Settings) -> list[Result]:
    """A worker batch function whose process dies on the bomb (as an OOM kill would)."""
    if any("BOOM" in d.text for d in docs):
        os._exit(13)
    return analyse_batch(docs, settings)


class Counted:
    """An input stream that records how far it has been consumed."""

    def __init__(self, items: list[RawDocument | Failure]) -> None:
        self.items = items
        self.consumed = 0

    def __iter__(self) -> Iterator[RawDocument | Failure]:
        for item in self.items:
            self.consumed += 1
            yield item


def as_dicts(results: list[Result]) -> dict[str, Any]:
    return {origin: item.to_dict() if isinstance(item, Record) else item for origin, item in results}


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    from eventwire.pipeline import run

    good = [i for i in corpus() if not (isinstance(i, RawDocument) and "BOOM" in i.text)]
    return as_dicts(list(run(good, settings=Settings())))


def check_against(reference: dict[str, Any], got: dict[str, Any]) -> None:
    bomb = got.pop("bomb.txt")
    assert isinstance(bomb, Failure) and bomb.code == "E900" and "boom" in bomb.message
    assert set(got) == set(reference)
    for origin, expected in reference.items():
        assert got[origin] == expected, origin
    assert sum(isinstance(v, dict) for v in got.values()) == len(ARTICLES)


# --- fast: no worker processes ------------------------------------------------

def test_plan_batches_lazily_and_yields_driver_failures_in_place() -> None:
    stream = Counted(corpus())
    report = Report(engine="t", workers=1)
    steps = plan(stream, settings=Settings(), skip=lambda a: "Dhaka" in a.text, size=2, report=report)
    first = next(steps)
    # The first batch is out after two documents: nothing further was read.
    assert hasattr(first, "docs") and [d.origin for d in first.docs] == ["art0.txt", "art1.txt"]
    assert stream.consumed == 2
    rest = list(steps)
    driver_failures = {r[0]: r[1].code for r in rest if isinstance(r, tuple)}
    assert driver_failures == {"empty.txt": "E003", "baddate.txt": "E005", "unreadable.bin": "E002"}
    batched = [d.origin for b in rest if not isinstance(b, tuple) for d in b.docs]
    assert batched == ["art2.txt", "bomb.txt", "art4.txt", "art5.txt"]     # art3 (Dhaka) skipped
    assert report.skipped == 1


def test_run_engine_rejects_bad_combinations() -> None:
    assert ENGINES == ("serial", "local", "dask")
    with pytest.raises(ValueError, match="unknown engine"):
        run_engine([], engine="spark")
    with pytest.raises(ValueError, match="needs --engine dask"):
        run_engine([], engine="local", scheduler="tcp://127.0.0.1:8786")


def test_parquet_part_round_trip(tmp_path: Path) -> None:
    from eventwire.engines import parquet
    from tests.records import sample_record

    record = sample_record()
    failure = Failure(path="x.txt", code="E900", message="x.txt: analysis failed", article_id="abc")
    data = parquet.encode(7, [("a.txt", record), ("x.txt", failure)])
    assert parquet.decode(data) == [("a.txt", record), ("x.txt", failure)]
    parquet.write_part(tmp_path, parquet.part_name("run", 7), data)
    assert [p.name for p in tmp_path.iterdir()] == ["part-run-000007.parquet"]
    assert list(parquet.iter_parts(tmp_path)) == [("a.txt", record), ("x.txt", failure)]


# --- slow: the model and real worker processes ------------------------------

@pytest.mark.slow
def test_serial_engine_is_pipeline_run(reference: dict[str, Any]) -> None:
    good = [i for i in corpus() if not (isinstance(i, RawDocument) and "BOOM" in i.text)]
    run = run_engine(good, engine="serial", settings=Settings())
    assert as_dicts(list(run)) == reference
    assert run.report.articles == len(ARTICLES) and run.report.failed == 3


@pytest.mark.slow
def test_local_engine_same_records_bad_article_isolated_window_bounded(reference: dict[str, Any]) -> None:
    from eventwire.engines.local import run_local

    stream = Counted(corpus())
    ticks: list[EngineProgress] = []
    run = run_local(stream, workers=2, settings=Settings(), batch_size=1, window=2,
                    progress=ticks.append, batch_fn=exploding)
    results: list[Result] = []
    consumed_at: list[int] = []
    for result in run:
        results.append(result)
        consumed_at.append(stream.consumed)
    # Window of 2 batches of 1: when the first result is back, at most 3 documents were read.
    assert consumed_at[0] <= 3
    assert run.report.max_in_flight == 2
    check_against(reference, as_dicts(results))
    # The local engine keeps input order (driver failures come as they are met).
    worker_order = [o for o, _ in results if o.startswith(("art", "bomb"))]
    assert worker_order == ["art0.txt", "art1.txt", "art2.txt", "bomb.txt", "art3.txt", "art4.txt", "art5.txt"]
    report = run.report
    assert (report.articles, report.records, report.failed, report.batches) == (7, 6, 4, 7)
    assert len(ticks) == 7 and ticks[-1].articles == 7
    assert report.articles_per_second > 0 and all(b > 50 * 2**20 for b in report.peak_rss.values())


@pytest.mark.slow
def test_local_engine_survives_a_worker_that_dies() -> None:
    from eventwire.engines.local import run_local

    docs = [RawDocument(origin=f"art{i}.txt", text=body, title=title) for i, (title, body) in enumerate(ARTICLES[:3])]
    docs.insert(1, RawDocument(origin="bomb.txt", text=BOMB))
    results = dict(run_local(docs, workers=2, settings=Settings(), batch_size=2, batch_fn=dying))
    assert isinstance(results.pop("bomb.txt"), Failure)
    assert sorted(results) == ["art0.txt", "art1.txt", "art2.txt"]
    assert all(isinstance(r, Record) for r in results.values())


@pytest.mark.slow
def test_local_engine_raises_setup_errors_with_their_code() -> None:
    from eventwire.engines.local import run_local
    from eventwire.errors import ModelNotInstalled

    docs = [RawDocument(origin="a.txt", text=ARTICLES[0][1])]
    with pytest.raises(ModelNotInstalled):
        list(run_local(docs, workers=1, settings=Settings(model="no_such_model_here")))


@pytest.mark.slow
def test_dask_engine_same_records_parts_written(reference: dict[str, Any], tmp_path: Path) -> None:
    from eventwire.engines import parquet
    from eventwire.engines.dask import run_dask

    stream = Counted(corpus())
    run = run_dask(stream, workers=2, settings=Settings(), batch_size=2, window=2, batch_fn=exploding,
                   parquet_dir=tmp_path / "parts")
    results: list[Result] = []
    consumed_at: list[int] = []
    for result in run:
        results.append(result)
        consumed_at.append(stream.consumed)
    assert consumed_at[0] <= 6       # two partitions of two in flight, one being filled
    assert run.report.max_in_flight == 2
    check_against(reference, as_dicts(results))
    # One Parquet file per partition (4 partitions of 2), holding what was yielded.
    parts = sorted((tmp_path / "parts").glob("*.parquet"))
    assert len(parts) == 4 == run.report.batches
    from_disk = as_dicts(list(parquet.iter_parts(tmp_path / "parts")))
    assert from_disk == {o: v for o, v in as_dicts(results).items() if o.startswith(("art", "bomb"))}
    assert run.report.workers == 2 and run.report.records == 6
