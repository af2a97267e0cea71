"""/stats without sorts or joins: value-ordered indexes, ratings.department_key

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 08:00:00

Percentiles are read by walking an index in value order, per-executor and
per-requester-department counts by walking an index in group order, transfers
from an index that has their departments, and ratings carry the department they
were given in (filled here from their requests), so /stats neither sorts the
period nor joins ratings to requests.
"""
from alembic import op
import sqlalchemy as sa
import db.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('department_key', sa.String(length=32), nullable=True))
    # a rated request cannot have moved since (no transfer once done; a reopen drops
    # the rating), so its current department is the one it was rated in
    op.execute(
        "UPDATE ratings SET department_key = "
        "(SELECT requests.department_key FROM requests WHERE requests.id = ratings.request_id)"
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.alter_column('department_key', existing_type=sa.String(length=32),
                              nullable=False)
        batch_op.drop_index('ix_ratings_rated_at')
        batch_op.create_index('ix_ratings_department_assignee_rated',
                              ['department_key', 'assignee_id', 'rated_at', 'score'],
                              unique=False)

    op.create_index('ix_requests_department_take_order', 'requests',
                    ['department_key', 'take_work_s', 'taken_at'], unique=False)
    op.create_index('ix_requests_department_finish_order', 'requests',
                    ['department_key', 'finish_work_s', 'done_at'], unique=False)
    op.create_index('ix_requests_department_assignee_finish', 'requests',
                    ['department_key', 'assignee_id', 'finish_work_s', 'done_at'], unique=False)
    op.create_index('ix_requests_department_requester_created', 'requests',
                    ['department_key', 'requester_department', 'created_at'], unique=False)

    op.drop_index('ix_request_events_kind_at', table_name='request_events')
    op.create_index('ix_request_events_kind_at_departments', 'request_events',
                    ['kind', 'at', 'from_department', 'to_department'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_request_events_kind_at_departments', table_name='request_events')
    op.create_index('ix_request_events_kind_at', 'request_events', ['kind', 'at'], unique=False)

    op.drop_index('ix_requests_department_requester_created', table_name='requests')
    op.drop_index('ix_requests_department_assignee_finish', table_name='requests')
    op.drop_index('ix_requests_department_finish_order', table_name='requests')
    op.drop_index('ix_requests_department_take_order', table_name='requests')

    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.drop_index('ix_ratings_department_assignee_rated')
        batch_op.create_index('ix_ratings_rated_at', ['rated_at'], unique=False)
        batch_op.drop_column('department_key')
