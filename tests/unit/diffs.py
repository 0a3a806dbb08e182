"""Helpers for the diffing tests: real text through real extraction, then the pure diff engine."""

from __future__ import annotations

import uuid
from datetime import date

import msgspec

from service.claims.schemas import ClaimRead
from service.diffing import compare_claims, diff_claims
from service.diffing.schemas import SUBSTANTIVE, Change, ChangeSet, Comparison
from service.extraction import extract_claims

PUBLISHED = date(2026, 8, 14)


def read_claims(text: str) -> list[ClaimRead]:
    version = uuid.uuid4()
    claims = extract_claims(text, PUBLISHED)
    return [ClaimRead(**msgspec.structs.asdict(c), id=uuid.uuid4(), version_id=version) for c in claims]


def diff(before: str, after: str) -> ChangeSet:
    a, b = read_claims(before), read_claims(after)
    return diff_claims(a, b, a[0].version_id if a else uuid.uuid4(), b[0].version_id if b else uuid.uuid4())


def compare(a: str, b: str) -> Comparison:
    x, y = read_claims(a), read_claims(b)
    return compare_claims(x, y, uuid.uuid4(), uuid.uuid4())


def substantive(changeset: ChangeSet) -> list[Change]:
    return [c for c in changeset.changes if c.type in SUBSTANTIVE]
