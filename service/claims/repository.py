from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims.models import ClaimRecord, StorySpeaker
from service.db import dialect_insert
from service.extraction import Claim, Speaker


async def story_speakers(session: AsyncSession, story_id: UUID) -> list[Speaker]:
    rows = await session.scalars(
        select(StorySpeaker)
        .where(StorySpeaker.story_id == story_id)
        .order_by(StorySpeaker.created_at, StorySpeaker.name)
    )
    return [
        msgspec.convert({"name": r.name, "mention": r.name, "type": r.type, "title": r.title}, Speaker) for r in rows
    ]


async def add_claims(session: AsyncSession, story_id: UUID, version_id: UUID, claims: list[Claim]) -> list[ClaimRecord]:
    records = [_record(story_id, version_id, claim) for claim in claims]
    session.add_all(records)
    speakers = {c.speaker.name: c.speaker for c in claims if c.speaker is not None and c.speaker.name}
    if speakers:
        rows = [
            {"story_id": story_id, "name": s.name, "type": s.type.value, "title": s.title} for s in speakers.values()
        ]
        await session.execute(dialect_insert(session, StorySpeaker).values(rows).on_conflict_do_nothing())
    await session.flush()
    return records


async def version_claims(session: AsyncSession, version_id: UUID, kind: str | None = None) -> list[ClaimRecord]:
    query = select(ClaimRecord).where(ClaimRecord.version_id == version_id).order_by(ClaimRecord.index)
    if kind is not None:
        query = query.where(ClaimRecord.kind == kind)
    return list(await session.scalars(query))


def _record(story_id: UUID, version_id: UUID, claim: Claim) -> ClaimRecord:
    data = msgspec.to_builtins(claim)
    span = data.pop("span")
    return ClaimRecord(
        story_id=story_id,
        version_id=version_id,
        speaker_name=claim.speaker.name if claim.speaker else None,
        span_start=span["start"],
        span_end=span["end"],
        **data,
    )


async def claims_by_id(session: AsyncSession, ids: Collection[UUID]) -> dict[UUID, ClaimRecord]:
    if not ids:
        return {}
    return {r.id: r for r in await session.scalars(select(ClaimRecord).where(ClaimRecord.id.in_(ids)))}
