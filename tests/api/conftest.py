"""Fixtures the API tests share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def seeded(client: TestClient) -> dict[str, Any]:
    """The seed story ingested over HTTP: its id, each version's id and each ingest's response."""
    manifest = json.loads((SEEDS / "ukraine-nato-guarantees.json").read_text())
    story = client.post("/v1/stories", json={"title": manifest["title"]}).json()["id"]
    versions, responses = {}, {}
    for entry in manifest["versions"]:
        body = {k: v for k, v in entry.items() if k != "file"} | {"text": (SEEDS / entry["file"]).read_text()}
        response = client.post(f"/v1/stories/{story}/versions", json=body)
        assert response.status_code == 201, response.text
        name = Path(entry["file"]).stem
        versions[name], responses[name] = response.json()["version"]["id"], response.json()
    return {"story": story, "versions": versions, "responses": responses}
