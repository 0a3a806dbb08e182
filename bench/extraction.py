"""Claim extraction against bare spaCy parsing on the same text, and one ingest through the API.

Targets: extraction at >= 70% of bare-parse throughput; < 400 MB resident; a 1,000-word version
extracted and stored well under half a second.
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path

from litestar.testing import TestClient

from bench.common import article_of, median_seconds, peak_rss_mb, table
from service import migrate
from service.app import create_app
from service.config import Settings
from service.extraction import extract_claims
from service.extraction.claims import DEFAULT_MODEL
from service.extraction.nlp import load_pipeline
from service.extraction.segment import blocks

REPEAT = 7


def main() -> None:
    nlp = load_pipeline(DEFAULT_MODEL)
    text = article_of(5_000)
    words = len(text.split())
    paragraphs = [b.text for b in blocks(text) if not b.heading]
    extract_claims(text, date(2025, 3, 16))  # warm both paths once

    parse = median_seconds(lambda: list(nlp.pipe(paragraphs)), REPEAT)
    extract = median_seconds(lambda: extract_claims(text, date(2025, 3, 16)), REPEAT)
    ingest = _ingest_median(article_of(1_000))
    table(
        f"extraction ({words} words of seed prose, median of {REPEAT})",
        [
            ("bare spaCy parse", f"{words / parse:,.0f} words/s"),
            ("full claim extraction", f"{words / extract:,.0f} words/s"),
            ("extraction / parse throughput", f"{parse / extract:.0%}  (target >= 70%)"),
            ("ingest of a 1,000-word version", f"{ingest * 1000:.0f} ms median over HTTP on SQLite  (target < 500 ms)"),
            ("peak resident memory", f"{peak_rss_mb():.0f} MB  (target < 400 MB)"),
        ],
    )


def _ingest_median(text: str) -> float:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}", log_level="WARNING")
        migrate.upgrade(settings)
        with TestClient(create_app(settings)) as client:
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
