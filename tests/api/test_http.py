"""HTTP transport through the API: conditional GETs, cache lifetimes, compression, CORS, Location,
the media type of writes and the feed's links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import feedparser
import pytest
from litestar.testing import TestClient

from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool

ARTICLE = {
    "source": "harbour-gazette",
    "url": "https://harbour-gazette.example/pier",
    "text": "The harbour board said on Monday that the pier would reopen in May.\n",
    "observed_at": "2026-04-07T09:00:00Z",
}


def story_with_a_version(client: TestClient) -> tuple[str, str]:
    story = client.post("/v1/stories", json={"title": "Pier reopening"}).json()["id"]
    version = client.post(f"/v1/stories/{story}/versions", json=ARTICLE).json()["version"]["id"]
    return story, version


def test_a_repeated_get_with_its_etag_is_not_modified(client: TestClient) -> None:
    _, version = story_with_a_version(client)
    first = client.get(f"/v1/versions/{version}")
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert tag.startswith('W/"')
    assert "immutable" in first.headers["cache-control"]
    again = client.get(f"/v1/versions/{version}", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    other = client.get(f"/v1/versions/{version}", headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200
    assert other.json()["id"] == version


def test_a_page_that_changes_is_revalidated_and_its_old_tag_no_longer_matches(client: TestClient) -> None:
    story, _ = story_with_a_version(client)
    page = client.get(f"/v1/stories/{story}/versions")
    assert set(page.headers["cache-control"].split(", ")) == {"private", "no-cache"}
    tag = page.headers["etag"]
    assert client.get(f"/v1/stories/{story}/versions", headers={"If-None-Match": tag}).status_code == 304
    later = ARTICLE | {
        "text": ARTICLE["text"] + "Ferries will resume in June.\n",
        "observed_at": "2026-04-08T09:00:00Z",
    }
    assert client.post(f"/v1/stories/{story}/versions", json=later).status_code == 201
    changed = client.get(f"/v1/stories/{story}/versions", headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert len(changed.json()["items"]) == 2


def test_the_feed_answers_a_conditional_get(client: TestClient, seeded: dict[str, Any]) -> None:
    path = f"/v1/stories/{seeded['story']}/changes.atom"
    feed = client.get(path)
    assert feed.status_code == 200
    assert client.get(path, headers={"If-None-Match": feed.headers["etag"]}).status_code == 304


def test_errors_carry_no_etag(client: TestClient) -> None:
    missing = client.get("/v1/versions/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert "etag" not in missing.headers


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_pages_are_compressed_when_asked(client: TestClient, seeded: dict[str, Any], encoding: str) -> None:
    response = client.get(f"/v1/stories/{seeded['story']}/timeline", headers={"Accept-Encoding": encoding})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == encoding
    assert response.json()["items"]  # httpx decoded it
    plain = client.get(f"/v1/stories/{seeded['story']}/timeline", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_201s_say_where_the_new_resource_is(client: TestClient) -> None:
    created = client.post("/v1/stories", json={"title": "Ferry strike"})
    assert created.status_code == 201
    assert created.headers["location"] == f"/v1/stories/{created.json()['id']}"
    assert client.get(created.headers["location"]).status_code == 200
    ingested = client.post(f"/v1/stories/{created.json()['id']}/versions", json=ARTICLE)
    assert ingested.status_code == 201
    assert ingested.headers["location"] == f"/v1/versions/{ingested.json()['version']['id']}"
    repeated = client.post(f"/v1/stories/{created.json()['id']}/versions", json=ARTICLE)
    assert repeated.status_code == 200
    assert "location" not in repeated.headers


@pytest.mark.parametrize("media_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_writes_take_json_only(client: TestClient, media_type: str | None) -> None:
    headers = {"Content-Type": media_type} if media_type else {}
    response = client.post("/v1/stories", content=b'{"title": "Sent as text"}', headers=headers)
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 415
    assert client.get("/v1/stories").json()["items"] == []  # nothing was written


@pytest.fixture
def cors_client(db: str, workers: WorkerPool) -> Iterator[TestClient]:
    settings = Settings(database_url=db, cors_origins=("https://dashboard.newsroom.example",))
    with TestClient(create_app(settings, workers=workers)) as test_client:
        yield test_client


def test_cors_preflight_answers_configured_origins_only(cors_client: TestClient, client: TestClient) -> None:
    asked = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = cors_client.options("/v1/stories", headers={"Origin": "https://dashboard.newsroom.example", **asked})
    assert allowed.status_code in (200, 204)
    assert allowed.headers["access-control-allow-origin"] == "https://dashboard.newsroom.example"
    stranger = cors_client.options("/v1/stories", headers={"Origin": "https://evil.example", **asked})
    assert "access-control-allow-origin" not in stranger.headers
    read = cors_client.get("/v1/stories", headers={"Origin": "https://dashboard.newsroom.example"})
    assert read.headers["access-control-allow-origin"] == "https://dashboard.newsroom.example"
    assert "etag" in read.headers["access-control-expose-headers"].lower()
    # without configured origins no origin is allowed
    unconfigured = client.get("/v1/stories", headers={"Origin": "https://dashboard.newsroom.example"})
    assert "access-control-allow-origin" not in unconfigured.headers


def test_feed_links_come_from_the_public_base_url_not_the_host_header(
    db: str, workers: WorkerPool, seeded: dict[str, Any]
) -> None:
    settings = Settings(database_url=db, public_base_url="https://claims.newsroom.example")
    with TestClient(create_app(settings, workers=workers)) as public:
        response = public.get(f"/v1/stories/{seeded['story']}/changes.atom", headers={"Host": "evil.example"})
    feed = feedparser.parse(response.content)
    links = [feed.feed.links[0].href, *(e.link for e in feed.entries)]
    assert links
    assert all(link.startswith("https://claims.newsroom.example/v1/") for link in links)


def test_the_feed_stays_valid_xml_whatever_a_claim_holds(client: TestClient) -> None:
    story = client.post("/v1/stories", json={"title": "Pier\u000b reopening"}).json()["id"]
    first = ARTICLE | {"text": "The harbour board said the pier would reopen in May.\n"}
    second = ARTICLE | {
        "text": "The harbour board said the pier would reopen in\u0001 June.\n",
        "observed_at": "2026-04-08T09:00:00Z",
    }
    for body in (first, second):
        assert client.post(f"/v1/stories/{story}/versions", json=body).status_code == 201
    content = client.get(f"/v1/stories/{story}/changes.atom").content
    entries = ElementTree.fromstring(content).findall("{http://www.w3.org/2005/Atom}entry")  # strict XML
    assert entries
    assert not feedparser.parse(content).bozo


def test_every_answer_names_its_request(client: TestClient) -> None:
    ids = {client.get("/v1/stories").headers["x-request-id"] for _ in range(3)}
    ids.add(client.get("/v1/versions/00000000-0000-0000-0000-000000000000").headers["x-request-id"])
    assert len(ids) == 4
    assert all(len(i) == 32 for i in ids)


def _metric(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name))


def test_metrics_count_ingests_their_claims_times_and_failures(client: TestClient) -> None:
    before = client.get("/metrics").text
    story, _ = story_with_a_version(client)
    later = ARTICLE | {
        "text": ARTICLE["text"] + "Ferries will resume in June.\n",
        "observed_at": "2026-04-08T09:00:00Z",
    }
    assert client.post(f"/v1/stories/{story}/versions", json=later).status_code == 201
    assert client.post(f"/v1/stories/{story}/versions", json=later).status_code == 200
    refused = client.post(f"/v1/stories/{story}/versions", json=ARTICLE | {"source": "!!!"})
    assert refused.status_code == 422
    after = client.get("/metrics").text
    for name, grew_by in [
        ('claims_ingests_total{outcome="stored"}', 2),
        ('claims_ingests_total{outcome="repeat"}', 1),
        ('claims_ingest_failures_total{reason="Unprocessable",status="422"}', 1),
        ("claims_claims_per_version_count", 2),
        ("claims_extraction_seconds_count", 2),
        ("claims_diff_seconds_count", 1),
        ("claims_thread_seconds_count", 2),
    ]:
        assert _metric(after, name) - _metric(before, name) == grew_by, name


def test_a_method_not_allowed_says_which_are(client: TestClient) -> None:
    response = client.delete("/v1/stories")
    assert response.status_code == 405
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {m.strip() for m in response.headers["allow"].split(",")} >= {"GET", "POST"}
