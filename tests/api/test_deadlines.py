"""Parsing under a deadline, against a real server: an overrun is a prompt 422 that stores nothing, the
API answers throughout, and SIGTERM stops the server while a worker is busy.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import suppress
from pathlib import Path

import httpx

from tests.databases import bearer, row_counts
from tests.servers import ROOT, serving

URL = "https://long-read.example/inquiry"


def long_article(words: int = 60_000) -> str:
    """Real seed prose, repeated to about this many words (within the 500,000 characters an article may have)."""
    paragraphs = [
        p for path in sorted((ROOT / "seeds").glob("*/*.txt")) for p in path.read_text().split("\n") if p.strip()
    ]
    article = "\n\n".join(paragraphs)
    return "\n\n".join([article] * (words // len(article.split()) + 1))


def test_a_document_past_its_deadline_is_a_prompt_422_while_the_api_stays_responsive(tmp_path: Path) -> None:
    # The workers are under test, not the database: one SQLite database of the test's own.
    database = f"sqlite+aiosqlite:///{tmp_path}/hasty.db"
    hasty = {"EXTRACTION_SECONDS_PER_1000_WORDS": "0.0001", "EXTRACTION_MIN_SECONDS": "0.5"}
    with (
        serving(database, tmp_path / "server.log", **hasty) as (base, _),
        httpx.Client(base_url=base, timeout=30, headers=bearer(database)) as http,
    ):
        story = http.post("/v1/stories", json={"title": "Inquiry"}).json()["id"]
        health: list[tuple[int, float]] = []
        parsing = threading.Event()

        def poll_health() -> None:
            with httpx.Client(base_url=base, timeout=5) as poller:
                while parsing.is_set():
                    start = time.monotonic()
                    status = poller.get("/health").status_code
                    health.append((status, time.monotonic() - start))
                    time.sleep(0.02)

        parsing.set()
        poller = threading.Thread(target=poll_health)
        poller.start()
        try:
            start = time.monotonic()
            response = http.post(
                f"/v1/stories/{story}/versions", json={"source": "long-read", "url": URL, "text": long_article()}
            )
            elapsed = time.monotonic() - start
        finally:
            parsing.clear()
            poller.join()

        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["detail"] == "Could not parse the article within 0.5 s; nothing was stored."
        assert elapsed < 0.5 + 1
        assert len(health) >= 5
        assert all(status == 200 for status, _ in health)
        assert max(seconds for _, seconds in health) < 0.25
        assert http.get(f"/v1/stories/{story}/versions").json()["items"] == []
        counts = row_counts(database)
        assert (counts["versions"], counts["articles"], counts["claims"]) == (0, 0, 0)

        # the killed worker has been replaced
        body = {"source": "long-read", "url": URL, "text": "The inquiry will report in May, the minister said."}
        response = http.post(f"/v1/stories/{story}/versions", json=body)
        assert response.status_code == 201, response.text
        assert response.json()["claims"][0]["speaker"]["mention"] == "the minister"


def test_sigterm_stops_the_server_promptly_while_a_worker_parses(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path}/sigterm.db"
    with serving(database, tmp_path / "server.log") as (base, server):
        auth = bearer(database)
        story = httpx.post(f"{base}/v1/stories", json={"title": "Inquiry"}, headers=auth).json()["id"]
        (worker,) = _worker_processes(server.pid)
        busy_from = _cpu_seconds(worker)

        def post_long_article() -> None:
            body = {"source": "long-read", "url": URL, "text": long_article()}
            with suppress(httpx.TransportError):  # the server stops under it: no answer is expected
                httpx.post(f"{base}/v1/stories/{story}/versions", json=body, timeout=30, headers=auth)

        posting = threading.Thread(target=post_long_article)
        posting.start()
        while _cpu_seconds(worker) < busy_from + 0.5:  # the worker is parsing, under its 400 s deadline
            time.sleep(0.05)
        start = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(10)
        assert time.monotonic() - start < 10
        posting.join()
        assert _dead(worker)


def _worker_processes(pid: int) -> list[int]:
    """The worker processes the server spawned (not multiprocessing's resource tracker)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(_stat(int(stat.parent.name))[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if parent == pid and b"spawn_main" in command:
            children.append(int(stat.parent.name))
    return children


def _dead(pid: int) -> bool:
    """Gone, or a zombie that init has yet to reap."""
    try:
        return _stat(pid)[0] == "Z"
    except FileNotFoundError:
        return True


def _cpu_seconds(pid: int) -> float:
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name, from the state on."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
