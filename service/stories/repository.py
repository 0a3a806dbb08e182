from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.db import keyset
from service.stories.models import Story


async def get_story(session: AsyncSession, story_id: UUID) -> Story | None:
    return await session.get(Story, story_id)


async def slug_taken(session: AsyncSession, slug: str) -> bool:
    return bool(await session.scalar(select(exists().where(Story.slug == slug))))


async def slugs_like(session: AsyncSession, base: str) -> set[str]:
    rows = await session.scalars(select(Story.slug).where(or_(Story.slug == base, Story.slug.startswith(base + "-"))))
    return set(rows)


async def list_stories(session: AsyncSession, before: tuple[datetime, UUID] | None, limit: int) -> list[Story]:
    """Newest first; `before` is the (created_at, id) of the last story already seen."""
    query = select(Story).order_by(Story.created_at.desc(), Story.id.desc()).limit(limit)
    if before:
        query = query.where(keyset([Story.created_at, Story.id], before, after=False))
    return list(await session.scalars(query))


async def get_story_by_slug(session: AsyncSession, slug: str) -> Story | None:
    return await session.scalar(select(Story).where(Story.slug == slug))


async def get_story_by_key(session: AsyncSession, key: str) -> Story | None:
    """A story by its id or, failing that, its slug."""
    try:
        return await get_story(session, UUID(key))
    except ValueError:
        return await get_story_by_slug(session, key)


async def lock_story(session: AsyncSession, story_id: UUID) -> None:
    """Hold the story's row until commit (PostgreSQL; SQLite serialises writers anyway)."""
    await session.execute(select(Story.id).where(Story.id == story_id).with_for_update())
