"""Time expressions normalised against the version's date: "last August" in March 2025 is 2024-08."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Span

from service.extraction.lexicon import NUMBER_WORDS
from service.extraction.schemas import TimeExpression
from service.extraction.tokens import entities, up_to_root

Tense = Literal["past", "future"] | None

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_DURATION_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
# Digits are read from the start of their run only: retried from every digit of a long run, the
# search would take time quadratic in its length (and a match never starts inside one).
_NUMBER = r"((?<!\d)\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r"|a|an)"
_DURATION = re.compile(_NUMBER + r"[\s-]+(second|minute|hour|day|week|month|year|decade)s?\b")
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(midnight|noon)\b")
_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "overnight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
}


def time_expressions(sent: Span, reference: date | None) -> list[TimeExpression]:
    ents = [e for e in entities(sent) if e.label_ in ("DATE", "TIME")]
    found: list[TimeExpression] = []
    for ent in ents:
        try:
            found.append(_resolve(ent, ents, reference))
        except (ValueError, OverflowError):  # "tomorrow" of 9999-12-31 is off the calendar: left unplaced
            found.append(TimeExpression(text=ent.text, value=None, grain="unknown"))
    return found


def _resolve(ent: Span, ents: list[Span], reference: date | None) -> TimeExpression:
    day = reference
    if ent.label_ == "TIME" and reference is not None:
        # "5 a.m. on Thursday": the clock time falls on the day named beside it
        beside = [
            e for e in ents if e.label_ == "DATE" and (0 <= e.start - ent.end <= 2 or 0 <= ent.start - e.end <= 2)
        ]
        resolved = [_day(e.text.lower(), reference, _tense(e)) for e in beside]
        day = next((d for d in resolved if d is not None), reference)
    return _normalise(ent.text, day, _tense(ent))


def _tense(ent: Span) -> Tense:
    """Past or future, from the verb that governs the expression."""
    # the nearest verb above the expression, else the root of its sentence
    for verb in up_to_root(ent.root):
        if verb.pos_ in ("VERB", "AUX"):
            break
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "would", "'ll", "shall"} or verb.lower_ in ("will", "would"):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    return None


def _normalise(text: str, ref: date | None, tense: Tense) -> TimeExpression:
    lower = text.lower().replace("’", "'")
    if match := _DURATION.search(lower):
        return TimeExpression(text=text, value=_duration(match.group(1), match.group(2)), grain="duration")
    if ref is None:
        year = _YEAR.search(lower)
        return TimeExpression(text=text, value=year.group(1) if year else None, grain="year" if year else "unknown")
    day = _day(lower, ref, tense)
    clock = _CLOCK.search(lower)
    if clock:
        hour, minute = _clock(clock)
        on = day or ref
        return TimeExpression(text=text, value=f"{on.isoformat()}T{hour:02d}:{minute:02d}", grain="minute")
    if day is not None:
        return TimeExpression(text=text, value=day.isoformat(), grain="day")
    return _coarse(text, lower, ref, tense)


def _duration(amount: str, unit: str) -> str:
    n = float(amount) if amount[0].isdigit() else float(NUMBER_WORDS.get(amount, 1))
    if unit == "decade":
        n, unit = n * 10, "year"
    count = int(n) if n.is_integer() else n
    code = _DURATION_UNITS[unit]
    return f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"


def _clock(match: re.Match[str]) -> tuple[int, int]:
    if match.group(4):
        return (0, 0) if match.group(4) == "midnight" else (12, 0)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3).startswith("p") and hour < 12:
        hour += 12
    elif match.group(3).startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def _day(lower: str, ref: date, tense: Tense) -> date | None:
    """A specific day: relative words, weekdays, or a month and day."""
    for words, offset in _RELATIVE_DAYS.items():
        if re.search(rf"\b{words}\b", lower):
            return ref + timedelta(days=offset)
    for name, weekday in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", lower):
            return _weekday(weekday, ref, lower, tense)
    match = re.search(r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", lower)
    if match:
        month, dom = _MONTHS[match.group(1)], int(match.group(2))
        if match.group(3):
            return _safe_date(int(match.group(3)), month, dom)
        candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, dom))]
        return _pick(candidates, ref, tense) if candidates else None
    return None


def _weekday(weekday: int, ref: date, lower: str, tense: Tense) -> date:
    back = ref - timedelta(days=(ref.weekday() - weekday) % 7)
    ahead = back + timedelta(days=7) if back != ref else ref
    if "last" in lower.split():
        return back if back != ref else ref - timedelta(days=7)
    if "next" in lower.split():
        return ahead if ahead != ref else ref + timedelta(days=7)
    # News prose means the nearest such day: Tuesday's "Thursday" deadline, Friday's "on Thursday".
    return _pick([back, ahead], ref, tense)


def _pick(candidates: list[date], ref: date, tense: Tense) -> date:
    def distance(d: date) -> tuple[int, int]:
        wrong_side = (tense == "past" and d > ref) or (tense == "future" and d < ref)
        return abs((d - ref).days) + (2 if wrong_side else 0), int(d > ref)

    return min(candidates, key=distance)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _coarse(text: str, lower: str, ref: date, tense: Tense) -> TimeExpression:
    """Weeks, months, years and seasons of the calendar."""
    words = lower.split()
    if "weekend" in lower:
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if "next" in words or (tense == "future" and "last" not in words):
            saturday += timedelta(days=7) if saturday < ref else timedelta(0)
        iso = saturday.isocalendar()
        return TimeExpression(text=text, value=f"{iso.year}-W{iso.week:02d}", grain="week")
    if (weeks := _relative(lower, "week")) is not None:
        iso = (ref + timedelta(days=7 * weeks)).isocalendar()
        return TimeExpression(text=text, value=f"{iso.year}-W{iso.week:02d}", grain="week")
    month_match = re.search(r"\b(" + "|".join(m for m in _MONTHS if len(m) > 3 or m == "may") + r")\b", lower)
    year_match = _YEAR.search(lower)
    if month_match:
        month = _MONTHS[month_match.group(1)]
        if year_match:
            year = int(year_match.group(1))
        elif "last" in words:
            year = ref.year if month < ref.month else ref.year - 1
        elif "next" in words:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            options = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
            year = _pick(options, ref.replace(day=1), tense).year
        return TimeExpression(text=text, value=f"{year:04d}-{month:02d}", grain="month")
    if year_match:
        return TimeExpression(text=text, value=year_match.group(1), grain="year")
    if re.search(r"\b(year-end|end of the year|end of this year)\b", lower):
        return TimeExpression(text=text, value=f"{ref.year:04d}-12", grain="month")
    if (years := _relative(lower, "year")) is not None:
        return TimeExpression(text=text, value=str(ref.year + years), grain="year")
    if (months := _relative(lower, "month")) is not None:
        month_index = ref.year * 12 + ref.month - 1 + months
        return TimeExpression(text=text, value=f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", grain="month")
    return TimeExpression(text=text, value=None, grain="unknown")


def _relative(lower: str, noun: str) -> int | None:
    """-1, 0 or 1 for "last", "this" or "next" `noun`; None when the phrase is absent."""
    match = re.search(rf"\b(this|last|next) {noun}\b", lower)
    return {"this": 0, "last": -1, "next": 1}[match.group(1)] if match else None
