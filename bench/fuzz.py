"""Claim extraction on thousands of generated hostile texts: the slowest per 1,000 words, and peak memory.

The texts come from the fuzz tests' strategies (tests/fuzzing.py): real sentences recombined and
damaged, paragraphs of up to 30,000 characters, long runs of one character, control characters,
other scripts. Every result is checked as the tests check it. `FUZZ_CASES` sets how many texts
(default 2,000). Target: time linear in the length of the text, so the slowest case per 1,000 words
stays within a few times the median. Times are CPU seconds: on a shared machine the wall clock also
counts the moments another process had the CPU, which swamps a short case.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import time
from datetime import date

from hypothesis import HealthCheck, Phase, given, settings

from bench.common import peak_rss_mb, table
from service.extraction import Speaker, extract_claims
from tests.fuzzing import articles, check_claims, known_speakers, publication_dates

MAX_CHARS = 30_000
# A call has a fixed cost, and now and then a one-off one (memory the process grows into), so a text
# counts at least 1,000 words; a long run of one mark is text too, so it counts a word for every 6
# characters (the English average, with its space) when that is more.
MIN_WORDS = 1_000
CHARS_PER_WORD = 6


@dataclasses.dataclass(frozen=True)
class Case:
    text: str
    seconds: float

    @property
    def per_thousand_words(self) -> float:
        words = max(len(self.text.split()), len(self.text) / CHARS_PER_WORD, MIN_WORDS)
        return self.seconds / words * 1000


def main() -> None:
    count = int(os.environ.get("FUZZ_CASES", "2000"))
    cases: list[Case] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # a failure is reported as generated: these are not the tests
        suppress_health_check=list(HealthCheck),
    )
    @given(text=articles(max_chars=MAX_CHARS), published=publication_dates, known=known_speakers)
    def run(text: str, published: date | None, known: list[Speaker]) -> None:
        started = time.process_time()
        claims = extract_claims(text, published, known_speakers=known)
        cases.append(Case(text, time.process_time() - started))
        check_claims(text, claims)

    extract_claims("The pipeline is loaded before the clock starts.", None)
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    rates = sorted(c.per_thousand_words for c in cases)
    slowest = max(cases, key=lambda c: c.per_thousand_words)
    table(
        f"fuzz ({len(cases):,} generated texts, {sum(len(c.text) for c in cases):,} characters, {elapsed:.0f} s)",
        [
            ("cases", f"{len(cases):,}, every claim in order and its span on its own text"),
            (
                "CPU seconds per 1,000 words",
                f"max {rates[-1]:.3f}, p99 {statistics.quantiles(rates, n=100)[98]:.3f}, median {statistics.median(rates):.3f}",
            ),
            (
                "slowest per word",
                f"{slowest.seconds:.2f} s for {len(slowest.text):,} characters: {slowest.text[:60]!r}",
            ),
            ("longest case", f"{max(c.seconds for c in cases):.2f} s"),
            ("peak resident memory", f"{peak_rss_mb():.0f} MB"),
        ],
    )
