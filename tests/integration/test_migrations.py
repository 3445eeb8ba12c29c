"""The migrations create exactly the schema the models describe."""

from __future__ import annotations

from alembic import command

from tournament.migrate import alembic_config


def test_models_and_migrations_agree(sqlite_url):
    command.check(alembic_config(sqlite_url))  # raises when autogenerate finds a difference
