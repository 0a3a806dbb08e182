"""A pool of worker processes: each job runs under a deadline; a worker that overruns, dies or grows too large is replaced.

Workers are started with `spawn`, so the API process's threads and event loop are never forked into
them; each loads the spaCy pipeline once. The API side is synchronous code run in a thread per job
(so it serves every event loop alike, and tests share one pool between apps); `run` is its async face.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import resource
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Self, TypeVar, TypeVarTuple, cast

import anyio.to_thread

from service.config import Settings
from service.errors import ServiceError, Unprocessable
from service.extraction.nlp import load_pipeline

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

# Model loading takes seconds; a worker that has not loaded it in this time will not.
STARTUP_SECONDS = 120.0
# A worker that hits MemoryError exits with this code: its heap may be in no state to go on.
OUT_OF_MEMORY_EXIT = 75
# The modules of the service's jobs, imported before a worker reports ready: the first job of a fresh
# worker should not spend its deadline importing trafilatura or scipy.
JOB_MODULES = ("service.versions.text", "service.extraction", "service.diffing")
STATM = "/proc/self/statm"


class DeadlineExceeded(Unprocessable):
    def __init__(self, task: str, seconds: float) -> None:
        super().__init__(f"Could not {task} within {seconds:.1f} s; nothing was stored.")


class WorkerDied(Unprocessable):
    def __init__(self, task: str, exitcode: int | None) -> None:
        super().__init__(f"The worker process stopped ({_cause(exitcode)}) while trying to {task}; nothing was stored.")


class ShuttingDown(ServiceError):
    status = 503

    def __init__(self) -> None:
        super().__init__("The service is shutting down; retry the request.")


class JobFailed(RuntimeError):
    """A job raised an unexpected error in its worker; the message is the worker's traceback."""


class WorkerPool:
    """Runs module-level functions in worker processes; see the module docstring."""

    def __init__(
        self, size: int, *, model: str, max_rss_mb: int, seconds_per_1000_words: float, min_seconds: float
    ) -> None:
        self.size = size
        self._model = model
        self._max_rss_mb = max_rss_mb
        self._seconds_per_1000_words = seconds_per_1000_words
        self._min_seconds = min_seconds
        self._context = multiprocessing.get_context("spawn")
        self._workers: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._changed = threading.Condition()
        self._closed = False

    @classmethod
    def from_settings(cls, settings: Settings, *, size: int | None = None) -> WorkerPool:
        return cls(
            size or settings.workers,
            model=settings.spacy_model,
            max_rss_mb=settings.worker_max_rss_mb,
            seconds_per_1000_words=settings.extraction_seconds_per_1000_words,
            min_seconds=settings.extraction_min_seconds,
        )

    def deadline(self, *texts: str) -> float:
        """The seconds a job over these texts is given, by their word count (spaces and newlines, cheaply)."""
        words = sum(text.count(" ") + text.count("\n") + 1 for text in texts)
        return max(self._min_seconds, words / 1000 * self._seconds_per_1000_words)

    async def run(self, fn: Callable[[*Ts], T], *args: *Ts, deadline: float, task: str) -> T:
        """fn(*args) in a worker: its value, or the ServiceError it raised. `task` completes "Could not … in time"."""
        # The thread waits on the worker's pipe so the event loop never does; a cancelled caller leaves it behind.
        return await anyio.to_thread.run_sync(self._run, fn, args, deadline, task, abandon_on_cancel=True)

    def start(self) -> None:
        """Start the workers and wait until each has loaded the model (a missing model fails here, not in a request)."""
        workers = [self._spawn() for _ in range(self.size)]
        with self._changed:
            self._workers.update(workers)
        try:
            for worker in workers:
                worker.wait_ready()
        except BaseException:
            self.close()
            for worker in workers:
                worker.stop()
            raise
        with self._changed:
            self._idle += workers
            self._changed.notify_all()

    def close(self) -> None:
        """Kill every worker, busy or not; the callers of unfinished jobs get ShuttingDown."""
        with self._changed:
            self._closed = True
            idle, busy = self._idle, self._workers.difference(self._idle)
            self._workers, self._idle = set(), []
            self._changed.notify_all()
        for worker in idle:
            worker.stop()
        # A busy worker's pipe is its job's thread's to close (closing it under that thread could close
        # a reused descriptor): killed, the worker reads as dead there, and that thread stops it.
        for worker in busy:
            worker.process.kill()
        wait([worker.process.sentinel for worker in busy], timeout=5)  # dead, if not yet reaped, on return

    async def __aenter__(self) -> Self:
        await anyio.to_thread.run_sync(self.start)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _run(self, fn: Callable[[*Ts], T], args: tuple[*Ts], deadline: float, task: str) -> T:
        worker = self._acquire()
        try:
            reply = worker.call(fn, args, deadline)
        except (EOFError, OSError):  # the process died: a crash, the kernel's OOM killer, or close()
            exitcode = self._replace(worker)
            if self._closed:
                raise ShuttingDown() from None
            raise WorkerDied(task, exitcode) from None
        except BaseException:  # the model failed to load, or the job could not be pickled
            self._replace(worker)
            raise
        if reply is None:
            self._replace(worker)
            raise DeadlineExceeded(task, deadline)
        if reply.retire:
            self._replace(worker)
        else:
            self._release(worker)
        if reply.error is not None:
            raise reply.error
        return cast("T", reply.value)

    def _acquire(self) -> _Worker:
        with self._changed:
            while not self._idle:
                if self._closed:
                    raise ShuttingDown()
                if len(self._workers) < self.size:  # a pool not started starts its workers as jobs come
                    worker = self._spawn()
                    self._workers.add(worker)
                    return worker
                self._changed.wait()
            return self._idle.pop()

    def _release(self, worker: _Worker) -> None:
        with self._changed:
            if not self._closed:
                self._idle.append(worker)
                self._changed.notify()
                return
        worker.stop()

    def _replace(self, worker: _Worker) -> int | None:
        """Kill the worker and start a fresh one in its place (it loads the model while it waits); the old exit code."""
        exitcode = worker.stop()
        if self._closed:
            return exitcode
        fresh = self._spawn()  # the dead worker keeps its place meanwhile, so no job starts a second one
        with self._changed:
            if self._closed:  # close() ran while the fresh worker started
                fresh.stop()
                return exitcode
            self._workers.discard(worker)
            self._workers.add(fresh)
            self._idle.insert(0, fresh)  # last in line: a worker that has its model loaded goes first
            self._changed.notify()
        return exitcode

    def _spawn(self) -> _Worker:
        return _Worker(self._context, self._model, self._max_rss_mb)


class _Reply(NamedTuple):
    value: object
    error: Exception | None
    retire: bool  # the worker has exited after answering: its memory grew past the limit


class _Worker:
    """One worker process and the API process's end of its pipe."""

    def __init__(self, context: SpawnContext, model: str, max_rss_mb: int) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, model, max_rss_mb), name="claims-worker", daemon=True
        )
        self.process.start()
        theirs.close()  # the child has its own copy; with ours closed, its death reads as EOF here
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the model to load; a failure to load (the model is not installed) is raised here."""
        if self.ready:
            return
        if not self.connection.poll(STARTUP_SECONDS):
            raise TimeoutError(f"A worker process did not load the NLP model within {STARTUP_SECONDS:.0f} s.")
        failure = self.connection.recv()
        if failure is not None:
            raise failure
        self.ready = True

    def call(self, fn: Callable[..., object], args: tuple[object, ...], deadline: float) -> _Reply | None:
        """The job's reply, or None when the deadline passed first; EOFError when the process died."""
        self.wait_ready()
        self.connection.send((fn, args))
        if not self.connection.poll(deadline):
            return None
        reply: _Reply = self.connection.recv()
        return reply

    def stop(self) -> int | None:
        """Kill the process, whatever it is doing, and reap it; its exit code."""
        self.process.kill()
        self.process.join()
        self.connection.close()
        exitcode: int | None = self.process.exitcode
        return exitcode


def _serve(connection: Connection, model: str, max_rss_mb: int) -> None:
    """A worker's life: load the model once, then answer jobs until the pipe closes or memory grows too large."""
    # Ctrl-C reaches the whole process group; the API process decides when its workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_pipeline(model)
    except ServiceError as exc:
        connection.send(exc)
        return
    for module in JOB_MODULES:
        importlib.import_module(module)
    # Linux reports memory in /proc; elsewhere (a developer's Mac) workers go without memory bounds.
    bounded = Path(STATM).exists()
    if bounded:
        # A job needing far more memory than a worker may keep fails with MemoryError rather than starve the
        # host. The bound is over the loaded worker's address space: libraries reserve far more than they
        # touch (deepdiff's cache over 1 GB), so an absolute bound would be mostly theirs.
        limit = int((_memory_mb()[0] + 2 * max_rss_mb) * 2**20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    connection.send(None)
    while True:
        try:
            fn, args = connection.recv()
        except EOFError:  # the API process is gone
            return
        value: object = None
        error: Exception | None = None
        try:
            value = fn(*args)
        except MemoryError:
            os._exit(OUT_OF_MEMORY_EXIT)
        except ServiceError as exc:
            error = exc
        except Exception:
            error = JobFailed(traceback.format_exc())
        # Freed memory is not always returned to the system: a worker that grew too large makes way for a fresh one.
        retire = bounded and _memory_mb()[1] > max_rss_mb
        connection.send(_Reply(value, error, retire))
        if retire:
            return


def _memory_mb() -> tuple[float, float]:
    """This process's address space and resident memory."""
    size, resident = (int(pages) for pages in Path(STATM).read_text().split()[:2])
    page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
    return size * page_mb, resident * page_mb


def _cause(exitcode: int | None) -> str:
    if exitcode == OUT_OF_MEMORY_EXIT:
        return "out of memory"
    if exitcode == -signal.SIGKILL:
        return "killed, likely by the system for want of memory"
    if exitcode is not None and exitcode < 0:
        return f"crashed with {signal.Signals(-exitcode).name}"
    return f"exit code {exitcode}"
