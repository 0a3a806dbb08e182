"""Pinned extractions on the seed story (seeds/ukraine-nato-guarantees)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.extraction import Claim, extract_claims

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-nato-guarantees"
PUBLISHED = date(2025, 3, 16)


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return extract_claims((SEEDS / "eastern-dispatch-2.txt").read_text(), PUBLISHED)


def claim(claims: list[Claim], phrase: str) -> Claim:
    return next(c for c in claims if phrase in c.text)


def test_grushko_quote(claims: list[Claim]) -> None:
    quote = claim(claims, "ironclad security guarantees")
    assert quote.kind == "quote"
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title, quote.speaker.type) == (
        "Alexander Grushko",
        "Deputy Foreign Minister",
        "person",
    )
    assert quote.speaker.mention == "Grushko"
    assert quote.quote == "We will demand that ironclad security guarantees become part of this agreement."
    assert quote.cue == "state"


def test_he_elaborated_is_grushko(claims: list[Claim]) -> None:
    elaborated = claim(claims, "He elaborated")
    assert elaborated.speaker is not None
    assert elaborated.speaker.name == "Alexander Grushko"
    assert elaborated.speaker.mention == "He"
    assert elaborated.content == "a key component of these guarantees is Ukraine’s pledge not to seek NATO membership"


def test_putin_conditions(claims: list[Claim]) -> None:
    conditions = claim(claims, "several stringent conditions")
    assert conditions.kind == "condition"
    assert conditions.speaker is not None
    assert conditions.speaker.name == "Vladimir Putin"
    assert conditions.speaker.title == "Russian President"


def test_zelensky_accusation(claims: list[Claim]) -> None:
    accusation = claim(claims, "sabotage")
    assert accusation.kind == "accusation"
    assert accusation.speaker is not None
    assert accusation.speaker.name == "Volodymyr Zelensky"
    assert accusation.quote == "sabotage"  # a scare-quoted word does not make the sentence a quotation


def test_russia_insists_is_a_condition_of_a_government(claims: list[Claim]) -> None:
    insisting = claims[0]
    assert insisting.kind == "condition"
    assert insisting.speaker is not None
    assert (insisting.speaker.name, insisting.speaker.type) == ("Russia", "government")
    assert "according to" in insisting.hedges


def test_one_fifth_with_its_qualifier(claims: list[Claim]) -> None:
    figure = claim(claims, "one-fifth").figures
    assert [(f.value, f.qualifier) for f in figure] == [(0.2, "approximately")]


def test_last_august_resolves_to_2024_08(claims: list[Claim]) -> None:
    times = claim(claims, "last August").times
    assert [(t.text, t.value, t.grain) for t in times] == [("last August", "2024-08", "month")]


def test_thirty_day_ceasefire(claims: list[Claim]) -> None:
    figures = claim(claims, "30-day ceasefire").figures
    assert [(f.text, f.value, f.unit) for f in figures] == [("30-day", 30, "day")]


def test_headings_are_skipped_and_spans_point_into_the_text(claims: list[Claim]) -> None:
    text = (SEEDS / "eastern-dispatch-2.txt").read_text()
    assert not any(c.text == "Russian demands for guarantees" for c in claims)
    assert all(text[c.span.start : c.span.end] == c.text for c in claims)
    assert [c.index for c in claims] == list(range(len(claims)))


def test_known_speakers_carry_names_across_versions() -> None:
    earlier = extract_claims((SEEDS / "eastern-dispatch-2.txt").read_text(), PUBLISHED)
    known = [c.speaker for c in earlier if c.speaker and c.speaker.name]
    later = extract_claims("Putin said the ceasefire terms were unacceptable.", PUBLISHED, known_speakers=known)
    assert later[0].speaker is not None
    assert (later[0].speaker.name, later[0].speaker.title) == ("Vladimir Putin", "Russian President")
