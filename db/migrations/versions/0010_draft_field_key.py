"""A form draft remembers which field it is at by key, not only by position

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 14:20:00

With the organisation file reloaded while a form is open, a field inserted before
the current one moved it: the next answer went under the wrong field. The key of the
field asked finds it again. Nullable: a draft saved before knows only its position.
"""
from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form_drafts") as batch:
        batch.add_column(sa.Column("field_key", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("form_drafts") as batch:
        batch.drop_column("field_key")
