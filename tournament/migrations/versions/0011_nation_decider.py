"""the nation table's decider: the event whose result splits nations level on points

Revision ID: 0011_nation_decider
Revises: 0010
Create Date: 2026-11-29 15:10:00

A tournament names one of its events by slug (ECEA's host-nominated title); null, the
default, is no decider. Event slugs never change; deleting the event is refused while it
is named.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011_nation_decider'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('tournament', sa.Column('nation_decider', sa.String(length=64),
                                          nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tournament', schema=None,
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('nation_decider')
