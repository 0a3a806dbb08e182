from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from uuid import UUID

from tests.databases import query

ROOT = Path(__file__).resolve().parents[2]


def _cli(db: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=db)
    return subprocess.run(
        [sys.executable, "-m", "service", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_seed_loads_the_seed_story_once(db: str) -> None:
    first = _cli(db, "seed")
    assert first.returncode == 0, first.stderr
    (story_id,) = query(db, "SELECT id FROM stories WHERE slug = 'ukraine-nato-guarantees'")[0]
    assert f"ukraine-nato-guarantees: story {UUID(str(story_id))}" in first.stdout
    second = _cli(db, "seed")
    assert f"already seeded as story {UUID(str(story_id))}" in second.stdout
    rows = query(
        db,
        "SELECT s.slug, a.url, v.number FROM versions v JOIN articles a ON a.id = v.article_id JOIN sources s ON s.id = a.source_id ORDER BY v.observed_at",
    )
    assert [(slug, number) for slug, _, number in rows] == [
        ("eastern-dispatch", 1),
        ("northline-news", 1),
        ("eastern-dispatch", 2),
        ("northline-news", 2),
    ]
    assert query(db, "SELECT count(*) FROM claims") == [(51,)]
    seed_text = (ROOT / "seeds" / "ukraine-nato-guarantees" / "eastern-dispatch-2.txt").read_text()
    assert query(db, "SELECT text FROM versions WHERE number = 2 ORDER BY observed_at")[0] == (seed_text.strip(),)


def test_ingest_files_as_versions_of_one_article(db: str, tmp_path: Path) -> None:
    (tmp_path / "v1.txt").write_text("Crews battled the fire overnight.")
    (tmp_path / "v2.html").write_text(
        "<html><body><article><p>Crews battled the fire overnight as the blaze grew to 11,750 acres across the canyon.</p>"
        "<p>Officials confirmed three deaths on Friday afternoon.</p></article></body></html>"
    )
    (tmp_path / "v3.json").write_text(
        json.dumps({"text": "Crews contained a fifth of the fire.", "observed_at": "2026-08-15T08:00:00Z"})
    )
    result = _cli(
        db,
        "ingest",
        tmp_path / "v1.txt",
        tmp_path / "v2.html",
        tmp_path / "v3.json",
        "--story",
        "cedar-fire",
        "--source",
        "harlan-courier",
        "--url",
        "https://hc.example/fire",
    )
    assert result.returncode == 0, result.stderr
    assert [line.split(": ")[1].split(" (")[0] for line in result.stdout.splitlines()] == [
        "harlan-courier v1 stored, 1 claims",
        "harlan-courier v2 stored, 2 claims",
        # observed before the two files ingested now: it takes its place at the head of the article
        "harlan-courier v1 stored, 1 claims",
    ]
    assert query(db, "SELECT slug FROM stories") == [("cedar-fire",)]
    texts = [t for (t,) in query(db, "SELECT text FROM versions ORDER BY number")]
    assert texts[0] == "Crews contained a fifth of the fire."
    assert "11,750 acres" in texts[2]
