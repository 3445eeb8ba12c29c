"""The migrations create exactly the schema the models describe."""

from __future__ import annotations

from alembic import command

from tournament.migrate import alembic_config


def test_models_and_migrations_agree(sqlite_url):
    command.check(alembic_config(sqlite_url))  # raises when autogenerate finds a difference


def test_match_ids_are_never_reused_on_sqlite(sqlite_url):
    """A migration that copies the match table must keep AUTOINCREMENT: the ids of deleted
    Swiss rounds are never handed out again (clients may still hold them)."""
    import sqlite3

    path = sqlite_url.split(":///", 1)[1]
    with sqlite3.connect(path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'match'").fetchone()
    assert "AUTOINCREMENT" in sql
