"""`python -m service serve` in a subprocess, for the tests and benchmarks that need a real server process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(database_url: str, log_path: Path, *args: str, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`python -m service serve` in a subprocess with these arguments and environment settings: its
    base URL and process.
    """
    port = _free_port()
    log = log_path.open("w")
    # One worker process keeps the server small; settings given override it.
    env = dict(os.environ, DATABASE_URL=database_url, LOG_LEVEL="WARNING", WORKERS="1") | env
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port), *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early: {log_path.read_text()}")
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            raise RuntimeError("server did not answer /health")
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()
