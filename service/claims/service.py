from __future__ import annotations

from uuid import UUID

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims import repository
from service.claims.models import ClaimRecord
from service.claims.schemas import ClaimRead
from service.extraction import ClaimKind
from service.versions.service import get_version


async def list_version_claims(session: AsyncSession, version_id: UUID, kind: ClaimKind | None) -> list[ClaimRead]:
    await get_version(session, version_id)
    return [to_read(r) for r in await repository.version_claims(session, version_id, kind.value if kind else None)]


_COLUMNS = (
    "id",
    "version_id",
    "index",
    "paragraph",
    "kind",
    "text",
    "content",
    "speaker",
    "cue",
    "quote",
    "entities",
    "figures",
    "times",
    "hedges",
    "negated",
    "thread_id",
)


def to_read(record: ClaimRecord) -> ClaimRead:
    data = {name: getattr(record, name) for name in _COLUMNS}
    data["span"] = {"start": record.span_start, "end": record.span_end}
    return msgspec.convert(data, ClaimRead)
