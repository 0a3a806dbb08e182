"""Claims of version A against claims of version B: the ChangeSet, and the Comparison of two accounts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import NamedTuple
from uuid import UUID

import msgspec
import numpy as np

from service.claims.schemas import ClaimRead
from service.diffing import summaries
from service.diffing.fields import aspects, field_changes
from service.diffing.matching import (
    ACCOUNTS,
    DISPUTE_THRESHOLD,
    SAME_PROPOSITION,
    Pair,
    assign,
    features,
    fragments,
    out_of_order,
    score_matrix,
)
from service.diffing.schemas import (
    SUBSTANTIVE,
    Agreement,
    Aspect,
    Change,
    ChangeCounts,
    ChangeSet,
    ChangeType,
    Comparison,
    ComparisonCounts,
    ConditionSet,
    Conflict,
    FigureChange,
    Significance,
)
from service.extraction.schemas import Claim, ClaimKind

CONFLICT_ASPECTS = frozenset({Aspect.FIGURE, Aspect.ATTRIBUTION, Aspect.POLARITY})


class Pairing(NamedTuple):
    """How the claims of two versions correspond: matched pairs and the pieces of split or merged sentences."""

    pairs: list[Pair]
    moved: set[int]  # indexes into pairs
    split: dict[int, int]  # unmatched claim of the later version -> the earlier claim it was cut from
    merged: dict[int, int]  # unmatched claim of the earlier version -> the later claim it went into

    def continuations(self) -> dict[int, int]:
        """Each later claim that continues an earlier one, by index: later -> earlier."""
        return {p.b: p.a for p in self.pairs} | self.split


def pair_claims(before: Sequence[ClaimRead], after: Sequence[ClaimRead]) -> Pairing:
    fa, fb = [features(c) for c in before], [features(c) for c in after]
    pairs = assign(score_matrix(fa, fb))
    unmatched_a = sorted(set(range(len(before))) - {p.a for p in pairs})
    unmatched_b = sorted(set(range(len(after))) - {p.b for p in pairs})
    return Pairing(pairs, out_of_order(pairs), fragments(unmatched_b, fb, fa), fragments(unmatched_a, fa, fb))


def diff_claims(
    before: Sequence[ClaimRead],
    after: Sequence[ClaimRead],
    from_version: UUID,
    to_version: UUID,
    pairing: Pairing | None = None,
) -> ChangeSet:
    """Every change from `before` to `after`, substantive ones first, each side in article order."""
    pairing = pairing or pair_claims(before, after)
    changes: list[Change] = []
    for k, pair in enumerate(pairing.pairs):
        change = _matched(before[pair.a], after[pair.b], moved=k in pairing.moved)
        if change is not None:
            changes.append(change)
    for j in sorted(set(range(len(after))) - {p.b for p in pairing.pairs}):
        if j in pairing.split:  # one sentence became two
            changes.append(_minor(ChangeType.REWORDED, before[pairing.split[j]], after[j]))
        else:
            changes.append(one_sided(ChangeType.ADDED, after[j]))
    for i in sorted(set(range(len(before))) - {p.a for p in pairing.pairs}):
        if i in pairing.merged:  # two sentences became one
            changes.append(_minor(ChangeType.REWORDED, before[i], after[pairing.merged[i]]))
        else:
            changes.append(one_sided(ChangeType.REMOVED, before[i]))
    changes.sort(key=_order)
    return assemble(from_version, to_version, changes)


def pair_and_diff(
    before: Sequence[ClaimRead], after: Sequence[ClaimRead], from_version: UUID, to_version: UUID
) -> tuple[Pairing, ChangeSet]:
    """The pairing and the ChangeSet it gives, in one call for a caller that needs both (one worker job)."""
    pairing = pair_claims(before, after)
    return pairing, diff_claims(before, after, from_version, to_version, pairing)


def assemble(from_version: UUID, to_version: UUID, changes: list[Change]) -> ChangeSet:
    """A ChangeSet of these changes: its summary, counts and condition sets follow from them."""
    return ChangeSet(
        from_version=from_version,
        to_version=to_version,
        summary=_summary(changes),
        counts=_counts(changes),
        conditions=_condition_sets(changes),
        changes=changes,
    )


def select_changes(
    changeset: ChangeSet,
    *,
    kinds: Collection[ClaimKind] = (),
    types: Collection[ChangeType] = (),
    min_significance: Significance | None = None,
    include_minor: bool = False,
) -> ChangeSet:
    """The ChangeSet with only the changes asked for; its summary and counts still describe it whole."""
    kept = [
        c
        for c in changeset.changes
        if (include_minor or c.type in SUBSTANTIVE or c.type in types)
        and (not kinds or c.kind in kinds)
        and (not types or c.type in types)
        and (min_significance is None or c.significance.rank >= min_significance.rank)
    ]
    return msgspec.structs.replace(changeset, changes=kept)


def _matched(a: ClaimRead, b: ClaimRead, *, moved: bool) -> Change | None:
    if a.text == b.text and a.speaker == b.speaker and not moved:
        return None
    fields, figures = field_changes(a, b)
    found = aspects(a, b, fields, figures)
    if found:
        type_ = ChangeType.MODIFIED
        summary = summaries.modified_summary(a, b, found, figures)
    elif a.text != b.text:
        type_ = ChangeType.REWORDED
        summary = summaries.minor_summary(type_, a, b)
    elif moved:
        type_ = ChangeType.MOVED
        summary = summaries.minor_summary(type_, a, b)
    else:
        return None
    return Change(
        type=type_,
        kind=b.kind,
        aspects=found,
        before=a,
        after=b,
        fields=fields,
        figures=figures,
        significance=summaries.significance(type_, b.kind, found, figures),
        summary=summary,
    )


def _minor(type_: ChangeType, a: ClaimRead, b: ClaimRead) -> Change:
    return Change(
        type=type_,
        kind=b.kind,
        aspects=[],
        before=a,
        after=b,
        fields=[],
        figures=[],
        significance=summaries.significance(type_, b.kind, [], []),
        summary=summaries.minor_summary(type_, a, b),
    )


def one_sided(type_: ChangeType, claim: ClaimRead) -> Change:
    """A claim only one side has: added to the later version, or removed from it."""
    added = type_ == ChangeType.ADDED
    return Change(
        type=type_,
        kind=claim.kind,
        aspects=[],
        before=None if added else claim,
        after=claim if added else None,
        fields=[],
        figures=[],
        significance=summaries.significance(type_, claim.kind, [], []),
        summary=summaries.added_summary(claim) if added else summaries.removed_summary(claim),
    )


def _order(change: Change) -> tuple[int, int, int]:
    return (0 if change.type in SUBSTANTIVE else 1, -change.significance.rank, change.claim.index)


def _counts(changes: list[Change]) -> ChangeCounts:
    substantive = [c for c in changes if c.type in SUBSTANTIVE]
    return ChangeCounts(
        substantive=len(substantive),
        by_type=dict(Counter(c.type.value for c in changes)),
        by_kind=dict(Counter(c.kind.value for c in substantive)),
    )


def _summary(changes: list[Change]) -> str:
    minor = sum(1 for c in changes if c.type not in SUBSTANTIVE)
    parts = []
    for type_, verb in ((ChangeType.ADDED, "new"), (ChangeType.REMOVED, "removed"), (ChangeType.MODIFIED, "changed")):
        kinds = Counter(c.kind for c in changes if c.type == type_)
        if kinds:
            listed = ", ".join(
                f"{n} {verb} {summaries.noun(k, n)}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])
            )
            parts.append(listed)
    tail = f" ({minor} reworded or moved)" if minor else ""
    if not parts:
        return "No substantive change" + tail
    return "; ".join(parts) + tail


def _condition_sets(changes: list[Change]) -> list[ConditionSet]:
    tally: dict[str | None, Counter[str]] = {}
    for change in changes:
        if change.kind != ClaimKind.CONDITION or change.type not in (ChangeType.ADDED, ChangeType.REMOVED):
            continue
        speaker = change.claim.speaker.name if change.claim.speaker else None
        tally.setdefault(speaker, Counter())[change.type.value] += 1
    sets = []
    for speaker, counts in tally.items():
        added, removed = counts["added"], counts["removed"]
        words = [f"{added} new condition{'s' if added != 1 else ''} added"] if added else []
        words += [f"{removed} dropped"] if removed else []
        who = f" ({speaker})" if speaker else ""
        sets.append(ConditionSet(speaker=speaker, added=added, removed=removed, summary=", ".join(words) + who))
    return sets


def compare_claims(a: Sequence[ClaimRead], b: Sequence[ClaimRead], a_version: UUID, b_version: UUID) -> Comparison:
    """Two accounts side by side: what they agree on, where they conflict, and what only one carries."""
    fa, fb = [features(c) for c in a], [features(c) for c in b]
    scores = score_matrix(fa, fb, ACCOUNTS)
    pairs = assign(scores)
    agreements: list[Agreement] = []
    conflicts: list[Conflict] = []
    for pair in pairs:
        conflict = _conflict(a[pair.a], b[pair.b], polarity=pair.score >= SAME_PROPOSITION)
        if conflict is not None:
            conflicts.append(conflict)
        else:
            agreements.append(Agreement(a=a[pair.a], b=b[pair.b], summary=f"Both report: {a[pair.a].content[:120]}"))
    # One account may say in one sentence what the other says in two: a leftover claim that
    # disputes a figure of a claim already paired is a conflict, not a claim of its own.
    paired_a, paired_b = {p.a for p in pairs}, {p.b for p in pairs}
    for j, i in _closest_leftovers(scores.T, paired_b):
        if (conflict := _conflict(a[i], b[j], figures_only=True)) is not None:
            conflicts.append(conflict)
            paired_b.add(j)
    for i, j in _closest_leftovers(scores, paired_a):
        if (conflict := _conflict(a[i], b[j], figures_only=True)) is not None:
            conflicts.append(conflict)
            paired_a.add(i)
    only_a = [a[i] for i in sorted(set(range(len(a))) - paired_a)]
    only_b = [b[j] for j in sorted(set(range(len(b))) - paired_b)]
    counts = ComparisonCounts(
        agreements=len(agreements), conflicts=len(conflicts), only_in_a=len(only_a), only_in_b=len(only_b)
    )
    summary = (
        f"{counts.agreements} claims agree, {counts.conflicts} conflict; "
        f"{counts.only_in_a} only in A, {counts.only_in_b} only in B"
    )
    return Comparison(
        a=a_version,
        b=b_version,
        agreements=agreements,
        conflicts=conflicts,
        only_in_a=only_a,
        only_in_b=only_b,
        counts=counts,
        summary=summary,
    )


def _closest_leftovers(scores: np.ndarray, paired: set[int]) -> list[tuple[int, int]]:
    """Each unpaired row with its closest column, when that is close enough to be disputed."""
    if scores.shape[1] == 0:
        return []
    closest = scores.argmax(axis=1)
    return [
        (r, int(closest[r]))
        for r in range(scores.shape[0])
        if r not in paired and scores[r, closest[r]] >= DISPUTE_THRESHOLD
    ]


def _conflict(x: ClaimRead, y: ClaimRead, *, figures_only: bool = False, polarity: bool = False) -> Conflict | None:
    """Matched claims that disagree on a figure both give, on who said it, or on whether it holds.

    Polarity counts only between near-identical propositions ("will never join" and "prevent from
    joining" differ in words, not in sense); a leftover claim conflicts only on a figure of the
    same unit.
    """
    fields, figures = field_changes(x, y)
    both = [f for f in figures if f.before is not None and f.after is not None]
    if figures_only:  # no sentence pairs them: the same unit, and numbers of one size, or nothing
        both = [f for f in both if _same_unit(f, x, y) and _comparable_size(f)]
    disputed = [s for s in aspects(x, y, fields, figures) if s in CONFLICT_ASPECTS and (s != Aspect.FIGURE or both)]
    if figures_only:
        disputed = [s for s in disputed if s == Aspect.FIGURE]
    if not polarity:
        disputed = [s for s in disputed if s != Aspect.POLARITY]
    if not disputed:
        return None
    return Conflict(
        a=x,
        b=y,
        aspects=disputed,
        fields=fields,
        figures=both,
        summary=summaries.modified_summary(x, y, disputed, both),
    )


def _same_unit(change: FigureChange, x: ClaimRead, y: ClaimRead) -> bool:
    if change.unit == "hour":  # a clock time on both sides
        return True
    units_x = {f.unit for f in x.figures if f.value == change.before}
    units_y = {f.unit for f in y.figures if f.value == change.after}
    return bool(units_x & units_y)


def match_across(claims: Sequence[Claim], candidates: Sequence[Claim]) -> dict[int, int]:
    """Claims of one account that carry claims already told elsewhere in the story: index -> candidate index."""
    if not claims or not candidates:
        return {}
    scores = score_matrix([features(c) for c in claims], [features(c) for c in candidates], ACCOUNTS)
    return {p.a: p.b for p in assign(scores)}


def _comparable_size(change: FigureChange) -> bool:
    """Two outlets' counts of one thing differ by a margin, not by orders of magnitude (18 dead is not 50,000)."""
    if change.before is None or change.after is None or min(change.before, change.after) <= 0:
        return change.before == change.after
    return max(change.before, change.after) / min(change.before, change.after) <= 3
