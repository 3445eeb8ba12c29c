"""The migrations create exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic import command

from tournament.migrate import alembic_config


def test_models_and_migrations_agree(sqlite_url):
    command.check(alembic_config(sqlite_url))  # raises when autogenerate finds a difference


SHOWN_IDS = ("match", "tournament", "event", "team", "player", "stage", "user", "apitoken")


def test_shown_ids_are_never_reused_on_sqlite(sqlite_url):
    """A table whose ids pages, feeds, calendars, tokens or the audit trail name is
    AUTOINCREMENT: the ids of deleted rows (withdrawn Swiss rounds, a deleted team or
    tournament) are never handed out again (clients may still hold them)."""
    import sqlite3

    path = sqlite_url.split(":///", 1)[1]
    with sqlite3.connect(path) as db:
        for table in SHOWN_IDS:
            (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                (table,)).fetchone()
            assert "AUTOINCREMENT" in sql, table


def test_migration_0010_keeps_every_row_and_key(tmp_path):
    """A database made before 0010 (ids without AUTOINCREMENT) with rows in every copied
    table: after the upgrade the rows, their ids and their foreign keys are all there, and a
    deleted last row's id is not handed out again."""
    import sqlite3

    from tournament.migrate import upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0009")
    with sqlite3.connect(path) as db:
        db.executescript("""
            INSERT INTO tournament (id, slug, name, timezone, published, last_seq,
                nation_points, nation_scoring, created_at) VALUES (1, 'old', 'Old',
                'Asia/Seoul', 1, 0, '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
            INSERT INTO event (id, tournament_id, slug, name, position)
                VALUES (1, 1, 'lol', 'LoL', 0);
            INSERT INTO team (id, event_id, name, withdrawn) VALUES (1, 1, 'A', 0),
                (2, 1, 'B', 0);
            INSERT INTO player (id, team_id, handle, position) VALUES (1, 1, 'p', 0);
            INSERT INTO user (id, name, role, restricted, created_at)
                VALUES (1, 'ref', 'referee', 0, '2026-11-29 00:00:00');
        """)
        assert "AUTOINCREMENT" not in db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'team'").fetchone()[0]
    upgrade(url)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, name FROM team ORDER BY id").fetchall() == [
            (1, "A"), (2, "B")]
        assert db.execute("SELECT slug FROM tournament").fetchall() == [("old",)]
        assert db.execute("SELECT team_id FROM player").fetchall() == [(1,)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.execute("DELETE FROM team WHERE id = 2")
        db.execute("INSERT INTO team (event_id, name, withdrawn) VALUES (1, 'C', 0)")
        assert db.execute("SELECT max(id) FROM team").fetchone() == (3,)


# Rows made before a migration that adds a column: a tournament, an event, a withdrawn
# team, a stage and a match (with a played game), written at the revision before it.
OLD_ROWS = """
    INSERT INTO tournament (id, slug, name, timezone, published, last_seq, nation_points,
        nation_scoring, created_at) VALUES (7, 'cup', 'Cup', 'Asia/Seoul', 1, 0,
        '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
    INSERT INTO event (id, tournament_id, slug, name, position) VALUES (3, 7, 'fc',
        'eFootball', 0);
    INSERT INTO team (id, event_id, name, withdrawn) VALUES (4, 3, 'Busan', 1);
    INSERT INTO stage (id, event_id, tournament_id, name, format, seeding_method, status,
        position, settings) VALUES (5, 3, 7, 'League', 'round_robin', 'standard',
        'running', 0, '{"allow_draws": true}');
    INSERT INTO match (id, stage_id, tournament_id, number, round, filled1, filled2, score1,
        score2, games, best_of, status, draw, conditional, active, version, updated_at)
        VALUES (9, 5, 7, 1, 1, 1, 1, 1, 0, '[[2, 1]]', 1, 'completed', 0, 0, 1, 3,
        '2026-11-29 00:00:00');
"""
# what each table's rows read as, before and after (the added column left out)
OLD_VIEW = {"tournament": ("SELECT id, slug, nation_scoring FROM tournament",
                           [(7, "cup", "best")]),
            "event": ("SELECT id, slug, name FROM event", [(3, "fc", "eFootball")]),
            "team": ("SELECT id, name, withdrawn FROM team", [(4, "Busan", 1)]),
            "stage": ("SELECT id, name, settings FROM stage",
                      [(5, "League", '{"allow_draws": true}')]),
            "match": ("SELECT id, stage_id, games, version FROM match",
                      [(9, 5, "[[2, 1]]", 3)])}


@pytest.mark.parametrize("revision, before, table, column, default, value", [
    # a tournament made before has no decider: its nation table ranks as before
    ("0011_nation_decider", "0010", "tournament", "nation_decider", None, "fc"),
    # a match made before has no game in play: its games are all finished
    ("0012_game_in_play", "0011_nation_decider", "match", "game_in_play", 0, 1),
    # a stage made before has no round plans: its rounds are made without planned times
    ("0013_round_plans", "0012_game_in_play", "stage", "round_plans", None,
     '[{"id": 1, "round": 2, "starts_at": "2026-11-30T04:00:00+00:00"}]'),
    # a tournament made before has no venues: its matches' venues are shown as typed
    ("0014_tournament_venues", "0013_round_plans", "tournament", "venues", None,
     '[{"name": "Olympic Hall, Seoul", "names": {"ko": "서울 올림픽홀"}}]'),
    # a team withdrawn before has no withdrawal time: a stage where it forfeited a match
    # counts as left early, as before
    ("0015_team_withdrawn_at", "0014_tournament_venues", "team", "withdrawn_at", None,
     "2026-11-29 03:00:00.000000"),
    # a stage running before has no completion time: a withdrawal moves its team below
    ("0016_stage_completed_at", "0015_team_withdrawn_at", "stage", "completed_at", None,
     "2026-11-29 04:00:00.000000"),
    # a tournament made before has no stations: its matches' stations are shown as typed
    ("0017_tournament_stations", "0016_stage_completed_at", "tournament", "stations", None,
     '[{"name": "Booth 2", "names": {"ko": "2번 부스"}}]'),
    # an event made before has no game title per language: its game is shown as typed
    ("0018_event_game_names", "0017_tournament_stations", "event", "game_names", None,
     '{"ko": "리그 오브 레전드"}'),
    # a team withdrawn before, with no withdrawal in the trail, withdrew (not disqualified)
    ("0019_withdrawal_reasons", "0018_event_game_names", "team", "withdrawn_reason",
     "withdrawn", "disqualified"),
    # a match played before was no withdrawal's forfeit
    ("0019_withdrawal_reasons", "0018_event_game_names", "match", "forfeit_reason", None,
     "withdrawn"),
])
def test_a_migration_adds_its_column_to_old_rows_and_takes_it_back(
        tmp_path, revision, before, table, column, default, value):
    """Rows made before the migration read as before with the column at its default after
    the upgrade, and keep a value written to it; the downgrade drops the column and keeps
    the rows, their ids, the foreign keys and AUTOINCREMENT."""
    import sqlite3

    from tournament.migrate import upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, before)
    with sqlite3.connect(path) as db:
        db.executescript(OLD_ROWS)
    upgrade(url, revision)
    rows, kept = OLD_VIEW[table]
    with sqlite3.connect(path) as db:
        assert db.execute(rows).fetchall() == kept
        assert db.execute(f"SELECT {column} FROM {table}").fetchall() == [(default,)]
        db.execute(f"UPDATE {table} SET {column} = ?", (value,))
        assert db.execute(f"SELECT {column} FROM {table}").fetchall() == [(value,)]
    command.downgrade(alembic_config(url), before)
    with sqlite3.connect(path) as db:
        assert column not in [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        for rows, kept in OLD_VIEW.values():
            assert db.execute(rows).fetchall() == kept
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_stage_completed_before_0016_completed_at_its_last_matchs_change(tmp_path):
    """A completed stage gets the last change to its matches as its completion time; a
    running one none."""
    import sqlite3

    from tournament.migrate import upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0015_team_withdrawn_at")
    with sqlite3.connect(path) as db:
        db.executescript(OLD_ROWS + """
            INSERT INTO stage (id, event_id, tournament_id, name, format, seeding_method,
                status, position) VALUES (6, 3, 7, 'Cup', 'round_robin', 'standard',
                'completed', 1);
            INSERT INTO match (id, stage_id, tournament_id, number, round, filled1, filled2,
                score1, score2, best_of, status, draw, conditional, active, version,
                updated_at) VALUES
                (10, 6, 7, 1, 1, 1, 1, 1, 0, 1, 'completed', 0, 0, 1, 1,
                 '2026-11-29 05:00:00'),
                (11, 6, 7, 2, 2, 1, 1, 0, 1, 1, 'completed', 0, 0, 1, 1,
                 '2026-11-29 07:30:00');""")
    upgrade(url, "0016_stage_completed_at")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, completed_at FROM stage ORDER BY id").fetchall() == [
            (5, None), (6, "2026-11-29 07:30:00")]


def test_0019_reads_why_each_withdrawn_team_left_and_which_forfeits_it_made(tmp_path):
    """A withdrawn team takes the reason its ``team.withdraw`` entry gave; a forfeit takes
    it when the withdrawal made it: named by the entry, or made after it (a final the team
    reached later) with no forfeit entered on the match. A referee's forfeit of the team
    before it withdrew (a ``match.forfeit`` entry, changed again since) stays a plain one,
    and so does an opponent's forfeit."""
    import json
    import sqlite3

    from tournament.migrate import upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0018_event_game_names")
    withdrew = {"reason": "disqualified", "forfeited_matches": [10]}
    with sqlite3.connect(path) as db:
        db.executescript(OLD_ROWS + """
            INSERT INTO team (id, event_id, name, withdrawn, withdrawn_at) VALUES
                (5, 3, 'Seoul', 1, '2026-11-29 06:00:00'), (6, 3, 'Tokyo', 0, NULL);
            INSERT INTO match (id, stage_id, tournament_id, number, round, team1_id,
                team2_id, filled1, filled2, score1, score2, best_of, status, winner, draw,
                forfeit, conditional, active, version, updated_at) VALUES
                (10, 5, 7, 2, 1, 5, 6, 1, 1, 0, 0, 1, 'completed', 2, 0, 1, 0, 1, 2,
                 '2026-11-29 06:00:00'),
                (11, 5, 7, 3, 2, 6, 5, 1, 1, 0, 0, 1, 'completed', 1, 0, 2, 0, 1, 2,
                 '2026-11-29 08:00:00'),
                (12, 5, 7, 4, 1, 5, 6, 1, 1, 0, 0, 1, 'completed', 2, 0, 1, 0, 1, 3,
                 '2026-11-29 09:00:00'),
                (13, 5, 7, 5, 1, 6, 5, 1, 1, 0, 0, 1, 'completed', 2, 0, 1, 0, 1, 2,
                 '2026-11-29 09:00:00');""")
        db.executemany(
            "INSERT INTO audit_log (at, actor_name, via, action, target_type, target_id, "
            "after) VALUES ('2026-11-29 05:00:00', 'ref', 'token', ?, ?, ?, ?)",
            [("match.forfeit", "match", "12", json.dumps({"forfeited_by": 1})),
             ("team.withdraw", "team", "5", json.dumps(withdrew))])
    upgrade(url, "0019_withdrawal_reasons")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, withdrawn_reason FROM team ORDER BY id").fetchall() \
            == [(4, "withdrawn"), (5, "disqualified"), (6, None)]
        assert db.execute("SELECT id, forfeit_reason FROM match ORDER BY id").fetchall() \
            == [(9, None), (10, "disqualified"), (11, "disqualified"), (12, None), (13, None)]
