"""Significance and the one-line summaries a person reads.

Significance rule (kind, aspect, magnitude):
- added / removed: conditions, accusations and denials are high; quotes, statements, figures
  and events medium; other facts low.
- modified: a figure moved by 10% or more, a changed attribution or polarity are high; a
  smaller figure change, a hedge, a quotation or a time changed are medium; wording alone is low.
- reworded / moved: minor (shown, never counted as substantive).
"""

from __future__ import annotations

from service.diffing.schemas import Aspect, ChangeType, FigureChange, Significance
from service.extraction.schemas import Claim, ClaimKind

_WEIGHTY_KINDS = frozenset({ClaimKind.CONDITION, ClaimKind.ACCUSATION, ClaimKind.DENIAL})
_LIGHT_KINDS = frozenset({ClaimKind.FACT})
FIGURE_JUMP = 0.1


def significance(
    type_: ChangeType, kind: ClaimKind, aspects: list[Aspect], figures: list[FigureChange]
) -> Significance:
    if type_ in (ChangeType.REWORDED, ChangeType.MOVED):
        return Significance.MINOR
    if type_ in (ChangeType.ADDED, ChangeType.REMOVED):
        if kind in _WEIGHTY_KINDS:
            return Significance.HIGH
        return Significance.LOW if kind in _LIGHT_KINDS else Significance.MEDIUM
    big_figure = any(f.relative is None or abs(f.relative) >= FIGURE_JUMP for f in figures if f.unit != "hour")
    if (Aspect.FIGURE in aspects and big_figure) or Aspect.ATTRIBUTION in aspects or Aspect.POLARITY in aspects:
        return Significance.HIGH
    if set(aspects) - {Aspect.WORDING}:
        return Significance.MEDIUM
    return Significance.LOW


_NOUNS = {
    ClaimKind.QUOTE: "quote",
    ClaimKind.STATEMENT: "statement",
    ClaimKind.CONDITION: "condition",
    ClaimKind.ACCUSATION: "accusation",
    ClaimKind.DENIAL: "denial",
    ClaimKind.FIGURE: "figure",
    ClaimKind.EVENT: "event",
    ClaimKind.FACT: "fact",
}


def noun(kind: ClaimKind, count: int = 1) -> str:
    word = _NOUNS[kind]
    return word if count == 1 else word + "s"


def _who(claim: Claim) -> str:
    if claim.speaker is None:
        return ""
    return f" ({claim.speaker.name or claim.speaker.mention})"


def _gist(claim: Claim, limit: int = 140) -> str:
    text = f"“{claim.quote}”" if claim.kind == ClaimKind.QUOTE and claim.quote else claim.content
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def added_summary(claim: Claim) -> str:
    return f"New {noun(claim.kind)} added{_who(claim)}: {_gist(claim)}"


def removed_summary(claim: Claim) -> str:
    verb = "cut" if claim.kind == ClaimKind.QUOTE else "dropped" if claim.kind in _WEIGHTY_KINDS else "removed"
    return f"{noun(claim.kind).capitalize()} {verb}{_who(claim)}: {_gist(claim)}"


def modified_summary(before: Claim, after: Claim, aspects: list[Aspect], figures: list[FigureChange]) -> str:
    parts: list[str] = []
    if Aspect.FIGURE in aspects:
        shown = [f for f in figures if f.unit != "hour"] or figures
        parts.append("Figure updated: " + "; ".join(_figure(f) for f in shown) if shown else "Figures changed")
    if Aspect.QUOTE in aspects:
        parts.append(f"Quote {_quote_change(before, after)}{_who(after)}")
    if Aspect.ATTRIBUTION in aspects:
        parts.append(f"Attribution changed: {_speaker(before)} → {_speaker(after)}")
    if Aspect.HEDGING in aspects:
        dropped = sorted(set(before.hedges) - set(after.hedges))
        added = sorted(set(after.hedges) - set(before.hedges))
        if dropped:
            parts.append(", ".join(f"'{h}'" for h in dropped) + " dropped: now stated without that hedge")
        if added:
            parts.append("Hedged: " + ", ".join(f"'{h}'" for h in added) + " added")
    if Aspect.POLARITY in aspects:
        parts.append("Now negated" if after.negated else "No longer negated")
    if Aspect.TIME in aspects and Aspect.FIGURE not in aspects:
        old, new = ", ".join(t.text for t in before.times), ", ".join(t.text for t in after.times)
        parts.append(
            f"Time changed: {old} → {new}" if old and new else f"Time dropped: {old}" if old else f"Time added: {new}"
        )
    if not parts:
        parts.append(f"{noun(after.kind).capitalize()} reworded in substance{_who(after)}")
    return "; ".join(parts) + f": {_gist(after)}"


def minor_summary(type_: ChangeType, before: Claim, after: Claim) -> str:
    if type_ == ChangeType.MOVED:
        return f"Moved from paragraph {before.paragraph + 1} to {after.paragraph + 1}: {_gist(after, 80)}"
    return f"Reworded, same substance: {_gist(after, 80)}"


def _figure(change: FigureChange) -> str:
    unit = f" {change.unit}" if change.unit and change.unit != "number" else ""
    return f"{_number(change.before)} → {_number(change.after)}{unit}"


def _number(value: float | None) -> str:
    if value is None:
        return "none"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _quote_change(before: Claim, after: Claim) -> str:
    old, new = (before.quote or "").lower(), (after.quote or "").lower()
    if new and new.rstrip('.”"') in old:
        return "trimmed"
    if old and old.rstrip('.”"') in new:
        return "extended"
    return "reworded"


def _speaker(claim: Claim) -> str:
    if claim.speaker is None:
        return "unattributed"
    name = claim.speaker.name or claim.speaker.mention
    return f"{name}, {claim.speaker.title}" if claim.speaker.title else name
