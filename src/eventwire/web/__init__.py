"""The web app (`eventwire serve`): the only part of eventwire that imports FastAPI.

    >>> from eventwire.web import serve
    >>> serve("eventwire.duckdb", "127.0.0.1", 8000)   # blocks; Ctrl-C stops
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def make_app(db: str) -> FastAPI:
    """The app over the store file ``db``, configured from the environment
    (EVENTWIRE_API_TOKEN, EVENTWIRE_MAX_BODY, EVENTWIRE_TILES...; see docs/web.md).
    The file is opened read-only unless a token enables ingest."""
    from eventwire.store import Store
    from eventwire.web.app import WebSettings, create_app

    settings = WebSettings.from_env()
    store = Store.open(db, read_only=settings.token is None)
    return create_app(store, settings=settings)


def serve(db: str, host: str, port: int) -> None:
    """Serve the page and the API on ``host:port`` until interrupted."""
    import uvicorn

    app = make_app(db)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        app.state.eventwire.store.close()
