"""bodies: deadlines derived from each meeting ("kallelse 7 dagar före")

Revision ID: 0004_wheel
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_wheel'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_deadlines', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.drop_column('meeting_deadlines')
