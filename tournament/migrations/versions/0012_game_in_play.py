"""a game in play: the last game of a live match is shown but not counted yet

Revision ID: 0012_game_in_play
Revises: 0011_nation_decider
Create Date: 2026-11-29 16:00:00

A match's ``game_in_play`` says the last entry of its ``games`` is the game being played
(a live goal of a one-game football match, a VALORANT map's rounds). Existing matches
have none (false).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012_game_in_play'
down_revision: str | None = '0011_nation_decider'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('match', sa.Column('game_in_play', sa.Boolean(), server_default='0',
                                     nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('match', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('game_in_play')
