from __future__ import annotations

from uuid import UUID

from litestar import Controller, get, post
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from service.errors import problem_responses
from service.pagination import Limit
from service.stories import service
from service.stories.schemas import StoryCreate, StoryPage, StoryRead


class StoryController(Controller):
    path = "/v1/stories"
    tags = ["stories"]

    @post(operation_id="createStory", summary="Create a story", responses=problem_responses(400, 409, 413, 422))
    async def create_story(self, db_session: AsyncSession, data: StoryCreate) -> StoryRead:
        """Create a story; the slug is derived from the title when not given."""
        return service.to_read(await service.create_story(db_session, data))

    @get(operation_id="listStories", summary="List stories", responses=problem_responses(400, 422))
    async def list_stories(
        self,
        db_session: AsyncSession,
        cursor: str | None = Parameter(default=None, description="next_cursor of the previous page"),
        limit: Limit = 50,
    ) -> StoryPage:
        """Newest first, one page at a time."""
        return await service.list_stories(db_session, cursor, limit)

    @get("/{story_id:uuid}", operation_id="getStory", summary="Read a story", responses=problem_responses(400, 404))
    async def get_story(self, db_session: AsyncSession, story_id: UUID) -> StoryRead:
        """One story."""
        return service.to_read(await service.get_story(db_session, story_id))
