"""changes between consecutive versions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 07:43:33.118365
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import service.db

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=False),
        sa.Column("from_version_id", sa.Uuid(), nullable=False),
        sa.Column("to_version_id", sa.Uuid(), nullable=False),
        sa.Column("observed_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("significance", sa.String(length=10), nullable=False),
        sa.Column("aspects", sa.JSON(), nullable=False),
        sa.Column("before_claim_id", sa.Uuid(), nullable=True),
        sa.Column("after_claim_id", sa.Uuid(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["after_claim_id"], ["claims.id"], name=op.f("fk_changes_after_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["before_claim_id"], ["claims.id"], name=op.f("fk_changes_before_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["from_version_id"], ["versions.id"], name=op.f("fk_changes_from_version_id_versions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_changes_story_id_stories"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["to_version_id"], ["versions.id"], name=op.f("fk_changes_to_version_id_versions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_changes_from_version_id_to_version_id_position",
            ["from_version_id", "to_version_id", "position"],
            unique=False,
        )
        batch_op.create_index("ix_changes_story_id_observed_at_id", ["story_id", "observed_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_changes_to_version_id"), ["to_version_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_to_version_id"))
        batch_op.drop_index("ix_changes_story_id_observed_at_id")
        batch_op.drop_index("ix_changes_from_version_id_to_version_id_position")

    op.drop_table("changes")
