"""event game names: an event's game title in each language

Revision ID: 0018_event_game_names
Revises: 0017_tournament_stations
Create Date: 2026-11-30 12:00:00

``event.game_names`` holds the event's game title in each language (``{"ko": "리그 오브
레전드", "ja": "リーグ・オブ・レジェンド", "en": "League of Legends"}``), as ``names`` holds
its name: a page shows the title of its language, else ``event.game`` as typed. Existing
events have none (NULL): their title is shown as typed, as before.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018_event_game_names'
down_revision: str | None = '0017_tournament_stations'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('event', sa.Column('game_names', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('event', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('game_names')
