from __future__ import annotations

from uuid import UUID

import msgspec

from service.claims.models import ClaimRecord
from service.extraction.schemas import Claim


class ClaimRead(Claim, kw_only=True, frozen=True):
    """A claim as stored: the extraction's claim, its id and the version it belongs to."""

    id: UUID
    version_id: UUID


_COLUMNS = (
    "id",
    "version_id",
    "index",
    "paragraph",
    "kind",
    "text",
    "content",
    "speaker",
    "cue",
    "quote",
    "entities",
    "figures",
    "times",
    "hedges",
    "negated",
)


def to_read(record: ClaimRecord) -> ClaimRead:
    data = {name: getattr(record, name) for name in _COLUMNS}
    data["span"] = {"start": record.span_start, "end": record.span_end}
    return msgspec.convert(data, ClaimRead)
