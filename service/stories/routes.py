from __future__ import annotations

from uuid import UUID

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from sqlalchemy.ext.asyncio import AsyncSession

from service.errors import problem_responses
from service.http import CREATED_AT
from service.keys.auth import READ_SECURITY
from service.pagination import Cursor, Limit
from service.stories import service
from service.stories.schemas import StoryCreate, StoryPage, StoryRead


class StoryController(Controller):
    path = "/v1/stories"
    tags = ["stories"]

    @post(
        operation_id="createStory",
        summary="Create a story",
        responses=problem_responses(400, 409, 413, 415, 422),
        response_headers=[CREATED_AT],
    )
    async def create_story(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[StoryCreate]
    ) -> Response[StoryRead]:
        """Create a story; the slug is derived from the title when not given."""
        story = service.to_read(await service.create_story(db_session, data))
        return Response(story, status_code=201, headers={"Location": f"/v1/stories/{story.id}"})

    @get(operation_id="listStories", summary="List stories", responses=problem_responses(400), security=READ_SECURITY)
    async def list_stories(
        self,
        db_session: NamedDependency[AsyncSession],
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> StoryPage:
        """Newest first, one page at a time."""
        return await service.list_stories(db_session, cursor, limit)

    @get(
        "/{story_id:uuid}",
        operation_id="getStory",
        summary="Read a story",
        responses=problem_responses(400, 404),
        security=READ_SECURITY,
    )
    async def get_story(self, db_session: NamedDependency[AsyncSession], story_id: FromPath[UUID]) -> StoryRead:
        """One story."""
        return service.to_read(await service.get_story(db_session, story_id))
