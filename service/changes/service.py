from __future__ import annotations

from typing import NamedTuple
from uuid import UUID

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from service.changes import repository
from service.changes.models import ChangeRecord
from service.claims import repository as claims_repository
from service.claims.schemas import ClaimRead
from service.claims.service import to_read
from service.diffing import assemble, compare_claims, diff_claims, select_changes
from service.diffing.schemas import (
    Aspect,
    Change,
    ChangeSet,
    ChangeType,
    Comparison,
    FieldChange,
    FigureChange,
    Significance,
)
from service.errors import NotFound
from service.extraction import ClaimKind
from service.stories.service import get_story
from service.versions import repository as versions_repository
from service.versions.models import Version
from service.workers import WorkerPool


class ChangeFilters(NamedTuple):
    kinds: list[ClaimKind]
    types: list[ChangeType]
    min_significance: Significance | None
    include_minor: bool


DEFAULT_FILTERS = ChangeFilters(kinds=[], types=[], min_significance=None, include_minor=False)


async def record_changes(
    session: AsyncSession, version: Version, previous_id: UUID | None, changes: list[Change], threads: dict[UUID, UUID]
) -> None:
    """Store a version's changes, each with its claim thread, for the diff endpoint and the timeline."""
    await repository.add_changes(session, version, previous_id, changes, threads)


async def diff_versions(
    session: AsyncSession, story_id: UUID, from_id: UUID, to_id: UUID, filters: ChangeFilters, *, workers: WorkerPool
) -> ChangeSet:
    """Any two versions of the story, either order: stored for consecutive versions, computed otherwise."""
    await get_story(session, story_id)
    before, after = await _story_version(session, story_id, from_id), await _story_version(session, story_id, to_id)
    if before.id == after.id:
        changeset = assemble(before.id, after.id, [])
    elif before.article_id == after.article_id and after.number == before.number + 1:
        changeset = assemble(before.id, after.id, await _stored(session, before.id, after.id))
    else:
        changeset = await workers.run(
            diff_claims,
            await _claims(session, before.id),
            await _claims(session, after.id),
            before.id,
            after.id,
            deadline=workers.deadline(before.text, after.text),
            task="diff the two versions",
        )
    return select_changes(
        changeset,
        kinds=filters.kinds,
        types=filters.types,
        min_significance=filters.min_significance,
        include_minor=filters.include_minor,
    )


async def compare_accounts(
    session: AsyncSession, story_id: UUID, a: str, b: str, kinds: list[ClaimKind], *, workers: WorkerPool
) -> Comparison:
    """Two accounts of the story: each a version id, or a source slug standing for its latest version."""
    await get_story(session, story_id)
    va, vb = await _account(session, story_id, a), await _account(session, story_id, b)
    claims_a = [c for c in await _claims(session, va.id) if not kinds or c.kind in kinds]
    claims_b = [c for c in await _claims(session, vb.id) if not kinds or c.kind in kinds]
    return await workers.run(
        compare_claims,
        claims_a,
        claims_b,
        va.id,
        vb.id,
        deadline=workers.deadline(va.text, vb.text),
        task="compare the two accounts",
    )


async def _story_version(session: AsyncSession, story_id: UUID, version_id: UUID) -> Version:
    version = await versions_repository.get_version(session, version_id)
    if version is None or version.story_id != story_id:
        raise NotFound(f"No version {version_id} in story {story_id}.")
    return version


async def _account(session: AsyncSession, story_id: UUID, key: str) -> Version:
    try:
        return await _story_version(session, story_id, UUID(key))
    except ValueError:
        version = await versions_repository.latest_version_of_source(session, story_id, key)
        if version is None:
            raise NotFound(f"No version from source {key!r} in story {story_id}.") from None
        return version


async def _claims(session: AsyncSession, version_id: UUID) -> list[ClaimRead]:
    return [to_read(r) for r in await claims_repository.version_claims(session, version_id)]


async def _stored(session: AsyncSession, from_id: UUID, to_id: UUID) -> list[Change]:
    rows = await repository.changes_between(session, from_id, to_id)
    ids = {i for r in rows for i in (r.before_claim_id, r.after_claim_id) if i is not None}
    claims = {i: to_read(r) for i, r in (await claims_repository.claims_by_id(session, ids)).items()}
    return [to_change(r, claims) for r in rows]


def to_change(row: ChangeRecord, claims: dict[UUID, ClaimRead]) -> Change:
    return Change(
        type=ChangeType(row.type),
        kind=ClaimKind(row.kind),
        aspects=[Aspect(a) for a in row.aspects],
        before=claims[row.before_claim_id] if row.before_claim_id else None,
        after=claims[row.after_claim_id] if row.after_claim_id else None,
        fields=msgspec.convert(row.fields, list[FieldChange]),
        figures=msgspec.convert(row.figures, list[FigureChange]),
        significance=Significance(row.significance),
        summary=row.summary,
    )
