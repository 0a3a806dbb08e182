"""What a diff says: Changes between matched claims, gathered in a ChangeSet; and a Comparison of two accounts."""

from __future__ import annotations

import enum
from typing import Any
from uuid import UUID

import msgspec

from service.claims.schemas import ClaimRead
from service.extraction.schemas import ClaimKind


class ChangeType(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    REWORDED = "reworded"  # same claim, other words: shown, never counted as substantive
    MOVED = "moved"  # same claim, another place in the article


SUBSTANTIVE = frozenset({ChangeType.ADDED, ChangeType.REMOVED, ChangeType.MODIFIED})


class Aspect(enum.StrEnum):
    FIGURE = "figure"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    HEDGING = "hedging"
    POLARITY = "polarity"
    TIME = "time"
    WORDING = "wording"


class Significance(enum.StrEnum):
    MINOR = "minor"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Significance).index(self)


class FieldChange(msgspec.Struct, kw_only=True, frozen=True):
    path: str  # e.g. figures[acre].value, speaker.name, hedges[may]
    before: Any
    after: Any


class FigureChange(msgspec.Struct, kw_only=True, frozen=True):
    unit: str | None
    before: float | None
    after: float | None
    relative: float | None  # (after - before) / before


class Change(msgspec.Struct, kw_only=True, frozen=True):
    type: ChangeType
    kind: ClaimKind
    aspects: list[Aspect]
    before: ClaimRead | None
    after: ClaimRead | None
    fields: list[FieldChange]
    figures: list[FigureChange]
    significance: Significance
    summary: str

    @property
    def claim(self) -> ClaimRead:
        """The claim the change is about: the later one, or the one removed."""
        claim = self.after or self.before
        assert claim is not None, "a change has a claim on at least one side"
        return claim


class ConditionSet(msgspec.Struct, kw_only=True, frozen=True):
    """One speaker's conditions as a set: "2 new conditions added, 1 dropped (Vladimir Putin)"."""

    speaker: str | None
    added: int
    removed: int
    summary: str


class ChangeCounts(msgspec.Struct, kw_only=True, frozen=True):
    substantive: int
    by_type: dict[str, int]
    by_kind: dict[str, int]  # substantive changes per claim kind


class ChangeSet(msgspec.Struct, kw_only=True, frozen=True):
    from_version: UUID
    to_version: UUID
    summary: str
    counts: ChangeCounts
    conditions: list[ConditionSet]
    changes: list[Change]


class Agreement(msgspec.Struct, kw_only=True, frozen=True):
    a: ClaimRead
    b: ClaimRead
    summary: str


class Conflict(msgspec.Struct, kw_only=True, frozen=True):
    a: ClaimRead
    b: ClaimRead
    aspects: list[Aspect]
    fields: list[FieldChange]
    figures: list[FigureChange]
    summary: str


class ComparisonCounts(msgspec.Struct, kw_only=True, frozen=True):
    agreements: int
    conflicts: int
    only_in_a: int
    only_in_b: int


class Comparison(msgspec.Struct, kw_only=True, frozen=True):
    a: UUID
    b: UUID
    agreements: list[Agreement]
    conflicts: list[Conflict]
    only_in_a: list[ClaimRead]
    only_in_b: list[ClaimRead]
    counts: ComparisonCounts
    summary: str
