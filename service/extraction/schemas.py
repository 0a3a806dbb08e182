"""What extraction produces: plain Structs, the same ones the API serves."""

from __future__ import annotations

import enum

import msgspec


class ClaimKind(enum.StrEnum):
    QUOTE = "quote"
    STATEMENT = "statement"
    CONDITION = "condition"
    ACCUSATION = "accusation"
    DENIAL = "denial"
    FIGURE = "figure"
    EVENT = "event"
    FACT = "fact"


class SpeakerType(enum.StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"  # a poll, study, report, filing or video that says or shows


class Speaker(msgspec.Struct, kw_only=True, frozen=True):
    name: str | None  # canonical for the whole story; None for an unnamed source
    mention: str  # the words the article used
    title: str | None = None
    type: SpeakerType = SpeakerType.PERSON


class Figure(msgspec.Struct, kw_only=True, frozen=True):
    text: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None  # "approximately", "at least", ...
    upper: float | None = None  # the top of a range ("10 to 12")


class TimeExpression(msgspec.Struct, kw_only=True, frozen=True):
    text: str
    value: str | None  # ISO 8601: 2024-08, 2025-03-16, 2026-04-09T05:00, P3Y
    grain: str  # year, month, week, day, minute, duration, or unknown


class Entity(msgspec.Struct, kw_only=True, frozen=True):
    text: str
    label: str


class Span(msgspec.Struct, kw_only=True, frozen=True):
    start: int
    end: int


class Claim(msgspec.Struct, kw_only=True, frozen=True):
    index: int
    paragraph: int
    kind: ClaimKind
    text: str
    content: str
    speaker: Speaker | None
    cue: str | None
    quote: str | None
    entities: list[Entity]
    figures: list[Figure]
    times: list[TimeExpression]
    hedges: list[str]
    negated: bool
    span: Span
