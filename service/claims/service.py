from __future__ import annotations

from uuid import UUID

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims import repository
from service.claims.models import ClaimRecord
from service.claims.schemas import ClaimPage, ClaimRead
from service.errors import BadRequest
from service.extraction import ClaimKind
from service.pagination import decode_cursor, encode_cursor
from service.versions.service import get_version


async def list_version_claims(
    session: AsyncSession, version_id: UUID, kind: ClaimKind | None, cursor: str | None, limit: int
) -> ClaimPage:
    """A version's claims in article order, a page at a time; the cursor carries the last index served."""
    version = await get_version(session, version_id)
    after = -1
    if cursor:
        _, cursor_version, after = decode_cursor(cursor)
        if cursor_version != version_id:
            raise BadRequest("The cursor belongs to another version's claims; start again without it.")
    records = await repository.version_claims(session, version_id, kind.value if kind else None, after, limit + 1)
    page = records[:limit]
    more = len(records) > limit
    next_cursor = encode_cursor(version.observed_at, version_id, page[-1].index) if more else None
    return ClaimPage(items=[to_read(r) for r in page], next_cursor=next_cursor, has_more=more)


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
