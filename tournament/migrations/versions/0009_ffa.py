"""free-for-all lobbies: a match's teams and its games' placings

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 09:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('match', sa.Column('lobby', sa.JSON(), nullable=True))
    op.add_column('match', sa.Column('placings', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('match', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('placings')
        batch_op.drop_column('lobby')
