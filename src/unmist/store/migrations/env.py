"""Alembic environment: runs against the connection unmist hands it (SQLite or PostgreSQL)."""

from alembic import context

from unmist.store.models import Base

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
