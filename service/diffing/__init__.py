"""Pure claim diffing: claims of two versions in, a ChangeSet or a Comparison out."""

from service.diffing.engine import (
    Pairing,
    assemble,
    compare_claims,
    diff_claims,
    match_across,
    one_sided,
    pair_and_diff,
    pair_claims,
    select_changes,
)

__all__ = [
    "Pairing",
    "assemble",
    "compare_claims",
    "diff_claims",
    "match_across",
    "one_sided",
    "pair_and_diff",
    "pair_claims",
    "select_changes",
]
