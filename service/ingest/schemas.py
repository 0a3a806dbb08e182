from __future__ import annotations

import msgspec

from service.claims.schemas import ClaimRead
from service.diffing.schemas import ChangeSet
from service.versions.schemas import VersionRead


class IngestResult(msgspec.Struct, kw_only=True):
    version: VersionRead
    created: bool  # False: identical to the article's latest version, which is returned
    claims: list[ClaimRead]
    # substantive changes against the article's previous version; None for its first version
    changes: ChangeSet | None
