from __future__ import annotations

from datetime import datetime
from typing import TypedDict
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from service.db import utcnow
from service.errors import NotFound
from service.pagination import decode_cursor, encode_cursor
from service.stories.service import get_story, slugify
from service.versions import repository
from service.versions.models import Version
from service.versions.schemas import VersionCreate, VersionPage, VersionRead, VersionSummary
from service.versions.text import article_text, content_hash


async def ingest_version(session: AsyncSession, story_id: UUID, data: VersionCreate) -> tuple[Version, bool]:
    """Store one version of an article; returns it and whether it is new.

    Content identical to the article's latest version is not stored again: that version comes back.
    """
    text, page_title = article_text(data.text, data.html)
    title = data.title if data.title is not None else page_title
    await get_story(session, story_id)
    source_id = await repository.ensure_source(session, slugify(data.source))
    article_id = await repository.lock_article(session, story_id, source_id, data.url.strip())
    latest = await repository.latest_version(session, article_id)
    digest = content_hash(title, text)
    if latest is not None and latest.content_hash == digest:
        return latest, False
    version = Version(
        story_id=story_id,
        article_id=article_id,
        number=latest.number + 1 if latest else 1,
        title=title,
        text=text,
        content_hash=digest,
        observed_at=data.observed_at or utcnow(),
        published_at=data.published_at,
    )
    session.add(version)
    await session.flush()
    stored = await repository.get_version(session, version.id)
    assert stored is not None
    return stored, True


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
    after = decode_cursor(cursor) if cursor else None
    versions = await repository.list_versions(
        session, story_id, source=source, article_id=article_id, after=after, limit=limit + 1
    )
    page = versions[:limit]
    next_cursor = encode_cursor(page[-1].observed_at, page[-1].id) if len(versions) > limit else None
    return VersionPage(items=[to_summary(v) for v in page], next_cursor=next_cursor)


class _SummaryFields(TypedDict):
    id: UUID
    story_id: UUID
    article_id: UUID
    source: str
    url: str
    number: int
    title: str | None
    content_hash: str
    observed_at: datetime
    published_at: datetime | None
    created_at: datetime


def to_summary(version: Version) -> VersionSummary:
    return VersionSummary(**_summary_fields(version))


def to_read(version: Version) -> VersionRead:
    return VersionRead(**_summary_fields(version), text=version.text)


def _summary_fields(version: Version) -> _SummaryFields:
    return {
        "id": version.id,
        "story_id": version.story_id,
        "article_id": version.article_id,
        "source": version.article.source.slug,
        "url": version.article.url,
        "number": version.number,
        "title": version.title,
        "content_hash": version.content_hash,
        "observed_at": version.observed_at,
        "published_at": version.published_at,
        "created_at": version.created_at,
    }
