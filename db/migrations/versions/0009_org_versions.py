"""Organisation file versions and running instances: reload without a restart

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-29 13:30:00

``org_versions`` keeps every organisation file an instance started with or was
told to reload (text, hash, and the refusal when it was wrong); the newest one
without an error is what every instance runs. ``instances`` says which version
each running process runs and when it was last seen. New tables only: existing
rows are untouched.
"""
from alembic import op
import sqlalchemy as sa
import db.types


revision = '0009'
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('org_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_versions')),
    sa.UniqueConstraint('parent_id', name=op.f('uq_org_versions_parent_id'))
    )
    op.create_table('instances',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=True),
    sa.Column('started_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('seen_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instances'))
    )


def downgrade() -> None:
    op.drop_table('instances')
    op.drop_table('org_versions')
