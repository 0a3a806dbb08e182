"""A story of 1,000 versions across 10 outlets, built by mutating real paragraphs, on SQLite and PostgreSQL.

Targets: ingest time per version does not grow with the story (first and last hundred compared);
a timeline page and a thread history read under 30 ms median. Also printed: what a version that
arrives late, observed in the middle of the story, costs (the story is rebuilt in observation order).
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from litestar.testing import TestClient

from bench.common import median_seconds, seed_paragraphs, table
from service import migrate
from service.app import create_app
from service.config import Settings, async_database_url
from tests.databases import bearer

VERSIONS = int(os.environ.get("BENCH_VERSIONS", "1000"))
OUTLETS = 10
READS = 30
START = datetime(2025, 3, 16, 6, 0, tzinfo=UTC)
SYNONYMS = ["said", "told reporters", "stated", "added"]


def story_versions(seed: int = 7) -> Iterator[dict[str, str]]:
    """Ingest bodies in observation order: each outlet's article evolves the way newsrooms edit."""
    rng = random.Random(seed)
    pool = seed_paragraphs()
    articles = [rng.sample(pool, k=min(len(pool), rng.randint(6, 9))) for _ in range(OUTLETS)]
    lengths = [len(a) for a in articles]
    for n in range(VERSIONS):
        outlet = n % OUTLETS
        paragraphs = articles[outlet]
        _mutate(paragraphs, pool, rng, lengths[outlet])
        yield {
            "source": f"outlet-{outlet}",
            "url": f"https://outlet-{outlet}.example/story",
            "text": "\n\n".join(paragraphs),
            "observed_at": (START + timedelta(minutes=3 * n)).isoformat(),
            "published_at": START.isoformat(),
        }


def _mutate(paragraphs: list[str], pool: list[str], rng: random.Random, length: int) -> None:
    """One edit; cuts and additions keep the article near its first length, as live stories do."""
    move = rng.random()
    i = rng.randrange(len(paragraphs))
    with_figures = [k for k, p in enumerate(paragraphs) if re.search(r"\d", p)]
    if move < 0.45 and with_figures:  # a figure is updated
        k = rng.choice(with_figures)
        paragraphs[k] = re.sub(
            r"\b\d[\d,]*\b", lambda m: str(int(m.group().replace(",", "")) + rng.randint(1, 9)), paragraphs[k], count=1
        )
    elif move < 0.625 and len(paragraphs) > length - 2:  # a paragraph is cut
        del paragraphs[i]
    elif move < 0.8 and len(paragraphs) < length + 2:  # one is added
        paragraphs.insert(i, rng.choice(pool))
    elif move < 0.9:  # two swap places
        j = rng.randrange(len(paragraphs))
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    else:  # the reporting verb is restyled
        paragraphs[i] = re.sub(r"\b(said|told reporters|stated|added)\b", rng.choice(SYNONYMS), paragraphs[i], count=1)


def main() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        _run("SQLite", f"sqlite+aiosqlite:///{Path(folder) / 'scale.db'}")
    postgres = _fresh_postgres("story_claims_bench")
    if postgres:
        _run("PostgreSQL", postgres)


def _run(name: str, url: str) -> None:
    settings = Settings(database_url=url, log_level="WARNING")
    migrate.upgrade(settings)
    with TestClient(create_app(settings)) as client:
        client.headers.update(bearer(settings.database_url))
        story = client.post("/v1/stories", json={"title": "Scale"}).json()["id"]
        seconds, words, bodies = [], [], []
        for body in story_versions():
            bodies.append(body)
            words.append(len(body["text"].split()))
            start = time.perf_counter()
            response = client.post(f"/v1/stories/{story}/versions", json=body)
            seconds.append(time.perf_counter() - start)
            assert response.status_code in (200, 201), response.text
        timeline = client.get(f"/v1/stories/{story}/timeline", params={"limit": 200}).json()
        middle = timeline["next_cursor"]
        threads = client.get(f"/v1/stories/{story}/claims", params={"limit": 200}).json()["items"]
        busiest = max(threads, key=lambda t: len(t["sources"]))["id"]
        page = median_seconds(
            lambda: client.get(f"/v1/stories/{story}/timeline", params={"limit": 50, "cursor": middle}), READS
        )
        history = median_seconds(lambda: client.get(f"/v1/claims/{busiest}/history"), READS)
        entries = len(client.get(f"/v1/claims/{busiest}/history").json()["items"])
        late = _late_version(bodies)
        start = time.perf_counter()
        response = client.post(f"/v1/stories/{story}/versions", json=late)
        rebuild = time.perf_counter() - start
        assert response.status_code == 201, response.text
    hundred = min(100, len(seconds) // 2)
    per_word = [t / w * 100 for t, w in zip(seconds, words, strict=True)]
    table(
        f"scale on {name}: {len(seconds)} versions, {OUTLETS} outlets, {len(threads)}+ threads",
        [
            ("ingest, first hundred (median)", f"{statistics.median(seconds[:hundred]) * 1000:.0f} ms"),
            ("ingest, last hundred (median)", f"{statistics.median(seconds[-hundred:]) * 1000:.0f} ms"),
            (
                "  per 100 words, first / last hundred",
                f"{statistics.median(per_word[:hundred]) * 1000:.1f} / {statistics.median(per_word[-hundred:]) * 1000:.1f} ms",
            ),
            ("timeline page of 50 (median)", f"{page * 1000:.1f} ms  (target < 30 ms)"),
            (f"thread history, {entries} entries (median)", f"{history * 1000:.1f} ms  (target < 30 ms)"),
            (
                "a late version, observed mid-story (rebuild)",
                f"{rebuild:.1f} s  ({rebuild / len(seconds) * 1000:.0f} ms per version of the story)",
            ),
        ],
    )


def _late_version(bodies: list[dict[str, str]]) -> dict[str, str]:
    """A new outlet's account that reaches the service late: observed half-way through the story."""
    middle = bodies[len(bodies) // 2]
    observed = datetime.fromisoformat(middle["observed_at"]) + timedelta(seconds=30)
    return middle | {
        "source": "late-wire",
        "url": "https://late-wire.example/story",
        "observed_at": observed.isoformat(),
    }


def _fresh_postgres(name: str) -> str | None:
    url = async_database_url(os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parts = urlsplit(url)

    async def recreate() -> None:
        conn = await asyncpg.connect(urlunsplit(("postgresql", parts.netloc, parts.path, "", "")), timeout=5)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    try:
        asyncio.run(recreate())
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"\nscale on PostgreSQL: skipped, no server at {url} ({exc})")
        return None
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
