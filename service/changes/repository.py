from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

import msgspec
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.changes.models import ChangeRecord
from service.diffing.schemas import Change
from service.versions.models import Version


async def add_changes(
    session: AsyncSession, version: Version, previous_id: UUID | None, changes: list[Change], threads: dict[UUID, UUID]
) -> None:
    """`threads` maps claim ids to thread ids; `previous_id` is None for an article's first version."""
    session.add_all(
        ChangeRecord(
            story_id=version.story_id,
            from_version_id=previous_id,
            to_version_id=version.id,
            source_id=version.article.source_id,
            observed_at=version.observed_at,
            position=position,
            type=change.type.value,
            kind=change.kind.value,
            significance=change.significance.value,
            aspects=[a.value for a in change.aspects],
            before_claim_id=change.before.id if change.before else None,
            after_claim_id=change.after.id if change.after else None,
            thread_id=threads.get(change.claim.id),
            fields=msgspec.to_builtins(change.fields),
            figures=msgspec.to_builtins(change.figures),
            summary=change.summary,
        )
        for position, change in enumerate(changes)
    )
    await session.flush()


async def forget_changes(session: AsyncSession, version_ids: Collection[UUID]) -> None:
    """The changes that lead to these versions."""
    await session.execute(delete(ChangeRecord).where(ChangeRecord.to_version_id.in_(version_ids)))


async def changes_between(session: AsyncSession, from_version: UUID, to_version: UUID) -> list[ChangeRecord]:
    query = (
        select(ChangeRecord)
        .where(ChangeRecord.from_version_id == from_version, ChangeRecord.to_version_id == to_version)
        .order_by(ChangeRecord.position)
    )
    return list(await session.scalars(query))
