from __future__ import annotations

import enum
from datetime import datetime
from uuid import UUID

import msgspec

from service.claims.schemas import ClaimRead
from service.diffing.schemas import Change
from service.extraction.schemas import ClaimKind


class ThreadStatus(enum.StrEnum):
    ACTIVE = "active"  # carried by the latest version of some article, unchanged in substance
    CHANGED = "changed"  # still carried, after a change in substance
    REMOVED = "removed"  # no article's latest version carries it any more


class Sighting(msgspec.Struct, kw_only=True, frozen=True):
    at: datetime  # observed_at of the version
    source: str
    version_id: UUID


class SourcePresence(msgspec.Struct, kw_only=True, frozen=True):
    source: str
    first_seen: Sighting
    last_seen: Sighting
    delay_seconds: float  # after the thread's first report; 0 for the source that reported it first
    present: bool  # the source's latest version still carries it


class ThreadRead(msgspec.Struct, kw_only=True, frozen=True):
    id: UUID
    story_id: UUID
    kind: ClaimKind
    speaker: str | None
    text: str  # the latest wording
    status: ThreadStatus
    first_seen: Sighting  # who reported it first, and when
    last_seen: Sighting
    removed_at: datetime | None
    removed_by_version_id: UUID | None
    sources: list[SourcePresence]


class ThreadPage(msgspec.Struct, kw_only=True):
    items: list[ThreadRead]
    next_cursor: str | None
    has_more: bool


class HistoryEntry(msgspec.Struct, kw_only=True, frozen=True):
    """One state of the claim: its wording and values in a version, and the change that led to it."""

    observed_at: datetime
    published_at: datetime | None
    source: str
    version_id: UUID
    version_number: int
    claim: ClaimRead
    change: Change | None  # None where an article first carried it


class ThreadHistory(msgspec.Struct, kw_only=True, frozen=True):
    thread: ThreadRead
    items: list[HistoryEntry]  # oldest first
    next_cursor: str | None
    has_more: bool


class TimelineItem(msgspec.Struct, kw_only=True, frozen=True):
    id: UUID
    observed_at: datetime  # when the version reached the service: the timeline's order
    published_at: datetime | None  # as the outlet states it
    event_times: list[str]  # times the claim itself names, normalised (ISO 8601)
    source: str
    version_id: UUID
    version_number: int
    thread_id: UUID | None
    change: Change


class TimelinePage(msgspec.Struct, kw_only=True):
    items: list[TimelineItem]
    # Always given, even on the last page, so a client can come back for what arrives later.
    next_cursor: str | None
    has_more: bool  # more items exist now beyond this page
