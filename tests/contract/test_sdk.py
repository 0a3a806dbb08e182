"""The committed OpenAPI document generates a clean Python SDK, and that SDK drives the real service."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from service.cli import OPENAPI_PATH
from tests.databases import new_key

BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("sdk")
    config = out / "config.yml"
    # The generator reads no Atom; the feed operation is generated to return the XML as text.
    config.write_text(
        "package_name_override: story_claims_client\nproject_name_override: story-claims-client\npost_hooks: []\n"
        "content_type_overrides:\n  application/atom+xml: text/plain\n"
    )
    result = subprocess.run(
        [
            BIN / "openapi-python-client",
            "generate",
            "--path",
            OPENAPI_PATH,
            "--output-path",
            out / "client",
            "--config",
            config,
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr
    sys.path.insert(0, str(out / "client"))
    try:
        yield importlib.import_module("story_claims_client")
    finally:
        sys.path.remove(str(out / "client"))


def test_generated_client_creates_ingests_and_reads_back(sdk: ModuleType, live_server: str, db: str) -> None:
    from story_claims_client.api.stories import create_story, get_story
    from story_claims_client.api.versions import get_version, ingest_version
    from story_claims_client.models import (
        IngestResult,
        ProblemDetails,
        StoryCreate,
        StoryRead,
        VersionCreate,
        VersionRead,
    )

    client = sdk.AuthenticatedClient(base_url=live_server, token=new_key(db), raise_on_unexpected_status=True)
    story = create_story.sync(client=client, body=StoryCreate(title="Port Calder transit strike"))
    assert isinstance(story, StoryRead)
    assert story.slug == "port-calder-transit-strike"

    text = "Transit workers in Port Calder walked off the job on Monday, the union said."
    body = VersionCreate(source="calder-post", url="https://calder-post.example/strike", text=text)
    ingested = ingest_version.sync_detailed(story_id=story.id, client=client, body=body)
    assert ingested.status_code == 201
    assert isinstance(ingested.parsed, IngestResult)
    again = ingest_version.sync_detailed(story_id=story.id, client=client, body=body)
    assert again.status_code == 200
    assert isinstance(again.parsed, IngestResult)
    assert again.parsed.version.id == ingested.parsed.version.id

    version = get_version.sync(version_id=ingested.parsed.version.id, client=client)
    assert isinstance(version, VersionRead)
    assert version.text == text
    assert version.source == "calder-post"
    assert get_story.sync(story_id=story.id, client=client) == story

    # Errors arrive as the documented problem details, typed.
    missing = create_story.sync(client=client, body=StoryCreate(title="Again", slug=story.slug))
    assert isinstance(missing, ProblemDetails)
    assert missing.status == 409
