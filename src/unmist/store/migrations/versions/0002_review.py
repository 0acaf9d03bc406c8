"""Analyst review log, the ledger lock, cached MinHash signatures, incident digests.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("analyst", sa.String(200), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("incident", sa.String(32), index=True),
        sa.Column("mention_keys", sa.JSON, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_table(
        "ledger_lock",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("holder", sa.String(200)),
        sa.Column("since", sa.DateTime),
    )
    op.execute("INSERT INTO ledger_lock (id, holder, since) VALUES (1, NULL, NULL)")
    op.create_table(
        "signatures",
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("minhash", sa.JSON, nullable=False),
    )
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("digest", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("digest")
    op.drop_table("signatures")
    op.drop_table("ledger_lock")
    op.drop_table("decisions")
