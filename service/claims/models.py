from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Base, UTCDateTime, utcnow


class ClaimRecord(Base):
    """One extracted claim of one version; the nested parts are stored as the JSON the API serves."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("version_id", "index"),
        Index("ix_claims_story_id_kind", "story_id", "kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    story_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    speaker_name: Mapped[str | None] = mapped_column(String(300))
    speaker: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    cue: Mapped[str | None] = mapped_column(String(60))
    quote: Mapped[str | None] = mapped_column(Text)
    entities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    times: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    hedges: Mapped[list[str]] = mapped_column(JSON)
    negated: Mapped[bool] = mapped_column(Boolean)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    # the claim thread it belongs to; claims stored before threads existed have none
    thread_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"), index=True)


class StorySpeaker(Base):
    """The story's canonical speakers, so a later version's "Putin" resolves to the "Vladimir Putin" met earlier.

    `position` orders them as the story's versions, in observation order, first named them.
    """

    __tablename__ = "story_speakers"
    __table_args__ = (UniqueConstraint("story_id", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    story_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer)
    first_version_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
