from __future__ import annotations

from uuid import UUID

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from service.errors import NotFound
from service.pagination import decode_cursor, encode_cursor
from service.stories.service import get_story
from service.versions import repository
from service.versions.models import Version
from service.versions.schemas import VersionPage, VersionRead, VersionSummary


async def get_version(session: AsyncSession, version_id: UUID) -> Version:
    version = await repository.get_version(session, version_id)
    if version is None:
        raise NotFound(f"No version with id {version_id}.")
    return version


async def list_versions(
    session: AsyncSession,
    story_id: UUID,
    *,
    source: str | None,
    article_id: UUID | None,
    cursor: str | None,
    limit: int,
) -> VersionPage:
    await get_story(session, story_id)
    after = decode_cursor(cursor)[:2] if cursor else None
    versions = await repository.list_versions(
        session, story_id, source=source, article_id=article_id, after=after, limit=limit + 1
    )
    page = versions[:limit]
    next_cursor = encode_cursor(page[-1].observed_at, page[-1].id) if len(versions) > limit else None
    return VersionPage(items=[to_summary(v) for v in page], next_cursor=next_cursor, has_more=next_cursor is not None)


def to_summary(version: Version) -> VersionSummary:
    return VersionSummary(
        id=version.id,
        story_id=version.story_id,
        article_id=version.article_id,
        source=version.article.source.slug,
        url=version.article.url,
        number=version.number,
        title=version.title,
        content_hash=version.content_hash,
        observed_at=version.observed_at,
        published_at=version.published_at,
        created_at=version.created_at,
    )


def to_read(version: Version) -> VersionRead:
    return VersionRead(**msgspec.structs.asdict(to_summary(version)), text=version.text)
