from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
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


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=db, max_body_bytes=64 * 1024))) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(database_url: str, *args: str, **env: str) -> Iterator[str]:
    """`python -m service serve` in a subprocess on the database, with extra arguments and settings;
    its base URL once it answers /health.
    """
    port = _free_port()
    with tempfile.TemporaryFile("w+") as log:
        environment = dict(os.environ, DATABASE_URL=database_url, LOG_LEVEL="WARNING", **env)
        proc = subprocess.Popen(
            [sys.executable, "-m", "service", "serve", "--port", str(port), *args],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                if proc.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"server exited early: {log.read()}")
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.25)
            else:
                pytest.fail("server did not answer /health")
            yield base
        finally:
            proc.terminate()
            proc.wait(20)


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[str]:
    """`python -m service serve` in a subprocess on the session's database; its base URL."""
    with running_server(database_url) as base:
        yield base
