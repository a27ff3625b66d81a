"""What keeps the web app safe to expose: a body-size limit, strict response
headers (a Content-Security-Policy that allows no inline or foreign script),
and the operator's ingest token.

The page never builds markup from article text (it uses ``textContent``); the
CSP is the second line: even a bug there could not run an injected script.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 1_048_576  # bytes; a long article is a few tens of KB


def tile_origin(url: str) -> str:
    """The CSP source for an online tile URL template such as
    ``https://{s}.tile.example.org/{z}/{x}/{y}.png``."""
    parts = urlsplit(url)
    host = parts.netloc
    if host.startswith("{s}."):
        host = "*." + host[4:]
    if parts.scheme not in ("http", "https") or not host or "{" in host:
        raise ValueError(f"tile URL {url!r}: give an http(s) URL template like https://host/{{z}}/{{x}}/{{y}}.png")
    return f"{parts.scheme}://{host}"


def content_security_policy(tiles_url: str | None) -> str:
    img = "'self' data:" + (f" {tile_origin(tiles_url)}" if tiles_url else "")
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


def token_ok(given: str | None, expected: str) -> bool:
    """Constant-time comparison of an ``Authorization: Bearer`` header with the token."""
    if not given or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given[len("Bearer "):].encode(), expected.encode())


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before any route
    reads them: by Content-Length when given, else while they stream in."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        message = f"request body over {self.limit} bytes; send a shorter article"
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _send_error(send, 413, "HTTP413", message)
            return
        # Chunked or lying bodies: buffer up to the limit, then replay them.
        chunks: list[Message] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            size += len(msg.get("body", b""))
            if size > self.limit:
                await _send_error(send, 413, "HTTP413", message)
                return
            chunks.append(msg)
            if not msg.get("more_body", False):
                break

        async def replay() -> Message:
            if chunks:
                return chunks.pop(0)
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Add the CSP and friends to every response."""

    def __init__(self, app: ASGIApp, *, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)
