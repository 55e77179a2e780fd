"""event removals: a timestamp for each event that leaves a feed's scope (Last-Modified on deletion)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa



revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event_removal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_event_removal_body_id_body'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
                            name=op.f('fk_event_removal_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_removal'))
    )
    with op.batch_alter_table('event_removal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_removal_organization_id'), ['organization_id'], unique=False)


def downgrade():
    with op.batch_alter_table('event_removal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_removal_organization_id'))
    op.drop_table('event_removal')
