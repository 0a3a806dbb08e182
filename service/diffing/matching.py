"""Which claim of one version is which claim of another: similarity of substance, assigned globally.

Similarity looks at what makes two claims the same claim (the content words with numbers
masked, the speaker, the named entities), not at the surface string, so restyled quotation
marks, "said" -> "told reporters", a fixed typo or a changed figure still match. The pairing is
an optimal assignment (Hungarian algorithm), so reordered paragraphs cannot steal matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from service.extraction.lexicon import NUMBER_WORDS
from service.extraction.schemas import Claim

_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into over than that this these those it its "
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "not no so such there their they them he she his her we our us you your i me my who whom which what when "
    "where while also just about up out after before then said says say told tells tell according all off".split()
)
_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "ly", "s")

MATCH_THRESHOLD = 0.45
SAME_PROPOSITION = 0.6  # near-identical claims: only these can contradict each other in polarity
DISPUTE_THRESHOLD = 0.25  # a leftover claim this close to a paired one, disputing its figure, conflicts with it


class Features(NamedTuple):
    words: frozenset[str]  # numbers left out: figures are compared on their own
    speaker: str | None
    entities: frozenset[str]
    attributed: bool  # a quote, statement, condition, accusation or denial, rather than a bare assertion
    demand: bool  # a condition: a demand that later text may report as done, which is another claim
    measures: frozenset[str]  # what its figures count: "acre", "percent", "share" (fractions and percentages)


_BARE_KINDS = frozenset({"figure", "event", "fact"})


def features(claim: Claim) -> Features:
    text = claim.quote if claim.kind == "quote" and claim.quote else claim.content
    return Features(
        words=frozenset(w for w in content_words(text) if w != "#"),
        speaker=claim.speaker.name if claim.speaker else None,
        entities=frozenset(e.text.lower() for e in claim.entities),
        attributed=claim.kind not in _BARE_KINDS,
        demand=claim.kind == "condition",
        measures=frozenset(_measure(f.unit, f.value) for f in claim.figures if f.value is not None),
    )


def _measure(unit: str | None, value: float) -> str:
    """What a figure counts; a percentage and a bare fraction both measure a share of something."""
    if unit == "percent" or (unit is None and 0 < value < 1):
        return "share"
    return unit or "number"


def content_words(text: str) -> list[str]:
    """Stemmed content words, every number masked: `12 dead` and `15 dead` say the same kind of thing."""
    words = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if word in _STOPWORDS or (len(word) == 1 and not word.isdigit()):  # "p.m." leaves p and m
            continue
        words.append("#" if word[0].isdigit() or word in NUMBER_WORDS else _stem(word))
    return words


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word  # close/closed, estate/estates


def word_overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Dice coefficient, containment of the smaller in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return 2 * shared / (len(a) + len(b)), shared / min(len(a), len(b))


class Weights(NamedTuple):
    other_speaker: float  # factor when both claims name different speakers
    other_nature: float  # factor when one is attributed speech and the other a bare assertion


ARTICLE = Weights(other_speaker=0.6, other_nature=0.6)  # versions of one article
ACCOUNTS = Weights(other_speaker=0.85, other_nature=0.9)  # two outlets attribute and frame differently


def similarity(a: Features, b: Features, weights: Weights = ARTICLE) -> float:
    dice, containment = word_overlap(a.words, b.words)
    # containment flatters short claims ("A fair contract will."): trust it only with some words to contain
    score = 0.6 * dice + 0.4 * containment if min(len(a.words), len(b.words)) >= 4 else dice
    if a.speaker and b.speaker:
        score = min(1.0, score + 0.1) if a.speaker == b.speaker else score * weights.other_speaker
    if a.attributed != b.attributed:
        # "must leave by 6 p.m." and "deputies closed the road at 6 p.m.": a demand and its outcome
        score *= weights.other_nature * (0.75 if a.demand or b.demand else 1.0)
    if a.entities & b.entities:
        # the same named things, and a figure counting the same unit: two accounts of one number
        score = min(1.0, score + (0.15 if (a.measures & b.measures) - {"number"} else 0.05))
    return score


class Pair(NamedTuple):
    a: int
    b: int
    score: float


def score_matrix(a: Sequence[Features], b: Sequence[Features], weights: Weights = ARTICLE) -> np.ndarray:
    return np.array([[similarity(x, y, weights) for y in b] for x in a]).reshape(len(a), len(b))


def assign(scores: np.ndarray, threshold: float = MATCH_THRESHOLD) -> list[Pair]:
    """The one-to-one pairing of highest total similarity, keeping pairs at or above `threshold`."""
    if scores.size == 0:
        return []
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [
        Pair(int(i), int(j), float(scores[i, j])) for i, j in zip(rows, cols, strict=True) if scores[i, j] >= threshold
    ]


def fragments(unmatched: Sequence[int], own: Sequence[Features], other: Sequence[Features]) -> dict[int, int]:
    """Claims that are a piece of a claim on the other side: a sentence split in two, or two merged.

    Maps an unmatched index to the index, on the other side, of the claim that contains its words.
    """
    found: dict[int, int] = {}
    for i in unmatched:
        words = own[i].words
        if len(words) < 3:
            continue
        kin = [j for j in range(len(other)) if other[j].attributed == own[i].attributed]  # a split keeps its nature
        best = max(kin, key=lambda j: len(words & other[j].words), default=None)
        if best is not None and len(words & other[best].words) >= 0.8 * len(words):
            found[i] = best
    return found


def out_of_order(pairs: Sequence[Pair]) -> set[int]:
    """The pairs (by index in `pairs`) that moved: those outside a longest run kept in order."""
    ordered = sorted(range(len(pairs)), key=lambda k: pairs[k].a)
    sequence = [pairs[k].b for k in ordered]
    # longest increasing subsequence, patience sorting with back-pointers
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(sequence)
    for pos, value in enumerate(sequence):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < value:
                lo = mid + 1
            else:
                hi = mid
        if lo > 0:
            back[pos] = tail_at[lo - 1]
        if lo == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[lo], tail_at[lo] = value, pos
    kept: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos != -1:
        kept.add(ordered[pos])
        pos = back[pos]
    return set(range(len(pairs))) - kept
