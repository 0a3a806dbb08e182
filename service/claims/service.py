from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from service.claims import repository
from service.claims.schemas import ClaimRead, to_read
from service.extraction import ClaimKind
from service.versions.service import get_version


async def list_version_claims(session: AsyncSession, version_id: UUID, kind: ClaimKind | None) -> list[ClaimRead]:
    await get_version(session, version_id)
    return [to_read(r) for r in await repository.version_claims(session, version_id, kind.value if kind else None)]
