"""Alembic environment: always given a live connection by sq_layout.store.migrate."""

from alembic import context

from sq_layout.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
