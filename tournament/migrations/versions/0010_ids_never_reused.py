"""ids never handed out again on SQLite: AUTOINCREMENT on the tables whose ids are shown

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 04:15:00

SQLite reuses the id of a deleted last row unless the table is AUTOINCREMENT: a deleted
tournament's id went to the next one, which then showed the old one's audit trail, and a
deleted team's or stage's id (in pages, calendar feeds, live events) pointed at another
record. Only ``match`` had it. Each table is copied (batch mode: its columns, keys and
indexes as they are) with AUTOINCREMENT; PostgreSQL's sequences never reuse an id.
Foreign keys are not enforced on the migration's connection (``env.py`` sets no pragma),
so a parent table can be copied under its children.
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("tournament", "event", "team", "player", "stage", "user", "apitoken")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always"):
            pass
