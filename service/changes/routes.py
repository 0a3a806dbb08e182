from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from service.changes import service
from service.diffing.schemas import ChangeSet, ChangeType, Comparison, Significance
from service.errors import problem_responses
from service.extraction import ClaimKind
from service.fields import NO_CONTROL_CHARACTERS
from service.keys.auth import READ_SECURITY
from service.workers import WorkerPool

Kinds = Annotated[
    list[ClaimKind] | None, QueryParameter(description="Only changes of claims of these kinds (repeatable)")
]


class ChangeController(Controller):
    path = "/v1/stories/{story_id:uuid}"
    tags = ["changes"]
    security = READ_SECURITY  # reads need no key where ANONYMOUS_READS

    @get(
        "/diff",
        operation_id="getStoryDiff",
        summary="Diff two versions",
        responses=problem_responses(400, 404, 422, 503),
    )
    async def diff(
        self,
        db_session: NamedDependency[AsyncSession],
        workers: NamedDependency[WorkerPool],
        story_id: FromPath[UUID],
        from_version: Annotated[UUID, QueryParameter(name="from", description="Version to diff from")],
        to_version: Annotated[UUID, QueryParameter(name="to", description="Version to diff to")],
        kind: Kinds = None,
        type: Annotated[
            list[ChangeType] | None, QueryParameter(description="Only these change types (repeatable)")
        ] = None,
        min_significance: Annotated[Significance | None, QueryParameter(description="Drop changes below this")] = None,
        include_minor: Annotated[bool, QueryParameter(description="Also list reworded and moved claims")] = False,
    ) -> ChangeSet:
        """The ChangeSet between any two versions of the story, in either order.

        Its summary and counts describe the whole ChangeSet; the filters narrow the listed changes.
        """
        filters = service.ChangeFilters(kind or [], type or [], min_significance, include_minor)
        return await service.diff_versions(db_session, story_id, from_version, to_version, filters, workers=workers)

    @get(
        "/compare",
        operation_id="compareStoryAccounts",
        summary="Compare two accounts",
        responses=problem_responses(400, 404, 422, 503),
    )
    async def compare(
        self,
        db_session: NamedDependency[AsyncSession],
        workers: NamedDependency[WorkerPool],
        story_id: FromPath[UUID],
        a: Annotated[
            str,
            QueryParameter(
                description="A version id, or a source slug for its latest version", pattern=NO_CONTROL_CHARACTERS
            ),
        ],
        b: Annotated[
            str,
            QueryParameter(
                description="A version id, or a source slug for its latest version", pattern=NO_CONTROL_CHARACTERS
            ),
        ],
        kind: Kinds = None,
    ) -> Comparison:
        """Two accounts side by side: agreements, conflicts, and what only one of them carries."""
        return await service.compare_accounts(db_session, story_id, a, b, kind or [], workers=workers)
