"""Rate limits per API key and per client address, in memory and shared through Redis by several
API processes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from litestar.testing import TestClient

from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool
from tests.databases import bearer
from tests.servers import serving

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def limited(db: str, workers: WorkerPool) -> Iterator[TestClient]:
    """The app allowing 5 requests a minute."""
    with TestClient(create_app(Settings(database_url=db, rate_limit_per_minute=5), workers=workers)) as test_client:
        yield test_client


def test_a_burst_over_the_limit_gets_429_with_retry_after(limited: TestClient, db: str) -> None:
    auth = bearer(db, "read")
    answers = [limited.get("/v1/stories", headers=auth) for _ in range(7)]
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 2
    assert answers[0].headers["ratelimit-limit"] == "5"
    assert [a.headers["ratelimit-remaining"] for a in answers[:5]] == ["4", "3", "2", "1", "0"]
    refused = answers[5]
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["status"] == 429
    assert 0 < int(refused.headers["retry-after"]) <= 60
    # another key, and a client without one, count on their own
    assert limited.get("/v1/stories", headers=bearer(db, "read")).status_code == 200
    assert limited.get("/v1/stories").status_code == 200
    # liveness probes are never limited
    assert all(limited.get("/health").status_code == 200 for _ in range(8))


@pytest.fixture
def shared_limit(db: str, tmp_path: Path) -> Iterator[str]:
    """Two API processes allowing 6 requests a minute, counting in one Redis."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {REDIS_URL} is required: {exc}")
    settings = {"REDIS_URL": REDIS_URL, "RATE_LIMIT_PER_MINUTE": "6"}
    with serving(db, tmp_path / "server.log", "--workers", "2", **settings) as (base, _):
        yield base


def test_two_api_processes_on_one_redis_share_the_limit(shared_limit: str, db: str) -> None:
    auth = bearer(db, "read")
    # a connection of its own for each request, so both processes answer some of them
    statuses = [httpx.get(f"{shared_limit}/v1/stories", headers=auth, timeout=30).status_code for _ in range(10)]
    assert statuses == [200] * 6 + [429] * 4
    # the count lives in Redis, where every process reads it, and names no key
    counters = [k.decode() for k in redis.Redis.from_url(REDIS_URL).scan_iter("story-claims*KeyedRateLimit*")]
    assert counters
    assert not any(auth["Authorization"].split()[1] in c for c in counters)
