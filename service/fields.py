"""Field rules shared by request bodies and query parameters: what the databases and the code can hold."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from litestar import Request

from service.errors import BadRequest

# Control characters have no place in a name, a URL, a title or a query (PostgreSQL refuses NUL).
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f]*$"
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")

# The calendar a news version can plausibly sit on; also keeps "last year" and "tomorrow" computable.
EARLIEST = datetime(1800, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)

AwareDatetime = Annotated[
    datetime, msgspec.Meta(tz=True, description="RFC 3339 with a timezone, between 1800 and 2999 (UTC)")
]


def in_calendar(value: datetime | None, name: str) -> None:
    """Raise ValueError (a 422 in a body) for a time outside the calendar the service keeps."""
    if value is not None and not EARLIEST <= value < LATEST:
        raise ValueError(f"{name} must fall between 1800 and 2999 (UTC)")


def query_instant(value: datetime | None, name: str) -> datetime | None:
    """A time given as a query parameter: with a timezone and inside the calendar, else a 400."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise BadRequest(f"The query parameter {name} needs a timezone (e.g. 2026-03-01T09:00:00Z).")
    try:
        in_calendar(value, name)
    except (ValueError, OverflowError) as exc:
        raise BadRequest(f"The query parameter {exc}.") from None
    return value


def refuse_control_characters(request: Request[Any, Any, Any]) -> None:
    """Before every handler: no query parameter may carry a control character."""
    for key, value in request.query_params.multi_items():
        if _CONTROL_CHARACTER.search(key) or _CONTROL_CHARACTER.search(value):
            raise BadRequest(f"The query parameter {key[:60]!r} contains a control character.")
