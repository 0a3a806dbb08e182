"""Who may do what: every request but liveness and the docs shows a key of the scope it needs.

Reads need `read`, anything else `write` (keys themselves are managed from the command line, with
direct access to the database). With `ANONYMOUS_READS` (the default) a read needs no key, but a key
that is sent must be valid; `/metrics` always needs one. Keys are looked up on every request, so a
revoked key fails at once in every API process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from service.errors import Forbidden, Unauthorized
from service.keys.models import Scope
from service.keys.service import allows, find_key

SCHEME = "apiKey"  # the security scheme's name in the OpenAPI document
# What a read operation documents: a key, or none (ANONYMOUS_READS, the default).
READ_SECURITY: list[dict[str, list[str]]] = [{SCHEME: []}, {}]
OPEN_PATHS = ("/health", "/ready", "/docs", "/problems")
KEYED_PATHS = ("/metrics",)
_READS = frozenset(["GET", "HEAD", "OPTIONS"])


def authorizer(engine: AsyncEngine, *, anonymous_reads: bool) -> Callable[[Request[Any, Any, Any]], Awaitable[None]]:
    sessions = async_sessionmaker(engine)

    async def authorize(request: Request[Any, Any, Any]) -> None:
        path = request.url.path
        if path.startswith(OPEN_PATHS):
            return
        needed = Scope.READ if request.method in _READS else Scope.WRITE
        header = request.headers.get("authorization")
        if header is None:
            if needed is Scope.READ and anonymous_reads and not path.startswith(KEYED_PATHS):
                return
            raise Unauthorized("This operation needs an API key: send `Authorization: Bearer <key>`.")
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise Unauthorized("Send the API key as `Authorization: Bearer <key>`.")
        async with sessions() as session:
            found = await find_key(session, key.strip())
        if found is None:
            raise Unauthorized("The API key is unknown or revoked.")
        if not allows(found.scope, needed):
            raise Forbidden(f"This operation needs a {needed.value} key; this one is {found.scope.value}.")
        request.state.key_name = found.name  # for the request log: the key's name, never the key

    return authorize
