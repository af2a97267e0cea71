"""Assigning: departments' executors, round-robin turns, away periods

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 10:00:00

``department_executors`` lists who works for a department (from the organisation
file or seen pressing its card's buttons); ``assign_cursors`` keeps whom a
round-robin department assigned last; ``away_periods`` marks an executor away,
with ``handed_over_at`` set once their open requests went to the deputy or back
to the queue.
"""
from alembic import op
import sqlalchemy as sa
import db.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('department_executors',
    sa.Column('department_key', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('since', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('department_key', 'user_id', name=op.f('pk_department_executors'))
    )
    op.create_table('assign_cursors',
    sa.Column('department_key', sa.String(length=32), nullable=False),
    sa.Column('last_user_id', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('department_key', name=op.f('pk_assign_cursors'))
    )
    op.create_table('away_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('starts', sa.Date(), nullable=False),
    sa.Column('ends', sa.Date(), nullable=False),
    sa.Column('deputy_id', sa.BigInteger(), nullable=True),
    sa.Column('handed_over_at', db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_away_periods'))
    )
    with op.batch_alter_table('away_periods', schema=None) as batch_op:
        batch_op.create_index('ix_away_periods_user_ends', ['user_id', 'ends'], unique=False)
        batch_op.create_index('ix_away_periods_handed_starts', ['handed_over_at', 'starts'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('away_periods', schema=None) as batch_op:
        batch_op.drop_index('ix_away_periods_handed_starts')
        batch_op.drop_index('ix_away_periods_user_ends')
    op.drop_table('away_periods')
    op.drop_table('assign_cursors')
    op.drop_table('department_executors')
