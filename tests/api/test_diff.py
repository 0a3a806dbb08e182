"""The seed story's versions through the diff and compare endpoints."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient


def _diff(client: TestClient, seeded: dict[str, Any], a: str, b: str, **params: Any) -> dict[str, Any]:
    versions = seeded["versions"]
    response = client.get(
        f"/v1/stories/{seeded['story']}/diff", params={"from": versions[a], "to": versions[b], **params}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_earlier_to_seed_adds_putins_conditions_and_the_witkoff_paragraph(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    changeset = _diff(client, seeded, "eastern-dispatch-1", "eastern-dispatch-2")
    changes = changeset["changes"]
    assert {c["type"] for c in changes} == {"added"}
    conditions = [c for c in changes if c["kind"] == "condition"]
    assert len(conditions) == 1
    assert conditions[0]["after"]["speaker"]["name"] == "Vladimir Putin"
    assert "several stringent conditions" in conditions[0]["after"]["text"]
    assert conditions[0]["significance"] == "high"
    assert conditions[0]["summary"].startswith("New condition added (Vladimir Putin)")
    added = [c["after"]["text"] for c in changes]
    assert any("Witkoff" in t for t in added)
    assert any("one-fifth" in t for t in added)
    assert any(c["kind"] == "statement" and c["after"]["speaker"]["name"] == "Vladimir Putin" for c in changes)
    assert changeset["conditions"] == [
        {"speaker": "Vladimir Putin", "added": 1, "removed": 0, "summary": "1 new condition added (Vladimir Putin)"}
    ]
    assert changeset["counts"]["by_kind"]["condition"] == 1


def test_later_update_reports_the_figure_the_trimmed_quote_and_the_dropped_hedge(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    changes = _diff(client, seeded, "northline-news-1", "northline-news-2")["changes"]
    assert {c["type"] for c in changes} == {"modified"}
    figure = next(c for c in changes if "figure" in c["aspects"])
    assert figure["figures"] == [{"unit": "people", "before": 12, "after": 15, "relative": 0.25}]
    assert figure["summary"].startswith("Figure updated: 12 → 15 people")
    quote = next(c for c in changes if "quote" in c["aspects"])
    assert quote["before"]["quote"].startswith("A lot of work")
    assert quote["after"]["quote"] == "We want to see if we can bring that war to an end"
    assert "trimmed" in quote["summary"]
    hedge = next(c for c in changes if "hedging" in c["aspects"])
    assert hedge["before"]["hedges"] == ["reportedly"]
    assert hedge["after"]["hedges"] == []
    assert {"path": "hedges.reportedly", "before": True, "after": None} in hedge["fields"]
    # evidence spans point into each version's text
    before_text = client.get(f"/v1/versions/{seeded['versions']['northline-news-1']}").json()["text"]
    span = figure["before"]["span"]
    assert before_text[span["start"] : span["end"]] == figure["before"]["text"]


def test_the_ingest_response_carries_the_stored_changeset(client: TestClient, seeded: dict[str, Any]) -> None:
    ingested = seeded["responses"]["northline-news-2"]["changes"]
    assert ingested == _diff(client, seeded, "northline-news-1", "northline-news-2")
    assert seeded["responses"]["northline-news-1"]["changes"] is None


def test_a_version_against_itself_is_empty(client: TestClient, seeded: dict[str, Any]) -> None:
    changeset = _diff(client, seeded, "eastern-dispatch-2", "eastern-dispatch-2")
    assert changeset["changes"] == []
    assert changeset["counts"]["substantive"] == 0
    assert changeset["summary"] == "No substantive change"


def test_swapping_from_and_to_swaps_added_and_removed(client: TestClient, seeded: dict[str, Any]) -> None:
    forward = _diff(client, seeded, "eastern-dispatch-1", "eastern-dispatch-2")
    backward = _diff(client, seeded, "eastern-dispatch-2", "eastern-dispatch-1")
    assert forward["counts"]["by_type"]["added"] == backward["counts"]["by_type"]["removed"] > 0
    assert "added" not in backward["counts"]["by_type"]
    assert sorted(c["after"]["id"] for c in forward["changes"]) == sorted(
        c["before"]["id"] for c in backward["changes"]
    )


def test_filters_narrow_the_listed_changes(client: TestClient, seeded: dict[str, Any]) -> None:
    new_conditions = _diff(client, seeded, "eastern-dispatch-1", "eastern-dispatch-2", kind="condition", type="added")
    assert [c["kind"] for c in new_conditions["changes"]] == ["condition"]
    assert new_conditions["counts"]["substantive"] > 1  # the counts still describe the whole ChangeSet
    high = _diff(client, seeded, "northline-news-1", "northline-news-2", min_significance="high")
    assert [c["aspects"] for c in high["changes"]] == [["figure"]]
    everything = _diff(client, seeded, "eastern-dispatch-1", "northline-news-2", include_minor="true")
    substantive = _diff(client, seeded, "eastern-dispatch-1", "northline-news-2")
    assert len(everything["changes"]) > len(substantive["changes"])
    assert {c["type"] for c in everything["changes"]} - {c["type"] for c in substantive["changes"]} <= {
        "reworded",
        "moved",
    }


def test_compare_two_outlets_by_source_slug(client: TestClient, seeded: dict[str, Any]) -> None:
    response = client.get(
        f"/v1/stories/{seeded['story']}/compare", params={"a": "eastern-dispatch", "b": "northline-news"}
    )
    assert response.status_code == 200, response.text
    comparison = response.json()
    assert comparison["a"] == seeded["versions"]["eastern-dispatch-2"]
    assert comparison["b"] == seeded["versions"]["northline-news-2"]
    share = next(c for c in comparison["conflicts"] if "figure" in c["aspects"])
    assert "one-fifth" in share["a"]["text"]
    assert "18 percent" in share["b"]["text"]
    assert share["figures"][0]["before"] == 0.2
    assert share["figures"][0]["after"] == pytest.approx(0.18)
    assert any("Kharkiv" in c["text"] for c in comparison["only_in_b"])
    assert any("Witkoff" in c["text"] for c in comparison["only_in_a"])
    assert comparison["counts"]["agreements"] == len(comparison["agreements"]) > 0


def test_unknown_accounts_and_versions_are_404_and_missing_parameters_400(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    story, versions = seeded["story"], seeded["versions"]
    assert (
        client.get(f"/v1/stories/{story}/compare", params={"a": "eastern-dispatch", "b": "nobody"}).status_code == 404
    )
    other = client.post("/v1/stories", json={"title": "Another story"}).json()["id"]
    stray = client.get(
        f"/v1/stories/{other}/diff",
        params={"from": versions["eastern-dispatch-1"], "to": versions["eastern-dispatch-2"]},
    )
    assert stray.status_code == 404
    assert stray.headers["content-type"].startswith("application/problem+json")
    assert client.get(f"/v1/stories/{story}/diff", params={"from": versions["eastern-dispatch-1"]}).status_code == 400
