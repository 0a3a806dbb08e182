"""Ingest: one version of an article in, its text, claims and changes stored in one transaction.

Versions may arrive late, twice or out of order. An article's versions are ordered by `observed_at`
(ties in order of arrival); a repeated delivery stores nothing; a late version is put in its place
and the story's numbers, changes, threads and timeline are rebuilt in observation order, so any
arrival order leaves the story as in-order arrival would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import partial
from typing import NamedTuple
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from service.changes import repository as changes_repository
from service.changes.service import DEFAULT_FILTERS, diff_versions, record_changes
from service.claims import repository as claims_repository
from service.claims.models import ClaimRecord
from service.claims.service import to_read
from service.db import utcnow
from service.diffing import one_sided, pair_and_diff
from service.diffing.schemas import ChangeSet, ChangeType
from service.errors import TooLarge, Unprocessable
from service.extraction import Claim, Speaker, extract_claims
from service.ingest.metrics import DIFF_SECONDS, EXTRACTION_SECONDS, THREAD_SECONDS
from service.stories import repository as stories_repository
from service.stories.service import get_story, slugify
from service.timeline import repository as timeline_repository
from service.timeline.service import rewind_threads, thread_version
from service.versions import repository as versions_repository
from service.versions.models import Version
from service.versions.schemas import VersionCreate
from service.versions.text import article_text, content_hash
from service.versions.urls import canonical_url
from service.workers import WorkerPool

# A claim per sentence: far more than any article has, and few enough that every query over a
# version's claims stays within the databases' bound parameters.
MAX_CLAIMS = 5_000


class Ingested(NamedTuple):
    version: Version
    created: bool
    claims: list[ClaimRecord]
    changes: ChangeSet | None  # against the article's previous version; None for its first


class Placement(NamedTuple):
    """Where a posted version falls among its article's versions."""

    repeats: Version | None  # an existing version this post delivers again: nothing is stored
    observed_earlier: Version | None  # the next version carries the same content: it was observed earlier
    follows: Version | None  # the version the new one comes after


async def ingest_version(
    session: AsyncSession,
    story_id: UUID,
    data: VersionCreate,
    *,
    model: str,
    workers: WorkerPool,
    idempotency_key: str | None = None,
) -> Ingested:
    """Store one version of an article with its claims, in its place among the article's versions."""
    await get_story(session, story_id)
    text, page_title = await workers.run(
        article_text,
        data.text,
        data.html,
        deadline=workers.deadline(data.text or "", data.html or ""),
        task="extract the article's text",
    )
    title = data.title if data.title is not None else page_title
    digest = content_hash(title, text)
    source, url = slugify(data.source), canonical_url(data.url)
    if not source:
        raise Unprocessable(f"The source {data.source[:120]!r} has no letter or digit to name it by.")
    fingerprint = hashlib.sha256(f"{source}\x00{url}\x00{digest}".encode()).hexdigest()
    # Whether the post repeats a stored version is known before any lock, so it is never parsed; it
    # is answered under the lock, when no rebuild can be half-way.
    placement = _place(await versions_repository.article_versions_of(session, story_id, source, url), digest, data)
    repeated = idempotency_key is not None and await versions_repository.idempotent_version(
        session, story_id, idempotency_key
    )
    extracted: tuple[str, list[Claim]] | None = None
    if not repeated and placement.repeats is None and placement.observed_earlier is None:
        # Parsing is CPU work: in a worker process under a deadline, before any lock is taken, with the
        # story's speakers as they are now. They may grow before the lock: the extraction key then tells.
        reference = (data.published_at or data.observed_at or utcnow()).date()
        known = await claims_repository.story_speakers(session, story_id, through=data.observed_at)
        extracted = extraction_key(model, reference, known), await _extract(workers, text, reference, known, model)

    # Ingests into one story take turns from here: threads and their presence are shared by all
    # of the story's articles, and concurrent updates of them could otherwise deadlock.
    await stories_repository.lock_story(session, story_id)
    source_id = await versions_repository.ensure_source(session, source)
    article_id = await versions_repository.lock_article(session, story_id, source_id, url)
    if idempotency_key is not None and (
        answer := await _idempotent(session, story_id, idempotency_key, fingerprint, workers)
    ):
        return answer
    # Placed again under the lock: a concurrent request may have stored a version meanwhile.
    placement = _place(await versions_repository.article_versions(session, article_id), digest, data)
    if placement.repeats is not None:
        return await _unchanged(session, placement.repeats, workers)
    if (earlier := placement.observed_earlier) is not None:
        earlier.observed_at = data.observed_at or earlier.observed_at
        earlier.published_at = data.published_at
        await rebuild_story(session, story_id, earlier.observed_at, model=model, workers=workers)
        return await _unchanged(session, earlier, workers)

    # A version posted without observed_at is observed now, once its turn has come: last in the story.
    observed_at = data.observed_at or utcnow()
    late = await versions_repository.observed_after(session, story_id, observed_at)
    previous = placement.follows
    version = Version(
        story_id=story_id,
        article_id=article_id,
        # a late version's number is settled by the rebuild; until then it stays out of the way
        number=-1_000_000 if late else (previous.number if previous else 0) + 1,
        title=title,
        text=text,
        content_hash=digest,
        observed_at=observed_at,
        published_at=data.published_at,
    )
    session.add(version)
    await session.flush()
    if idempotency_key is not None:
        versions_repository.remember_key(session, story_id, idempotency_key, fingerprint, version.id)
    stored = await versions_repository.get_version(session, version.id)
    assert stored is not None

    reference = (data.published_at or observed_at).date()
    known = await claims_repository.story_speakers(session, story_id, through=observed_at if late else None)
    key = extraction_key(model, reference, known)
    claims = (
        extracted[1]
        if extracted is not None and extracted[0] == key
        else await _extract(workers, text, reference, known, model)
    )
    records = await _add_claims(session, stored, claims, key)
    if late:
        await rebuild_story(session, story_id, observed_at, model=model, workers=workers)
        return await _unchanged(session, stored, workers, created=True)
    return Ingested(stored, True, records, await _follow(session, stored, records, previous, {}, workers))


def _place(versions: Sequence[Version], digest: str, data: VersionCreate) -> Placement:
    """Place a post among the article's versions (in observation order).

    It repeats a version with its content and observed_at, or the version it would follow when that
    one has its content (content seen again is no new version); when the version it would precede
    has its content, that content was observed earlier than stored.
    """
    at = data.observed_at
    if at is not None and (
        same := next((v for v in versions if v.observed_at == at and v.content_hash == digest), None)
    ):
        return Placement(same, None, None)
    position = len(versions) if at is None else sum(1 for v in versions if v.observed_at <= at)
    follows = versions[position - 1] if position else None
    precedes = versions[position] if position < len(versions) else None
    if follows is not None and follows.content_hash == digest:
        return Placement(follows, None, None)
    if precedes is not None and precedes.content_hash == digest:
        return Placement(None, precedes, follows)
    return Placement(None, None, follows)


async def _idempotent(
    session: AsyncSession, story_id: UUID, key: str, fingerprint: str, workers: WorkerPool
) -> Ingested | None:
    found = await versions_repository.idempotent_version(session, story_id, key)
    if found is None:
        return None
    first_fingerprint, version = found
    if first_fingerprint != fingerprint:
        raise Unprocessable("This Idempotency-Key was already used for another version; use a new key.")
    return await _unchanged(session, version, workers)


def extraction_key(model: str, reference: date, known: Sequence[Speaker]) -> str:
    """What a version's claims depend on besides its text: the same key, the same claims."""
    parts = [model, reference.isoformat(), *(f"{s.name}\x1f{s.type.value}\x1f{s.title or ''}" for s in known)]
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


async def _extract(workers: WorkerPool, text: str, reference: date, known: list[Speaker], model: str) -> list[Claim]:
    with EXTRACTION_SECONDS.time():
        claims = await workers.run(
            partial(extract_claims, text, reference, known_speakers=known, model=model),
            deadline=workers.deadline(text),
            task="parse the article",
        )
    if len(claims) > MAX_CLAIMS:
        raise TooLarge(f"The version holds {len(claims):,} claims; the service takes up to {MAX_CLAIMS:,} per version.")
    return claims


async def _add_claims(session: AsyncSession, version: Version, claims: list[Claim], key: str) -> list[ClaimRecord]:
    version.extraction_key = key
    return await claims_repository.add_claims(session, version.story_id, version.id, claims)


async def rebuild_story(
    session: AsyncSession, story_id: UUID, since: datetime, *, model: str, workers: WorkerPool
) -> None:
    """Lay the story's versions out again in observation order after a version took its place at
    `since`: numbers, then everything from `since` on as in-order arrival would have left it (the
    story's speakers, claims whose extraction depended on what came before them, changes, threads
    and timeline). Threads keep their ids where they still start at the same claim.
    """
    versions = await versions_repository.story_versions(session, story_id)
    await versions_repository.renumber(session, versions)
    start = next(k for k, v in enumerate(versions) if v.observed_at >= since)
    kept, replayed = versions[:start], versions[start:]
    replayed_ids = [v.id for v in replayed]
    former_threads = await timeline_repository.claim_threads(session, replayed_ids)
    await changes_repository.forget_changes(session, replayed_ids)
    await claims_repository.forget_speakers(session, replayed_ids)
    await rewind_threads(session, kept, replayed)
    latest = {v.article_id: v for v in kept}
    for version in replayed:
        known = await claims_repository.story_speakers(session, story_id)
        reference = (version.published_at or version.observed_at).date()
        key = extraction_key(model, reference, known)
        records = await claims_repository.version_claims(session, version.id)
        if key != version.extraction_key:
            await claims_repository.remove_claims(session, version.id)
            claims = await _extract(workers, version.text, reference, known, model)
            records = await _add_claims(session, version, claims, key)
        else:
            await claims_repository.add_speakers(session, story_id, version.id, [to_read(r) for r in records])
        await _follow(session, version, records, latest.get(version.article_id), former_threads, workers)
        latest[version.article_id] = version


async def _follow(
    session: AsyncSession,
    version: Version,
    records: list[ClaimRecord],
    previous: Version | None,
    former_threads: Mapping[tuple[UUID, int], UUID],
    workers: WorkerPool,
) -> ChangeSet | None:
    """Diff against the article's previous version, put each claim on its thread, store the changes;
    returns the substantive ChangeSet as the diff endpoint serves it, None for an article's first version.
    """
    after = [to_read(r) for r in records]
    if previous is None:
        with THREAD_SECONDS.time():
            threading = await thread_version(session, version, records, after, [], None, [], former_threads, workers)
        # the claims new to the story enter the timeline as added
        started = [one_sided(ChangeType.ADDED, c) for c in after if c.id in threading.started]
        await record_changes(session, version, None, started, threading.thread_of)
        return None
    before = [to_read(r) for r in await claims_repository.version_claims(session, previous.id)]
    with DIFF_SECONDS.time():
        pairing, changeset = await workers.run(
            pair_and_diff,
            before,
            after,
            previous.id,
            version.id,
            deadline=workers.deadline(previous.text, version.text),
            task="diff the article against its previous version",
        )
    changes = changeset.changes
    with THREAD_SECONDS.time():
        threading = await thread_version(
            session, version, records, after, before, pairing, changes, former_threads, workers
        )
    await record_changes(session, version, previous.id, changes, threading.thread_of)
    # read back rather than reuse: the stored claims now carry their threads
    return await diff_versions(session, version.story_id, previous.id, version.id, DEFAULT_FILTERS, workers=workers)


async def _unchanged(
    session: AsyncSession, version: Version, workers: WorkerPool, *, created: bool = False
) -> Ingested:
    """A stored version as it stands, with its claims and the changes from the article's previous version."""
    claims = await claims_repository.version_claims(session, version.id)
    previous = await versions_repository.version_number(session, version.article_id, version.number - 1)
    changes = None
    if previous is not None:
        changes = await diff_versions(
            session, version.story_id, previous.id, version.id, DEFAULT_FILTERS, workers=workers
        )
    return Ingested(version, created, claims, changes)
