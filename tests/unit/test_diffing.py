from __future__ import annotations

import pytest

from tests.unit.diffs import compare, diff, substantive

ARTICLE = """The Cedar Hollow Fire had burned 4,200 acres by early Friday, and crews had yet to establish any containment.

Authorities have confirmed one death, a man found in a burned vehicle on Owl Creek Road.

"The fire is moving faster than anything we've seen in this canyon in a decade," Incident Commander Marisol Vantreese told reporters. "We are asking people not to wait for a knock on the door."

Vantreese said about 320 firefighters were assigned to the blaze.

A spokesperson for Northbay Power Cooperative said it was too early to speculate about the cause."""


@pytest.mark.parametrize(
    "edited",
    [
        pytest.param(
            ARTICLE.replace("Vantreese said about", "Vantreese told reporters that about"), id="said-to-told-reporters"
        ),
        pytest.param(ARTICLE.replace('"', "“", 1).replace('decade,"', "decade,”"), id="curly-quotes"),
        pytest.param(
            ARTICLE.replace("burned vehicle", "burnt vehicle").replace("speculate about", "speculate on"),
            id="copy-edits",
        ),
        pytest.param(ARTICLE.replace("canyon", "cayon"), id="typo-introduced"),
        pytest.param(
            ARTICLE.replace(
                "Vantreese said about 320 firefighters were assigned to the blaze.",
                "About 320 firefighters were assigned to the blaze, according to Vantreese.",
            ),
            id="said-to-according-to",
        ),
        pytest.param("\n\n".join(reversed(ARTICLE.split("\n\n"))), id="paragraphs-reversed"),
        pytest.param(
            ARTICLE.replace("by early Friday, and crews had", "by early Friday. Crews had"), id="sentence-split"
        ),
    ],
)
def test_copy_edits_are_never_substantive(edited: str) -> None:
    changeset = diff(ARTICLE, edited)
    assert substantive(changeset) == [], [c.summary for c in substantive(changeset)]
    assert changeset.summary.startswith("No substantive change")


def test_reordered_paragraphs_are_moved() -> None:
    paragraphs = ARTICLE.split("\n\n")
    changeset = diff(ARTICLE, "\n\n".join([paragraphs[3], *paragraphs[:3], paragraphs[4]]))
    assert {c.type for c in changeset.changes} == {"moved"}
    assert all(c.significance == "minor" for c in changeset.changes)


def test_a_figure_update_names_old_and_new_values() -> None:
    (change,) = substantive(diff(ARTICLE, ARTICLE.replace("320 firefighters", "780 firefighters")))
    assert (change.type, change.kind, change.aspects) == ("modified", "statement", ["figure"])
    assert [(f.before, f.after, f.unit) for f in change.figures] == [(320, 780, "firefighter")]
    assert change.significance == "high"
    assert change.summary.startswith("Figure updated: 320 → 780 firefighter")


def test_a_small_figure_change_is_medium() -> None:
    (change,) = substantive(diff(ARTICLE, ARTICLE.replace("4,200 acres", "4,300 acres")))
    assert change.figures[0].relative == pytest.approx(100 / 4200)
    assert change.significance == "medium"


def test_a_cut_quote_and_a_new_condition() -> None:
    edited = ARTICLE.replace(' "We are asking people not to wait for a knock on the door."', "") + (
        "\n\nSheriff Dwayne Kettering said residents of Ridgeline Estates must leave by 6 p.m."
    )
    changes = substantive(diff(ARTICLE, edited))
    assert sorted((c.type, c.kind) for c in changes) == [("added", "condition"), ("removed", "quote")]
    removed = next(c for c in changes if c.type == "removed")
    assert removed.summary.startswith("Quote cut (Marisol Vantreese)")
    assert removed.before is not None
    assert removed.after is None


def test_hedge_attribution_and_polarity_changes() -> None:
    base = "Falkner said the failure may have been caused by a cracked helium line."
    (hedge,) = substantive(diff(base, base.replace("may have been", "was")))
    assert hedge.aspects == ["hedging"]
    assert hedge.summary.startswith("'may' dropped")
    anonymous = (
        "Pressure in the tank fell sharply before the breakup, according to a person familiar with the investigation."
    )
    named = "Pressure in the tank fell sharply before the breakup, Imogen Falkner told reporters."
    (attribution,) = substantive(diff(anonymous, named))
    assert "attribution" in attribution.aspects
    assert attribution.significance == "high"
    (polarity,) = substantive(
        diff("The minister said the plant would reopen.", "The minister said the plant would not reopen.")
    )
    assert polarity.aspects == ["polarity"]


def test_condition_sets_per_speaker() -> None:
    before = "Putin said Ukraine must withdraw from Kursk."
    after = "Putin said Ukraine must withdraw from four regions.\n\nPutin said Kyiv must halt mobilisation.\n\nPutin said Kyiv must stop receiving Western weapons."
    changeset = diff(before, after)
    (conditions,) = changeset.conditions
    assert conditions.speaker == "Putin"
    assert conditions.added >= 2


def test_compare_finds_conflicts_and_one_sided_claims() -> None:
    a = "Authorities have confirmed three deaths, including a man found in a burned vehicle on Owl Creek Road.\n\nThe county opened a shelter at the high school."
    b = "Two people have died, including a man found in a burned vehicle on Owl Creek Road, Sheriff Dwayne Kettering said.\n\nAt least 46 structures were destroyed."
    comparison = compare(a, b)
    (conflict,) = comparison.conflicts
    assert "figure" in conflict.aspects
    assert [(f.before, f.after) for f in conflict.figures] == [(3, 2)]
    assert [c.text for c in comparison.only_in_a] == ["The county opened a shelter at the high school."]
    assert [c.text for c in comparison.only_in_b] == ["At least 46 structures were destroyed."]


def test_a_leftover_claim_does_not_conflict_with_a_number_of_another_size() -> None:
    a = "At least 15 people were killed in the earthquake on Monday, officials said.\n\nThe 2023 earthquakes killed more than 50,000 people."
    b = "At least 18 people were killed when the earthquake struck before dawn on Monday, the health ministry said."
    comparison = compare(a, b)
    assert [[(f.before, f.after) for f in c.figures] for c in comparison.conflicts] == [[(15, 18)]]
    assert [c.text for c in comparison.only_in_a] == ["The 2023 earthquakes killed more than 50,000 people."]
