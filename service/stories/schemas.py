from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

Slug = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=120, examples=["ukraine-nato-guarantees"]
    ),
]


class StoryCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    slug: Slug | None = None


class StoryRead(msgspec.Struct, kw_only=True):
    id: UUID
    slug: str
    title: str
    created_at: datetime


class StoryPage(msgspec.Struct, kw_only=True):
    items: list[StoryRead]
    next_cursor: str | None
    has_more: bool
