from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from service import migrate
from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool
from tests.databases import bearer, clear, fresh_postgres
from tests.servers import serving


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
def auth(db: str) -> dict[str, str]:
    """The Authorization header of a write key in the emptied database."""
    return bearer(db)


@pytest.fixture
def client(db: str, workers: WorkerPool, auth: dict[str, str]) -> Iterator[TestClient]:
    """The app on the test's database, sending a write key."""
    with TestClient(create_app(Settings(database_url=db, max_body_bytes=64 * 1024), workers=workers)) as test_client:
        test_client.headers.update(auth)
        yield test_client


@pytest.fixture(scope="session")
def live_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m service serve` in a subprocess on the session's database; its base URL."""
    with serving(database_url, tmp_path_factory.mktemp("server") / "server.log") as (base, _):
        yield base
