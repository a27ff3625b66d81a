"""Result partitions as Parquet: one file per batch, one row per article.

Columns: ``part`` (the batch number), ``seq`` (position in the batch),
``origin``, ``article_id``, ``record`` (the record's JSON, exactly what
``eventwire extract`` prints, compact) and, for a failure, ``code`` and
``message`` (``record`` is then null). The dask engine's workers write these
files and send the same bytes back, so what the store loads is what is on disk;
``iter_parts`` reads a folder of them back (to load a run into a store later,
e.g. after the driver was stopped). DuckDB reads them in place; see docs/scale.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.schema import Failure, Record, record_from_dict

Result = tuple[str, Record | Failure]

SCHEMA = pa.schema([
    ("part", pa.int64()),
    ("seq", pa.int32()),
    ("origin", pa.string()),
    ("article_id", pa.string()),
    ("record", pa.string()),
    ("code", pa.string()),
    ("message", pa.string()),
])


def encode(part: int, results: Sequence[Result]) -> bytes:
    """One batch of results to the bytes of a Parquet file."""
    rows: dict[str, list[object]] = {name: [] for name in SCHEMA.names}
    for seq, (origin, item) in enumerate(results):
        rows["part"].append(part)
        rows["seq"].append(seq)
        rows["origin"].append(origin)
        if isinstance(item, Record):
            rows["article_id"].append(item.article.id)
            rows["record"].append(item.to_json(indent=None))
            rows["code"].append(None)
            rows["message"].append(None)
        else:
            rows["article_id"].append(item.article_id)
            rows["record"].append(None)
            rows["code"].append(item.code)
            rows["message"].append(item.message)
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(rows, schema=SCHEMA), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def decode(data: bytes) -> list[Result]:
    """The bytes of one part back to (origin, Record or Failure), in batch order."""
    return _rows(pq.read_table(pa.BufferReader(data)))


def _rows(table: pa.Table) -> list[Result]:
    out: list[Result] = []
    for row in sorted(table.to_pylist(), key=lambda r: (r["part"], r["seq"])):
        if row["record"] is not None:
            out.append((row["origin"], record_from_dict(json.loads(row["record"]))))
        else:
            out.append((row["origin"], Failure(path=row["origin"], code=row["code"], message=row["message"],
                                               article_id=row["article_id"])))
    return out


def part_name(run_id: str, part: int) -> str:
    return f"part-{run_id}-{part:06d}.parquet"


def write_part(folder: str | os.PathLike[str], name: str, data: bytes) -> Path:
    """Write atomically: a reader globbing ``*.parquet`` never sees half a file."""
    target = Path(folder) / name
    partial = target.with_name(f".{name}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def iter_parts(folder: str | os.PathLike[str]) -> Iterator[Result]:
    """Every result stored in a folder of parts, part by part (memory: one part)."""
    for path in sorted(Path(folder).glob("*.parquet")):
        yield from _rows(pq.read_table(path))
