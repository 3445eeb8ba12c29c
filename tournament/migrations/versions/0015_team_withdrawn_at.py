"""team withdrawn_at: when a team withdrew

Revision ID: 0015_team_withdrawn_at
Revises: 0014_tournament_venues
Create Date: 2026-11-29 19:00:00

``team.withdrawn_at`` is when the team withdrew (set by the withdrawal). A round robin
that annuls a withdrawn team's results reads it to keep a stage the team had played out
before withdrawing, even one where it forfeited a match (``formats/withdrawal.py``). A
team withdrawn before this migration has none (NULL): every stage where it forfeited a
match counts as left early, as before.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_team_withdrawn_at'
down_revision: str | None = '0014_tournament_venues'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('team', sa.Column('withdrawn_at', sa.DateTime(timezone=True),
                                    nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('team', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('withdrawn_at')
