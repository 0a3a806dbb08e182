"""Many clients posting to one article at once, against a real server process."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.databases import query

URL = "https://calder-post.example/strike"


def _post_all(base: str, story: str, bodies: list[dict[str, str]], auth: dict[str, str]) -> list[int]:
    def post(body: dict[str, str]) -> int:
        with httpx.Client(base_url=base, timeout=60, headers=auth) as http:
            return http.post(f"/v1/stories/{story}/versions", json=body).status_code

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(post, bodies))


def test_the_same_version_posted_concurrently_is_stored_once(live_server: str, db: str, auth: dict[str, str]) -> None:
    story = httpx.post(f"{live_server}/v1/stories", json={"title": "Transit strike"}, headers=auth).json()["id"]
    body = {"source": "calder-post", "url": URL, "text": "Transit workers walked off the job on Monday."}
    statuses = _post_all(live_server, story, [body] * 16, auth)
    assert sorted(statuses) == [200] * 15 + [201]
    assert query(db, "SELECT count(*) FROM versions") == [(1,)]
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]
    assert query(db, "SELECT count(*) FROM sources") == [(1,)]


def test_different_versions_posted_concurrently_get_distinct_numbers(
    live_server: str, db: str, auth: dict[str, str]
) -> None:
    story = httpx.post(f"{live_server}/v1/stories", json={"title": "Transit strike"}, headers=auth).json()["id"]
    bodies = [
        {"source": "calder-post", "url": URL, "text": f"Day {n}: transit workers stayed off the job."}
        for n in range(12)
    ]
    statuses = _post_all(live_server, story, bodies, auth)
    assert statuses == [201] * 12
    numbers = [n for (n,) in query(db, "SELECT number FROM versions ORDER BY number")]
    assert numbers == list(range(1, 13))


def test_concurrent_versions_of_different_outlets_all_land_on_shared_threads(
    live_server: str, db: str, auth: dict[str, str]
) -> None:
    story = httpx.post(f"{live_server}/v1/stories", json={"title": "Transit strike"}, headers=auth).json()["id"]
    text = "Transit workers walked off the job on Monday, the union said.\n\nAbout 2,300 drivers joined the strike."
    bodies = [{"source": f"outlet-{n}", "url": f"https://outlet-{n}.example/strike", "text": text} for n in range(8)]
    assert _post_all(live_server, story, bodies, auth) == [201] * 8
    assert query(db, "SELECT count(*) FROM threads") == [(2,)]
    assert query(db, "SELECT count(*) FROM thread_presence") == [(16,)]
