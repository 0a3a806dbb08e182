from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from service.config import Settings
from service.diffing.schemas import ChangeType
from service.errors import problem_responses
from service.extraction import ClaimKind
from service.fields import NO_CONTROL_CHARACTERS, query_instant
from service.keys.auth import READ_SECURITY
from service.pagination import Cursor, Limit
from service.stories.service import get_story
from service.timeline import service
from service.timeline.feed import atom_feed
from service.timeline.schemas import ThreadHistory, ThreadPage, ThreadStatus, TimelinePage

Kinds = Annotated[list[ClaimKind] | None, QueryParameter(description="Only these claim kinds (repeatable)")]
Source = Annotated[
    str | None, QueryParameter(description="Only this outlet (source slug)", pattern=NO_CONTROL_CHARACTERS)
]
ATOM_MEDIA_TYPE = "application/atom+xml"
FEED_ENTRIES = 50


class TimelineController(Controller):
    tags = ["timeline"]
    security = READ_SECURITY  # reads need no key where ANONYMOUS_READS

    @get(
        "/v1/stories/{story_id:uuid}/claims",
        operation_id="listStoryClaimThreads",
        summary="List the story's claim threads",
        responses=problem_responses(400, 404),
    )
    async def list_threads(
        self,
        db_session: NamedDependency[AsyncSession],
        story_id: FromPath[UUID],
        kind: Kinds = None,
        speaker: Annotated[
            str | None, QueryParameter(description="Only this canonical speaker name", pattern=NO_CONTROL_CHARACTERS)
        ] = None,
        source: Source = None,
        status: Annotated[
            list[ThreadStatus] | None, QueryParameter(description="Only these statuses (repeatable)")
        ] = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> ThreadPage:
        """Each claim followed across versions and outlets: first and last seen, who reported it first, status."""
        filters = service.ThreadFilters(kind or [], speaker, source, status or [])
        return await service.list_threads(db_session, story_id, filters, cursor, limit)

    @get(
        "/v1/claims/{thread_id:uuid}/history",
        operation_id="getClaimThreadHistory",
        summary="Read a claim thread's history",
        responses=problem_responses(400, 404),
    )
    async def history(
        self,
        db_session: NamedDependency[AsyncSession],
        thread_id: FromPath[UUID],
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> ThreadHistory:
        """Every state of one claim: its wording and values in each version and the change that led to it."""
        return await service.thread_history(db_session, thread_id, cursor, limit)

    @get(
        "/v1/stories/{story_id:uuid}/timeline",
        operation_id="listStoryTimeline",
        summary="List the story's changes over time",
        responses=problem_responses(400, 404),
    )
    async def timeline(
        self,
        db_session: NamedDependency[AsyncSession],
        story_id: FromPath[UUID],
        since: Annotated[datetime | None, QueryParameter(description="Observed at or after")] = None,
        until: Annotated[datetime | None, QueryParameter(description="Observed before")] = None,
        source: Source = None,
        kind: Kinds = None,
        type: Annotated[
            list[ChangeType] | None, QueryParameter(description="Only these change types (repeatable)")
        ] = None,
        include_minor: Annotated[bool, QueryParameter(description="Also reworded and moved claims")] = False,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> TimelinePage:
        """Every substantive change across outlets in the order the service observed it."""
        filters = service.TimelineFilters(
            query_instant(since, "since"), query_instant(until, "until"), source, kind or [], type or [], include_minor
        )
        return await service.story_timeline(db_session, story_id, filters, cursor, limit)

    @get(
        "/v1/stories/{story_id:uuid}/changes.atom",
        operation_id="getStoryChangesFeed",
        summary="Subscribe to the story's changes",
        media_type=ATOM_MEDIA_TYPE,
        responses={
            200: ResponseSpec(
                str,
                description="An Atom feed, newest change first",
                media_type=ATOM_MEDIA_TYPE,
                generate_examples=False,
            ),
            **problem_responses(400, 404),
        },
    )
    async def feed(
        self, db_session: NamedDependency[AsyncSession], story_id: FromPath[UUID], settings: NamedDependency[Settings]
    ) -> Response[str]:
        """The latest substantive changes as an Atom feed, for feed readers and chat integrations.

        Links are built from the configured public base URL (PUBLIC_BASE_URL), never from the
        request's Host header. A reader that sends back the ETag gets 304 while nothing changed."""
        story = await get_story(db_session, story_id)
        items = await service.latest_changes(db_session, story_id, FEED_ENTRIES)
        return Response(atom_feed(story, items, settings.public_base_url), media_type=ATOM_MEDIA_TYPE)
