"""Shared pieces of the benchmarks: real article text, timing, and a printed table."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_paragraphs() -> list[str]:
    """Every paragraph of the seed articles: real newsroom prose, not lorem ipsum."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS.glob("*/*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs


def article_of(words: int, variant: int = 0) -> str:
    """An article of about `words` words, built from seed paragraphs in a rotating order."""
    paragraphs = seed_paragraphs()
    chosen: list[str] = []
    i = variant
    while sum(len(p.split()) for p in chosen) < words:
        chosen.append(paragraphs[i % len(paragraphs)])
        i += 1
    return "\n\n".join(chosen)


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def paired_medians(
    baseline: Callable[[], object], ours: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Median CPU seconds of each, and the median of ours / baseline run back to back: CPU time, not
    wall time, and in pairs, so that a busy neighbour on a shared machine skews neither side."""
    pairs = []
    for _ in range(repeat):
        start = time.process_time()
        baseline()
        middle = time.process_time()
        ours()
        pairs.append((middle - start, time.process_time() - middle))
    return (
        statistics.median(b for b, _ in pairs),
        statistics.median(o for _, o in pairs),
        statistics.median(o / b for b, o in pairs),
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n{title}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
