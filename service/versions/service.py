from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import NamedTuple, TypedDict
from uuid import UUID

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from service.claims import repository as claims_repository
from service.claims.models import ClaimRecord
from service.db import utcnow
from service.errors import NotFound
from service.extraction import extract_claims
from service.pagination import decode_cursor, encode_cursor
from service.stories.service import get_story, slugify
from service.versions import repository
from service.versions.models import Version
from service.versions.schemas import VersionCreate, VersionPage, VersionRead, VersionSummary
from service.versions.text import article_text, content_hash


class Ingested(NamedTuple):
    version: Version
    created: bool
    claims: list[ClaimRecord]


async def ingest_version(session: AsyncSession, story_id: UUID, data: VersionCreate, *, model: str) -> Ingested:
    """Store one version of an article with its claims; content identical to the article's latest
    version stores nothing and returns that version.
    """
    text, page_title = article_text(data.text, data.html)
    title = data.title if data.title is not None else page_title
    digest = content_hash(title, text)
    source, url = slugify(data.source), data.url.strip()
    await get_story(session, story_id)
    latest = await repository.latest_version_of(session, story_id, source, url)
    if latest is not None and latest.content_hash == digest:
        return Ingested(latest, False, await claims_repository.version_claims(session, latest.id))

    observed_at = data.observed_at or utcnow()
    known = await claims_repository.story_speakers(session, story_id)
    reference = (data.published_at or observed_at).date()
    # Parsing is CPU work: off the event loop, and before any lock is taken.
    claims = await anyio.to_thread.run_sync(partial(extract_claims, text, reference, known_speakers=known, model=model))

    source_id = await repository.ensure_source(session, source)
    article_id = await repository.lock_article(session, story_id, source_id, url)
    latest = await repository.latest_version(session, article_id)
    if latest is not None and latest.content_hash == digest:  # a concurrent request stored it first
        return Ingested(latest, False, await claims_repository.version_claims(session, latest.id))
    version = Version(
        story_id=story_id,
        article_id=article_id,
        number=latest.number + 1 if latest else 1,
        title=title,
        text=text,
        content_hash=digest,
        observed_at=observed_at,
        published_at=data.published_at,
    )
    session.add(version)
    await session.flush()
    records = await claims_repository.add_claims(session, story_id, version.id, claims)
    stored = await repository.get_version(session, version.id)
    assert stored is not None
    return Ingested(stored, True, records)


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
