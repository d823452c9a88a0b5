"""labelled examples: supervisors' decisions kept for retraining

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 01:20:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('labelled_examples',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=40), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('target', sa.String(length=96), nullable=False),
    sa.Column('label', sa.String(length=16), nullable=False),
    sa.Column('extracted', _JSON, nullable=True),
    sa.Column('corrected', _JSON, nullable=True),
    sa.Column('evidence', _JSON, nullable=True),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('labelled_examples', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labelled_examples_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_labelled_examples_target'), ['target'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('labelled_examples', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_labelled_examples_target'))
        batch_op.drop_index(batch_op.f('ix_labelled_examples_document_id'))
    op.drop_table('labelled_examples')
