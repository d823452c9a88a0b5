"""Database access: engine/session factory, repository functions, Alembic migrations. The only place SQL lives."""
