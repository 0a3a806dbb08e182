"""Opaque keyset cursors: the (time, id) sort key of the last item a page returned."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar.params import QueryParameter

from service.errors import BadRequest

Limit = Annotated[int, QueryParameter(ge=1, le=200, description="Items per page")]


def encode_cursor(at: datetime, item_id: UUID) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{item_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        at, item_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
        key = datetime.fromisoformat(at), UUID(item_id)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadRequest("The cursor is not one this service issued; start again without it.") from None
    if key[0].tzinfo is None:
        raise BadRequest("The cursor is not one this service issued; start again without it.")
    return key


Cursor = Annotated[str | None, QueryParameter(description="next_cursor of the previous page")]
