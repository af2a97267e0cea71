"""Outbox: progress of multi-part sends, due work per chat; a shared send budget

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 08:00:00

``outbox.parts_done`` keeps how many parts of a send (a card and its files, a
text split in parts) are posted, so a retry resumes after them. The index on
(status, chat_id, id) finds the oldest pending message of each chat, so one
busy chat never hides the others. ``send_budget`` holds Telegram's per-chat and
global limits for several instances on one database.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parts_done', sa.SmallInteger(), server_default='0',
                                      nullable=False))
        batch_op.create_index('ix_outbox_status_chat', ['status', 'chat_id', 'id'],
                              unique=False)
    op.create_table('send_budget',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('stamps', sa.JSON(), nullable=False),
    sa.Column('paused_until', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_send_budget'))
    )


def downgrade() -> None:
    op.drop_table('send_budget')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_chat')
        batch_op.drop_column('parts_done')
