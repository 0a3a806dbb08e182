"""Helpers for tests on hostile text: what every extraction promises, and a hang detector."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

from service.extraction import Claim


def check_claims(text: str, claims: list[Claim]) -> None:
    """What every extraction promises: claims in article order, indexed 0..n-1, each span its own text."""
    assert [c.index for c in claims] == list(range(len(claims)))
    end = 0
    for claim in claims:
        assert end <= claim.span.start <= claim.span.end <= len(text)
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.text
        assert claim.text == claim.text.strip()
        end = claim.span.end
    assert [c.paragraph for c in claims] == sorted(c.paragraph for c in claims)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raises TimeoutError in the block once it has run `seconds`: a hang detector, not a benchmark.

    An alarm signal interrupts Python code and regular expressions alike, in the main thread.
    """

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
