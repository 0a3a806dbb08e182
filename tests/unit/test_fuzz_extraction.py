"""Extraction and text clean-up on generated hostile text: they end, and every claim points into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extraction import Speaker, extract_claims
from service.versions.text import normalize_text
from tests.fuzzing import articles, check_claims, known_speakers, publication_dates, time_limit

# A hang detector with room for a shared, noisy machine: the largest text here parses in about 2 s.
LIMIT = 60
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@FUZZ
@given(text=articles(max_chars=24_000), published=publication_dates, known=known_speakers)
def test_extraction_ends_and_its_claims_point_into_the_text(
    text: str, published: date | None, known: list[Speaker]
) -> None:
    with time_limit(LIMIT):
        claims = extract_claims(text, published, known_speakers=known)
    check_claims(text, claims)


@settings(FUZZ, max_examples=200)
@given(text=articles(max_chars=200_000) | st.text())
def test_normalized_text_has_no_trailing_spaces_nor_blank_runs(text: str) -> None:
    with time_limit(LIMIT):
        normalized = normalize_text(text)
    assert normalized == normalized.strip()
    assert "\r" not in normalized
    assert "\n\n\n" not in normalized
    assert not any(line != line.rstrip(" \t\u00a0") for line in normalized.split("\n"))
    assert normalize_text(normalized) == normalized
