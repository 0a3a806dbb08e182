"""Figures in a sentence: digits, number words, fractions, percentages, money, durations, ranges."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Span, Token

from service.extraction.lexicon import CURRENCIES, FRACTIONS, MULTIPLIERS, NUMBER_WORDS, QUALIFIERS, TIME_UNITS
from service.extraction.schemas import Figure
from service.extraction.tokens import entities, up_to_root

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_CLOCK = re.compile(r"\b(?:a\.m\.|p\.m\.|am|pm|midnight|noon)\b", re.I)
# "$1.2m", "£3bn", "20k": the newsroom shorthand for thousands, millions and billions
_SHORT_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_ABBREVIATED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$")
_CLOCK_WORDS = frozenset("a.m. p.m. a.m p.m am pm".split())
_DASHES = frozenset("-–—")
_UNIT_PREFIXES = frozenset(["square", "cubic", "basis", "percentage"])
_SPELLED_UNITS = {"%": "percent", "per": "percent", "pct": "percent"}


def figures(sent: Span) -> list[Figure]:
    doc = sent.doc
    ents = {t.i: ent for ent in entities(sent) for t in ent}
    found: list[Figure] = []
    i = sent.start
    while i < sent.end:
        read = _read_number(doc, i, sent.end)
        if read is None:
            i += 1
            continue
        value, end = read
        ent = ents.get(i)
        # "Between 10 and 12 people" comes tagged as a DATE; a number that counts a noun is a figure
        counts_something = ent is not None and not _CLOCK.search(ent.text) and _unit_token(doc[i], i, end) is not None
        clock = end < sent.end and doc[end].lower_ in _CLOCK_WORDS  # 9 a.m., even when NER missed it
        if (
            clock
            or (ent is not None and not counts_something and not _countable_ent(ent.label_, ent.text))
            or _part_of_name(doc, i, end)
        ):
            i = max(end, ent.end if ent is not None else end)
            continue
        start = _currency_start(doc, i, sent.start)
        upper, end = _range_end(doc, end, sent.end, value)
        unit, end = _unit(doc, start, i, end, sent.end)
        if end + 1 < sent.end and doc[end].text in _DASHES and doc[end + 1].lower_ == "old":
            i = end + 2  # "a six-year-old girl" describes her; it is not a figure the story reports
            continue
        qualifier = _qualifier(doc, start, sent.start)
        if qualifier in ("over", "under") and unit in TIME_UNITS:  # "over three years" is a span, not "more than"
            qualifier = None
        text = doc[start:end].text
        if upper is not None and upper <= value:  # "voted 5-2" is a tally, not a range
            found.append(Figure(text=text, value=None, unit=unit, qualifier=qualifier))
        else:
            found.append(Figure(text=text, value=_tidy(value), unit=unit, qualifier=qualifier, upper=_tidy(upper)))
        i = end
    return found


def _tidy(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _countable_ent(label: str, text: str) -> bool:
    """Dates and clock times are times, not figures; a span of time ("eight weeks", "30-day") is both."""
    if label == "ORDINAL":
        return False
    if label in ("DATE", "TIME"):
        return not _CLOCK.search(text) and any(unit in text.lower() for unit in TIME_UNITS)
    return True


def _part_of_name(doc: Doc, start: int, end: int) -> bool:
    """`Highway 9`, `Air Force One`, `day one`: a number that names or labels rather than counts."""
    tok = doc[start]
    if tok.pos_ == "PROPN" or (tok.dep_ == "nummod" and tok.head.i < tok.i):
        return True
    if (
        tok.lower_ == "one"
        and end == start + 1
        and end < len(doc)
        and (doc[end].pos_ == "ADJ" or doc[end].lower_ == "of")
    ):
        return True  # "one significant point", "one of the": a determiner, not a count
    if start == 0 or not tok.text[0].isdigit():
        return False
    before = doc[start - 1]
    sentence_start = before.is_sent_start or (start >= 2 and doc[start - 2].is_punct and doc[start - 2].text in ".!?")
    follows_unit = end < len(doc) and doc[end].pos_ == "NOUN" and not doc[end].text[0].isupper()
    return before.is_title and before.is_alpha and not sentence_start and not follows_unit


def _read_number(doc: Doc, i: int, limit: int) -> tuple[float, int] | None:
    """The number starting at token i and the index after it, or None."""
    tok = doc[i]
    lower = tok.lower_
    value: float
    if _DIGITS.match(tok.text):
        value, j = float(tok.text.replace(",", "")), i + 1
    elif abbreviated := _ABBREVIATED.match(tok.lower_):  # "3bn", "20k"
        value, j = float(abbreviated.group(1).replace(",", "")) * _SHORT_MULTIPLIERS[abbreviated.group(2)], i + 1
    elif lower in NUMBER_WORDS or (
        lower in ("a", "an") and i + 1 < limit and (doc[i + 1].lower_ in FRACTIONS or doc[i + 1].lower_ == "dozen")
    ):
        if lower in ("a", "an"):
            value, j = 1.0, i + 1
        else:
            value, j = float(NUMBER_WORDS[lower]), i + 1
            # twenty-five, twenty five
            if j + 1 < limit and doc[j].text in _DASHES and NUMBER_WORDS.get(doc[j + 1].lower_, 10) < 10:
                value, j = value + NUMBER_WORDS[doc[j + 1].lower_], j + 2
            elif j < limit and value >= 20 and 0 < NUMBER_WORDS.get(doc[j].lower_, 10) < 10:
                value, j = value + NUMBER_WORDS[doc[j].lower_], j + 1
    else:
        return None
    # one-fifth, two-thirds, a quarter, half
    if j < limit and doc[j].text in _DASHES and j + 1 < limit and doc[j + 1].lower_ in FRACTIONS:
        return value * FRACTIONS[doc[j + 1].lower_], j + 2
    if j < limit and doc[j].lower_ in FRACTIONS and (value < 10 or lower in ("a", "an")):
        return value * FRACTIONS[doc[j].lower_], j + 1
    if lower in ("a", "an"):
        if doc[j].lower_ == "dozen":
            return 12.0, j + 1
        return None
    while j < limit and (
        doc[j].lower_ in MULTIPLIERS or (doc[j].lower_ in _SHORT_MULTIPLIERS and tok.text[0].isdigit())
    ):
        value, j = value * (MULTIPLIERS.get(doc[j].lower_) or _SHORT_MULTIPLIERS[doc[j].lower_]), j + 1
    return value, j


def _currency_start(doc: Doc, i: int, sent_start: int) -> int:
    return i - 1 if i > sent_start and doc[i - 1].text in CURRENCIES else i


def _range_end(doc: Doc, end: int, limit: int, value: float) -> tuple[float | None, int]:
    """`10-12`, `10 to 12`, `between 10 and 12`: the upper bound and the index after it."""
    if end + 1 < limit and (doc[end].text in _DASHES or doc[end].lower_ in ("to", "and")):
        read = _read_number(doc, end + 1, limit)
        if read is not None and (doc[end].lower_ != "and" or _preceded_by_between(doc, end)):
            return read[0], read[1]
    return None, end


def _preceded_by_between(doc: Doc, i: int) -> bool:
    return any(t.lower_ == "between" for t in doc[max(0, i - 4) : i])


def _unit(doc: Doc, start: int, number: int, end: int, limit: int) -> tuple[str | None, int]:
    if doc[start].text in CURRENCIES:
        return CURRENCIES[doc[start].text], end
    if end < limit:
        nxt = doc[end]
        if nxt.text in _DASHES and end + 1 < limit and doc[end + 1].is_alpha:  # 30-day, 30-minute
            return doc[end + 1].lemma_.lower(), end + 2
        if nxt.lower_ in ("percent", "%", "pct", "per"):
            if nxt.lower_ == "per" and not (end + 1 < limit and doc[end + 1].lower_ == "cent"):
                return None, end
            return "percent", end + (2 if nxt.lower_ == "per" else 1)
        if nxt.lower_ == "percentage" and end + 1 < limit and doc[end + 1].lemma_.lower() == "point":
            return "percentage point", end + 2
    of_a_percentage = end + 2 < limit and doc[end].lower_ == "of" and doc[end + 2].lower_ == "percentage"
    if of_a_percentage:  # a quarter of a percentage point
        return "percentage point", min(end + 4, limit)
    head = _unit_token(doc[number], start, end)
    if head is None and end < limit and doc[end].tag_ == "NNS":  # the parse missed it: "About 20k people"
        head = doc[end]
    if head is None:
        return None, end
    prefixes = [c.lower_ for c in head.children if c.lower_ in _UNIT_PREFIXES and c.i < head.i]
    unit = " ".join([*prefixes, head.lemma_.lower()])
    return unit, max(end, head.i + 1) if head.i - end <= 3 else end


def _unit_token(tok: Token, start: int, end: int) -> Token | None:
    """The counted noun: the head a number modifies ("4,200 acres", "75 basis points")."""
    for below, head in itertools.pairwise(up_to_root(tok)):
        modifies = below.dep_ in ("compound", "quantmod", "nummod") or (below.i == tok.i and below.dep_ == "amod")
        if not modifies or head.i < start:
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.i >= end:
            return head if head.pos_ == "NOUN" else None
    return None


def _qualifier(doc: Doc, start: int, sent_start: int) -> str | None:
    before = " ".join(t.lower_ for t in doc[max(sent_start, start - 3) : start])
    for phrase in QUALIFIERS:
        if before == phrase or before.endswith(" " + phrase):
            return phrase
    return None
