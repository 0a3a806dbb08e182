from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims import service
from service.claims.schemas import ClaimPage
from service.errors import problem_responses
from service.extraction import ClaimKind
from service.keys.auth import READ_SECURITY
from service.pagination import Cursor, Limit


class ClaimController(Controller):
    tags = ["claims"]
    security = READ_SECURITY  # reads need no key where ANONYMOUS_READS

    @get(
        "/v1/versions/{version_id:uuid}/claims",
        operation_id="listVersionClaims",
        summary="List a version's claims",
        responses=problem_responses(400, 404),
    )
    async def list_version_claims(
        self,
        db_session: NamedDependency[AsyncSession],
        version_id: FromPath[UUID],
        kind: Annotated[ClaimKind | None, QueryParameter(description="Only claims of this kind")] = None,
        cursor: Cursor = None,
        limit: Limit = 200,
    ) -> ClaimPage:
        """The claims extracted from one version, in article order, a page at a time."""
        return await service.list_version_claims(db_session, version_id, kind, cursor, limit)
