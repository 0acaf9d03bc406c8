"""The link index that lets a run touch only what its new reports reach: each mention's blocking
keys and component, copy edges, MinHash LSH bands, and the versions the index was built with.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("component", sa.String(64), nullable=False, index=True),
        sa.Column("incident_id", sa.String(32)),
        sa.Column("dated", sa.SmallInteger, nullable=False),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("reach", sa.Date, index=True),
        sa.Column("stated_start", sa.Date),
        sa.Column("relative", sa.Boolean, nullable=False),
    )
    op.create_table(
        "mention_terms",
        sa.Column("term", sa.String(240), primary_key=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
    )
    op.create_index("ix_mention_terms_document_id", "mention_terms", ["document_id"])
    op.create_table(
        "copies",
        sa.Column("copy_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("original_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_table(
        "lsh_bands",
        sa.Column("key", sa.BigInteger, primary_key=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "ledger_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("ledger_meta", "lsh_bands", "copies", "mention_terms", "mentions"):
        op.drop_table(table)
