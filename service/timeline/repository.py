from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from service.changes.models import ChangeRecord
from service.claims.models import ClaimRecord
from service.db import keyset
from service.timeline.models import Thread, ThreadPresence
from service.versions.models import Source, Version

# Threads a new outlet's claim may join: the story's most recently seen ones. A bound, so that
# ingest costs the same in a story's thousandth version as in its tenth.
CANDIDATE_THREADS = 300


async def candidate_threads(
    session: AsyncSession, story_id: UUID, exclude: Collection[UUID]
) -> list[tuple[Thread, ClaimRecord]]:
    query = (
        select(Thread, ClaimRecord)
        .join(ClaimRecord, ClaimRecord.id == Thread.latest_claim_id)
        .where(Thread.story_id == story_id)
        # claims last seen in the same version keep their article order: the same candidates, whatever the ids
        .order_by(Thread.last_seen_at.desc(), ClaimRecord.index, Thread.id)
        .limit(CANDIDATE_THREADS)
    )
    if exclude:
        query = query.where(Thread.id.not_in(exclude))
    return [(t, c) for t, c in (await session.execute(query)).all()]


async def claim_threads(session: AsyncSession, version_ids: Collection[UUID]) -> dict[tuple[UUID, int], UUID]:
    """The thread of each claim of these versions that is on one: (version id, claim index) -> thread id."""
    query = select(ClaimRecord.version_id, ClaimRecord.index, ClaimRecord.thread_id).where(
        ClaimRecord.version_id.in_(version_ids), ClaimRecord.thread_id.is_not(None)
    )
    rows = (await session.execute(query)).all()
    return {(version_id, index): thread_id for version_id, index, thread_id in rows if thread_id is not None}


async def threads_touched(
    session: AsyncSession, version_ids: Collection[UUID], article_ids: Collection[UUID]
) -> set[UUID]:
    """The threads these versions carry, and those these articles ever carried."""
    carried = select(ClaimRecord.thread_id).where(
        ClaimRecord.version_id.in_(version_ids), ClaimRecord.thread_id.is_not(None)
    )
    present = select(ThreadPresence.thread_id).where(ThreadPresence.article_id.in_(article_ids))
    return {t for t in await session.scalars(carried.union(present)) if t is not None}


async def forget_versions(session: AsyncSession, version_ids: Collection[UUID], article_ids: Collection[UUID]) -> None:
    """Take these versions' claims off their threads, drop the threads they started, and the presence
    of every thread in these articles (it is worked out again from what stays).
    """
    await session.execute(update(ClaimRecord).where(ClaimRecord.version_id.in_(version_ids)).values(thread_id=None))
    started = select(Thread.id).where(Thread.first_version_id.in_(version_ids))
    await session.execute(
        delete(ThreadPresence).where(ThreadPresence.thread_id.in_(started) | ThreadPresence.article_id.in_(article_ids))
    )
    await session.execute(delete(Thread).where(Thread.first_version_id.in_(version_ids)))


async def carrying_claims(session: AsyncSession, thread_ids: Collection[UUID]) -> list[tuple[ClaimRecord, Version]]:
    """The claims on these threads with their versions, in observation order."""
    if not thread_ids:
        return []
    query = (
        select(ClaimRecord, Version)
        .join(Version, Version.id == ClaimRecord.version_id)
        .where(ClaimRecord.thread_id.in_(thread_ids))
        .order_by(Version.observed_at, Version.created_at, Version.id, ClaimRecord.index)
        .options(joinedload(Version.article))
    )
    return [(c, v) for c, v in (await session.execute(query)).all()]


async def modified_threads(session: AsyncSession, thread_ids: Collection[UUID]) -> set[UUID]:
    """The threads a stored change modified in substance."""
    if not thread_ids:
        return set()
    query = select(ChangeRecord.thread_id).where(
        ChangeRecord.thread_id.in_(thread_ids), ChangeRecord.type == "modified"
    )
    return {t for t in await session.scalars(query.distinct()) if t is not None}


async def threads_by_id(session: AsyncSession, ids: Collection[UUID]) -> dict[UUID, Thread]:
    if not ids:
        return {}
    return {t.id: t for t in await session.scalars(select(Thread).where(Thread.id.in_(ids)))}


async def presence(session: AsyncSession, thread_ids: Collection[UUID]) -> list[tuple[ThreadPresence, str]]:
    """Each thread's presence rows with the source slug, first seen first."""
    if not thread_ids:
        return []
    query = (
        select(ThreadPresence, Source.slug)
        .join(Source, Source.id == ThreadPresence.source_id)
        .where(ThreadPresence.thread_id.in_(thread_ids))
        .order_by(ThreadPresence.first_seen_at, ThreadPresence.id)
    )
    return [(p, slug) for p, slug in (await session.execute(query)).all()]


async def article_presence(
    session: AsyncSession, article_id: UUID, thread_ids: Collection[UUID]
) -> dict[UUID, ThreadPresence]:
    if not thread_ids:
        return {}
    query = select(ThreadPresence).where(
        ThreadPresence.article_id == article_id, ThreadPresence.thread_id.in_(thread_ids)
    )
    return {p.thread_id: p for p in await session.scalars(query)}


async def carried_elsewhere(session: AsyncSession, thread_ids: Collection[UUID], article_id: UUID) -> set[UUID]:
    """The threads some other article's latest version still carries."""
    if not thread_ids:
        return set()
    query = select(ThreadPresence.thread_id).where(
        ThreadPresence.thread_id.in_(thread_ids),
        ThreadPresence.article_id != article_id,
        ThreadPresence.present.is_(True),
    )
    return set(await session.scalars(query))


async def list_threads(
    session: AsyncSession,
    story_id: UUID,
    *,
    kinds: Collection[str],
    speaker: str | None,
    source: str | None,
    statuses: Collection[str],
    after: tuple[datetime, UUID] | None,
    limit: int,
) -> list[tuple[Thread, str]]:
    query = (
        select(Thread, Source.slug)
        .join(Source, Source.id == Thread.first_source_id)
        .where(Thread.story_id == story_id)
        .order_by(Thread.first_seen_at, Thread.id)
        .limit(limit)
    )
    if kinds:
        query = query.where(Thread.kind.in_(kinds))
    if speaker:
        query = query.where(Thread.speaker_name == speaker)
    if statuses:
        query = query.where(Thread.status.in_(statuses))
    if source:
        carried = (
            select(ThreadPresence.id)
            .join(Source, Source.id == ThreadPresence.source_id)
            .where(ThreadPresence.thread_id == Thread.id, Source.slug == source)
        )
        query = query.where(exists(carried))
    if after:
        query = query.where(keyset([Thread.first_seen_at, Thread.id], after))
    return [(t, slug) for t, slug in (await session.execute(query)).all()]


async def get_thread(session: AsyncSession, thread_id: UUID) -> tuple[Thread, str] | None:
    query = select(Thread, Source.slug).join(Source, Source.id == Thread.first_source_id).where(Thread.id == thread_id)
    row = (await session.execute(query)).first()
    return (row[0], row[1]) if row else None


async def thread_openings(
    session: AsyncSession, thread_id: UUID, version_ids: Collection[UUID]
) -> list[tuple[UUID, UUID, datetime]]:
    """(claim id, version id, observed_at) of the thread's claims in these versions."""
    if not version_ids:
        return []
    query = (
        select(ClaimRecord.id, ClaimRecord.version_id, Version.observed_at)
        .join(Version, Version.id == ClaimRecord.version_id)
        .where(ClaimRecord.thread_id == thread_id, ClaimRecord.version_id.in_(version_ids))
    )
    return [(c, v, at) for c, v, at in (await session.execute(query)).all()]


async def thread_changes(session: AsyncSession, thread_id: UUID) -> list[ChangeRecord]:
    query = (
        select(ChangeRecord)
        .where(ChangeRecord.thread_id == thread_id)
        .order_by(ChangeRecord.observed_at, ChangeRecord.position)
    )
    return list(await session.scalars(query))


async def timeline(
    session: AsyncSession,
    story_id: UUID,
    *,
    since: datetime | None,
    until: datetime | None,
    source: str | None,
    kinds: Collection[str],
    types: Collection[str],
    after: tuple[datetime, UUID, int] | None,
    limit: int,
) -> list[tuple[ChangeRecord, Version, str]]:
    """Changes in observation order; `after` is the (observed_at, version, position) of the last one seen."""
    query = (
        select(ChangeRecord, Version, Source.slug)
        .join(Version, Version.id == ChangeRecord.to_version_id)
        .join(Source, Source.id == ChangeRecord.source_id)
        .where(ChangeRecord.story_id == story_id)
        .order_by(ChangeRecord.observed_at, ChangeRecord.to_version_id, ChangeRecord.position)
        .limit(limit)
    )
    if since is not None:
        query = query.where(ChangeRecord.observed_at >= since)
    if until is not None:
        query = query.where(ChangeRecord.observed_at < until)
    if source is not None:
        query = query.where(Source.slug == source)
    if kinds:
        query = query.where(ChangeRecord.kind.in_(kinds))
    if types:
        query = query.where(ChangeRecord.type.in_(types))
    if after is not None:
        query = query.where(
            keyset([ChangeRecord.observed_at, ChangeRecord.to_version_id, ChangeRecord.position], after)
        )
    return [(c, v, s) for c, v, s in (await session.execute(query)).all()]


async def latest_changes(
    session: AsyncSession, story_id: UUID, types: Collection[str], limit: int
) -> list[tuple[ChangeRecord, Version, str]]:
    query = (
        select(ChangeRecord, Version, Source.slug)
        .join(Version, Version.id == ChangeRecord.to_version_id)
        .join(Source, Source.id == ChangeRecord.source_id)
        .where(ChangeRecord.story_id == story_id, ChangeRecord.type.in_(types))
        .order_by(ChangeRecord.observed_at.desc(), ChangeRecord.to_version_id.desc(), ChangeRecord.position.desc())
        .limit(limit)
    )
    return [(c, v, s) for c, v, s in (await session.execute(query)).all()]
