"""tournament venues: where matches are played, named in each language

Revision ID: 0014_tournament_venues
Revises: 0013_round_plans
Create Date: 2026-11-29 17:30:00

``tournament.venues`` lists the tournament's venues, each ``{"name", "names": {ko, ja,
en}}``: a match's ``venue`` string that is one of the ``name``s is shown by its
translation in the reader's language. Existing tournaments have none (NULL): their
venues are shown as typed, as before.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_tournament_venues'
down_revision: str | None = '0013_round_plans'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('tournament', sa.Column('venues', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tournament', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('venues')
