"""claim threads and timeline columns

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 07:51:05.120621
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import service.db

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "threads",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("speaker_name", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("modified", sa.Boolean(), nullable=False),
        sa.Column("latest_claim_id", sa.Uuid(), nullable=False),
        sa.Column("first_seen_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("first_version_id", sa.Uuid(), nullable=False),
        sa.Column("first_source_id", sa.Uuid(), nullable=False),
        sa.Column("last_seen_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_version_id", sa.Uuid(), nullable=False),
        sa.Column("removed_at", service.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("removed_by_version_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_source_id"], ["sources.id"], name=op.f("fk_threads_first_source_id_sources"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["first_version_id"], ["versions.id"], name=op.f("fk_threads_first_version_id_versions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["last_version_id"], ["versions.id"], name=op.f("fk_threads_last_version_id_versions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_version_id"],
            ["versions.id"],
            name=op.f("fk_threads_removed_by_version_id_versions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_threads_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
    )
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.create_index("ix_threads_story_id_first_seen_at_id", ["story_id", "first_seen_at", "id"], unique=False)
        batch_op.create_index("ix_threads_story_id_last_seen_at", ["story_id", "last_seen_at"], unique=False)

    op.create_table(
        "thread_presence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("thread_id", sa.Uuid(), nullable=False),
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("first_seen_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("first_version_id", sa.Uuid(), nullable=False),
        sa.Column("last_seen_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_version_id", sa.Uuid(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_thread_presence_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["first_version_id"],
            ["versions.id"],
            name=op.f("fk_thread_presence_first_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["last_version_id"],
            ["versions.id"],
            name=op.f("fk_thread_presence_last_version_id_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_thread_presence_source_id_sources"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_thread_presence_thread_id_threads"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread_presence")),
        sa.UniqueConstraint("thread_id", "article_id", name=op.f("uq_thread_presence_thread_id_article_id")),
    )
    with op.batch_alter_table("thread_presence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_thread_presence_source_id"), ["source_id"], unique=False)

    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("source_id", sa.Uuid(), nullable=True))
        batch_op.alter_column("from_version_id", existing_type=sa.Uuid(), nullable=True)
        batch_op.create_index(batch_op.f("ix_changes_thread_id"), ["thread_id"], unique=False)
        batch_op.create_index(
            "ix_changes_timeline", ["story_id", "observed_at", "to_version_id", "position"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_changes_thread_id_threads"), "threads", ["thread_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_changes_source_id_sources"), "sources", ["source_id"], ["id"], ondelete="RESTRICT"
        )

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claims_thread_id"), ["thread_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_claims_thread_id_threads"), "threads", ["thread_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_claims_thread_id_threads"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_claims_thread_id"))
        batch_op.drop_column("thread_id")

    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_changes_source_id_sources"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_changes_thread_id_threads"), type_="foreignkey")
        batch_op.drop_index("ix_changes_timeline")
        batch_op.drop_index(batch_op.f("ix_changes_thread_id"))
        batch_op.alter_column("from_version_id", existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column("source_id")
        batch_op.drop_column("thread_id")

    with op.batch_alter_table("thread_presence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_thread_presence_source_id"))

    op.drop_table("thread_presence")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_index("ix_threads_story_id_last_seen_at")
        batch_op.drop_index("ix_threads_story_id_first_seen_at_id")

    op.drop_table("threads")
