"""Watchers of a request; a form draft remembers the request it repeats and the people
picked to keep informed

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 10:30:00

``watchers`` (one row per request and person, the pair unique as the primary key)
are told what the requester is told. ``form_drafts.earlier`` holds the answers of
the request a Repeat started from (offered as Keep «…»), ``form_drafts.watchers``
the people picked in the form's "Keep anyone informed?" step.
"""
from alembic import op
import sqlalchemy as sa

import db.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watchers',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('added_by', sa.BigInteger(), nullable=False),
    sa.Column('added_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                            name=op.f('fk_watchers_request_id_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'user_id', name=op.f('pk_watchers'))
    )
    op.create_index('ix_watchers_user', 'watchers', ['user_id'], unique=False)
    with op.batch_alter_table('form_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('earlier', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('watchers', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('form_drafts', schema=None) as batch_op:
        batch_op.drop_column('watchers')
        batch_op.drop_column('earlier')
    op.drop_index('ix_watchers_user', table_name='watchers')
    op.drop_table('watchers')
