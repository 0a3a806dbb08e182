"""Field-level differences between two matched claims, and the aspects of change they amount to.

The claims become plain data keyed by our own ids (figures by unit, times by grain, hedges by
word) so that deepdiff compares like with like instead of list positions.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

import msgspec
from deepdiff import DeepDiff

from service.diffing.matching import content_words, word_overlap
from service.diffing.schemas import Aspect, FieldChange, FigureChange
from service.extraction.schemas import Claim, Figure, TimeExpression

REWORD_OVERLAP = 0.5  # content words shared (Dice) above which a changed sentence is the same proposition
_PATH_PART = re.compile(r"\['([^']*)'\]|\[(\d+)\]")
_CLOCK = re.compile(r"T(\d{2}):(\d{2})$")


def claim_data(claim: Claim, figures: list[Figure], figure_keys: list[str]) -> dict[str, Any]:
    return {
        "speaker": {"name": claim.speaker.name, "title": claim.speaker.title} if claim.speaker else None,
        "quote": _normal(claim.quote) if claim.quote and claim.kind == "quote" else None,
        "figures": {key: f.value for key, f in zip(figure_keys, figures, strict=True)},
        "times": {key: t.value for key, t in _keyed_times(claim).items()},
        "hedges": dict.fromkeys(_hedges(claim), True),
        "negated": claim.negated,
    }


def _hedges(claim: Claim) -> list[str]:
    """ "according to" hedges only a claim nobody is named for; with a speaker it is just how the
    attribution is worded ("officials said" and "according to officials" say the same).
    """
    return [h for h in claim.hedges if not (h == "according to" and claim.speaker is not None)]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’'.,;:!?…—–-]", " ", text.lower()).split())


def _keyed_times(claim: Claim) -> dict[str, TimeExpression]:
    """Times keyed by grain; one the normaliser could not place ("the early hours of") says nothing to compare."""
    keyed: dict[str, TimeExpression] = {}
    for t in claim.times:
        if t.value is None:
            continue
        key = t.grain
        n = 1
        while key in keyed:
            n += 1
            key = f"{t.grain}{n}"
        keyed[key] = t
    return keyed


def comparable(a: list[Figure], b: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """Percentages beside bare fractions become fractions: "about 18 percent" vs "one-fifth" is 0.18 vs 0.2."""
    if not any(f.unit is None and f.value is not None and 0 < f.value < 1 for f in (*a, *b)):
        return a, b

    def as_fraction(figures: list[Figure]) -> list[Figure]:
        return [
            msgspec.structs.replace(f, value=f.value / 100, unit=None)
            if f.unit == "percent" and f.value is not None
            else f
            for f in figures
        ]

    return as_fraction(a), as_fraction(b)


def figure_keys(a: list[Figure], b: list[Figure]) -> tuple[list[str], list[str]]:
    """Pair the figures of two claims (same unit first, then in order) and give each pair one key."""
    keys_a: list[str | None] = [None] * len(a)
    keys_b: list[str | None] = [None] * len(b)
    used: set[int] = set()
    for i, fa in enumerate(a):
        j = next((j for j, fb in enumerate(b) if j not in used and fb.unit == fa.unit), None)
        if j is not None:
            used.add(j)
            keys_a[i] = keys_b[j] = f"{fa.unit or 'number'}#{i}"
    rest_a = [i for i, k in enumerate(keys_a) if k is None]
    rest_b = [j for j, k in enumerate(keys_b) if k is None]
    for i, j in zip(rest_a, rest_b, strict=False):  # "2 people" vs "3 deaths": the same count, other words
        keys_a[i] = keys_b[j] = f"{a[i].unit or 'number'}#{i}"
    for i, k in enumerate(keys_a):
        keys_a[i] = k or f"{a[i].unit or 'number'}#a{i}"
    for j, k in enumerate(keys_b):
        keys_b[j] = k or f"{b[j].unit or 'number'}#b{j}"
    return [k for k in keys_a if k], [k for k in keys_b if k]


def field_changes(a: Claim, b: Claim) -> tuple[list[FieldChange], list[FigureChange]]:
    figures_a, figures_b = comparable(a.figures, b.figures)
    keys_a, keys_b = figure_keys(figures_a, figures_b)
    before, after = claim_data(a, figures_a, keys_a), claim_data(b, figures_b, keys_b)
    diff = DeepDiff(before, after, verbose_level=2)
    changes: list[FieldChange] = []
    for report in ("values_changed", "type_changes"):
        for path, change in diff.get(report, {}).items():
            changes.append(FieldChange(path=_path(path), before=change["old_value"], after=change["new_value"]))
    for path, value in diff.get("dictionary_item_added", {}).items():
        changes.append(FieldChange(path=_path(path), before=None, after=value))
    for path, value in diff.get("dictionary_item_removed", {}).items():
        changes.append(FieldChange(path=_path(path), before=value, after=None))
    texts = {f"figures.{k}": f.text for k, f in zip(keys_a + keys_b, [*figures_a, *figures_b], strict=True)}
    texts |= {f"times.{k}": t.text for claim in (a, b) for k, t in _keyed_times(claim).items()}
    changes = [c for c in changes if not _tagging_noise(c, texts, a.text, b.text)]
    changes.sort(key=lambda c: c.path)
    units = {k: f.unit for k, f in zip(keys_a, figures_a, strict=True)} | {
        k: f.unit for k, f in zip(keys_b, figures_b, strict=True)
    }
    figures = [_figure_change(c, units) for c in changes if c.path.startswith("figures.")]
    figures += [f for c in changes if (f := _clock_change(c)) is not None]
    return changes, figures


def _tagging_noise(change: FieldChange, texts: dict[str, str], before: str, after: str) -> bool:
    """A figure or time seen on one side only, whose words are in the other sentence too: the
    tagger read the same words differently ("overnight" tagged in one version only).
    """
    if change.path not in texts or (change.before is not None and change.after is not None):
        return False
    other = after if change.before is not None else before
    return texts[change.path].lower() in other.lower()


def _path(deepdiff_path: str) -> str:
    parts = [m.group(1) or m.group(2) for m in _PATH_PART.finditer(deepdiff_path)]
    return ".".join(parts)


def _figure_change(change: FieldChange, units: dict[str, str | None]) -> FigureChange:
    before, after = change.before, change.after
    relative = (
        (after - before) / before
        if isinstance(before, float | int) and isinstance(after, float | int) and before
        else None
    )
    return FigureChange(unit=units.get(change.path.split(".", 1)[1]), before=before, after=after, relative=relative)


def _clock_change(change: FieldChange) -> FigureChange | None:
    """A deadline's hour is a number editors track like a figure: 5 a.m. -> 6 a.m."""
    if not change.path.startswith("times.minute"):
        return None
    before, after = (_CLOCK.search(v or "") for v in (change.before, change.after))
    if before is None or after is None:
        return None
    hours = [int(m.group(1)) + int(m.group(2)) / 60 for m in (before, after)]
    return FigureChange(unit="hour", before=hours[0], after=hours[1], relative=None)


def aspects(a: Claim, b: Claim, changes: list[FieldChange], figures: list[FigureChange]) -> list[Aspect]:
    found: set[Aspect] = set()
    for change in changes:
        root = change.path.split(".", 1)[0]
        if root == "figures":
            found.add(Aspect.FIGURE)
        elif root == "times":
            found.add(Aspect.TIME)
        elif root == "quote" and not _spelling_only(change.before, change.after):
            found.add(Aspect.QUOTE)
        elif root == "hedges":
            found.add(Aspect.HEDGING)
        elif root == "negated":
            found.add(Aspect.POLARITY)
        elif change.path in ("speaker", "speaker.name") and not _spelling_only(a.text, b.text):
            # Titles are not compared: a later version inherits the title the story first gave a
            # person, so a different title says more about the story's order than about an edit.
            # A sentence only corrected in its spelling was parsed anew, not attributed anew.
            found.add(Aspect.ATTRIBUTION)
    if figures:
        found.add(Aspect.FIGURE)
    if not found and not same_proposition(a, b):
        found.add(Aspect.WORDING)
    return sorted(found, key=list(Aspect).index)


def _spelling_only(before: str | None, after: str | None) -> bool:
    """Quoted words corrected, not changed: every differing word has a near twin on the other side."""
    if not before or not after:
        return False
    old, new = before.split(), after.split()
    if len(old) != len(new):
        return False
    return all(a == b or SequenceMatcher(None, a, b).ratio() >= 0.8 for a, b in zip(old, new, strict=True))


def same_proposition(a: Claim, b: Claim) -> bool:
    dice, _ = word_overlap(frozenset(content_words(a.text)), frozenset(content_words(b.text)))
    return dice >= REWORD_OVERLAP
