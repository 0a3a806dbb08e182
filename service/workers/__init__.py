"""Worker processes that run the CPU-heavy jobs (parsing, diffing) under deadlines, off the API's event loop."""

from service.workers.pool import DeadlineExceeded, JobFailed, ShuttingDown, WorkerDied, WorkerPool

__all__ = ["DeadlineExceeded", "JobFailed", "ShuttingDown", "WorkerDied", "WorkerPool"]
