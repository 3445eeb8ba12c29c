"""withdrawal reasons: why a team left, and which forfeits its withdrawal made

Revision ID: 0019_withdrawal_reasons
Revises: 0018_event_game_names
Create Date: 2026-11-30 12:00:00

``team.withdrawn_reason`` is why a withdrawn team left (``withdrawn`` or
``disqualified``), and ``match.forfeit_reason`` the same on each match its withdrawal
forfeited (null for a forfeit a referee entered), so every view says "Forfeit: Team 1 was
disqualified" and a referee's forfeit of a team that withdraws later stays a plain one.

Rows made before: a withdrawn team takes the reason of its ``team.withdraw`` entry in the
audit trail (``withdrawn`` where it has none). A forfeit takes the reason of the team that
forfeited it when that team is withdrawn and the match is one its withdrawal forfeited:
named by that entry (``forfeited_matches``), or changed at or after the withdrawal (any
time, when that is not known) with no forfeit entered on it (``match.forfeit``).
"""
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0019_withdrawal_reasons'
down_revision: str | None = '0018_event_game_names'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEAM = sa.table('team', sa.column('id', sa.Integer), sa.column('withdrawn', sa.Boolean),
                sa.column('withdrawn_at', sa.DateTime(timezone=True)),
                sa.column('withdrawn_reason', sa.String))
MATCH = sa.table('match', sa.column('id', sa.Integer), sa.column('team1_id', sa.Integer),
                 sa.column('team2_id', sa.Integer), sa.column('forfeit', sa.Integer),
                 sa.column('updated_at', sa.DateTime(timezone=True)),
                 sa.column('forfeit_reason', sa.String))
AUDIT = sa.table('audit_log', sa.column('id', sa.Integer), sa.column('action', sa.String),
                 sa.column('target_type', sa.String), sa.column('target_id', sa.String),
                 sa.column('after', sa.JSON))
REASONS = ('withdrawn', 'disqualified')


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else {}


def upgrade() -> None:
    # plain ADD COLUMN on both databases (no table copy on SQLite)
    op.add_column('team', sa.Column('withdrawn_reason', sa.String(length=16), nullable=True))
    op.add_column('match', sa.Column('forfeit_reason', sa.String(length=16), nullable=True))
    db = op.get_bind()
    teams = {row.id: row for row in db.execute(
        sa.select(TEAM.c.id, TEAM.c.withdrawn_at).where(TEAM.c.withdrawn))}
    if not teams:
        return
    said: dict[int, dict[str, Any]] = {}  # each team's last withdrawal entry
    for row in db.execute(sa.select(AUDIT.c.target_id, AUDIT.c.after).where(
            AUDIT.c.action == 'team.withdraw', AUDIT.c.target_type == 'team')
            .order_by(AUDIT.c.id)):
        if row.target_id.isdigit() and int(row.target_id) in teams:
            said[int(row.target_id)] = _json(row.after)
    entered = {int(row.target_id) for row in db.execute(sa.select(AUDIT.c.target_id).where(
        AUDIT.c.action == 'match.forfeit', AUDIT.c.target_type == 'match'))
        if row.target_id.isdigit()}
    reason = {}
    for team in teams:
        why = said.get(team, {}).get('reason')
        reason[team] = why if why in REASONS else 'withdrawn'
        db.execute(TEAM.update().where(TEAM.c.id == team).values(withdrawn_reason=reason[team]))
    for m in db.execute(sa.select(MATCH.c.id, MATCH.c.team1_id, MATCH.c.team2_id,
                                  MATCH.c.forfeit, MATCH.c.updated_at)
                        .where(MATCH.c.forfeit.is_not(None))).all():
        team = m.team1_id if m.forfeit == 1 else m.team2_id
        if team not in teams:
            continue
        at, changed = _utc(teams[team].withdrawn_at), _utc(m.updated_at)
        named = m.id in (said.get(team, {}).get('forfeited_matches') or [])
        later = m.id not in entered and (at is None or changed is None or changed >= at)
        if named or later:
            db.execute(MATCH.update().where(MATCH.c.id == m.id)
                       .values(forfeit_reason=reason[team]))


def downgrade() -> None:
    for table, column in (('match', 'forfeit_reason'), ('team', 'withdrawn_reason')):
        with op.batch_alter_table(table, schema=None,
                                  table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_column(column)
