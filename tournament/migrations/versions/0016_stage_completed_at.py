"""stage completed_at: when a stage last became completed

Revision ID: 0016_stage_completed_at
Revises: 0015_team_withdrawn_at
Create Date: 2026-11-30 10:00:00

``stage.completed_at`` is when the stage last became completed (``progress.persist``; None
while it is not). A team that withdrew after that leaves the stage's final order as it
stands: it is not moved below the teams still in, so the places, qualification and the
seeding the stage fed stay as they were (``formats/withdrawal.py``). A stage completed
before this migration gets the last change to any of its matches (the latest it can have
completed; a correction after that makes it later, never earlier: a team withdrawn before
the correction is then moved below, as before).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_stage_completed_at'
down_revision: str | None = '0015_team_withdrawn_at'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('stage', sa.Column('completed_at', sa.DateTime(timezone=True),
                                     nullable=True))
    op.execute("UPDATE stage SET completed_at = (SELECT max(match.updated_at) FROM match "
               "WHERE match.stage_id = stage.id) WHERE status = 'completed'")


def downgrade() -> None:
    with op.batch_alter_table('stage', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('completed_at')
