"""round plans: a stage's rounds planned before their matches exist

Revision ID: 0013_round_plans
Revises: 0012_game_in_play
Create Date: 2026-11-29 17:00:00

``stage.round_plans`` holds the organizer's plans for rounds not made yet (a Swiss round
not paired, a stage waiting for an earlier one): the round schedule's fields, applied when
the round's matches are made (``services/round_plans.py``). Existing stages have none
(NULL).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013_round_plans'
down_revision: str | None = '0012_game_in_play'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('stage', sa.Column('round_plans', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('stage', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('round_plans')
