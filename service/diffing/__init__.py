"""Pure claim diffing: claims of two versions in, a ChangeSet or a Comparison out."""

from service.diffing.engine import assemble, compare_claims, diff_claims, select_changes

__all__ = ["assemble", "compare_claims", "diff_claims", "select_changes"]
