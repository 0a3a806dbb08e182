"""HTTP transport every operation shares: conditional GETs, cache lifetimes, compression, CORS and
the media type of writes."""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import Any

import structlog
from litestar import Request
from litestar._openapi.schema_generation import SchemaCreator
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.connection import ASGIConnection
from litestar.datastructures import CacheControlHeader, MutableScopeHeaders, ResponseHeader
from litestar.enums import ScopeType
from litestar.handlers import BaseRouteHandler
from litestar.middleware import ASGIMiddleware
from litestar.middleware.rate_limit import RateLimitConfig, RateLimitMiddleware
from litestar.openapi.spec import Schema
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from litestar.types import ASGIApp, HTTPResponseStartEvent, Message, Receive, Scope, Send
from litestar.typing import FieldDefinition

from service.errors import CURRENT_REQUEST_ID, UnsupportedMediaType

# Responses depend on who asks once keys exist: shared caches keep none of them. What a stored
# version says never changes; everything else is revalidated on each use (the ETag makes that cheap).
IMMUTABLE = CacheControlHeader(private=True, max_age=86_400, immutable=True)
REVALIDATE = CacheControlHeader(private=True, no_cache=True)

RATE_LIMIT_STORE = "rate_limit"
_log = structlog.get_logger("service.requests")

# Where a created resource is read from: documented on every operation that answers 201.
CREATED_AT = ResponseHeader(
    name="Location", description="The created resource's path (on 201 only)", documentation_only=True
)

# Headers a browser dashboard may send and read; the rest stay out of reach of other origins.
_CORS_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match"]
_CORS_EXPOSED = ["ETag", "Location", "Retry-After"]
# Headers that describe a body: a 304 carries none.
_BODY_HEADERS = ("content-length", "content-type", "content-encoding")


class KeyedRateLimit(RateLimitMiddleware):
    """Litestar's rate limiter, counting per API key (a digest of the Authorization header, so a
    counter names no key), and per client address for requests without one."""

    def cache_key_from_request(self, request: Request[Any, Any, Any]) -> str:
        header = request.headers.get("authorization")
        if header is None:
            return super().cache_key_from_request(request)
        return f"{type(self).__name__}::key::{hashlib.sha256(header.encode()).hexdigest()[:32]}"


def rate_limits(per_minute: int) -> RateLimitConfig | None:
    """Requests per minute, liveness probes and the docs not counted; None for no limit."""
    if per_minute <= 0:
        return None
    return RateLimitConfig(
        rate_limit=("minute", per_minute),
        exclude=[r"^/health$", r"^/ready$", r"^/docs", r"^/problems"],
        middleware_class=KeyedRateLimit,
        store=RATE_LIMIT_STORE,
    )


def stores(redis_url: str | None) -> dict[str, Store]:
    """The rate-limit counters: in Redis when configured, so every API process shares them."""
    if redis_url is None:
        return {RATE_LIMIT_STORE: MemoryStore()}
    return {RATE_LIMIT_STORE: RedisStore.with_client(url=redis_url, namespace="story-claims")}


class ClosedStructs(StructSchemaPlugin):
    """Request bodies refuse fields they do not know (msgspec's `forbid_unknown_fields`); Litestar's
    own Struct plugin leaves that out of the document, so SDKs and schema-based testers would send
    extras: this one writes `additionalProperties: false` for such Structs."""

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return super().is_plugin_supported_field(field_definition) and bool(
            getattr(field_definition.type_, "__struct_config__", None)
            and field_definition.type_.__struct_config__.forbid_unknown_fields
        )

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: SchemaCreator) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        return schema


def compression() -> CompressionConfig:
    """Brotli for clients that accept it, gzip for the rest, above 500 bytes."""
    return CompressionConfig(backend="brotli", brotli_gzip_fallback=True, minimum_size=500)


def cors(origins: tuple[str, ...]) -> CORSConfig | None:
    """Cross-origin calls from the configured origins only; none configured, no CORS at all."""
    if not origins:
        return None
    return CORSConfig(
        allow_origins=list(origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=_CORS_HEADERS,
        expose_headers=_CORS_EXPOSED,
    )


class ConditionalGet(ASGIMiddleware):
    """A weak ETag on every successful GET, and 304 Not Modified when the client already holds it.

    The tag is a hash of the body as sent, so it needs no knowledge of each resource; a client that
    revalidates (every response but a version's says `no-cache`) gets a few hundred bytes back
    instead of the page.
    """

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        if scope["type"] != ScopeType.HTTP or scope["method"] != "GET":
            await next_app(scope, receive, send)
            return
        held = dict(scope["headers"]).get(b"if-none-match", b"").decode("latin-1")
        start: HTTPResponseStartEvent | None = None
        body: list[bytes] = []

        async def send_tagged(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] != 200:  # errors and redirects go out as they are
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message["body"])
            if message.get("more_body", False):
                return
            content = b"".join(body)
            tag = f'W/"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
            headers = MutableScopeHeaders(start)
            headers["etag"] = tag
            if _matches(held, tag):
                for name in _BODY_HEADERS:
                    headers.pop(name, None)
                start["status"] = 304
                content = b""
            await send(start)
            await send({"type": "http.response.body", "body": content, "more_body": False})

        await next_app(scope, receive, send_tagged)


def json_bodies_only(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Writes take JSON only: a form or text/plain POST, which any web page can send to an intranet
    address without a CORS preflight, never reaches a handler."""
    if connection.scope["type"] != ScopeType.HTTP or connection.scope["method"] not in ("POST", "PUT", "PATCH"):
        return
    media = connection.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        raise UnsupportedMediaType(f"Send the body as application/json (got {media or 'no Content-Type'}).")


class RequestLog(ASGIMiddleware):
    """One structured line per request: its id (also returned as `X-Request-ID`), method, path,
    status, duration and the name of the API key that made it (never the key, never a body)."""

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        request_id = uuid.uuid4().hex
        CURRENT_REQUEST_ID.set(request_id)  # for the problems' `instance`
        started = time.perf_counter()
        status = 500  # what the client gets if the app fails before answering

        async def send_identified(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableScopeHeaders(message)["x-request-id"] = request_id
            await send(message)

        try:
            await next_app(scope, receive, send_identified)
        finally:
            _log.info(
                "request",
                request_id=request_id,
                method=scope["method"] if scope["type"] == ScopeType.HTTP else None,
                path=scope["path"],
                query=scope["query_string"].decode("latin-1") or None,
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
                key=scope.get("state", {}).get("key_name"),
            )


def _matches(held: str, tag: str) -> bool:
    """If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" and "x" are the same tag."""
    if held.strip() == "*":
        return True
    opaque = tag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == opaque for candidate in held.split(","))
