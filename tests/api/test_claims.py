from __future__ import annotations

from litestar.testing import TestClient

from tests.databases import query

TEXT = """Sheriff Dwayne Kettering issued evacuation orders for Birchfield shortly after 1 a.m.

Kettering said residents of Ridgeline Estates must leave by 6 p.m. on Friday.

"The fire is moving faster than anything we've seen," Incident Commander Marisol Vantreese told reporters."""


def _ingest(client: TestClient, text: str = TEXT) -> dict:
    story = client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"]
    body = {
        "source": "harlan-courier",
        "url": "https://hc.example/fire",
        "text": text,
        "published_at": "2026-08-14T12:40:00Z",
    }
    response = client.post(f"/v1/stories/{story}/versions", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_ingest_returns_the_claims_it_stored(client: TestClient, db: str) -> None:
    result = _ingest(client)
    claims = result["claims"]
    assert [c["kind"] for c in claims] == ["event", "condition", "quote"]
    condition = claims[1]
    assert condition["speaker"] == {
        "name": "Dwayne Kettering",
        "mention": "Kettering",
        "title": "Sheriff",
        "type": "person",
    }
    assert condition["content"] == "residents of Ridgeline Estates must leave by 6 p.m. on Friday"
    assert {"text": "6 p.m.", "value": "2026-08-14T18:00", "grain": "minute"} in condition["times"]
    assert claims[2]["quote"] == "The fire is moving faster than anything we've seen"
    assert all(c["version_id"] == result["version"]["id"] for c in claims)
    text = result["version"]["text"]
    assert [text[c["span"]["start"] : c["span"]["end"]] for c in claims] == [c["text"] for c in claims]
    assert query(db, "SELECT count(*) FROM claims") == [(3,)]


def test_version_claims_are_served_and_filtered_by_kind(client: TestClient) -> None:
    result = _ingest(client)
    version = result["version"]["id"]
    served = client.get(f"/v1/versions/{version}/claims")
    assert served.status_code == 200
    assert served.json() == {"items": result["claims"], "next_cursor": None, "has_more": False}
    quotes = client.get(f"/v1/versions/{version}/claims", params={"kind": "quote"}).json()["items"]
    assert [c["speaker"]["name"] for c in quotes] == ["Marisol Vantreese"]
    assert client.get(f"/v1/versions/{version}/claims", params={"kind": "rumour"}).status_code == 400


def test_version_claims_come_a_page_at_a_time(client: TestClient) -> None:
    result = _ingest(client)
    version = result["version"]["id"]
    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/v1/versions/{version}/claims", params=params).json()
        pages.append(page["items"])
        assert page["has_more"] is (page["next_cursor"] is not None)
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert len(pages) > 1
    assert [c for items in pages for c in items] == result["claims"]
    other = _ingest(client)["version"]["id"]  # the same text in a story of its own
    first = client.get(f"/v1/versions/{version}/claims", params={"limit": 1}).json()
    foreign = client.get(f"/v1/versions/{other}/claims", params={"cursor": first["next_cursor"]})
    assert foreign.status_code == 400  # a cursor from another version's claims


def test_identical_content_returns_the_stored_claims(client: TestClient, db: str) -> None:
    result = _ingest(client)
    story = result["version"]["story_id"]
    again = client.post(
        f"/v1/stories/{story}/versions",
        json={"source": "harlan-courier", "url": "https://hc.example/fire", "text": TEXT},
    )
    assert again.status_code == 200
    assert again.json()["claims"] == result["claims"]
    assert query(db, "SELECT count(*) FROM claims") == [(3,)]


def test_speakers_resolve_across_the_versions_of_a_story(client: TestClient) -> None:
    result = _ingest(client)
    story = result["version"]["story_id"]
    later = {
        "source": "tri-county-wire",
        "url": "https://tcw.example/fire",
        "text": "Kettering said deputies had gone door to door.",
    }
    claims = client.post(f"/v1/stories/{story}/versions", json=later).json()["claims"]
    assert claims[0]["speaker"]["name"] == "Dwayne Kettering"
    assert claims[0]["speaker"]["title"] == "Sheriff"


def test_claims_of_an_unknown_version_are_404(client: TestClient) -> None:
    response = client.get("/v1/versions/00000000-0000-0000-0000-000000000000/claims")
    assert response.status_code == 404
