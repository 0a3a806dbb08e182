"""Claim threads, their histories, the timeline and its feed, through the API."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest
from litestar.testing import TestClient


def _threads(client: TestClient, story: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/v1/stories/{story}/claims", params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def _thread_of(client: TestClient, story: str, phrase: str) -> dict[str, Any]:
    return next(t for t in _threads(client, story) if phrase in t["text"])


def test_the_grushko_demand_is_one_thread_across_every_version_and_both_outlets(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    thread = _thread_of(client, seeded["story"], "ironclad security guarantees")
    assert thread["first_seen"]["source"] == "eastern-dispatch"
    assert thread["first_seen"]["version_id"] == seeded["versions"]["eastern-dispatch-1"]
    assert thread["speaker"] == "Alexander Grushko"
    assert [(s["source"], s["delay_seconds"], s["present"]) for s in thread["sources"]] == [
        ("eastern-dispatch", 0, True),
        ("northline-news", 2.5 * 3600, True),  # Northline carried it two and a half hours later
    ]
    for version in seeded["versions"].values():
        claims = client.get(f"/v1/versions/{version}/claims").json()["items"]
        assert [c["thread_id"] for c in claims if "ironclad security guarantees" in c["text"]] == [thread["id"]]


def test_a_figure_history_lists_its_values_in_order(client: TestClient, seeded: dict[str, Any]) -> None:
    thread = _thread_of(client, seeded["story"], "Kharkiv")
    assert thread["status"] == "changed"
    history = client.get(f"/v1/claims/{thread['id']}/history").json()
    entries = history["items"]
    assert [e["claim"]["figures"][0]["value"] for e in entries] == [12, 15]
    assert [(e["source"], e["observed_at"]) for e in entries] == [
        ("northline-news", "2025-03-16T11:40:00Z"),
        ("northline-news", "2025-03-16T17:05:00Z"),
    ]
    assert entries[0]["change"] is None or entries[0]["change"]["type"] == "added"
    assert entries[1]["change"]["figures"] == [{"unit": "people", "before": 12, "after": 15, "relative": 0.25}]
    assert history["next_cursor"] is None
    assert history["has_more"] is False
    first = client.get(f"/v1/claims/{thread['id']}/history", params={"limit": 1}).json()
    rest = client.get(f"/v1/claims/{thread['id']}/history", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert first["has_more"] is True
    assert first["items"] + rest["items"] == entries
    assert rest["next_cursor"] is None


def test_a_cut_claim_is_removed_by_the_version_that_cut_it_and_returns_when_restored(client: TestClient) -> None:
    story = client.post("/v1/stories", json={"title": "Transit strike"}).json()["id"]
    base = {"source": "calder-herald", "url": "https://calder.example/strike"}
    quote = '"I was late for every shift this week," said Joanna Pell, a nurse at Eastgate General Hospital.'
    first = "Buses sat idle on Tuesday after 2,300 drivers walked off the job.\n\n" + quote
    cut = "Buses sat idle on Tuesday after 2,300 drivers walked off the job."
    v1 = client.post(
        f"/v1/stories/{story}/versions", json=base | {"text": first, "observed_at": "2026-04-07T10:00:00Z"}
    ).json()
    v2 = client.post(
        f"/v1/stories/{story}/versions", json=base | {"text": cut, "observed_at": "2026-04-07T12:00:00Z"}
    ).json()
    pell = _thread_of(client, story, "late for every shift")
    assert pell["status"] == "removed"
    assert pell["removed_by_version_id"] == v2["version"]["id"]
    assert pell["removed_at"] == "2026-04-07T12:00:00Z"
    assert pell["first_seen"]["version_id"] == v1["version"]["id"]
    assert [t["text"] for t in _threads(client, story, status="removed")] == [pell["text"]]
    history = client.get(f"/v1/claims/{pell['id']}/history").json()["items"]
    assert [e["change"]["type"] if e["change"] else None for e in history][-1] == "removed"

    client.post(
        f"/v1/stories/{story}/versions",
        json=base | {"text": first + "\n\nTalks resume on Friday.", "observed_at": "2026-04-08T09:00:00Z"},
    )
    restored = _thread_of(client, story, "late for every shift")
    assert restored["id"] == pell["id"]
    assert restored["status"] == "active"
    assert restored["removed_by_version_id"] is None


def test_threads_filter_by_kind_speaker_source_and_status(client: TestClient, seeded: dict[str, Any]) -> None:
    story = seeded["story"]
    conditions = _threads(client, story, kind="condition")
    assert conditions
    assert {t["kind"] for t in conditions} == {"condition"}
    putin = _threads(client, story, speaker="Vladimir Putin")
    assert putin
    assert {t["speaker"] for t in putin} == {"Vladimir Putin"}
    northline = _threads(client, story, source="northline-news")
    assert all(any(s["source"] == "northline-news" for s in t["sources"]) for t in northline)
    assert len(northline) < len(_threads(client, story))
    changed = _threads(client, story, status="changed")
    assert {t["status"] for t in changed} == {"changed"}
    first_page = client.get(f"/v1/stories/{story}/claims", params={"limit": 5}).json()
    second_page = client.get(
        f"/v1/stories/{story}/claims", params={"limit": 5, "cursor": first_page["next_cursor"]}
    ).json()
    assert [t["id"] for t in first_page["items"] + second_page["items"]] == [t["id"] for t in _threads(client, story)][
        :10
    ]


def test_timeline_orders_changes_by_observation_and_filters(client: TestClient, seeded: dict[str, Any]) -> None:
    story = seeded["story"]
    items = client.get(f"/v1/stories/{story}/timeline", params={"limit": 200}).json()["items"]
    assert [i["observed_at"] for i in items] == sorted(i["observed_at"] for i in items)
    assert {i["change"]["type"] for i in items} <= {"added", "removed", "modified"}
    figure = next(i for i in items if "Kharkiv" in i["change"]["summary"] and i["change"]["type"] == "modified")
    assert figure["source"] == "northline-news"
    assert figure["published_at"] == "2025-03-16T11:30:00Z"
    assert figure["thread_id"] == _thread_of(client, story, "Kharkiv")["id"]
    only_northline = client.get(
        f"/v1/stories/{story}/timeline", params={"source": "northline-news", "type": "modified"}
    ).json()["items"]
    assert {(i["source"], i["change"]["type"]) for i in only_northline} == {("northline-news", "modified")}
    window = client.get(
        f"/v1/stories/{story}/timeline", params={"since": "2025-03-16T14:00:00Z", "until": "2025-03-16T15:00:00Z"}
    ).json()["items"]
    assert window
    assert {i["version_id"] for i in window} == {seeded["versions"]["eastern-dispatch-2"]}
    conditions = client.get(f"/v1/stories/{story}/timeline", params={"kind": "condition"}).json()["items"]
    assert {i["change"]["kind"] for i in conditions} == {"condition"}
    minor = client.get(f"/v1/stories/{story}/timeline", params={"include_minor": "true", "limit": 200}).json()["items"]
    assert len(minor) >= len(items)


def test_walking_the_timeline_while_versions_arrive_neither_skips_nor_repeats(client: TestClient) -> None:
    story = client.post("/v1/stories", json={"title": "Transit strike"}).json()["id"]
    base = {"source": "calder-herald", "url": "https://calder.example/strike"}
    paragraphs = [
        "Buses sat idle on Tuesday after 2,300 drivers walked off the job.",
        "The guild is seeking raises totaling 14 percent over three years.",
        "The authority has offered raises totaling 7 percent over the same period.",
    ]

    def ingest(n: int) -> None:
        text = "\n\n".join(
            [*paragraphs, *(f"Day {k}: {300 + k} buses stayed in the depots, the authority said." for k in range(n))]
        )
        assert client.post(f"/v1/stories/{story}/versions", json=base | {"text": text}).status_code == 201

    ingest(0)
    seen: list[str] = []
    cursor = None
    for n in range(1, 8):
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/v1/stories/{story}/timeline", params=params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]  # given even at the end, to come back for what arrives
        ingest(n)  # a new version lands between two pages
    while True:
        page = client.get(f"/v1/stories/{story}/timeline", params={"limit": 2, "cursor": cursor}).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    everything = [i["id"] for i in client.get(f"/v1/stories/{story}/timeline", params={"limit": 200}).json()["items"]]
    assert len(seen) == len(set(seen))
    assert seen == everything


def test_the_atom_feed_validates(client: TestClient, seeded: dict[str, Any]) -> None:
    response = client.get(f"/v1/stories/{seeded['story']}/changes.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.endswith("what changed")
    titles = [e.title for e in feed.entries]
    assert titles
    assert titles[0].startswith(("Quote trimmed", "Figure updated", "'reportedly' dropped"))
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert feed.entries[0].author in ("northline-news", "eastern-dispatch")


@pytest.mark.parametrize(
    "path",
    [
        "/v1/claims/00000000-0000-0000-0000-000000000000/history",
        "/v1/stories/00000000-0000-0000-0000-000000000000/timeline",
        "/v1/stories/00000000-0000-0000-0000-000000000000/changes.atom",
    ],
)
def test_unknown_threads_and_stories_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_two_speakers_of_one_sentence_keep_their_own_threads_and_changes(client: TestClient) -> None:
    story = client.post("/v1/stories", json={"title": "Harbour bridge"}).json()["id"]
    base = {"source": "harbour-times", "url": "https://harbour.example/bridge"}
    sentence = (
        "Mayor Odell Brisco said the bridge would reopen in {month}, while Councilwoman Idra Penhallow argued "
        "that repairs would take until autumn."
    )
    versions = [
        client.post(
            f"/v1/stories/{story}/versions",
            json=base | {"text": sentence.format(month=month), "observed_at": f"2026-04-0{day}T10:00:00Z"},
        ).json()
        for day, month in ((7, "May"), (8, "June"))
    ]
    assert [[c["speaker"]["name"] for c in v["claims"]] for v in versions] == [["Odell Brisco", "Idra Penhallow"]] * 2
    changes = client.get(
        f"/v1/stories/{story}/diff",
        params={"from": versions[0]["version"]["id"], "to": versions[1]["version"]["id"]},
    ).json()["changes"]
    # the mayor's month changed; the councilwoman's clause did not, and is not reported
    assert [(c["type"], c["before"]["speaker"]["name"], c["after"]["speaker"]["name"]) for c in changes] == [
        ("modified", "Odell Brisco", "Odell Brisco")
    ]
    brisco, penhallow = _thread_of(client, story, "reopen in"), _thread_of(client, story, "repairs would take")
    assert brisco["id"] != penhallow["id"]
    assert (brisco["status"], penhallow["status"]) == ("changed", "active")
    assert (brisco["speaker"], penhallow["speaker"]) == ("Odell Brisco", "Idra Penhallow")
