"""Engine, declarative base and the SQLite connection settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, DateTime, Dialect, MetaData, TypeDecorator, event, literal, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from service.config import Settings

# Stable constraint names, so Alembic migrations can drop and alter them on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_engine(settings: Settings) -> AsyncEngine:
    # hide_parameters: a database error names its statement, never the values bound to it (article
    # text, keys' digests), so none reach the logs
    if settings.is_sqlite:
        if path := settings.sqlite_path:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            settings.database_url, echo=settings.db_echo, hide_parameters=True, connect_args={"timeout": 30}
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(settings.database_url, echo=settings.db_echo, hide_parameters=True, pool_pre_ping=True)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on both databases (SQLite stores it naive, we restore the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


async def read_snapshot(session: AsyncSession) -> None:
    """Make the session's reads one consistent snapshot, so a read that spans several queries never
    sees half of a concurrent rebuild (which replaces a story's claims and changes). Call it first.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    else:
        # the SQLite driver opens no transaction for reads; in WAL mode one read transaction is a snapshot
        await session.execute(text("BEGIN"))


def dialect_insert(session: AsyncSession, table: Any) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that knows ON CONFLICT, for whichever of our two databases the session is on."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def keyset(columns: Sequence[Any], values: Sequence[Any], *, after: bool = True) -> ColumnElement[bool]:
    """`(columns) > (values)` (or `<`), each value bound with its column's type: the SQLite storage
    of a datetime is text, and must be compared as the column stores it.
    """
    left = tuple_(*columns)
    right = tuple_(*(literal(value, column.type) for column, value in zip(columns, values, strict=True)))
    return left > right if after else left < right
