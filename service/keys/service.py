"""Creating, listing, revoking and checking API keys.

A key is `sck_` and 43 random URL-safe characters (256 bits). Only its first 12 characters (to find
it and to tell keys apart in a listing) and its SHA-256 digest are stored; a key so random needs no
slow hash, and digests are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from service.db import utcnow
from service.errors import NotFound
from service.keys.models import ApiKey, Scope

PREFIX_LENGTH = 12
_MARK = "sck_"
_RANK = {Scope.READ: 0, Scope.WRITE: 1, Scope.ADMIN: 2}


@dataclass(frozen=True)
class NewKey:
    record: ApiKey
    key: str  # shown once, never stored


def allows(held: Scope, needed: Scope) -> bool:
    return _RANK[held] >= _RANK[needed]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


async def create_key(session: AsyncSession, name: str, scope: Scope) -> NewKey:
    key = _MARK + secrets.token_urlsafe(32)
    record = ApiKey(name=name, scope=scope, prefix=key[:PREFIX_LENGTH], digest=_digest(key))
    session.add(record)
    await session.flush()
    return NewKey(record, key)


async def list_keys(session: AsyncSession) -> list[ApiKey]:
    return list((await session.scalars(select(ApiKey).order_by(ApiKey.created_at, ApiKey.id))).all())


async def revoke_key(session: AsyncSession, key_id: uuid.UUID) -> ApiKey:
    record = await session.get(ApiKey, key_id)
    if record is None:
        raise NotFound(f"No API key {key_id}.")
    if record.revoked_at is None:
        record.revoked_at = utcnow()
    return record


async def find_key(session: AsyncSession, key: str) -> ApiKey | None:
    """The live key this is, else None: unknown, malformed and revoked keys alike."""
    if not key.startswith(_MARK) or len(key) > 100:
        return None
    candidates = await session.scalars(
        select(ApiKey).where(ApiKey.prefix == key[:PREFIX_LENGTH], ApiKey.revoked_at.is_(None))
    )
    digest = _digest(key)
    return next((c for c in candidates if hmac.compare_digest(c.digest, digest)), None)
