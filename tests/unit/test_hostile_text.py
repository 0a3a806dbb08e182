"""Text that once hung extraction or text clean-up, or took time out of all proportion to its length.

Each test runs under a generous time limit (a hang detector on a shared, noisy machine, not a
performance target) and checks that the output still makes sense.
"""

from __future__ import annotations

from datetime import date

import pytest

from service.extraction import Claim, extract_claims
from service.versions.text import normalize_text
from tests.fuzzing import check_claims, time_limit

PUBLISHED = date(2025, 3, 16)
LIMIT = 20  # seconds: each test takes well under 2 on an idle machine


def extract(text: str) -> list[Claim]:
    with time_limit(LIMIT):
        claims = extract_claims(text, PUBLISHED)
    check_claims(text, claims)
    return claims


@pytest.fixture(scope="module", autouse=True)
def _loaded_model() -> None:
    extract_claims("The model is loaded before the clocks start.", PUBLISHED)


def test_a_date_no_verb_governs_ends() -> None:
    # The parse has no verb above "2009": walking up compared tokens by identity and never stopped.
    (claim,) = extract("Turnout was 61.3%, the commission said, the highest for a presidential vote since 2009.")
    assert [(f.value, f.unit) for f in claim.figures] == [(61.3, "percent")]
    assert [(t.text, t.value) for t in claim.times] == [("2009", "2009")]


def test_apostrophes_inside_a_single_quoted_passage_do_not_backtrack() -> None:
    # Every split of the letters between apostrophes was tried: each 5 characters more took 4 times longer.
    (claim,) = extract("He called it 'ab" + "'abcd" * 40 + "x and left.")
    assert claim.text.startswith("He called it")


@pytest.mark.parametrize(
    "text",
    [
        "AB" + " " * 100_000 + "x.",  # the dateline pattern on the first line
        "The ceasefire will last a " + "1" * 50_000 + "x days.",  # durations
        "He said 'ab" * 1_000 + ".",  # single quotations never closed
    ],
)
def test_long_runs_do_not_make_patterns_quadratic(text: str) -> None:
    assert extract(text)


def test_trailing_space_clean_up_is_linear() -> None:
    with time_limit(LIMIT):
        assert normalize_text(" " * 200_000 + "x\n" + " \t\u00a0" * 100_000 + "\n\n\n\ny  ") == "x\n\ny"


@pytest.mark.parametrize("mark", ['"', "'", ")", "!", "“", "%", "😀"])
def test_a_long_run_of_one_mark_is_one_token(mark: str) -> None:
    # spaCy's tokenizer peels such a run one mark at a time: 32 KB took 20 s.
    text = f"The minister said {mark * 32_000} the talks would resume. Talks resumed on Monday."
    claims = extract(text)
    assert claims[-1].text.endswith("Talks resumed on Monday.")  # after 32,000 “, a quotation still open
