"""The spaCy pipeline, loaded once per process and per model name."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from service.errors import ServiceError


class ModelUnavailable(ServiceError):
    status = 503


@functools.cache
def load_pipeline(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:  # not installed: nothing is downloaded at run time
        raise ModelUnavailable(
            f"The spaCy model {name!r} is not installed (pip install it, or set SPACY_MODEL)."
        ) from exc
