"""The migrations are the schema: they build what the models describe, and unwind cleanly."""

from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from service import migrate
from service.config import Settings
from service.models import metadata
from tests.databases import fresh_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: object) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path}/migrations.db"
    return fresh_postgres("story_claims_migration_test")


def _inspect(url: str) -> tuple[set[str], list[object]]:
    async def run() -> tuple[set[str], list[object]]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            diff = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(c, opts={"compare_type": True}), metadata)
            )
        await engine.dispose()
        return tables, diff

    return asyncio.run(run())


def test_upgrade_matches_the_models_and_downgrade_empties(empty_database: str) -> None:
    settings = Settings(database_url=empty_database)
    migrate.upgrade(settings)
    tables, diff = _inspect(empty_database)
    assert set(metadata.tables) <= tables
    assert diff == []

    migrate.downgrade(settings, "base")
    tables, _ = _inspect(empty_database)
    assert tables <= {"alembic_version"}

    migrate.upgrade(settings)  # and back up again from base
    assert _inspect(empty_database)[1] == []
