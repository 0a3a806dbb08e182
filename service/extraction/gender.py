"""The grammatical gender a first name most likely goes with, so "she" never resolves to a man.

From the US census's first-name frequencies by sex, as the `names` package ships them (MIT; the
census data is public domain). A name used by both sexes goes with the one that uses it at least
four times as often; a name the lists do not hold, or a closer call, has no gender and agrees with
either pronoun.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources


class Gender(enum.Enum):
    FEMALE = "female"
    MALE = "male"


_CLEAR_MAJORITY = 4.0
PRONOUN_GENDER = {"he": Gender.MALE, "him": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}


def gender_of(first_name: str) -> Gender | None:
    """The gender of a first name ("Hillary" -> female), or None when it is unknown or shared."""
    return _first_names().get(first_name.strip(".").lower())


@functools.cache
def _first_names() -> dict[str, Gender]:
    female, male = _frequencies("dist.female.first"), _frequencies("dist.male.first")
    genders: dict[str, Gender] = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= _CLEAR_MAJORITY * m:
            genders[name] = Gender.FEMALE
        elif m >= _CLEAR_MAJORITY * f:
            genders[name] = Gender.MALE
    return genders


def _frequencies(resource: str) -> dict[str, float]:
    """name -> percent of the population: each line is `NAME  frequency  cumulative  rank`."""
    text = importlib.resources.files("names").joinpath(resource).read_text(encoding="ascii")
    return {name.lower(): float(share) for name, share, *_ in (line.split() for line in text.splitlines() if line)}
