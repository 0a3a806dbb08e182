"""The two databases every API and contract test runs on, made fresh for the test session."""

from __future__ import annotations

import asyncio
import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from service.config import async_database_url
from service.keys.models import Scope
from service.keys.service import create_key
from service.models import metadata

POSTGRES_URL = async_database_url(os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"))


def fresh_postgres(name: str) -> str:
    """A new empty PostgreSQL database beside the configured one; its URL.

    `TEST_DATABASE_SUFFIX` keeps the databases of two checkouts tested at once apart. In CI a
    missing PostgreSQL is a failure; on a laptop without one the PostgreSQL half is skipped.
    """
    name += os.environ.get("TEST_DATABASE_SUFFIX", "")
    parts = urlsplit(POSTGRES_URL)
    admin_dsn = urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))

    async def recreate() -> None:
        conn = await asyncpg.connect(admin_dsn, timeout=5)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    try:
        asyncio.run(recreate())
    except (OSError, asyncpg.PostgresError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is required in CI: {exc}")
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL} (set TEST_POSTGRES_URL): {exc}")
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def new_key(url: str, scope: str = "write") -> str:
    """A new API key of this scope in the database, as its holder sends it."""

    async def run() -> str:
        engine = create_async_engine(url)
        try:
            async with async_sessionmaker(engine).begin() as session:
                return (await create_key(session, f"tests ({scope})", Scope(scope))).key
        finally:
            await engine.dispose()

    return asyncio.run(run())


def bearer(url: str, scope: str = "write") -> dict[str, str]:
    """The Authorization header of a new key of this scope."""
    return {"Authorization": f"Bearer {new_key(url, scope)}"}


def clear(url: str) -> None:
    """Empty every table, children first."""

    async def run() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            for table in reversed(metadata.sorted_tables):
                await conn.execute(table.delete())
        await engine.dispose()

    asyncio.run(run())


def row_counts(url: str) -> dict[str, int]:
    async def run() -> dict[str, int]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            counts = {
                t.name: (await conn.execute(select(func.count()).select_from(t))).scalar_one()
                for t in metadata.sorted_tables
            }
        await engine.dispose()
        return counts

    return asyncio.run(run())


def query(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    async def run() -> list[tuple[object, ...]]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            rows = [tuple(r) for r in (await conn.execute(text(sql), params)).all()]
        await engine.dispose()
        return rows

    return asyncio.run(run())
