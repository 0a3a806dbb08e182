"""delivery order and idempotency: extraction keys, ordered story speakers, idempotency keys

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import service.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", service.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_idempotency_keys_story_id_stories"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["version_id"], ["versions.id"], name=op.f("fk_idempotency_keys_version_id_versions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("story_id", "key", name=op.f("uq_idempotency_keys_story_id_key")),
    )
    op.create_index(op.f("ix_idempotency_keys_version_id"), "idempotency_keys", ["version_id"], unique=False)
    with op.batch_alter_table("versions") as batch:
        batch.add_column(sa.Column("extraction_key", sa.String(length=64), nullable=True))
    with op.batch_alter_table("story_speakers") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("first_version_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_story_speakers_first_version_id_versions"),
            "versions",
            ["first_version_id"],
            ["id"],
            ondelete="CASCADE",
        )
    # Speakers stored before this revision keep the order they were met in.
    op.execute(
        "UPDATE story_speakers SET position = (SELECT count(*) FROM story_speakers AS earlier"
        " WHERE earlier.story_id = story_speakers.story_id"
        " AND (earlier.created_at < story_speakers.created_at"
        " OR (earlier.created_at = story_speakers.created_at AND earlier.name < story_speakers.name)))"
    )
    with op.batch_alter_table("story_speakers") as batch:
        batch.alter_column("position", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("story_speakers") as batch:
        batch.drop_constraint(batch.f("fk_story_speakers_first_version_id_versions"), type_="foreignkey")
        batch.drop_column("first_version_id")
        batch.drop_column("position")
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("extraction_key")
    op.drop_index(op.f("ix_idempotency_keys_version_id"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
