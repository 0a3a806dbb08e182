from __future__ import annotations

from litestar.testing import TestClient


def test_create_and_read_story(client: TestClient) -> None:
    created = client.post("/v1/stories", json={"title": "  Cedar Hollow   Fire "})
    assert created.status_code == 201
    story = created.json()
    assert story["title"] == "Cedar Hollow Fire"
    assert story["slug"] == "cedar-hollow-fire"
    assert story["created_at"].endswith("Z")

    read = client.get(f"/v1/stories/{story['id']}")
    assert read.status_code == 200
    assert read.json() == story


def test_derived_slugs_stay_unique_and_explicit_ones_conflict(client: TestClient) -> None:
    first = client.post("/v1/stories", json={"title": "Rate decision"}).json()
    second = client.post("/v1/stories", json={"title": "Rate decision"}).json()
    assert (first["slug"], second["slug"]) == ("rate-decision", "rate-decision-2")

    conflict = client.post("/v1/stories", json={"title": "Other", "slug": "rate-decision"})
    assert conflict.status_code == 409
    assert conflict.headers["content-type"].startswith("application/problem+json")
    assert "rate-decision" in conflict.json()["detail"]


def test_list_stories_walks_every_page_newest_first(client: TestClient) -> None:
    ids = [client.post("/v1/stories", json={"title": f"Story {n}"}).json()["id"] for n in range(7)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/stories", params=params).json()
        seen += [s["id"] for s in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == ids[::-1]


def test_unknown_story_is_404(client: TestClient) -> None:
    response = client.get("/v1/stories/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json()["status"] == 404
