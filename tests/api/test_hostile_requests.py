"""Requests the schema lets through but the databases or the code once could not take: each is a
clear 4xx (or is stored cleaned), quickly, and never a 500.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient

from service.app import create_app
from service.config import Settings
from service.workers import WorkerPool
from tests.databases import query

URL = "https://harlan-courier.example/news/cedar-hollow-fire"
TEXT = "The Cedar Hollow Fire had burned 4,200 acres by early Friday, officials said."
# Generous: these catch hangs and blow-ups, they do not measure speed.
BOUND_SECONDS = 20


@pytest.fixture
def story(client: TestClient) -> str:
    return str(client.post("/v1/stories", json={"title": "Cedar Hollow Fire"}).json()["id"])


def _post(client: TestClient, story: str, **body: Any) -> Any:
    started = time.monotonic()
    response = client.post(f"/v1/stories/{story}/versions", json={"source": "harlan-courier", "url": URL} | body)
    assert time.monotonic() - started < BOUND_SECONDS
    assert response.status_code < 500, response.text
    return response


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    return problem


def test_control_characters_in_the_text_are_dropped(client: TestClient, story: str, db: str) -> None:
    response = _post(client, story, text="The fire\x00 had burned 4,200 acres.\x0cOfficials confirmed\x07 one death.")
    assert response.status_code == 201
    stored = query(db, "SELECT text FROM versions")[0][0]
    assert stored == "The fire had burned 4,200 acres.\nOfficials confirmed one death."


@pytest.mark.parametrize("field", ["url", "title", "source"])
def test_a_nul_byte_in_a_name_is_unprocessable(client: TestClient, story: str, db: str, field: str) -> None:
    body = {"text": TEXT, field: {"url": URL, "title": "Fire", "source": "harlan-courier"}[field] + "\x00x"}
    _problem(_post(client, story, **body), 422)
    assert query(db, "SELECT count(*) FROM versions") == [(0,)]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/stories/{story}/versions?source=harlan%00courier",
        "/v1/stories/{story}/claims?speaker=Ortega%00",
        "/v1/stories/{story}/timeline?source=%01",
    ],
)
def test_a_control_character_in_a_query_parameter_is_a_bad_request(client: TestClient, story: str, path: str) -> None:
    problem = _problem(client.get(path.format(story=story)), 400)
    assert "control character" in problem["detail"]


@pytest.mark.parametrize(
    "query_string",
    [
        "since=0001-01-01T00:00:00Z",
        "until=9999-12-31T23:59:59Z",
        "since=9999-12-31T23:59:59-14:00",
        "since=2026-08-14T09:00:00",
        "until=2026-08-14",
    ],
)
def test_times_at_the_calendars_edges_or_without_a_timezone_are_bad_requests(
    client: TestClient, story: str, query_string: str
) -> None:
    _problem(client.get(f"/v1/stories/{story}/timeline?{query_string}"), 400)


@pytest.mark.parametrize("published_at", ["0001-01-01T00:00:00Z", "9999-12-31T23:00:00Z", "1799-12-31T23:59:59Z"])
def test_publication_times_outside_the_calendar_are_unprocessable(
    client: TestClient, story: str, db: str, published_at: str
) -> None:
    text = "The vote is tomorrow, officials said. It happened in March. Next year it will be different."
    problem = _problem(_post(client, story, text=text, published_at=published_at), 422)
    assert "published_at" in str(problem)
    assert query(db, "SELECT count(*) FROM versions") == [(0,)]


def test_deeply_nested_json_is_a_bad_request(client: TestClient, story: str) -> None:
    for body in ("[" * 5000 + "]" * 5000, '{"source": ' + "[" * 5000 + "]" * 5000 + "}"):
        response = client.post(
            f"/v1/stories/{story}/versions", content=body, headers={"content-type": "application/json"}
        )
        assert "too deeply" in _problem(response, 400)["detail"]


def test_a_url_too_long_once_encoded_is_unprocessable_and_a_long_one_is_kept(
    client: TestClient, story: str, db: str
) -> None:
    long_ascii = "https://harlan-courier.example/" + "a" * 1990
    assert _post(client, story, url=long_ascii, text=TEXT).status_code == 201
    non_latin = "https://harlan-courier.example/" + "ж" * 1000  # each letter becomes six characters
    assert "url" in _problem(_post(client, story, url=non_latin, text=TEXT), 422)["detail"]
    assert query(db, "SELECT count(*) FROM versions") == [(1,)]


def test_a_page_title_over_the_limit_is_shortened(client: TestClient, story: str) -> None:
    html = f"<html><head><title>{'Fire ' * 400}</title></head><body><article><p>{TEXT}</p></article></body></html>"
    response = _post(client, story, html=html)
    assert response.status_code == 201
    title = response.json()["version"]["title"]
    assert 900 < len(title) <= 1000


def test_outlets_named_in_other_scripts_stay_distinct(client: TestClient, story: str, db: str) -> None:
    names = ["Українська правда", "Известия", "日本経済新聞", "Harlan Courier", "Público"]
    slugs = [_post(client, story, source=name, text=TEXT).json()["version"]["source"] for name in names]
    assert slugs == ["українська-правда", "известия", "日本経済新聞", "harlan-courier", "publico"]
    assert query(db, "SELECT count(*) FROM articles") == [(5,)]
    problem = _problem(_post(client, story, source="!!!", text=TEXT), 422)
    assert "source" in problem["detail"]


@pytest.mark.parametrize(
    "variant",
    [
        URL + "?utm_source=twitter&utm_medium=social",
        URL + "/",
        URL + "#comments",
        URL.replace("https://harlan-courier.example", "https://Harlan-Courier.example:443"),
        URL + "/amp",
        URL + "?fbclid=IwAR0",
    ],
)
def test_the_forms_a_link_takes_are_one_article(client: TestClient, story: str, db: str, variant: str) -> None:
    assert _post(client, story, text=TEXT).status_code == 201
    again = _post(client, story, url=variant, text=TEXT)
    assert again.status_code == 200
    assert again.json()["version"]["url"] == URL
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]


@pytest.fixture
def roomy_client(db: str, workers: WorkerPool, auth: dict[str, str]) -> Iterator[TestClient]:
    """An app that takes bodies of the default 10 MB, for the limits beyond the body's."""
    with TestClient(create_app(Settings(database_url=db), workers=workers)) as test_client:
        test_client.headers.update(auth)
        yield test_client


def test_an_article_longer_than_any_news_article_is_too_large(roomy_client: TestClient, db: str) -> None:
    story = roomy_client.post("/v1/stories", json={"title": "Long read"}).json()["id"]
    started = time.monotonic()
    response = roomy_client.post(
        f"/v1/stories/{story}/versions", json={"source": "wire", "url": URL, "text": "word " * 120_000}
    )
    assert time.monotonic() - started < BOUND_SECONDS
    assert "characters" in _problem(response, 413)["detail"]
    assert query(db, "SELECT count(*) FROM versions") == [(0,)]


def test_a_version_of_more_claims_than_an_article_has_is_too_large(roomy_client: TestClient, db: str) -> None:
    """On PostgreSQL a version of 32,768 claims once broke a query's bound-parameter limit."""
    story = roomy_client.post("/v1/stories", json={"title": "Long read"}).json()["id"]
    text = "\n\n".join(f"Crews cleared {n} acres." for n in range(5_200))
    response = roomy_client.post(f"/v1/stories/{story}/versions", json={"source": "wire", "url": URL, "text": text})
    assert "claims" in _problem(response, 413)["detail"]
    assert query(db, "SELECT count(*) FROM versions") == [(0,)]


def test_the_sentence_that_hung_ingest_is_parsed(client: TestClient, story: str) -> None:
    text = "Turnout was 61.3%, the commission said, the highest for a presidential vote since 2009."
    response = _post(client, story, text=text)
    assert response.status_code == 201
    assert [c["figures"][0]["value"] for c in response.json()["claims"]] == [61.3]


@pytest.mark.parametrize("mark", ['"', "'", ")", "!"])
def test_a_long_run_of_one_mark_is_parsed_promptly(roomy_client: TestClient, mark: str) -> None:
    story = roomy_client.post("/v1/stories", json={"title": "Marks"}).json()["id"]
    started = time.monotonic()
    text = f"The minister said {mark * 32_000} the talks would resume.\n\nTalks resumed on Monday, officials said."
    response = roomy_client.post(f"/v1/stories/{story}/versions", json={"source": "wire", "url": URL, "text": text})
    assert time.monotonic() - started < BOUND_SECONDS
    assert response.status_code == 201, response.text


def test_spaces_sent_to_an_unknown_story_are_a_prompt_404(roomy_client: TestClient) -> None:
    started = time.monotonic()
    response = roomy_client.post(
        "/v1/stories/00000000-0000-4000-8000-000000000000/versions",
        json={"source": "wire", "url": URL, "text": " " * 200_000 + "x"},
    )
    assert time.monotonic() - started < BOUND_SECONDS
    _problem(response, 404)


@pytest.mark.parametrize("megabytes", [1, 5])
def test_megabyte_bodies_are_answered_not_failed(roomy_client: TestClient, db: str, megabytes: int) -> None:
    story = roomy_client.post("/v1/stories", json={"title": "Big"}).json()["id"]
    paragraph = TEXT + " The crews worked through the night and into the morning.\n\n"
    text = paragraph * (megabytes * 1024 * 1024 // len(paragraph))
    started = time.monotonic()
    as_text = roomy_client.post(f"/v1/stories/{story}/versions", json={"source": "wire", "url": URL, "text": text})
    html = (
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")[:-1]) + "</article></body></html>"
    )
    as_html = roomy_client.post(f"/v1/stories/{story}/versions", json={"source": "wire", "url": URL, "html": html})
    assert time.monotonic() - started < 2 * BOUND_SECONDS
    _problem(as_text, 413)
    assert as_html.status_code in (201, 413, 422), as_html.text
    assert query(db, "SELECT count(*) FROM versions") == [(1 if as_html.status_code == 201 else 0,)]
