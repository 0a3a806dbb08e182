from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base, UTCDateTime, utcnow


class Thread(Base):
    """One claim followed across the versions and outlets of a story."""

    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_story_id_first_seen_at_id", "story_id", "first_seen_at", "id"),
        Index("ix_threads_story_id_last_seen_at", "story_id", "last_seen_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    story_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    speaker_name: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)  # the latest wording
    status: Mapped[str] = mapped_column(String(10))  # active, changed, removed
    modified: Mapped[bool] = mapped_column(Boolean, default=False)  # ever changed in substance
    latest_claim_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    first_source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_by_version_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("versions.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ThreadPresence(Base):
    """Whether one article carries a thread: when it first and last did, and whether its latest version does."""

    __tablename__ = "thread_presence"
    __table_args__ = (UniqueConstraint("thread_id", "article_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    thread_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"), index=True)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    present: Mapped[bool] = mapped_column(Boolean)
