"""Pure claim diffing: claims of two versions in, a ChangeSet or a Comparison out."""

from service.diffing.engine import compare_claims, diff_claims

__all__ = ["compare_claims", "diff_claims"]
