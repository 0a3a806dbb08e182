from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from litestar.testing import TestClient

from service import migrate
from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool
from tests.databases import clear, fresh_postgres

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database of each kind; every API and contract test runs once per kind."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/api.db"
    else:
        url = fresh_postgres("story_claims_api_test")
    migrate.upgrade(Settings(database_url=url))
    return url


@pytest.fixture
def db(database_url: str) -> str:
    """The database URL, emptied for this test."""
    clear(database_url)
    return database_url


@pytest.fixture(scope="session")
def workers() -> Iterator[WorkerPool]:
    """One worker process shared by every test's app: a worker takes seconds to load the NLP model."""
    pool = WorkerPool.from_settings(Settings(workers=1))
    pool.start()
    yield pool
    pool.close()


@pytest.fixture
def client(db: str, workers: WorkerPool) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=db, max_body_bytes=64 * 1024), workers=workers)) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(database_url: str, log_path: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`python -m service serve` in a subprocess with these environment settings: its base URL and process."""
    port = _free_port()
    log = log_path.open("w")
    # One worker process keeps the server small; settings given override it.
    env = dict(os.environ, DATABASE_URL=database_url, LOG_LEVEL="WARNING", WORKERS="1") | env
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                pytest.fail(f"server exited early: {log_path.read_text()}")
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            pytest.fail("server did not answer /health")
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


@pytest.fixture(scope="session")
def live_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m service serve` in a subprocess on the session's database; its base URL."""
    with serving(database_url, tmp_path_factory.mktemp("server") / "server.log") as (base, _):
        yield base
