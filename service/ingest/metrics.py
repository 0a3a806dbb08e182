"""What ingest does, for `/metrics` beside Litestar's request metrics (one process's counts each)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Most versions parse in well under a second; a long article under a slow deadline takes tens.
_SECONDS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

INGESTS = Counter("claims_ingests", "Versions posted, by outcome: stored, or a repeat that stored nothing", ["outcome"])
INGEST_FAILURES = Counter("claims_ingest_failures", "Versions refused, by HTTP status and reason", ["status", "reason"])
CLAIMS_PER_VERSION = Histogram(
    "claims_claims_per_version", "Claims extracted from each stored version", buckets=(0, 5, 10, 25, 50, 100, 250, 1000)
)
EXTRACTION_SECONDS = Histogram("claims_extraction_seconds", "Parsing one version into claims", buckets=_SECONDS)
DIFF_SECONDS = Histogram(
    "claims_diff_seconds", "Pairing and diffing a version against the previous one", buckets=_SECONDS
)
THREAD_SECONDS = Histogram("claims_thread_seconds", "Putting a version's claims on their threads", buckets=_SECONDS)
