from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from service.fields import NO_CONTROL_CHARACTERS, AwareDatetime, in_calendar


class VersionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    source: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=120,
            pattern=NO_CONTROL_CHARACTERS,
            description="Outlet; slugified (Latin letters lose their accents, other scripts are kept), created on first use",
            examples=["kyiv-independent"],
        ),
    ]
    url: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=2048,
            pattern=NO_CONTROL_CHARACTERS,
            description="The article's address; canonicalised (tracking parameters, fragment, default port, AMP variant and trailing slash dropped)",
        ),
    ]
    title: Annotated[str, msgspec.Meta(max_length=1000, pattern=NO_CONTROL_CHARACTERS)] | None = None
    text: str | None = None
    html: str | None = None
    observed_at: AwareDatetime | None = None
    published_at: AwareDatetime | None = None

    def __post_init__(self) -> None:
        in_calendar(self.observed_at, "observed_at")
        in_calendar(self.published_at, "published_at")


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
    has_more: bool
