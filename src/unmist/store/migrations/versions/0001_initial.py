"""The first ledger schema: documents, extractions, incidents, incident mentions, runs.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(200), index=True),
        sa.Column("byline", sa.Text),
        sa.Column("dateline", sa.String(200)),
        sa.Column("published", sa.Date, index=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("flags", sa.JSON),
        sa.Column("notes", sa.JSON),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "extractions",
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("versions", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("type", sa.String(40), nullable=False, index=True),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("place_name", sa.String(200)),
        sa.Column("country", sa.String(8), index=True),
        sa.Column("admin1", sa.String(200)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("place_precision", sa.String(16), nullable=False),
        sa.Column("perpetrator", sa.String(200), index=True),
        sa.Column("killed_low", sa.Integer),
        sa.Column("killed_best", sa.Integer),
        sa.Column("killed_high", sa.Integer),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("independent", sa.Integer, nullable=False),
        sa.Column("conflicted", sa.Integer, nullable=False, server_default="0"),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "incident_mentions",
        sa.Column("incident_id", sa.String(32), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mention_index", sa.Integer, primary_key=True),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("inputs", sa.JSON),
        sa.Column("added", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.JSON),
        sa.Column("versions", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    for table in ("runs", "incident_mentions", "incidents", "extractions", "documents"):
        op.drop_table(table)
