"""The one place the Litestar application is assembled."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from advanced_alchemy.extensions.litestar import AsyncSessionConfig, SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar, Request
from litestar.di import NamedDependency, Provide
from litestar.logging.config import StructLoggingConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Tag
from litestar.plugins.prometheus import PrometheusConfig, PrometheusController
from litestar.plugins.structlog import StructlogConfig, StructlogPlugin
from litestar.types import BeforeRequestHookHandler
from sqlalchemy.ext.asyncio import AsyncSession

from service import __version__
from service.changes.routes import ChangeController
from service.claims.routes import ClaimController
from service.config import Settings, load_settings
from service.db import Base, create_engine, read_snapshot
from service.errors import problem_details_plugin
from service.fields import refuse_control_characters
from service.health import HealthController
from service.http import (
    REVALIDATE,
    ClosedStructs,
    ConditionalGet,
    RequestLog,
    compression,
    cors,
    json_bodies_only,
    rate_limits,
    stores,
)
from service.keys.auth import SCHEME, authorizer
from service.problems import ProblemController
from service.stories.routes import StoryController
from service.timeline.routes import TimelineController
from service.versions.routes import VersionController
from service.workers import WorkerPool


class MetricsController(PrometheusController):
    """Prometheus scrape endpoint; operational, so kept out of the API document and its SDKs."""

    include_in_schema = False


TAGS = [
    Tag(name="stories", description="Evolving news stories"),
    Tag(name="versions", description="Versions of outlets' articles on a story"),
    Tag(name="claims", description="Claims extracted from versions"),
    Tag(name="changes", description="What changed between versions, and how accounts differ"),
    Tag(name="timeline", description="Claim threads across versions and outlets, the story's timeline and feed"),
    Tag(name="operations", description="Liveness and readiness"),
]


async def provide_session(
    db_transaction: NamedDependency[AsyncSession], request: Request[Any, Any, Any]
) -> AsyncSession:
    """The request's session; a GET or HEAD reads one consistent snapshot of the database."""
    if request.method in ("GET", "HEAD"):
        await read_snapshot(db_transaction)
    return db_transaction


def _checks(authorize: Callable[[Request[Any, Any, Any]], Awaitable[None]]) -> BeforeRequestHookHandler:
    """Before every handler: the caller's key, then the query parameters."""

    async def check(request: Request[Any, Any, Any]) -> None:
        await authorize(request)
        refuse_control_characters(request)

    return check


def create_app(settings: Settings | None = None, *, workers: WorkerPool | None = None) -> Litestar:
    """The app; it starts and stops its own worker pool unless handed one (the tests share one across apps)."""
    settings = settings or load_settings()
    pool = workers or WorkerPool.from_settings(settings)
    engine = create_engine(settings)
    db_config = SQLAlchemyAsyncConfig(
        engine_instance=engine,
        metadata=Base.metadata,
        session_config=AsyncSessionConfig(expire_on_commit=False),
        # One transaction per request: committed on a 2xx answer, rolled back on any other.
        before_send_handler="autocommit",
        set_default_exception_handler=False,
        # the handlers' db_session is this one, read as a snapshot when the request only reads
        session_dependency_key="db_transaction",
    )
    limit = rate_limits(settings.rate_limit_per_minute)
    limits = [limit.middleware] if limit is not None else []
    prometheus = PrometheusConfig(app_name="claims", prefix="claims", group_path=True)
    logging_config = StructLoggingConfig(
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(settings.log_level)),
        pretty_print_tty=False,
    )
    app = Litestar(
        route_handlers=[
            StoryController,
            VersionController,
            ClaimController,
            ChangeController,
            TimelineController,
            HealthController,
            MetricsController,
            ProblemController,
        ],
        dependencies={
            "settings": Provide(lambda: settings, use_cache=True, sync_to_thread=False),
            "db_session": Provide(provide_session),
            "workers": Provide(lambda: pool, use_cache=True, sync_to_thread=False),
        },
        # The workers load the NLP model before the first request, not during it.
        lifespan=[pool] if workers is None else [],
        # The plugin leaves an engine it was handed open; close its connections with the app.
        on_shutdown=[engine.dispose],
        plugins=[
            ClosedStructs(),
            SQLAlchemyPlugin(config=db_config),
            problem_details_plugin(),
            StructlogPlugin(
                # one line per request comes from RequestLog, which logs no body, query or header
                StructlogConfig(structlog_logging_config=logging_config, enable_middleware_logging=False)
            ),
        ],
        middleware=[prometheus.middleware, *limits, ConditionalGet()],
        stores=stores(settings.redis_url),
        compression_config=compression(),
        cors_config=cors(settings.cors_origins),
        cache_control=REVALIDATE,
        guards=[json_bodies_only],
        before_request=_checks(authorizer(engine, anonymous_reads=settings.anonymous_reads)),
        request_max_body_size=settings.max_body_bytes,
        openapi_config=OpenAPIConfig(
            title="Story claims API",
            version=__version__,
            description="Parses every version of a news article into claims and tells what changed between versions and outlets.",
            tags=TAGS,
            components=Components(
                security_schemes={
                    SCHEME: SecurityScheme(
                        type="http",
                        scheme="bearer",
                        description="An API key from `python -m service keys create`: reads may need none (ANONYMOUS_READS), writes need a write key.",
                    )
                }
            ),
            security=[{SCHEME: []}],
            path="/docs",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
        ),
    )
    # Litestar runs middleware once a route is found; the request log goes around the router, so a
    # request no route takes (404, 405) is logged and identified too.
    app.asgi_handler = RequestLog()(app.asgi_handler)
    return app
