from __future__ import annotations

import re
import unicodedata
from uuid import UUID

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from service.errors import Conflict, NotFound, Unprocessable
from service.pagination import decode_cursor, encode_cursor
from service.stories import repository
from service.stories.models import Story
from service.stories.schemas import StoryCreate, StoryPage, StoryRead


def slugify(name: str) -> str:
    """Lower-case words joined by hyphens. Latin letters lose their accents ("Público" -> publico);
    other scripts are kept as they are ("Известия" -> известия), so outlets that share no Latin
    letter stay distinct. Empty when the name has no letter or digit.
    """
    letters = []
    for char in unicodedata.normalize("NFKC", name).casefold():
        base = unicodedata.normalize("NFKD", char)[0]
        letters.append(base if base.isascii() else char)
    return _NOT_WORD.sub("-", "".join(letters)).strip("-")[:80].rstrip("-")


_NOT_WORD = re.compile(r"[\W_]+")


async def create_story(session: AsyncSession, data: StoryCreate) -> Story:
    title = " ".join(data.title.split())
    if not title:
        raise Unprocessable("The title is blank.")
    if data.slug is not None:
        if await repository.slug_taken(session, data.slug):
            raise Conflict(f"The slug {data.slug!r} is already used by another story.")
        slug = data.slug
    else:
        base = slugify(title) or "story"
        slug = _free_slug(base, await repository.slugs_like(session, base))
    story = Story(title=title, slug=slug)
    session.add(story)
    try:
        await session.flush()
    except IntegrityError as exc:  # a concurrent request took the slug between our check and insert
        raise Conflict(f"The slug {slug!r} is already used by another story.") from exc
    return story


def _free_slug(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


async def get_story(session: AsyncSession, story_id: UUID) -> Story:
    story = await repository.get_story(session, story_id)
    if story is None:
        raise NotFound(f"No story with id {story_id}.")
    return story


async def list_stories(session: AsyncSession, cursor: str | None, limit: int) -> StoryPage:
    before = decode_cursor(cursor)[:2] if cursor else None
    stories = await repository.list_stories(session, before, limit + 1)
    page = stories[:limit]
    next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if len(stories) > limit else None
    return StoryPage(items=[to_read(s) for s in page], next_cursor=next_cursor, has_more=next_cursor is not None)


def to_read(story: Story) -> StoryRead:
    return StoryRead(id=story.id, slug=story.slug, title=story.title, created_at=story.created_at)
