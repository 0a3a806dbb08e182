"""Opaque keyset cursors: the (time, id[, position]) sort key of the last item a page returned."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar.params import QueryParameter

from service.errors import BadRequest

Limit = Annotated[int, QueryParameter(ge=1, le=200, description="Items per page")]
Cursor = Annotated[
    str | None, QueryParameter(description="next_cursor of the previous page", pattern=r"^[A-Za-z0-9_-]+$")
]

_INVALID = "The cursor is not one this service issued; start again without it."


def encode_cursor(at: datetime, item_id: UUID, position: int = 0) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{item_id}|{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID, int]:
    try:
        at, item_id, position = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
        key = datetime.fromisoformat(at), UUID(item_id), int(position)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadRequest(_INVALID) from None
    if key[0].tzinfo is None:
        raise BadRequest(_INVALID)
    return key
