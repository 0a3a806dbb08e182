"""Every table of the service, imported in one place so Alembic sees the whole schema."""

from service.changes.models import ChangeRecord
from service.claims.models import ClaimRecord, StorySpeaker
from service.db import Base
from service.keys.models import ApiKey
from service.stories.models import Story
from service.timeline.models import Thread, ThreadPresence
from service.versions.models import Article, IdempotencyKey, Source, Version

metadata = Base.metadata

__all__ = [
    "ApiKey",
    "Article",
    "ChangeRecord",
    "ClaimRecord",
    "IdempotencyKey",
    "Source",
    "Story",
    "StorySpeaker",
    "Thread",
    "ThreadPresence",
    "Version",
    "metadata",
]
