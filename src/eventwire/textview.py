"""Readable text renderings of records and summaries (used by the CLI)."""

from __future__ import annotations

from eventwire.schema import Record


def _span_text(record: Record, field: str, start: int, end: int) -> str:
    base = record.article.title or "" if field == "title" else record.article.text
    return " ".join(base[start:end].split())


def record_text(record: Record) -> str:
    """A short human summary of one record; every item shows the words it came from."""
    a = record.article
    lines = [f"# {a.title or '(untitled)'}",
             f"id {a.id[:16]}  source {a.source or '-'}  published {a.published or '-'}  url {a.url or '-'}"]
    if a.removed:
        lines.append("removed: " + "; ".join(f"{r.reason}: {' '.join(r.text.split())[:60]!r}"
                                             for r in a.removed if r.text.strip()))
    if record.places:
        lines.append("\nPlaces")
        for p in record.places:
            where = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "no coordinates"
            lines.append(f"  {p.name} ({p.kind}, {p.precision}, {p.country or '-'}) {where}"
                         f"  x{len(p.mentions)}")
    if record.actors:
        lines.append("\nActors")
        for ac in record.actors:
            lines.append(f"  {ac.name} ({ac.type}, {ac.country or '-'})  "
                         + ", ".join(sorted({m.text for m in ac.mentions}))[:80])
    if record.counts:
        lines.append("\nCounts")
        for c in record.counts:
            flags = [c.scope, c.status] + (["hedged"] if c.hedged else [])
            period = f" {c.period.start}..{c.period.end}" if c.period else ""
            lines.append(f"  {c.kind} {c.value} ({c.qualifier}) {c.what!r}{period} [{', '.join(flags)}]"
                         f" by {c.claimed_by or '-'}  <- {c.text!r}")
    if record.events:
        lines.append("\nEvents")
        for e in record.events:
            date = f"{e.date.start}..{e.date.end}" if e.date.start else "date unknown"
            counts = ", ".join(f"{k} {v}" for k, v in e.counts.items())
            lines.append(f"  {e.type}/{e.subtype or '-'} [{e.modality}] {e.actor1 or '?'} -> {e.actor2 or '?'}"
                         f" at {e.place or '?'} {date} {counts}".rstrip())
            lines.append(f"      \"{_span_text(record, e.sentence.field, e.sentence.start, e.sentence.end)[:150]}\"")
    if record.quotes:
        lines.append("\nQuotes")
        for q in record.quotes:
            who = q.speaker.name or q.speaker.organization or q.speaker.text if q.speaker else "unattributed"
            lines.append(f"  [{q.kind}] {who} ({q.cue or '-'}): \"{' '.join(q.text.split())[:120]}\"")
    if record.sources_cited:
        lines.append("\nSources cited: " + ", ".join(s.name for s in record.sources_cited))
    lines.append(f"\nFraming: tone {record.framing.tone:+.1f}; loaded: "
                 + (", ".join(f"{ls.text!r} ({ls.category})" for ls in record.framing.loaded) or "none"))
    if record.framing.quoted:
        lines.append("  in quotes (the speaker's framing): "
                     + ", ".join(repr(ls.text) for ls in record.framing.quoted))
    return "\n".join(lines)
