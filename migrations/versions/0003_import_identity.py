"""imported events: the source calendar's identity and its TRANSP

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_calendar', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('transparent', sa.Boolean(), nullable=True))


def downgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('transparent')
        batch_op.drop_column('external_calendar')
