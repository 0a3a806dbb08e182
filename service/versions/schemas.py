from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

AwareDatetime = Annotated[datetime, msgspec.Meta(tz=True, description="RFC 3339 with a timezone")]


class VersionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    source: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=120,
            description="Outlet; slugified, created on first use",
            examples=["kyiv-independent"],
        ),
    ]
    url: Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]
    title: Annotated[str, msgspec.Meta(max_length=1000)] | None = None
    text: str | None = None
    html: str | None = None
    observed_at: AwareDatetime | None = None
    published_at: AwareDatetime | None = None


class VersionSummary(msgspec.Struct, kw_only=True):
    id: UUID
    story_id: UUID
    article_id: UUID
    source: str
    url: str
    number: int
    title: str | None
    content_hash: str
    observed_at: datetime
    published_at: datetime | None
    created_at: datetime


class VersionRead(VersionSummary, kw_only=True):
    text: str


class VersionPage(msgspec.Struct, kw_only=True):
    items: list[VersionSummary]
    next_cursor: str | None
