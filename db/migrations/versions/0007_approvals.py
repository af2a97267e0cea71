"""Approvals: who approves a request, its decision, departments' members

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 14:00:00

``request_approvers`` lists who may approve a request; the new ``requests``
columns keep when approval was asked, the reminder interval, who decided, when,
and the working seconds it waited (all NULL for existing requests, which needed
no approval). ``department_members`` keeps requesters found in a department's
bound chat.
"""
from alembic import op
import sqlalchemy as sa
import db.types


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approval_asked_at', db.types.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('approval_remind_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('approval_decided_by', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('approval_decided_at',
                                      db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('approval_work_s', sa.Float(), nullable=True))
        batch_op.create_index('ix_requests_department_approve_order',
                              ['department_key', 'approval_work_s', 'approval_decided_at'],
                              unique=False)
    op.create_table('request_approvers',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                            name=op.f('fk_request_approvers_request_id_requests'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'user_id', name=op.f('pk_request_approvers'))
    )
    op.create_table('department_members',
    sa.Column('department_key', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('since', db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('department_key', 'user_id', name=op.f('pk_department_members'))
    )


def downgrade() -> None:
    op.drop_table('department_members')
    op.drop_table('request_approvers')
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index('ix_requests_department_approve_order')
        batch_op.drop_column('approval_work_s')
        batch_op.drop_column('approval_decided_at')
        batch_op.drop_column('approval_decided_by')
        batch_op.drop_column('approval_remind_s')
        batch_op.drop_column('approval_asked_at')
