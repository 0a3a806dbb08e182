from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base, UTCDateTime


class ChangeRecord(Base):
    """One Change between two consecutive versions of an article, computed once at ingest."""

    __tablename__ = "changes"
    __table_args__ = (
        Index("ix_changes_from_version_id_to_version_id_position", "from_version_id", "to_version_id", "position"),
        Index("ix_changes_story_id_observed_at_id", "story_id", "observed_at", "id"),
        Index("ix_changes_timeline", "story_id", "observed_at", "to_version_id", "position"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    story_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    # None for a claim new to the story in an article's first version: a timeline entry, not part of a ChangeSet
    from_version_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    to_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"), index=True)
    observed_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the later version reached the service
    position: Mapped[int] = mapped_column(Integer)  # order within its ChangeSet
    type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    significance: Mapped[str] = mapped_column(String(10))
    aspects: Mapped[list[str]] = mapped_column(JSON)
    before_claim_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    after_claim_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    thread_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"), index=True)
    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
