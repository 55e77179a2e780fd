"""security: user.session_version (logout ends every copy of a login); duplicate uploads per organization

Revision ID: 0007_sec
Revises: 0004_remind
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_sec'
down_revision = '0004_remind'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_constraint('uq_document_sha256', type_='unique')
        batch_op.create_unique_constraint('uq_document_organization_sha256', ['organization_id', 'sha256'])
        batch_op.create_index(batch_op.f('ix_document_sha256'), ['sha256'], unique=False)


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_sha256'))
        batch_op.drop_constraint('uq_document_organization_sha256', type_='unique')
        batch_op.create_unique_constraint('uq_document_sha256', ['sha256'])
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
