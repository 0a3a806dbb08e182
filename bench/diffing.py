"""Claim diff of two stored 1,000-word versions against text baselines on the same pair.

Target: under 20 ms per diff of extracted claims; reported as a ratio to the text baselines.
"""

from __future__ import annotations

import difflib
import logging
import re
import tempfile
import uuid
from datetime import date
from pathlib import Path

import msgspec
from diff_match_patch import diff_match_patch
from litestar.testing import TestClient

from bench.common import article_of, median_seconds, table
from service import migrate
from service.app import create_app
from service.claims.schemas import ClaimRead
from service.config import Settings
from service.diffing import diff_claims
from service.extraction import extract_claims
from tests.databases import bearer

REPEAT = 25


def edited(text: str) -> str:
    """What a newsroom does between two versions: figures updated, a paragraph cut, one added, two swapped."""
    paragraphs = text.split("\n\n")
    paragraphs[1], paragraphs[2] = paragraphs[2], paragraphs[1]
    del paragraphs[4]
    paragraphs.insert(
        6, "Officials said at least 27 schools would stay closed on Monday, according to the regional authority."
    )
    changed = "\n\n".join(paragraphs)
    return re.sub(r"\b30-day\b", "45-day", changed).replace("three years", "four years")


def main() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    before_text = article_of(1_000)
    after_text = edited(before_text)
    before, after = _claims(before_text), _claims(after_text)
    engine = median_seconds(lambda: diff_claims(before, after, before[0].version_id, after[0].version_id), REPEAT)
    sentences = (_sentences(before_text), _sentences(after_text))
    sentence_diff = median_seconds(lambda: list(difflib.unified_diff(*sentences, lineterm="")), REPEAT)
    dmp = diff_match_patch()
    character_diff = median_seconds(lambda: dmp.diff_cleanupSemantic(dmp.diff_main(before_text, after_text)), REPEAT)
    stored, on_demand = _http_medians(before_text, after_text)
    changes = diff_claims(before, after, before[0].version_id, after[0].version_id)
    table(
        f"diff ({len(before_text.split())} -> {len(after_text.split())} words, {len(before)} -> {len(after)} claims, median of {REPEAT})",
        [
            ("claim diff engine", f"{engine * 1000:.1f} ms  (target < 20 ms)"),
            ("difflib over sentences", f"{sentence_diff * 1000:.2f} ms  (claim diff = {engine / sentence_diff:.0f}x)"),
            (
                "diff-match-patch, semantic",
                f"{character_diff * 1000:.2f} ms  (claim diff = {engine / character_diff:.1f}x)",
            ),
            ("GET /diff, consecutive (stored)", f"{stored * 1000:.1f} ms over HTTP on SQLite"),
            ("GET /diff, other pair (computed)", f"{on_demand * 1000:.1f} ms over HTTP on SQLite"),
            ("what changed", changes.summary),
        ],
    )


def _claims(text: str) -> list[ClaimRead]:
    version = uuid.uuid4()
    return [
        ClaimRead(**msgspec.structs.asdict(c), id=uuid.uuid4(), version_id=version)
        for c in extract_claims(text, date(2025, 3, 16))
    ]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+", text) if s]


def _http_medians(before_text: str, after_text: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}", log_level="WARNING")
        migrate.upgrade(settings)
        with TestClient(create_app(settings)) as client:
            client.headers.update(bearer(settings.database_url))
            story = client.post("/v1/stories", json={"title": "Benchmark"}).json()["id"]
            ids = []
            for text in (before_text, after_text, after_text + "\n\nA late paragraph closes the story."):
                body = {"source": "bench", "url": "https://bench.example/a", "text": text}
                ids.append(client.post(f"/v1/stories/{story}/versions", json=body).json()["version"]["id"])

            def get(a: str, b: str) -> None:
                assert client.get(f"/v1/stories/{story}/diff", params={"from": a, "to": b}).status_code == 200

            return median_seconds(lambda: get(ids[0], ids[1]), REPEAT), median_seconds(
                lambda: get(ids[0], ids[2]), REPEAT
            )
