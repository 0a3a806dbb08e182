"""API keys through the command line and the API: scopes, anonymous reads, revocation across
processes, and keys kept out of the logs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from litestar.testing import TestClient

from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool
from tests.databases import bearer, query
from tests.servers import ROOT, serving

STORY = {"title": "Harbour strike"}


def _keys(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=db)
    return subprocess.run(
        [sys.executable, "-m", "service", "keys", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.fixture
def anonymous(db: str, workers: WorkerPool) -> Iterator[TestClient]:
    """The app with its default settings and no key sent."""
    with TestClient(create_app(Settings(database_url=db), workers=workers)) as test_client:
        yield test_client


def _problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert body["status"] == status
    return body


def test_writes_need_a_key_of_write_scope(anonymous: TestClient, db: str) -> None:
    missing = anonymous.post("/v1/stories", json=STORY)
    _problem(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    _problem(anonymous.post("/v1/stories", json=STORY, headers=bearer(db, "read")), 403)
    assert anonymous.post("/v1/stories", json=STORY, headers=bearer(db, "write")).status_code == 201
    assert anonymous.post("/v1/stories", json={"title": "Ferry"}, headers=bearer(db, "admin")).status_code == 201
    assert query(db, "SELECT count(*) FROM stories") == [(2,)]


@pytest.mark.parametrize(
    "authorization",
    ["Bearer sck_not-a-key-anyone-was-given", "Basic dXNlcjpwYXNz", "Bearer", "sck_without-a-scheme"],
)
def test_a_bad_key_is_refused_even_where_no_key_is_needed(anonymous: TestClient, authorization: str) -> None:
    assert anonymous.get("/v1/stories").status_code == 200  # reads are open by default
    _problem(anonymous.get("/v1/stories", headers={"Authorization": authorization}), 401)


def test_reads_can_be_closed_to_anonymous_clients(db: str, workers: WorkerPool) -> None:
    settings = Settings(database_url=db, anonymous_reads=False)
    with TestClient(create_app(settings, workers=workers)) as closed:
        _problem(closed.get("/v1/stories"), 401)
        assert closed.get("/v1/stories", headers=bearer(db, "read")).status_code == 200
        assert closed.get("/health").status_code == 200  # liveness and the docs stay open
        assert closed.get("/docs/openapi.json").status_code == 200


def test_metrics_need_a_key_even_with_open_reads(anonymous: TestClient, db: str) -> None:
    _problem(anonymous.get("/metrics"), 401)
    assert anonymous.get("/metrics", headers=bearer(db, "read")).status_code == 200


def test_the_cli_creates_lists_and_revokes_keys(db: str) -> None:
    created = _keys(db, "create", "--scope", "write", "--name", "Metro desk")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("sck_")
    assert key.split() == [key]  # alone on its line, for scripts
    (stored,) = query(db, "SELECT prefix, digest, name, scope FROM api_keys")
    assert stored[0] == key[:12]
    assert key not in "".join(map(str, stored))  # only a prefix and a digest are kept
    listed = _keys(db, "list").stdout
    assert "Metro desk" in listed
    assert "write" in listed
    assert key not in listed
    key_id = listed.split()[0]
    assert _keys(db, "revoke", key_id).returncode == 0
    assert "revoked" in _keys(db, "list").stdout
    unknown = _keys(db, "revoke", "00000000-0000-0000-0000-000000000000")
    assert unknown.returncode == 1
    assert "No API key" in unknown.stderr


@pytest.fixture
def two_processes(db: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "server.log"
    with serving(db, log, "--workers", "2", LOG_LEVEL="INFO") as (base, _):
        yield base, log


def test_a_revoked_key_fails_at_once_in_every_process(two_processes: tuple[str, Path], db: str) -> None:
    base, log = two_processes
    created = _keys(db, "create", "--scope", "write", "--name", "Wire desk")
    key = created.stdout.strip().splitlines()[-1]
    auth = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, headers=auth, timeout=30) as http:
        # connections of their own, so both API processes answer some of them
        assert all(httpx.post(f"{base}/v1/stories", json=STORY, headers=auth).status_code == 201 for _ in range(5))
        request_id = httpx.post(f"{base}/v1/stories", json=STORY, headers=auth).headers["x-request-id"]
        key_id = _keys(db, "list").stdout.split()[0]
        assert _keys(db, "revoke", key_id).returncode == 0
        after = [httpx.post(f"{base}/v1/stories", json=STORY, headers=auth).status_code for _ in range(12)]
        assert after == [401] * 12
        assert http.get("/v1/stories").status_code == 401  # a revoked key is no anonymous reader either
    logged = log.read_text()
    assert key not in logged  # no key is ever logged, and no body
    assert STORY["title"] not in logged
    # one line per request, with its id, the key's name, status and duration
    (line,) = [json.loads(line) for line in logged.splitlines() if request_id in line]
    assert (line["method"], line["path"], line["status"], line["key"]) == ("POST", "/v1/stories", 201, "Wire desk")
    assert line["duration_ms"] > 0
    refused = [json.loads(line) for line in logged.splitlines() if '"status":401' in line.replace(" ", "")]
    assert len(refused) == 13
    assert all(entry["key"] is None for entry in refused)
