from __future__ import annotations

from uuid import UUID

import msgspec

from service.extraction.schemas import Claim


class ClaimRead(Claim, kw_only=True, frozen=True):
    """A claim as stored: the extraction's claim, its id and the version it belongs to."""

    id: UUID
    version_id: UUID
    thread_id: UUID | None = None  # the claim thread: this claim followed across versions and outlets


class ClaimPage(msgspec.Struct, kw_only=True):
    items: list[ClaimRead]  # in article order
    next_cursor: str | None
    has_more: bool
