from __future__ import annotations

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from service.errors import ServiceError, problem_responses


class Unavailable(ServiceError):
    status = 503


class HealthStatus(msgspec.Struct, kw_only=True):
    status: str


class HealthController(Controller):
    tags = ["operations"]

    @get(
        "/health", operation_id="getHealth", summary="Liveness", responses=problem_responses(keyed=False), security=[{}]
    )
    async def health(self) -> HealthStatus:
        """The process is up and answering."""
        return HealthStatus(status="ok")

    @get(
        "/ready",
        operation_id="getReadiness",
        summary="Readiness",
        responses=problem_responses(503, keyed=False),
        security=[{}],  # open: no key needed
    )
    async def ready(self, db_session: NamedDependency[AsyncSession]) -> HealthStatus:
        """The database answers a query."""
        try:
            await db_session.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError) as exc:
            raise Unavailable("The database is not reachable.") from exc
        return HealthStatus(status="ready")
