from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from service.db import dialect_insert, keyset
from service.versions.models import Article, IdempotencyKey, Source, Version

_WITH_SOURCE = joinedload(Version.article).joinedload(Article.source)


async def ensure_source(session: AsyncSession, slug: str) -> UUID:
    await session.execute(
        dialect_insert(session, Source).values(slug=slug).on_conflict_do_nothing(index_elements=["slug"])
    )
    return (await session.scalars(select(Source.id).where(Source.slug == slug))).one()


async def lock_article(session: AsyncSession, story_id: UUID, source_id: UUID, url: str) -> UUID:
    """Create the article on first use and hold its row lock until commit.

    The no-op update is what takes the lock (PostgreSQL row lock, SQLite write lock), so concurrent
    ingests to one article number their versions one after another.
    """
    insert = dialect_insert(session, Article).values(story_id=story_id, source_id=source_id, url=url)
    upsert = insert.on_conflict_do_update(
        index_elements=["story_id", "source_id", "url"], set_={"url": insert.excluded.url}
    )
    return (await session.scalars(upsert.returning(Article.id))).one()


# Observation order: ties (the same observed_at) in order of arrival.
_OBSERVATION_ORDER = (Version.observed_at, Version.created_at, Version.id)
# Read under the story's lock: versions the session loaded earlier may have been renumbered or
# moved by a concurrent rebuild since, so their loaded state is replaced.
_FRESH = {"populate_existing": True}


async def article_versions(session: AsyncSession, article_id: UUID) -> list[Version]:
    """The article's versions in observation order, as they stand now."""
    query = select(Version).where(Version.article_id == article_id).order_by(*_OBSERVATION_ORDER)
    return list(await session.scalars(query.options(_WITH_SOURCE).execution_options(**_FRESH)))


async def article_versions_of(session: AsyncSession, story_id: UUID, source: str, url: str) -> list[Version]:
    """The versions of the article (story, source slug, url) in observation order, read without locking."""
    query = (
        select(Version)
        .join(Version.article)
        .join(Article.source)
        .where(Article.story_id == story_id, Article.url == url, Source.slug == source)
        .order_by(*_OBSERVATION_ORDER)
    )
    return list(await session.scalars(query.options(_WITH_SOURCE)))


async def story_versions(session: AsyncSession, story_id: UUID) -> list[Version]:
    """Every version of the story in observation order, as they stand now."""
    query = select(Version).where(Version.story_id == story_id).order_by(*_OBSERVATION_ORDER)
    return list(await session.scalars(query.options(_WITH_SOURCE).execution_options(**_FRESH)))


async def observed_after(session: AsyncSession, story_id: UUID, at: datetime) -> bool:
    """Whether some version of the story was observed after `at`."""
    query = select(exists().where(Version.story_id == story_id, Version.observed_at > at))
    return bool(await session.scalar(query))


async def renumber(session: AsyncSession, versions: list[Version]) -> None:
    """Number each article's versions 1, 2, ... in the order given, through a negative detour so the
    (article, number) uniqueness holds after every statement.
    """
    numbers: dict[UUID, int] = {}
    wanted = {}
    for version in versions:
        numbers[version.article_id] = numbers.get(version.article_id, 0) + 1
        if version.number != numbers[version.article_id]:
            wanted[version.id] = numbers[version.article_id]
    if not wanted:
        return
    for version in versions:
        if version.id in wanted:
            version.number = -wanted[version.id]
    await session.flush()
    for version in versions:
        if version.id in wanted:
            version.number = wanted[version.id]
    await session.flush()


async def idempotent_version(session: AsyncSession, story_id: UUID, key: str) -> tuple[str, Version] | None:
    """The fingerprint and version of an Idempotency-Key already used in the story."""
    query = (
        select(IdempotencyKey.fingerprint, Version)
        .join(Version, Version.id == IdempotencyKey.version_id)
        .where(IdempotencyKey.story_id == story_id, IdempotencyKey.key == key)
        .options(_WITH_SOURCE)
    )
    row = (await session.execute(query)).first()
    return (row[0], row[1]) if row else None


def remember_key(session: AsyncSession, story_id: UUID, key: str, fingerprint: str, version_id: UUID) -> None:
    session.add(IdempotencyKey(story_id=story_id, key=key, fingerprint=fingerprint, version_id=version_id))


async def get_version(session: AsyncSession, version_id: UUID) -> Version | None:
    return await session.scalar(select(Version).where(Version.id == version_id).options(_WITH_SOURCE))


async def list_versions(
    session: AsyncSession,
    story_id: UUID,
    *,
    source: str | None,
    article_id: UUID | None,
    after: tuple[datetime, UUID] | None,
    limit: int,
) -> list[Version]:
    """In observation order; `after` is the (observed_at, id) of the last version already seen."""
    query = select(Version).where(Version.story_id == story_id).order_by(Version.observed_at, Version.id).limit(limit)
    if source is not None:
        query = query.join(Version.article).join(Article.source).where(Source.slug == source)
    if article_id is not None:
        query = query.where(Version.article_id == article_id)
    if after:
        query = query.where(keyset([Version.observed_at, Version.id], after))
    return list(await session.scalars(query.options(_WITH_SOURCE)))


async def latest_version_of_source(session: AsyncSession, story_id: UUID, source: str) -> Version | None:
    """The source's most recently observed version in the story, whichever of its articles."""
    query = (
        select(Version)
        .join(Version.article)
        .join(Article.source)
        .where(Version.story_id == story_id, Source.slug == source)
        .order_by(Version.observed_at.desc(), Version.id.desc())
        .limit(1)
    )
    return await session.scalar(query.options(_WITH_SOURCE))


async def version_number(session: AsyncSession, article_id: UUID, number: int) -> Version | None:
    query = select(Version).where(Version.article_id == article_id, Version.number == number)
    return await session.scalar(query.options(_WITH_SOURCE))


async def versions_by_id(session: AsyncSession, ids: Collection[UUID]) -> dict[UUID, Version]:
    if not ids:
        return {}
    return {v.id: v for v in await session.scalars(select(Version).where(Version.id.in_(ids)).options(_WITH_SOURCE))}
