"""events: soft delete (deleted_at) and merging a duplicate into another event (merged_into_id)

Revision ID: 0004_remind
Revises: 0004_jobs
"""
from alembic import op
import sqlalchemy as sa



revision = '0004_remind'
down_revision = '0004_jobs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_event_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_event_merged_into_id_event'), 'event', ['merged_into_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_event_merged_into_id_event'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_event_deleted_at'))
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('deleted_at')
