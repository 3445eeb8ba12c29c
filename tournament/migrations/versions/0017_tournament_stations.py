"""tournament stations: the stages, booths and PCs matches are played on, named in each
language

Revision ID: 0017_tournament_stations
Revises: 0016_stage_completed_at
Create Date: 2026-11-30 10:00:00

``tournament.stations`` lists the tournament's stations as ``tournament.venues`` lists its
venues, each ``{"name", "names": {ko, ja, en}}``: a match's ``station`` string that is one
of the ``name``s is shown by its translation in the reader's language. Existing tournaments
have none (NULL): their stations are shown as typed, as before.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017_tournament_stations'
down_revision: str | None = '0016_stage_completed_at'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('tournament', sa.Column('stations', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tournament', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('stations')
