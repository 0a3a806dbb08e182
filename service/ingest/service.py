"""Ingest: one version of an article in, its text, claims and changes stored in one transaction."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from service.changes.service import DEFAULT_FILTERS, diff_versions, record_changes
from service.claims import repository as claims_repository
from service.claims.models import ClaimRecord
from service.claims.service import to_read
from service.db import utcnow
from service.diffing import one_sided, pair_and_diff
from service.diffing.schemas import ChangeSet, ChangeType
from service.extraction import extract_claims
from service.stories import repository as stories_repository
from service.stories.service import get_story, slugify
from service.timeline.service import thread_version
from service.versions import repository as versions_repository
from service.versions.models import Version
from service.versions.schemas import VersionCreate
from service.versions.text import article_text, content_hash
from service.workers import WorkerPool


class Ingested(NamedTuple):
    version: Version
    created: bool
    claims: list[ClaimRecord]
    changes: ChangeSet | None  # against the article's previous version; None for its first


async def ingest_version(
    session: AsyncSession, story_id: UUID, data: VersionCreate, *, model: str, workers: WorkerPool
) -> Ingested:
    """Store one version of an article with its claims; content identical to the article's latest
    version stores nothing and returns that version.
    """
    text, page_title = await workers.run(
        article_text,
        data.text,
        data.html,
        deadline=workers.deadline(data.text or "", data.html or ""),
        task="extract the article's text",
    )
    title = data.title if data.title is not None else page_title
    digest = content_hash(title, text)
    source, url = slugify(data.source), data.url.strip()
    await get_story(session, story_id)
    latest = await versions_repository.latest_version_of(session, story_id, source, url)
    if latest is not None and latest.content_hash == digest:
        return await _unchanged(session, latest, workers)

    observed_at = data.observed_at or utcnow()
    known = await claims_repository.story_speakers(session, story_id)
    reference = (data.published_at or observed_at).date()
    # Parsing is CPU work: in a worker process under a deadline, and before any lock is taken.
    claims = await workers.run(
        partial(extract_claims, text, reference, known_speakers=known, model=model),
        deadline=workers.deadline(text),
        task="parse the article",
    )

    # Ingests into one story take turns from here: threads and their presence are shared by all
    # of the story's articles, and concurrent updates of them could otherwise deadlock.
    await stories_repository.lock_story(session, story_id)
    source_id = await versions_repository.ensure_source(session, source)
    article_id = await versions_repository.lock_article(session, story_id, source_id, url)
    latest = await versions_repository.latest_version(session, article_id)
    if latest is not None and latest.content_hash == digest:  # a concurrent request stored it first
        return await _unchanged(session, latest, workers)
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
    stored = await versions_repository.get_version(session, version.id)
    assert stored is not None
    return Ingested(stored, True, records, await _follow(session, stored, records, latest, workers))


async def _follow(
    session: AsyncSession, version: Version, records: list[ClaimRecord], previous: Version | None, workers: WorkerPool
) -> ChangeSet | None:
    """Diff against the article's previous version, put each claim on its thread, store the changes;
    returns the substantive ChangeSet as the diff endpoint serves it, None for an article's first version.
    """
    after = [to_read(r) for r in records]
    if previous is None:
        threading = await thread_version(session, version, records, after, [], None, [])
        # the claims new to the story enter the timeline as added
        started = [one_sided(ChangeType.ADDED, c) for c in after if c.id in threading.started]
        await record_changes(session, version, None, started, threading.thread_of)
        return None
    before = [to_read(r) for r in await claims_repository.version_claims(session, previous.id)]
    pairing, changeset = await workers.run(
        pair_and_diff,
        before,
        after,
        previous.id,
        version.id,
        deadline=workers.deadline(previous.text, version.text),
        task="diff the article against its previous version",
    )
    threading = await thread_version(session, version, records, after, before, pairing, changeset.changes)
    await record_changes(session, version, previous.id, changeset.changes, threading.thread_of)
    # read back rather than reuse: the stored claims now carry their threads
    return await diff_versions(session, version.story_id, previous.id, version.id, DEFAULT_FILTERS, workers=workers)


async def _unchanged(session: AsyncSession, latest: Version, workers: WorkerPool) -> Ingested:
    """The article's latest version, as stored, for a post of identical content."""
    claims = await claims_repository.version_claims(session, latest.id)
    previous = await versions_repository.version_number(session, latest.article_id, latest.number - 1)
    changes = None
    if previous is not None:
        changes = await diff_versions(
            session, latest.story_id, previous.id, latest.id, DEFAULT_FILTERS, workers=workers
        )
    return Ingested(latest, False, claims, changes)
