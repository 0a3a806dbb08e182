"""Property tests on real article text: what editors do without changing substance is never substantive."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.diffs import diff, substantive

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "ukraine-nato-guarantees" / "northline-news-2.txt").read_text()
# Sentences joined by ", and" the way wire copy often runs two facts together.
JOINED = """The Cedar Hollow Fire had burned 11,750 acres by Friday afternoon, and crews had yet to establish any containment.

Flames jumped Highway 9 shortly before 5 p.m., and deputies closed the road between Birchfield and Tamsin Flats.

The county opened an evacuation center at Harlan Basin High School, and volunteers handed out blankets and water.

Sheriff Dwayne Kettering said residents of Ridgeline Estates must leave by 6 p.m. on Friday.

"The fire is moving faster than anything we've seen in this canyon in a decade," Incident Commander Marisol Vantreese said."""
ARTICLES = [SEED, JOINED]
PROPERTY_SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


@PROPERTY_SETTINGS
@given(article=st.sampled_from(ARTICLES), data=st.data())
def test_reordering_paragraphs_is_not_substantive(article: str, data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(_paragraphs(article)))
    assert substantive(diff(article, "\n\n".join(shuffled))) == []


def _swap_quote_style(text: str, curly: bool) -> str:
    if curly:
        text = re.sub(r'"(?=\w)', "“", text)
        return text.replace('"', "”")
    return text.replace("“", '"').replace("”", '"')


@PROPERTY_SETTINGS
@given(article=st.sampled_from(ARTICLES), curly=st.booleans())
def test_swapping_quote_styles_is_not_substantive(article: str, curly: bool) -> None:
    assert substantive(diff(article, _swap_quote_style(article, curly))) == []


SYNONYMS = ["told reporters", "stated", "added", "noted"]


@PROPERTY_SETTINGS
@given(article=st.sampled_from(ARTICLES), data=st.data())
def test_replacing_reporting_verbs_is_not_substantive(article: str, data: st.DataObject) -> None:
    spots = [m.start() for m in re.finditer(r"\bsaid\b", article)]
    chosen = data.draw(st.lists(st.sampled_from(spots), unique=True, min_size=1)) if spots else []
    edited = article
    for start in sorted(chosen, reverse=True):
        synonym = data.draw(st.sampled_from(SYNONYMS))
        edited = edited[:start] + synonym + edited[start + len("said") :]
    assert substantive(diff(article, edited)) == []


@PROPERTY_SETTINGS
@given(data=st.data())
def test_splitting_a_sentence_at_a_comma_joined_clause_is_not_substantive(data: st.DataObject) -> None:
    joins = [m.start() for m in re.finditer(r", and (?=[a-z])", JOINED)]
    start = data.draw(st.sampled_from(joins))
    rest = JOINED[start + len(", and ") :]
    edited = JOINED[:start] + ". " + rest[0].upper() + rest[1:]
    assert substantive(diff(JOINED, edited)) == []


NEW_FIGURES = [
    "Officials said 27 schools were closed on Monday.",
    "At least 1,400 homes lost power overnight.",
    "The state has set aside $4.5 million for shelters.",
]


@PROPERTY_SETTINGS
@given(article=st.sampled_from(ARTICLES), sentence=st.sampled_from(NEW_FIGURES), data=st.data())
def test_inserting_a_sentence_with_a_new_figure_is_exactly_one_addition(
    article: str, sentence: str, data: st.DataObject
) -> None:
    paragraphs = _paragraphs(article)
    at = data.draw(st.integers(min_value=0, max_value=len(paragraphs)))
    edited = "\n\n".join([*paragraphs[:at], sentence, *paragraphs[at:]])
    (change,) = substantive(diff(article, edited))
    assert change.type == "added"
    assert change.after is not None
    assert change.after.text == sentence
    assert change.after.figures
