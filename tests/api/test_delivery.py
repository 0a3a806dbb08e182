"""Versions that arrive late, twice or out of order leave the story as in-order arrival would."""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.testing import TestClient

from tests.databases import query
from tests.servers import serving

COURIER = "https://harlan-courier.example/news/cedar-hollow-fire"
WIRE = "https://tri-county-wire.example/fire"

# A story told by two outlets over a morning. The courier names the governor in full first; the
# wire's "Ortega" resolves to her only when the courier's first version is known to precede it.
DELIVERIES: list[dict[str, str]] = [
    {
        "source": "harlan-courier",
        "url": COURIER,
        "observed_at": "2026-08-14T09:00:00Z",
        "text": "Governor Maria Ortega said the Cedar Hollow Fire had burned 4,200 acres.\n\n"
        "Officials confirmed one death.",
    },
    {
        "source": "tri-county-wire",
        "url": WIRE,
        "observed_at": "2026-08-14T10:00:00Z",
        "text": "The fire had burned 5,000 acres, Ortega said.\n\nOne person died, officials said.",
    },
    {
        "source": "harlan-courier",
        "url": COURIER,
        "observed_at": "2026-08-14T11:00:00Z",
        "text": "Governor Maria Ortega said the Cedar Hollow Fire had burned 6,000 acres.\n\n"
        "Officials confirmed two deaths.\n\nEvacuations were ordered for Pine Ridge.",
    },
    {
        "source": "tri-county-wire",
        "url": WIRE,
        "observed_at": "2026-08-14T13:00:00Z",
        "text": "The fire had burned 9,000 acres, Ortega said.\n\nTwo people died, according to the sheriff's office.",
    },
    {
        "source": "harlan-courier",
        "url": COURIER,
        "observed_at": "2026-08-14T14:00:00Z",
        "text": "Governor Maria Ortega said the Cedar Hollow Fire had burned 11,750 acres.\n\n"
        "Officials confirmed three deaths, the sheriff said.",
    },
]


def _get(client: TestClient | httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def story_state(client: TestClient | httpx.Client, story: str) -> dict[str, Any]:
    """Everything a client can read of a story, with the ids of versions and threads replaced by what
    they stand for, so two stories built in different orders compare equal when they tell the same.
    """
    versions = _get(client, f"/v1/stories/{story}/versions", limit=200)["items"]
    name = {v["id"]: (v["source"], v["number"]) for v in versions}
    threads = _get(client, f"/v1/stories/{story}/claims", limit=200)["items"]
    thread_name = {
        t["id"]: (t["first_seen"]["at"], t["first_seen"]["source"], name[t["first_seen"]["version_id"]], t["text"])
        for t in threads
    }

    def claim(c: dict[str, Any] | None) -> Any:
        if c is None:
            return None
        speaker = c["speaker"]["name"] if c["speaker"] else None
        return (name[c["version_id"]], c["index"], c["kind"], speaker, c["content"], thread_name.get(c["thread_id"]))

    timeline = _get(client, f"/v1/stories/{story}/timeline", include_minor="true", limit=200)["items"]
    return {
        "versions": [(v["source"], v["url"], v["number"], v["observed_at"], v["content_hash"]) for v in versions],
        "claims": {
            name[v["id"]]: [claim(c) for c in _get(client, f"/v1/versions/{v['id']}/claims")["items"]] for v in versions
        },
        "threads": sorted(
            (
                thread_name[t["id"]],
                t["kind"],
                t["speaker"],
                t["status"],
                t["last_seen"]["at"],
                sorted((s["source"], s["first_seen"]["at"], s["present"]) for s in t["sources"]),
            )
            for t in threads
        ),
        "timeline": [
            (
                i["observed_at"],
                i["source"],
                i["version_number"],
                thread_name.get(i["thread_id"]),
                i["change"]["type"],
                i["change"]["kind"],
                i["change"]["aspects"],
                i["change"]["significance"],
                i["change"]["summary"],
                claim(i["change"]["before"]),
                claim(i["change"]["after"]),
            )
            for i in timeline
        ],
    }


def _deliver(client: TestClient, story: str, deliveries: list[dict[str, str]]) -> None:
    for body in deliveries:
        response = client.post(f"/v1/stories/{story}/versions", json=body)
        assert response.status_code in (200, 201), response.text


@pytest.fixture
def in_order(client: TestClient) -> dict[str, Any]:
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    _deliver(client, story, DELIVERIES)
    return story_state(client, story)


def test_in_order_arrival_resolves_the_short_name_and_numbers_each_article(in_order: dict[str, Any]) -> None:
    assert [(source, number) for source, _, number, _, _ in in_order["versions"]] == [
        ("harlan-courier", 1),
        ("tri-county-wire", 1),
        ("harlan-courier", 2),
        ("tri-county-wire", 2),
        ("harlan-courier", 3),
    ]
    wire_speakers = {c[3] for c in in_order["claims"][("tri-county-wire", 1)]}
    assert "Maria Ortega" in wire_speakers


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(order=st.permutations(range(len(DELIVERIES))), repeats=st.lists(st.integers(0, len(DELIVERIES) - 1), max_size=3))
def test_any_arrival_order_gives_the_in_order_story(
    client: TestClient, in_order: dict[str, Any], order: list[int], repeats: list[int]
) -> None:
    """Late, repeated and reordered deliveries: the same versions, numbers, claims, changes, threads
    and timeline as in-order arrival.
    """
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    arrivals = [DELIVERIES[i] for i in order]
    for k, i in enumerate(repeats):  # retried deliveries land anywhere after their first
        arrivals.insert(arrivals.index(DELIVERIES[i]) + 1 + k % 2, DELIVERIES[i])
    _deliver(client, story, arrivals)
    assert story_state(client, story) == in_order


def test_a_retried_first_version_after_the_second_stores_nothing(client: TestClient, db: str) -> None:
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    first, second = DELIVERIES[0], DELIVERIES[2]
    assert client.post(f"/v1/stories/{story}/versions", json=first).status_code == 201
    assert client.post(f"/v1/stories/{story}/versions", json=second).status_code == 201
    again = client.post(f"/v1/stories/{story}/versions", json=first)
    assert again.status_code == 200
    assert again.json()["version"]["number"] == 1
    assert query(db, "SELECT count(*) FROM versions") == [(2,)]
    numbers = _get(client, f"/v1/stories/{story}/versions")["items"]
    assert [v["number"] for v in numbers] == [1, 2]


def test_content_seen_earlier_than_stored_moves_the_version_back(client: TestClient, db: str) -> None:
    """The same text observed at 11:00 and, reported late, at 10:30: one version, observed at 10:30."""
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    _deliver(client, story, [DELIVERIES[0], DELIVERIES[2]])
    earlier = DELIVERIES[2] | {"observed_at": "2026-08-14T10:30:00Z"}
    response = client.post(f"/v1/stories/{story}/versions", json=earlier)
    assert response.status_code == 200
    assert response.json()["version"]["observed_at"] == "2026-08-14T10:30:00Z"
    assert query(db, "SELECT count(*) FROM versions") == [(2,)]


def test_an_idempotency_key_replays_the_first_answer(client: TestClient, db: str) -> None:
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    body = {k: v for k, v in DELIVERIES[0].items() if k != "observed_at"}  # each post observed anew
    headers = {"Idempotency-Key": "cms-4711-rev-1"}
    created = client.post(f"/v1/stories/{story}/versions", json=body, headers=headers)
    retried = client.post(f"/v1/stories/{story}/versions", json=body, headers=headers)
    assert (created.status_code, retried.status_code) == (201, 200)
    assert retried.json()["version"] == created.json()["version"]
    assert query(db, "SELECT count(*) FROM versions") == [(1,)]

    reused = client.post(f"/v1/stories/{story}/versions", json=DELIVERIES[2], headers=headers)
    assert reused.status_code == 422
    assert reused.headers["content-type"].startswith("application/problem+json")
    assert "Idempotency-Key" in reused.json()["detail"]
    assert query(db, "SELECT count(*) FROM versions") == [(1,)]


@pytest.fixture
def two_process_server(db: str, tmp_path: Path) -> Iterator[str]:
    with serving(db, tmp_path / "server.log", "--workers", "2") as (base, _):
        yield base


def test_two_processes_of_sixteen_clients_store_each_version_once_in_order(
    two_process_server: str, db: str, in_order: dict[str, Any], auth: dict[str, str]
) -> None:
    """Every version posted 8 times in random order by 16 clients across 2 server processes."""
    base = two_process_server
    story = httpx.post(f"{base}/v1/stories", json={"title": "Cedar Hollow Fire"}, headers=auth).json()["id"]
    posts = [body for body in DELIVERIES for _ in range(8)]
    random.Random(8).shuffle(posts)

    def post(body: dict[str, str]) -> int:
        with httpx.Client(base_url=base, timeout=120, headers=auth) as http:
            response = http.post(f"/v1/stories/{story}/versions", json=body)
            assert response.status_code in (200, 201), response.text
            return response.status_code

    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(post, posts))
    assert statuses.count(201) == len(DELIVERIES)
    assert statuses.count(200) == len(posts) - len(DELIVERIES)
    with httpx.Client(base_url=base, timeout=60) as http:
        assert story_state(http, story) == in_order
