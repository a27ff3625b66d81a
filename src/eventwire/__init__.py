"""eventwire: news reports of armed conflict and crises to a sourced, geocoded,
queryable event database.

    >>> import eventwire
    >>> rec = eventwire.extract(text, published="2019-03-06")
    >>> rec.to_dict()          # exactly the JSON of shared/spec/output.md
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventwire.schema import Record


def extract(text: str, **options: Any) -> Record:
    """One article to its analysis record; see ``eventwire.pipeline.extract``."""
    from eventwire.pipeline import extract as _extract  # keeps `import eventwire` light

    return _extract(text, **options)


def open_store(path: str | None = None, **options: Any) -> Any:
    """The DuckDB store; see ``eventwire.store.Store``."""
    from eventwire.store import Store

    return Store.open(path, **options)


__all__ = ["__version__", "extract", "open_store"]
