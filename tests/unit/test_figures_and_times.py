from __future__ import annotations

from datetime import date

import pytest

from service.extraction import extract_claims


def figures(text: str) -> list[tuple[float | None, str | None, str | None]]:
    (claim,) = extract_claims(text, date(2026, 3, 11))
    return [(f.value, f.unit, f.qualifier) for f in claim.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fire had burned 11,750 acres by Friday.", [(11750, "acre", None)]),
        ("Authorities have confirmed three deaths.", [(3, "death", None)]),
        ("Consumer prices rose 5.8 percent in the year to February.", [(5.8, "percent", None)]),
        ("Prices rose 14% over three years.", [(14, "percent", None), (3, "year", None)]),
        ("Losses are running at roughly $1.2 million a day.", [(1_200_000, "USD", "roughly")]),
        ("Losses are running at roughly $1.2m a day.", [(1_200_000, "USD", "roughly")]),
        ("The deal is worth £3bn.", [(3_000_000_000, "GBP", None)]),
        ("About 20k people marched.", [(20_000, "people", "about")]),
        ("The bank raised its rate by a quarter of a percentage point.", [(0.25, "percentage point", None)]),
        ("Russia controls approximately one-fifth of Ukraine.", [(0.2, None, "approximately")]),
        ("Two-thirds of the residents left.", [(2 / 3, None, None)]),
        ("At least 46 structures were destroyed.", [(46, "structure", "at least")]),
        ("More than 2,300 drivers walked off the job.", [(2300, "driver", "more than")]),
        ("Debris fell across roughly 65 square miles of ocean.", [(65, "square mile", "roughly")]),
        ("Sorensen expects another 75 basis points of tightening.", [(75, "basis point", None)]),
        ("They proposed a 30-day ceasefire.", [(30, "day", None)]),
        ("Between 10 and 12 people were hurt.", [(10, "people", None)]),
        ("Twenty-five firefighters were hurt.", [(25, "firefighter", None)]),
        ("The company hoped to resume launches within eight weeks.", [(8, "week", None)]),
    ],
)
def test_figures_are_normalised(text: str, expected: list[tuple[float, str | None, str | None]]) -> None:
    got = figures(text)
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == got


def test_ranges_keep_their_upper_bound() -> None:
    (claim,) = extract_claims("Between 10 and 12 people were hurt.", date(2026, 3, 11))
    assert (claim.figures[0].value, claim.figures[0].upper) == (10, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Flames jumped Highway 9 near the ridge.",
        "Members of Local 7 set up picket lines.",
        "The Halberd 2 broke apart over the ocean.",
        "He spoke aboard Air Force One on Sunday.",
        "The committee met at 9 a.m. on March 3.",
        "Rescuers pulled a six-year-old girl from the rubble.",
    ],
)
def test_names_dates_and_clock_times_are_not_figures(text: str) -> None:
    assert figures(text) == []


def times(text: str, published: date) -> list[tuple[str | None, str]]:
    (claim,) = extract_claims(text, published)
    return [(t.value, t.grain) for t in claim.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ukraine launched an incursion last August.", date(2025, 3, 16), [("2024-08", "month")]),
        ("The invasion began in 2022.", date(2025, 3, 16), [("2022", "year")]),
        ("The war has been going on for three years.", date(2025, 3, 16), [("P3Y", "duration")]),
        ("A lot of work was done over the weekend.", date(2025, 3, 16), [("2025-W11", "week")]),
        ("Buses sat idle on Tuesday.", date(2026, 4, 7), [("2026-04-07", "day")]),
        (
            "Workers must return by 5 a.m. on Thursday.",
            date(2026, 4, 7),
            [("2026-04-09T05:00", "minute"), ("2026-04-09", "day")],
        ),
        ("Flames were first reported on Thursday.", date(2026, 8, 14), [("2026-08-13", "day")]),
        ("The bank's next decision is due on April 22.", date(2026, 3, 11), [("2026-04-22", "day")]),
        ("Inflation rose in the year to February.", date(2026, 3, 11), [("2026-02", "month")]),
        ("The council met yesterday.", date(2026, 3, 11), [("2026-03-10", "day")]),
        ("The rocket made its debut in 2024.", date(2026, 5, 19), [("2024", "year")]),
    ],
)
def test_times_are_normalised_against_the_publication_date(
    text: str, published: date, expected: list[tuple[str, str]]
) -> None:
    assert times(text, published) == expected
