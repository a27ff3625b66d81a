"""The command line: parse options, call the library, render. Nothing else.

Exit status: 0 done (for ingest: all stored), 3 some articles failed,
1 nothing could be done (a runtime problem), 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.errors import EventwireError

FORMATS_QUERY = ("table", "csv", "json", "jsonl", "geojson", "parquet")
FORMATS_EXPORT = ("csv", "json", "jsonl", "geojson", "parquet")


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _add_meta(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, for articles that do not say")
    p.add_argument("--source", help="outlet name, e.g. 'The Sun'")
    p.add_argument("--url", help="the article's address")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="DuckDB file (default: $EVENTWIRE_DB or ./eventwire.duckdb)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", help="event type (events), count kind (counts)")
    p.add_argument("--subtype", help="event subtype")
    p.add_argument("--place", help="place name contains")
    p.add_argument("--country", help="ISO code or English name")
    p.add_argument("--actor", help="actor (events) or speaker (quotes) contains")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--source", help="outlet name contains")
    p.add_argument("--modality", help="asserted, planned, possible, negated, historical")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="one article to its analysis record on stdout")
    p.add_argument("file")
    _add_meta(p)
    p.add_argument("--format", choices=("json", "text"), default="json")

    p = sub.add_parser("ingest", help="files and folders into the store")
    p.add_argument("paths", nargs="+")
    _add_db(p)
    _add_meta(p)
    p.add_argument("--batch-size", type=int, help="articles per committed batch")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--engine", choices=("serial", "local", "dask"), default="serial",
                   help="serial: this process; local: every core; dask: a Dask cluster")
    p.add_argument("--workers", type=int, help="worker processes for local/dask (default: every core)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--parquet-dir", metavar="DIR", help="dask: also keep the result partitions as Parquet here")

    for name, helptext in (("events", "events in the store"), ("places", "places in the store"),
                           ("counts", "counts in the store"), ("quotes", "quotes in the store")):
        p = sub.add_parser(name, help=helptext)
        _add_db(p)
        _add_filters(p)
        p.add_argument("--format", choices=FORMATS_QUERY, default="table")
        p.add_argument("--out", metavar="FILE", help="write to a file (required for parquet)")
        p.add_argument("--limit", type=int, help="at most this many rows")

    p = sub.add_parser("export", help="write the store's events (or records) to a file")
    _add_db(p)
    _add_filters(p)
    p.add_argument("--format", choices=FORMATS_EXPORT, required=True)
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--what", choices=("events", "records", "places", "counts", "quotes"), default="events")

    p = sub.add_parser("show", help="one stored article's record")
    p.add_argument("article_id")
    _add_db(p)
    p.add_argument("--format", choices=("json", "text"), default="text")

    p = sub.add_parser("failures", help="articles that could not be analysed")
    _add_db(p)
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("summary", help="what the store holds")
    _add_db(p)

    p = sub.add_parser("outlets", help="how each outlet frames what it reports")
    _add_db(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--top", type=int, default=8, help="most used loaded terms per outlet")

    p = sub.add_parser("eval", help="score the pipeline against gold files")
    p.add_argument("gold", nargs="+", help="gold .json files or folders of them")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--details", action="store_true", help="list each miss and false positive")
    p.add_argument("--floors", metavar="FILE", help="check these floors (CI gate), e.g. eval/floors.json")
    p.add_argument("--update-floors", action="store_true", help="raise the floors to the current scores")
    p.add_argument("--lower-floors", action="store_true", help="allow lowering floors (needs --reason)")
    p.add_argument("--reason", help="why floors are lowered")
    p.add_argument("--report", metavar="DIR", help="write the markdown and PNG report here")
    p.add_argument("--public", action="store_true", help="also run the public benchmarks (shared/bench)")
    p.add_argument("--bench-dir", metavar="DIR", help="where shared/bench is (default: ../shared/bench)")

    p = sub.add_parser("bench-public", help="geoparsing and date figures on the public benchmarks")
    p.add_argument("--bench-dir", metavar="DIR")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("serve", help="the web page and JSON API over the store")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("gazetteer", help="gazetteer tools")
    gsub = p.add_subparsers(dest="gcommand", required=True)
    g = gsub.add_parser("load", help="build a gazetteer file from a GeoNames dump")
    g.add_argument("dump", help="allCountries.zip/.txt or a country file")
    g.add_argument("--out", metavar="FILE", default="gazetteer.ewgz")
    return parser


def _settings(args: argparse.Namespace) -> Any:
    from eventwire.settings import Settings

    return Settings.from_env(db=getattr(args, "db", None), batch_size=getattr(args, "batch_size", None))


def _filters(args: argparse.Namespace) -> Any:
    from eventwire.store import Filters

    return Filters(type=args.type, subtype=args.subtype, place=args.place, country=args.country,
                   actor=args.actor, since=args.since, until=args.until, source=args.source,
                   modality=args.modality)


def cmd_extract(args: argparse.Namespace) -> int:
    from eventwire.ingest import read_file
    from eventwire.pipeline import extract_document
    from eventwire.schema import Failure
    from eventwire.textview import record_text

    meta = {k: v for k, v in (("published", args.published), ("source", args.source), ("url", args.url)) if v}
    path = Path(args.file)
    if not path.is_file():
        from eventwire.errors import FileNotFound

        raise FileNotFound(path=str(path))
    status = 0
    for item in read_file(path, **meta):
        if isinstance(item, Failure):
            _err(f"[{item.code}] {item.message}")
            status = 2
            continue
        record = extract_document(item, settings=_settings(args))
        print(record.to_json() if args.format == "json" else record_text(record))
    return status


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from eventwire.jobs import ingest
    from eventwire.store import Store

    settings = _settings(args)
    meta = {k: v for k, v in (("published", args.published), ("source", args.source), ("url", args.url)) if v}
    console = Console(stderr=True)
    with Store.open(settings.db) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(), console=console, disable=args.quiet or not console.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=None, last="")

        def tick(kind: str, item: Any) -> None:
            bar.update(task, advance=1, last=kind)

        try:
            report = ingest(args.paths, store, settings=settings, meta=meta, progress=tick, engine=args.engine,
                            workers=args.workers, scheduler=args.scheduler, parquet_dir=args.parquet_dir)
        except ValueError as err:  # an engine option that does not fit the others
            from eventwire.errors import EngineOptions

            raise EngineOptions(detail=str(err)) from None
    t = report.totals
    print(f"articles stored {report.stored}, already stored {report.skipped}, failed {report.failed} "
          f"({report.seconds:.1f}s) | places {t['places']}, counts {t['counts']}, quotes {t['quotes']}, "
          f"events {t['events']}, actors {t['actors']} -> {settings.db}")
    eng = report.engine
    if args.engine != "serial" and eng:
        print(f"engine {args.engine}: {eng.get('articles_per_second', 0):.1f} articles/s, "
              f"peak memory per worker {eng.get('peak_rss_mb', '-')} MB")
    for f in report.failures:
        _err(f"  failed: [{f.code}] {f.message}")
    return report.exit_status


def _query_rows(args: argparse.Namespace, what: str) -> list[dict[str, Any]]:
    from eventwire.export import acled_row
    from eventwire.store import Store

    with Store.open(_settings(args).db, read_only=True) as store:
        filters = _filters(args)
        if what == "events":
            rows = [acled_row(r) for r in store.events(filters, limit=getattr(args, "limit", None))]
        elif what == "places":
            rows = store.places(filters)
        elif what == "counts":
            rows = store.counts_rows(filters)
        elif what == "quotes":
            rows = store.quotes(filters)
        else:
            rows = [r.to_dict() for r in store.iter_records()]
    limit = getattr(args, "limit", None)
    return rows[:limit] if limit is not None else rows


def _geo_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places carry lat/lon; GeoJSON reads latitude/longitude."""
    return [{**r, "latitude": r.get("latitude", r.get("lat")), "longitude": r.get("longitude", r.get("lon"))}
            for r in rows]


_TABLE_COLUMNS = {
    "events": ("event_date", "event", "actor1", "actor2", "location", "country", "fatalities", "source", "id"),
    "places": ("name", "country", "kind", "precision", "lat", "lon", "id"),
    "counts": ("kind", "value", "qualifier", "what", "place", "scope", "status", "claimed_by", "text"),
    "quotes": ("kind", "speaker_name", "speaker_organization", "cue", "text"),
}


def _cell(row: dict[str, Any], column: str) -> str:
    if column == "event":
        return "/".join(str(v) for v in (row.get("event_type"), row.get("sub_event_type")) if v)
    if column == "id":  # an id prefix is enough for `eventwire show`
        return str(row.get("article_id") or "")[:10]
    value = row.get(column)
    return "" if value is None else str(value)


def _table(rows: list[dict[str, Any]], what: str) -> None:
    from rich.console import Console
    from rich.table import Table

    columns = _TABLE_COLUMNS[what]
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=48, no_wrap=c in ("event_date", "id", "country"))
    for r in rows:
        table.add_row(*[_cell(r, c) for c in columns])
    Console(width=max(Console().width, 140)).print(table)
    print(f"{len(rows)} {what}")


def cmd_query(args: argparse.Namespace) -> int:
    from eventwire import export

    what = args.command
    rows = _query_rows(args, what)
    if args.format == "table":
        _table(rows, what)
        return 0
    if args.format == "geojson":
        rows = _geo_rows(rows)
    if args.out:
        n = export.write(rows, args.format, Path(args.out))
        _err(f"{n} {what} -> {args.out}")
    elif args.format == "parquet":
        _err("[E205] parquet is binary: give --out FILE.")
        return 2
    else:
        sys.stdout.write(export.render(rows, args.format))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from eventwire import export

    if args.what == "records" and args.format not in ("json", "jsonl"):
        _err("[E205] whole records export only as json or jsonl.")
        return 2
    rows = _query_rows(args, args.what)
    if args.format == "geojson":
        if args.what not in ("events", "places"):
            _err("[E205] geojson needs --what events or places.")
            return 2
        rows = _geo_rows(rows)
    n = export.write(rows, args.format, Path(args.out))
    print(f"{n} {args.what} -> {args.out}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from eventwire.store import Store
    from eventwire.textview import record_text

    with Store.open(_settings(args).db, read_only=True) as store:
        record = store.record(args.article_id)
    print(record.to_json() if args.format == "json" else record_text(record))
    return 0


def cmd_failures(args: argparse.Namespace) -> int:
    from eventwire.export import plain
    from eventwire.store import Store

    with Store.open(_settings(args).db, read_only=True) as store:
        rows = store.failures()
    if args.format == "json":
        print(json.dumps(plain(rows), indent=2))
    else:
        for r in rows:
            print(f"{r['failed_at']:%Y-%m-%d %H:%M}  [{r['code']}] {r['message']}")
        print(f"{len(rows)} failures")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from eventwire.store import Store

    with Store.open(_settings(args).db, read_only=True) as store:
        counts = store.counts()
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_outlets(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from eventwire.extractors.framing import outlet_profiles
    from eventwire.store import Store

    with Store.open(_settings(args).db, read_only=True) as store:
        profiles = outlet_profiles(store.iter_records(), top=args.top)
    if args.format == "json":
        print(json.dumps(profiles, ensure_ascii=False, indent=2))
        return 0
    table = Table()
    for col in ("outlet", "articles", "words", "loaded /1000 words", "quoted", "tone mean", "tone range",
                "most used loaded terms"):
        table.add_column(col, overflow="fold")
    for outlet, p in profiles.items():
        tone = p["tone"]
        table.add_row(outlet, str(p["articles"]), str(p["words"]), f"{p['loaded_per_1000_words']:.1f}",
                      str(p["speaker_loaded"]), f"{tone['mean']:+.1f}" if tone["mean"] is not None else "-",
                      f"{tone['min']:+.0f}..{tone['max']:+.0f}" if tone["min"] is not None else "-",
                      ", ".join(f"{t['term']} ({t['count']})" for t in p["top_terms"]))
    Console().print(table)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from eventwire import evalcli

    return evalcli.run_eval(args)


def cmd_bench_public(args: argparse.Namespace) -> int:
    from eventwire import evalcli

    return evalcli.run_bench_public(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from eventwire.web import serve

    serve(_settings(args).db, args.host, args.port)
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from eventwire.gazetteer import load_geonames_dump

    stats = load_geonames_dump(Path(args.dump), Path(args.out))
    print(f"{stats} -> {args.out}; use it with EVENTWIRE_GAZETTEER={args.out}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": cmd_extract, "ingest": cmd_ingest, "events": cmd_query, "places": cmd_query,
    "counts": cmd_query, "quotes": cmd_query, "export": cmd_export, "show": cmd_show,
    "failures": cmd_failures, "summary": cmd_summary, "eval": cmd_eval, "bench-public": cmd_bench_public,
    "gazetteer": cmd_gazetteer, "serve": cmd_serve,
    "outlets": cmd_outlets,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except EventwireError as err:
        _err(str(err))
        return err.exit_status
    except KeyboardInterrupt:
        _err("interrupted; what was committed before stays stored.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
