from __future__ import annotations

from litestar.testing import TestClient

from tests.databases import query

URL = "https://harlan-courier.example/news/cedar-hollow-fire"
FIRST = "The Cedar Hollow Fire had burned 4,200 acres by early Friday.\n\nAuthorities have confirmed one death."
SECOND = (
    "The Cedar Hollow Fire had burned 11,750 acres by Friday afternoon.\n\nAuthorities have confirmed three deaths."
)


def _story(client: TestClient) -> str:
    return str(client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"])


def test_ingest_numbers_versions_within_an_article(client: TestClient) -> None:
    story = _story(client)
    body = {"source": "harlan-courier", "url": URL, "published_at": "2026-08-14T12:40:00Z"}
    first = client.post(
        f"/v1/stories/{story}/versions", json=body | {"text": FIRST, "observed_at": "2026-08-14T13:00:00Z"}
    )
    second = client.post(
        f"/v1/stories/{story}/versions", json=body | {"text": SECOND, "observed_at": "2026-08-14T22:30:00+00:00"}
    )
    assert (first.status_code, second.status_code) == (201, 201)
    v1, v2 = first.json()["version"], second.json()["version"]
    assert (v1["number"], v2["number"]) == (1, 2)
    assert v1["article_id"] == v2["article_id"]
    assert v2["source"] == "harlan-courier"
    assert v2["observed_at"] == "2026-08-14T22:30:00Z"
    assert v2["published_at"] == "2026-08-14T12:40:00Z"

    read = client.get(f"/v1/versions/{v2['id']}").json()
    assert read["text"] == SECOND
    assert read == v2


def test_identical_content_returns_the_latest_version_and_stores_nothing(client: TestClient, db: str) -> None:
    story = _story(client)
    body = {"source": "harlan-courier", "url": URL, "text": FIRST}
    created = client.post(f"/v1/stories/{story}/versions", json=body)
    # Same words with other line endings and trailing spaces: the same content.
    again = client.post(f"/v1/stories/{story}/versions", json=body | {"text": FIRST.replace("\n", " \r\n")})
    assert created.status_code == 201
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["version"]["id"] == created.json()["version"]["id"]
    assert query(db, "SELECT count(*) FROM versions") == [(1,)]


def test_a_headline_change_alone_is_a_new_version(client: TestClient) -> None:
    story = _story(client)
    body = {"source": "harlan-courier", "url": URL, "text": FIRST}
    client.post(f"/v1/stories/{story}/versions", json=body | {"title": "One dead"})
    retitled = client.post(f"/v1/stories/{story}/versions", json=body | {"title": "One dead as fire spreads"})
    assert retitled.status_code == 201
    assert retitled.json()["version"]["number"] == 2


def test_html_is_reduced_to_the_article_text(client: TestClient) -> None:
    story = _story(client)
    html = f"""<html><head><title>Fire grows</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Fire grows</h1><p>{FIRST.splitlines()[0]}</p><p>{FIRST.splitlines()[-1]} Crews worked through the night.</p></article>
    <footer>Copyright Harlan Courier. Subscribe to our newsletter.</footer></body></html>"""
    response = client.post(f"/v1/stories/{story}/versions", json={"source": "harlan-courier", "url": URL, "html": html})
    assert response.status_code == 201
    version = response.json()["version"]
    assert "4,200 acres" in version["text"]
    assert "Subscribe" not in version["text"]
    assert "Home" not in version["text"]
    assert version["title"] == "Fire grows"


def test_sources_are_slugs_created_on_first_use_and_versions_filter_by_them(client: TestClient) -> None:
    story = _story(client)
    client.post(
        f"/v1/stories/{story}/versions",
        json={"source": "Harlan Courier", "url": URL, "text": FIRST, "observed_at": "2026-08-14T13:00:00Z"},
    )
    client.post(
        f"/v1/stories/{story}/versions",
        json={
            "source": "tri-county-wire",
            "url": "https://tcw.example/fire",
            "text": SECOND,
            "observed_at": "2026-08-14T12:00:00Z",
        },
    )
    client.post(
        f"/v1/stories/{story}/versions",
        json={"source": "harlan-courier", "url": URL, "text": SECOND, "observed_at": "2026-08-14T23:00:00Z"},
    )

    everything = client.get(f"/v1/stories/{story}/versions").json()
    assert [(v["source"], v["number"]) for v in everything["items"]] == [
        ("tri-county-wire", 1),
        ("harlan-courier", 1),
        ("harlan-courier", 2),
    ]
    assert "text" not in everything["items"][0]

    courier = client.get(f"/v1/stories/{story}/versions", params={"source": "harlan-courier"}).json()
    assert [v["number"] for v in courier["items"]] == [1, 2]
    article = courier["items"][0]["article_id"]
    by_article = client.get(f"/v1/stories/{story}/versions", params={"article": article, "limit": 1}).json()
    assert len(by_article["items"]) == 1
    rest = client.get(
        f"/v1/stories/{story}/versions", params={"article": article, "cursor": by_article["next_cursor"]}
    ).json()
    assert [v["number"] for v in by_article["items"] + rest["items"]] == [1, 2]
    assert rest["next_cursor"] is None
