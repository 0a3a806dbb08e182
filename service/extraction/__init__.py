"""Pure claim extraction: version text and publication date in, structured claims out."""

from service.extraction.claims import extract_claims
from service.extraction.schemas import Claim, ClaimKind, Entity, Figure, Span, Speaker, SpeakerType, TimeExpression

__all__ = [
    "Claim",
    "ClaimKind",
    "Entity",
    "Figure",
    "Span",
    "Speaker",
    "SpeakerType",
    "TimeExpression",
    "extract_claims",
]
