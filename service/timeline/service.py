"""Claim threads: each claim followed across versions and outlets; the story's timeline of changes."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from service.changes.models import ChangeRecord
from service.changes.service import to_change
from service.claims import repository as claims_repository
from service.claims.models import ClaimRecord
from service.claims.schemas import ClaimRead
from service.claims.service import to_read
from service.diffing import Pairing, match_across
from service.diffing.schemas import Change, ChangeType
from service.errors import NotFound
from service.extraction import ClaimKind
from service.pagination import decode_cursor, encode_cursor
from service.stories.service import get_story
from service.timeline import repository
from service.timeline.models import Thread, ThreadPresence
from service.timeline.schemas import (
    HistoryEntry,
    Sighting,
    SourcePresence,
    ThreadHistory,
    ThreadPage,
    ThreadRead,
    ThreadStatus,
    TimelineItem,
    TimelinePage,
)
from service.versions import repository as versions_repository
from service.versions.models import Version
from service.workers import WorkerPool


class Threading(NamedTuple):
    thread_of: dict[UUID, UUID]  # claim id -> thread id, for the new version's and the previous version's claims
    started: set[UUID]  # the new version's claims that started a thread of their own


async def thread_version(
    session: AsyncSession,
    version: Version,
    records: list[ClaimRecord],
    claims: list[ClaimRead],
    previous: list[ClaimRead],
    pairing: Pairing | None,
    changes: list[Change],
    former_threads: Mapping[tuple[UUID, int], UUID],
    workers: WorkerPool,
) -> Threading:
    """Put each claim of a new version on its thread.

    A claim continues the thread of the claim it matched in the article's previous version; else it
    joins a matching thread another outlet started; else it starts a thread of its own, which takes
    the id of the claim's former thread (`former_threads`, when the story's threads are rebuilt) if
    that id is free, so the threads clients know survive a rebuild.
    """
    thread_of: dict[int, UUID] = {}
    if pairing is not None:
        for later, earlier in pairing.continuations().items():
            if (earlier_thread := previous[earlier].thread_id) is not None:
                thread_of[later] = earlier_thread
    rest = [j for j in range(len(claims)) if j not in thread_of]
    candidates = (
        await repository.candidate_threads(session, version.story_id, exclude=set(thread_of.values())) if rest else []
    )
    if candidates:  # a story's first version has nothing to match: no trip to a worker, which may be busy parsing
        joined = await workers.run(
            match_across,
            [claims[j] for j in rest],
            [to_read(claim) for _, claim in candidates],
            deadline=workers.deadline(*(claims[j].text for j in rest), *(c.text for _, c in candidates)),
            task="match the claims to the story's threads",
        )
        for k, c in joined.items():
            thread_of[rest[k]] = candidates[c][0].id
    carried_before = {c.thread_id for c in previous if c.thread_id is not None}
    threads = await repository.threads_by_id(session, set(thread_of.values()) | carried_before)
    started = [j for j in range(len(claims)) if j not in thread_of]
    formers = {f for j in started if (f := former_threads.get((version.id, claims[j].index)))}
    taken = set(threads) | set(await repository.threads_by_id(session, formers))
    for j in started:
        former = former_threads.get((version.id, claims[j].index))
        thread = _new_thread(version, claims[j], former if former not in taken else None)
        taken.add(thread.id)
        session.add(thread)
        threads[thread.id] = thread
        thread_of[j] = thread.id
    await session.flush()  # threads exist before claims and presence point at them

    modified = {c.after.id for c in changes if c.type == ChangeType.MODIFIED and c.after is not None}
    for j, record in enumerate(records):
        record.thread_id = thread_of[j]
        _carried(threads[thread_of[j]], version, claims[j], modified=claims[j].id in modified)
    carried_now = set(thread_of.values())
    await _update_presence(session, version, carried_now, carried_before - carried_now)
    for thread_id in (
        carried_before
        - carried_now
        - await repository.carried_elsewhere(session, carried_before - carried_now, version.article_id)
    ):
        thread = threads[thread_id]
        thread.status, thread.removed_at, thread.removed_by_version_id = (
            ThreadStatus.REMOVED,
            version.observed_at,
            version.id,
        )
    await session.flush()
    return Threading(
        thread_of={claims[j].id: t for j, t in thread_of.items()}
        | {c.id: c.thread_id for c in previous if c.thread_id},
        started={claims[j].id for j in started},
    )


async def rewind_threads(session: AsyncSession, kept: list[Version], replayed: list[Version]) -> None:
    """Leave the story's threads as they stood after its `kept` versions (all of them, in observation
    order), so the `replayed` ones, which follow, can be threaded again in order.

    The threads a replayed version started go; every other thread it touched, and every thread of an
    article it belongs to, is worked out again from the kept claims on it, as `thread_version` would
    have left it.
    """
    version_ids, articles = {v.id for v in replayed}, {v.article_id for v in replayed}
    touched = await repository.threads_touched(session, version_ids, articles)
    await repository.forget_versions(session, version_ids, articles)
    threads = await repository.threads_by_id(session, touched)
    modified = await repository.modified_threads(session, threads)
    carried: dict[UUID, list[tuple[ClaimRecord, Version]]] = {}
    for claim, version in await repository.carrying_claims(session, threads):
        if claim.thread_id is not None:
            carried.setdefault(claim.thread_id, []).append((claim, version))
    order = {v.id: position for position, v in enumerate(kept)}
    next_version: dict[UUID, Version] = {}  # each kept version -> the article's next kept one
    latest: dict[UUID, Version] = {}
    for version in kept:
        if (before := latest.get(version.article_id)) is not None:
            next_version[before.id] = version
        latest[version.article_id] = version
    for thread_id, thread in threads.items():
        claims = carried[thread_id]
        claim, version = claims[-1]
        thread.kind, thread.text, thread.latest_claim_id = claim.kind, claim.text, claim.id
        thread.speaker_name = claim.speaker_name
        thread.last_seen_at, thread.last_version_id = version.observed_at, version.id
        thread.modified = thread_id in modified
        thread.status = ThreadStatus.CHANGED if thread.modified else ThreadStatus.ACTIVE
        thread.removed_at = thread.removed_by_version_id = None
        last_carrying = {v.article_id: v for _, v in claims}
        drops = [next_version[v.id] for v in last_carrying.values() if v.id in next_version]
        if len(drops) == len(last_carrying):  # every article that carried it has dropped it since
            cut = max(drops, key=lambda v: order[v.id])  # the cut that left no article carrying it
            thread.status, thread.removed_at, thread.removed_by_version_id = (
                ThreadStatus.REMOVED,
                cut.observed_at,
                cut.id,
            )
        for article_id in articles & set(last_carrying):
            in_article = [v for _, v in claims if v.article_id == article_id]
            session.add(
                ThreadPresence(
                    thread_id=thread_id,
                    article_id=article_id,
                    source_id=in_article[0].article.source_id,
                    first_seen_at=in_article[0].observed_at,
                    first_version_id=in_article[0].id,
                    last_seen_at=in_article[-1].observed_at,
                    last_version_id=in_article[-1].id,
                    present=in_article[-1].id == latest[article_id].id,
                )
            )
    await session.flush()


def _new_thread(version: Version, claim: ClaimRead, thread_id: UUID | None) -> Thread:
    return Thread(
        id=thread_id or uuid.uuid4(),
        story_id=version.story_id,
        kind=claim.kind.value,
        speaker_name=claim.speaker.name if claim.speaker else None,
        text=claim.text,
        status=ThreadStatus.ACTIVE,
        modified=False,
        latest_claim_id=claim.id,
        first_seen_at=version.observed_at,
        first_version_id=version.id,
        first_source_id=version.article.source_id,
        last_seen_at=version.observed_at,
        last_version_id=version.id,
    )


def _carried(thread: Thread, version: Version, claim: ClaimRead, *, modified: bool) -> None:
    thread.modified = thread.modified or modified
    thread.status = ThreadStatus.CHANGED if thread.modified else ThreadStatus.ACTIVE
    thread.removed_at = thread.removed_by_version_id = None
    if version.observed_at >= thread.last_seen_at:
        thread.kind, thread.text, thread.latest_claim_id = claim.kind.value, claim.text, claim.id
        thread.speaker_name = claim.speaker.name if claim.speaker else None
        thread.last_seen_at, thread.last_version_id = version.observed_at, version.id
    if version.observed_at < thread.first_seen_at:  # an earlier report, posted late
        thread.first_seen_at, thread.first_version_id = version.observed_at, version.id
        thread.first_source_id = version.article.source_id


async def _update_presence(session: AsyncSession, version: Version, carried: set[UUID], dropped: set[UUID]) -> None:
    rows = await repository.article_presence(session, version.article_id, carried | dropped)
    for thread_id in dropped:
        if thread_id in rows:
            rows[thread_id].present = False
    for thread_id in carried:
        row = rows.get(thread_id)
        if row is None:
            session.add(
                ThreadPresence(
                    thread_id=thread_id,
                    article_id=version.article_id,
                    source_id=version.article.source_id,
                    first_seen_at=version.observed_at,
                    first_version_id=version.id,
                    last_seen_at=version.observed_at,
                    last_version_id=version.id,
                    present=True,
                )
            )
            continue
        row.present = True
        if version.observed_at >= row.last_seen_at:
            row.last_seen_at, row.last_version_id = version.observed_at, version.id
        if version.observed_at < row.first_seen_at:
            row.first_seen_at, row.first_version_id = version.observed_at, version.id


class ThreadFilters(NamedTuple):
    kinds: list[ClaimKind]
    speaker: str | None
    source: str | None
    statuses: list[ThreadStatus]


async def list_threads(
    session: AsyncSession, story_id: UUID, filters: ThreadFilters, cursor: str | None, limit: int
) -> ThreadPage:
    await get_story(session, story_id)
    after = decode_cursor(cursor)[:2] if cursor else None
    rows = await repository.list_threads(
        session,
        story_id,
        kinds=[k.value for k in filters.kinds],
        speaker=filters.speaker,
        source=filters.source,
        statuses=[s.value for s in filters.statuses],
        after=after,
        limit=limit + 1,
    )
    page = rows[:limit]
    reads = await _thread_reads(session, page)
    last = page[-1][0] if page else None
    next_cursor = encode_cursor(last.first_seen_at, last.id) if last is not None and len(rows) > limit else None
    return ThreadPage(items=reads, next_cursor=next_cursor, has_more=next_cursor is not None)


async def _thread_reads(session: AsyncSession, rows: list[tuple[Thread, str]]) -> list[ThreadRead]:
    presence = await repository.presence(session, [t.id for t, _ in rows])
    by_thread: dict[UUID, list[tuple[ThreadPresence, str]]] = {}
    for row, slug in presence:
        by_thread.setdefault(row.thread_id, []).append((row, slug))
    return [_thread_read(thread, first_source, by_thread.get(thread.id, [])) for thread, first_source in rows]


def _thread_read(thread: Thread, first_source: str, presence: list[tuple[ThreadPresence, str]]) -> ThreadRead:
    sources: dict[str, SourcePresence] = {}
    for row, slug in presence:  # first seen first: an outlet's earliest article speaks for it
        if slug in sources:
            sources[slug] = _merge_presence(sources[slug], row)
            continue
        sources[slug] = SourcePresence(
            source=slug,
            first_seen=Sighting(at=row.first_seen_at, source=slug, version_id=row.first_version_id),
            last_seen=Sighting(at=row.last_seen_at, source=slug, version_id=row.last_version_id),
            delay_seconds=(row.first_seen_at - thread.first_seen_at).total_seconds(),
            present=row.present,
        )
    last_source = next(
        (s.source for s in sources.values() if s.last_seen.version_id == thread.last_version_id), first_source
    )
    return ThreadRead(
        id=thread.id,
        story_id=thread.story_id,
        kind=ClaimKind(thread.kind),
        speaker=thread.speaker_name,
        text=thread.text,
        status=ThreadStatus(thread.status),
        first_seen=Sighting(at=thread.first_seen_at, source=first_source, version_id=thread.first_version_id),
        last_seen=Sighting(at=thread.last_seen_at, source=last_source, version_id=thread.last_version_id),
        removed_at=thread.removed_at,
        removed_by_version_id=thread.removed_by_version_id,
        sources=sorted(sources.values(), key=lambda s: s.delay_seconds),
    )


def _merge_presence(known: SourcePresence, row: ThreadPresence) -> SourcePresence:
    later = row.last_seen_at > known.last_seen.at
    return SourcePresence(
        source=known.source,
        first_seen=known.first_seen,
        last_seen=Sighting(at=row.last_seen_at, source=known.source, version_id=row.last_version_id)
        if later
        else known.last_seen,
        delay_seconds=known.delay_seconds,
        present=known.present or row.present,
    )


class _Step(NamedTuple):
    """One state of a claim before it is loaded: an article first carrying it, or a stored change."""

    observed_at: datetime
    version_id: UUID
    position: int  # -1 for a first carrying, in a version that has no change to the claim
    claim_id: UUID | None
    change: ChangeRecord | None

    @property
    def key(self) -> tuple[datetime, str, int]:
        return self.observed_at, str(self.version_id), self.position


async def thread_history(session: AsyncSession, thread_id: UUID, cursor: str | None, limit: int) -> ThreadHistory:
    """Every state of one claim, oldest first: where each article first carried it, each change to it,
    its removal. Paged, so a claim that changed a thousand times reads as fast as one that never did.
    """
    found = await repository.get_thread(session, thread_id)
    if found is None:
        raise NotFound(f"No claim thread with id {thread_id}.")
    (thread_read,) = await _thread_reads(session, [found])
    changes = [c for c in await repository.thread_changes(session, thread_id) if c.type != ChangeType.MOVED]
    firsts = {row.first_version_id for row, _ in await repository.presence(session, [thread_id])}
    openings = await repository.thread_openings(session, thread_id, firsts - {c.to_version_id for c in changes})
    steps = [_Step(at, version_id, -1, claim_id, None) for claim_id, version_id, at in openings]
    steps += [_Step(c.observed_at, c.to_version_id, c.position, None, c) for c in changes]
    steps.sort(key=lambda s: s.key)
    if cursor:
        at, version_id, position = decode_cursor(cursor)
        steps = [s for s in steps if s.key > (at, str(version_id), position)]
    page = steps[:limit]
    ids = {
        i
        for s in page
        for i in (s.claim_id, s.change and s.change.before_claim_id, s.change and s.change.after_claim_id)
        if i
    }
    claims = {i: to_read(r) for i, r in (await claims_repository.claims_by_id(session, ids)).items()}
    versions = await versions_repository.versions_by_id(session, {s.version_id for s in page})
    entries = []
    for step in page:
        change = to_change(step.change, claims) if step.change is not None else None
        claim = change.claim if change is not None else claims[step.claim_id] if step.claim_id else None
        assert claim is not None
        entries.append(_entry(versions[step.version_id], claim, change))
    last = page[-1] if page else None
    next_cursor = (
        encode_cursor(last.observed_at, last.version_id, last.position) if last and len(steps) > limit else None
    )
    return ThreadHistory(thread=thread_read, items=entries, next_cursor=next_cursor, has_more=next_cursor is not None)


def _entry(version: Version, claim: ClaimRead, change: Change | None) -> HistoryEntry:
    return HistoryEntry(
        observed_at=version.observed_at,
        published_at=version.published_at,
        source=version.article.source.slug,
        version_id=version.id,
        version_number=version.number,
        claim=claim,
        change=change,
    )


class TimelineFilters(NamedTuple):
    since: datetime | None
    until: datetime | None
    source: str | None
    kinds: list[ClaimKind]
    types: list[ChangeType]
    include_minor: bool


SUBSTANTIVE_TYPES = [ChangeType.ADDED, ChangeType.REMOVED, ChangeType.MODIFIED]


async def story_timeline(
    session: AsyncSession, story_id: UUID, filters: TimelineFilters, cursor: str | None, limit: int
) -> TimelinePage:
    """Every change in observation order, across outlets; a cursor stays valid while versions arrive."""
    await get_story(session, story_id)
    types = filters.types or ([] if filters.include_minor else SUBSTANTIVE_TYPES)
    rows = await repository.timeline(
        session,
        story_id,
        since=filters.since,
        until=filters.until,
        source=filters.source,
        kinds=[k.value for k in filters.kinds],
        types=[t.value for t in types],
        after=decode_cursor(cursor) if cursor else None,
        limit=limit + 1,
    )
    page = rows[:limit]
    items = await timeline_items(session, page)
    last = page[-1][0] if page else None
    next_cursor = encode_cursor(last.observed_at, last.to_version_id, last.position) if last else cursor
    return TimelinePage(items=items, next_cursor=next_cursor, has_more=len(rows) > limit)


async def timeline_items(
    session: AsyncSession, rows: Collection[tuple[ChangeRecord, Version, str]]
) -> list[TimelineItem]:
    ids = {i for c, _, _ in rows for i in (c.before_claim_id, c.after_claim_id) if i is not None}
    claims = {i: to_read(r) for i, r in (await claims_repository.claims_by_id(session, ids)).items()}
    items = []
    for row, version, source in rows:
        change = to_change(row, claims)
        claim = change.after or change.before
        items.append(
            TimelineItem(
                id=row.id,
                observed_at=version.observed_at,
                published_at=version.published_at,
                event_times=[t.value for t in (claim.times if claim else []) if t.value],
                source=source,
                version_id=version.id,
                version_number=version.number,
                thread_id=row.thread_id,
                change=change,
            )
        )
    return items


async def latest_changes(session: AsyncSession, story_id: UUID, limit: int) -> list[TimelineItem]:
    """The story's newest substantive changes, newest first."""
    rows = await repository.latest_changes(session, story_id, [t.value for t in SUBSTANTIVE_TYPES], limit)
    return await timeline_items(session, rows)
