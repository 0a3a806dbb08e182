from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from uuid import UUID

import msgspec
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims.models import ClaimRecord, StorySpeaker
from service.extraction import Claim, Speaker
from service.versions.models import Version


async def story_speakers(session: AsyncSession, story_id: UUID, *, through: datetime | None = None) -> list[Speaker]:
    """The story's speakers in the order its versions, in observation order, first named them; with
    `through`, only those named by versions observed at or before that time.
    """
    query = select(StorySpeaker).where(StorySpeaker.story_id == story_id).order_by(StorySpeaker.position)
    if through is not None:
        query = query.join(Version, Version.id == StorySpeaker.first_version_id).where(Version.observed_at <= through)
    return [
        msgspec.convert({"name": r.name, "mention": r.name, "type": r.type, "title": r.title}, Speaker)
        for r in await session.scalars(query)
    ]


async def add_claims(session: AsyncSession, story_id: UUID, version_id: UUID, claims: list[Claim]) -> list[ClaimRecord]:
    records = [_record(story_id, version_id, claim) for claim in claims]
    session.add_all(records)
    await add_speakers(session, story_id, version_id, claims)
    await session.flush()
    return records


async def add_speakers(session: AsyncSession, story_id: UUID, version_id: UUID, claims: Sequence[Claim]) -> None:
    """Register the speakers a version's claims name for the first time in the story, after the known ones."""
    speakers = {c.speaker.name: c.speaker for c in claims if c.speaker is not None and c.speaker.name}
    known = set(await session.scalars(select(StorySpeaker.name).where(StorySpeaker.story_id == story_id)))
    first_named = [s for name, s in speakers.items() if name not in known]
    if not first_named:
        return
    last = await session.scalar(select(func.max(StorySpeaker.position)).where(StorySpeaker.story_id == story_id))
    start = 0 if last is None else last + 1
    session.add_all(
        StorySpeaker(
            story_id=story_id,
            name=s.name,
            type=s.type.value,
            title=s.title,
            position=start + k,
            first_version_id=version_id,
        )
        for k, s in enumerate(first_named)
    )


async def remove_claims(session: AsyncSession, version_id: UUID) -> None:
    """A version's claims, before they are extracted again."""
    await session.execute(delete(ClaimRecord).where(ClaimRecord.version_id == version_id))


async def forget_speakers(session: AsyncSession, version_ids: Collection[UUID]) -> None:
    """The speakers these versions named first."""
    await session.execute(delete(StorySpeaker).where(StorySpeaker.first_version_id.in_(version_ids)))


async def version_claims(
    session: AsyncSession, version_id: UUID, kind: str | None = None, after: int = -1, limit: int | None = None
) -> list[ClaimRecord]:
    """The version's claims in article order, those after the index `after`, at most `limit` of them."""
    query = (
        select(ClaimRecord)
        .where(ClaimRecord.version_id == version_id, ClaimRecord.index > after)
        .order_by(ClaimRecord.index)
        .limit(limit)
    )
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
