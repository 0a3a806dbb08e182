"""Every kind of bad input gets its problem details and leaves the database as it was."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import pytest
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from service.config import Settings
from service.db import create_engine
from tests.databases import row_counts

GOOD = {"source": "harlan-courier", "url": "https://hc.example/fire", "text": "Crews battled the fire overnight."}


@pytest.fixture
def story(client: TestClient) -> str:
    return str(client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"])


def _assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == status
    assert problem["type"].startswith("/problems/")
    assert problem["instance"] == f"urn:uuid:{UUID(response.headers['x-request-id'])}"
    assert problem["title"]
    assert problem["detail"]
    return dict(problem)


@pytest.mark.parametrize(
    ("content", "status", "detail"),
    [
        pytest.param(b'{"source": "hc", "url": ', 400, "truncated", id="malformed-json"),
        pytest.param(b"not json at all", 400, "", id="not-json"),
        pytest.param(
            '{"source": "hc", "url": "u", "text": "caf\u00e9"}'.encode("latin-1"), 400, "UTF-8", id="non-utf8"
        ),
        pytest.param(b'{"source": "hc", "url": "u"}', 422, "no content", id="text-and-html-missing"),
        pytest.param(b'{"source": "hc", "url": "u", "text": "  \\n  "}', 422, "empty", id="blank-text"),
        pytest.param(
            b'{"source": "hc", "url": "u", "text": "a", "html": "<p>a</p>"}', 422, "not both", id="text-and-html"
        ),
        pytest.param(
            b'{"source": "hc", "url": "u", "html": "<html><body></body></html>"}',
            422,
            "No article text",
            id="empty-html",
        ),
        pytest.param(b'{"url": "u", "text": "a"}', 422, "Validation failed", id="source-missing"),
        pytest.param(b'{"source": "hc", "url": "u", "text": 5}', 422, "Validation failed", id="text-not-a-string"),
        pytest.param(
            b'{"source": "hc", "url": "u", "text": "a", "extra": 1}', 422, "Validation failed", id="unknown-field"
        ),
        pytest.param(
            b'{"source": "hc", "url": "u", "text": "a", "observed_at": "yesterday"}',
            422,
            "Validation failed",
            id="bad-timestamp",
        ),
        pytest.param(
            b'{"source": "hc", "url": "u", "text": "a", "published_at": "2025-03-16T09:00:00"}',
            422,
            "Validation failed",
            id="naive-timestamp",
        ),
        pytest.param(
            b'{"source": "hc", "url": "u", "text": "a", "published_at": "2025-02-30T09:00:00Z"}',
            422,
            "Validation failed",
            id="impossible-date",
        ),
    ],
)
def test_bad_version_bodies(client: TestClient, db: str, story: str, content: bytes, status: int, detail: str) -> None:
    before = row_counts(db)
    response = client.post(
        f"/v1/stories/{story}/versions", content=content, headers={"content-type": "application/json"}
    )
    problem = _assert_problem(response, status)
    assert detail in problem["detail"]
    assert row_counts(db) == before


def test_timestamp_errors_name_the_field(client: TestClient, story: str) -> None:
    response = client.post(f"/v1/stories/{story}/versions", json=GOOD | {"observed_at": "2025-13-01T00:00:00Z"})
    problem = _assert_problem(response, 422)
    assert problem["errors"][0]["key"] == "observed_at"


def test_unknown_story_writes_nothing(client: TestClient, db: str) -> None:
    before = row_counts(db)
    response = client.post("/v1/stories/00000000-0000-0000-0000-000000000000/versions", json=GOOD)
    _assert_problem(response, 404)
    assert row_counts(db) == before


def test_body_over_the_limit_is_413(client: TestClient, db: str, story: str) -> None:
    before = row_counts(db)
    response = client.post(f"/v1/stories/{story}/versions", json=GOOD | {"text": "word " * 20_000})
    _assert_problem(response, 413)
    assert row_counts(db) == before


def test_slug_conflict_writes_nothing(client: TestClient, db: str) -> None:
    client.post("/v1/stories", json={"title": "Fire", "slug": "fire"})
    before = row_counts(db)
    _assert_problem(client.post("/v1/stories", json={"title": "Another fire", "slug": "fire"}), 409)
    assert row_counts(db) == before


@pytest.mark.parametrize(
    "body",
    [{"title": ""}, {"title": "   "}, {"title": "x", "slug": "Not A Slug"}, {}],
    ids=["empty-title", "blank-title", "bad-slug", "no-title"],
)
def test_bad_story_bodies(client: TestClient, db: str, body: dict[str, str]) -> None:
    before = row_counts(db)
    _assert_problem(client.post("/v1/stories", json=body), 422)
    assert row_counts(db) == before


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 201}, {"limit": "ten"}, {"cursor": "not-a-cursor"}],
    ids=["limit-0", "limit-201", "limit-word", "bad-cursor"],
)
def test_bad_list_parameters_are_400(client: TestClient, story: str, params: dict[str, object]) -> None:
    _assert_problem(client.get("/v1/stories", params=params), 400)
    _assert_problem(client.get(f"/v1/stories/{story}/versions", params=params), 400)


def test_unknown_version_is_404(client: TestClient) -> None:
    _assert_problem(client.get("/v1/versions/00000000-0000-0000-0000-000000000000"), 404)


def test_a_database_error_names_its_statement_but_none_of_its_values(db: str) -> None:
    """What reaches a log from a failed statement carries no article text and no key digest."""

    async def fail() -> str:
        engine = create_engine(Settings(database_url=db))
        try:
            async with engine.connect() as connection:
                await connection.execute(
                    text("SELECT * FROM no_such_table WHERE body = :body"), {"body": "SECRET TEXT"}
                )
        except DBAPIError as exc:
            return str(exc)
        finally:
            await engine.dispose()
        raise AssertionError("the statement did not fail")

    logged = asyncio.run(fail())
    assert "no_such_table" in logged
    assert "SECRET TEXT" not in logged


@pytest.mark.parametrize(
    ("method", "path", "status", "kind"),
    [
        ("get", "/v1/versions/00000000-0000-0000-0000-000000000000", 404, "not-found"),
        ("delete", "/v1/stories", 405, "method-not-allowed"),
        ("get", "/v1/stories?cursor=AAAA", 400, "bad-request"),
        ("get", "/v1/no-such-route", 404, "not-found"),  # answered before any route: identified too
    ],
)
def test_every_problem_names_its_kind_on_a_page_the_service_serves(
    client: TestClient, method: str, path: str, status: int, kind: str
) -> None:
    problem = _assert_problem(client.request(method, path), status)
    assert problem["type"] == f"/problems/{kind}"
    page = client.get(problem["type"], headers={"Authorization": ""})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f"{status} {kind}" in page.text
    index = client.get("/problems")
    assert all(f'href="/problems/{k}"' in index.text for k in ("unauthorized", "too-many-requests", kind))
    assert client.get("/problems/no-such-kind").status_code == 404
