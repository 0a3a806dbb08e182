"""Alembic environment: async engine, the service's metadata, batch mode for SQLite's ALTER limits."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from service.config import Settings, load_settings
from service.db import create_engine
from service.models import metadata

config = context.config


def _settings() -> Settings:
    # Tests and the CLI hand over their settings; a bare `alembic` call reads the environment.
    settings = config.attributes.get("settings")
    return settings if isinstance(settings, Settings) else load_settings()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(_settings())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(_run_async())


if context.is_offline_mode():
    context.configure(url=_settings().database_url, target_metadata=metadata, literal_binds=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
