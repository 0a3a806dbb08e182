"""Claim extraction against bare spaCy parsing on the same text, and ingest through the API and its worker processes.

Targets: extraction at >= 85% of bare-parse throughput on one core; < 400 MB resident; a 1,000-word
version extracted and stored well under half a second; ingest throughput growing with the workers.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx
from litestar.testing import TestClient

from bench.common import article_of, median_seconds, paired_medians, peak_rss_mb, table
from service import migrate
from service.app import create_app
from service.config import Settings
from service.extraction import extract_claims
from service.extraction.claims import DEFAULT_MODEL
from service.extraction.nlp import load_pipeline
from service.extraction.segment import blocks
from tests.databases import bearer
from tests.servers import serving

REPEAT = 11
CONCURRENT = 24  # 1,000-word versions posted at once, each by its own outlet


def main() -> None:
    # the apps configure logging; the databases migrated after the first would log each revision
    for name in ("httpx", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)
    nlp = load_pipeline(DEFAULT_MODEL)
    text = article_of(5_000)
    words = len(text.split())
    paragraphs = [b.text for b in blocks(text) if not b.heading]
    extract_claims(text, date(2025, 3, 16))  # warm both paths once

    parse, extract, cost = paired_medians(
        lambda: list(nlp.pipe(paragraphs)), lambda: extract_claims(text, date(2025, 3, 16)), REPEAT
    )
    ingest = _ingest_median(article_of(1_000))
    rss = peak_rss_mb()  # before the throughput runs: their workers are other processes
    throughput = {
        (workers, spread): _ingest_throughput(workers, spread) for spread in (True, False) for workers in (1, 2)
    }
    table(
        f"extraction ({words} words of seed prose, median of {REPEAT})",
        [
            ("bare spaCy parse", f"{words / parse:,.0f} words per CPU second"),
            ("full claim extraction", f"{words / extract:,.0f} words per CPU second"),
            ("extraction / parse throughput", f"{1 / cost:.0%}  (target >= 85%; median of back-to-back pairs)"),
            ("ingest of a 1,000-word version", f"{ingest * 1000:.0f} ms median over HTTP on SQLite  (target < 500 ms)"),
            *(
                (
                    f"ingest throughput, {workers} worker{'s' if workers > 1 else ''}",
                    f"{versions:.1f} versions/s, {words:,.0f} words/s  "
                    f"({CONCURRENT} posted at once {'to as many stories' if spread else 'to one story'})",
                )
                for (workers, spread), (versions, words) in throughput.items()
            ),
            ("peak resident memory", f"{rss:.0f} MB  (target < 400 MB)"),
        ],
    )


def _database(folder: str, workers: int) -> Settings:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}", log_level="WARNING", workers=workers
    )
    migrate.upgrade(settings)
    return settings


def _ingest_median(text: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        settings = _database(folder, 1)
        with TestClient(create_app(settings)) as client:
            client.headers.update(bearer(settings.database_url))
            story = client.post("/v1/stories", json={"title": "Benchmark"}).json()["id"]
            counter = iter(range(1_000))

            def post() -> None:
                body = {
                    "source": "bench",
                    "url": "https://bench.example/a",
                    "text": f"{text}\n\nUpdate {next(counter)}.",
                }
                assert client.post(f"/v1/stories/{story}/versions", json=body).status_code == 201

            return median_seconds(post, REPEAT)


def _ingest_throughput(workers: int, spread: bool) -> tuple[float, float]:
    """Versions and words a live server stores per second while CONCURRENT outlets post a 1,000-word
    version each at once, each to its own story (spread) or all to one. Ingests into one story take
    turns once parsed, and each one's speakers grow the next one's, which is then parsed again under
    the story's lock.
    """
    bodies = [
        {"source": f"outlet-{n}", "url": f"https://outlet-{n}.example/a", "text": article_of(1_000, variant=n)}
        for n in range(CONCURRENT)
    ]

    async def run(base: str, auth: dict[str, str]) -> float:
        """Seconds to store them all."""
        async with httpx.AsyncClient(base_url=base, timeout=600, headers=auth) as client:
            stories = [
                (await client.post("/v1/stories", json={"title": f"Benchmark {n}"})).json()["id"]
                for n in range(CONCURRENT if spread else 1)
            ]
            # each worker parses once before the clock starts: a fresh process's first parse is slower
            warm = [{**body, "source": f"warm-{n}"} for n, body in enumerate(bodies[:workers])]
            await asyncio.gather(*(client.post(f"/v1/stories/{stories[-1]}/versions", json=b) for b in warm))
            start = time.perf_counter()
            responses = await asyncio.gather(
                *(
                    client.post(f"/v1/stories/{stories[n % len(stories)]}/versions", json=b)
                    for n, b in enumerate(bodies)
                )
            )
            seconds = time.perf_counter() - start
        assert all(r.status_code == 201 for r in responses), [r.text for r in responses if r.status_code != 201]
        return seconds

    with tempfile.TemporaryDirectory() as folder:
        settings = _database(folder, workers)
        with serving(settings.database_url, Path(folder) / "serve.log", WORKERS=str(workers)) as (base, _):
            seconds = asyncio.run(run(base, bearer(settings.database_url)))
    return len(bodies) / seconds, sum(len(b["text"].split()) for b in bodies) / seconds
