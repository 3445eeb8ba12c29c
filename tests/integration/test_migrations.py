"""The migrations create exactly the schema the models describe."""

from __future__ import annotations

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


def test_migration_0011_adds_the_nation_decider_empty_and_takes_it_back(tmp_path):
    """A tournament made before 0011 has no decider after the upgrade (its table ranks as
    before); the downgrade drops the column and keeps the rows, ids and AUTOINCREMENT."""
    import sqlite3

    from alembic import command

    from tournament.migrate import alembic_config, upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0010")
    with sqlite3.connect(path) as db:
        db.executescript("""
            INSERT INTO tournament (id, slug, name, timezone, published, last_seq,
                nation_points, nation_scoring, created_at) VALUES (7, 'ecea', 'ECEA',
                'Asia/Seoul', 1, 0, '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
            INSERT INTO event (id, tournament_id, slug, name, position)
                VALUES (3, 7, 'pubgm', 'PUBG MOBILE', 0);
        """)
    upgrade(url)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, slug, nation_scoring, nation_decider FROM tournament"
                          ).fetchall() == [(7, "ecea", "best", None)]
        db.execute("UPDATE tournament SET nation_decider = 'pubgm'")
    command.downgrade(alembic_config(url), "0010")
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(tournament)")]
        assert "nation_decider" not in columns and "nation_scoring" in columns
        assert db.execute("SELECT id, slug FROM tournament").fetchall() == [(7, "ecea")]
        assert db.execute("SELECT id, tournament_id FROM event").fetchall() == [(3, 7)]
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'tournament'"
                            ).fetchone()
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_migration_0012_adds_no_game_in_play_and_takes_it_back(tmp_path):
    """A match made before 0012 has no game in play after the upgrade (its games are all
    finished); the downgrade drops the column and keeps the rows, ids and AUTOINCREMENT."""
    import sqlite3

    from alembic import command

    from tournament.migrate import alembic_config, upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0011_nation_decider")
    with sqlite3.connect(path) as db:
        db.executescript("""
            INSERT INTO tournament (id, slug, name, timezone, published, last_seq,
                nation_points, nation_scoring, created_at) VALUES (7, 'cup', 'Cup',
                'Asia/Seoul', 1, 0, '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
            INSERT INTO event (id, tournament_id, slug, name, position)
                VALUES (3, 7, 'fc', 'eFootball', 0);
            INSERT INTO stage (id, event_id, tournament_id, name, format, seeding_method,
                status, position) VALUES (5, 3, 7, 'League', 'round_robin', 'standard',
                'running', 0);
            INSERT INTO match (id, stage_id, tournament_id, number, round, filled1, filled2,
                score1, score2, games, best_of, status, draw, conditional, active, version,
                updated_at) VALUES (9, 5, 7, 1, 1, 1, 1, 1, 0, '[[2, 1]]', 1, 'completed', 0,
                0, 1, 3, '2026-11-29 00:00:00');
        """)
    upgrade(url)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, games, game_in_play FROM match").fetchall() == [
            (9, "[[2, 1]]", 0)]
        db.execute("UPDATE match SET game_in_play = 1")
    command.downgrade(alembic_config(url), "0011_nation_decider")
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(match)")]
        assert "game_in_play" not in columns and "games" in columns
        assert db.execute("SELECT id, stage_id, games, version FROM match").fetchall() == [
            (9, 5, "[[2, 1]]", 3)]
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'match'").fetchone()
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_migration_0013_adds_no_round_plans_and_takes_them_back(tmp_path):
    """A stage made before 0013 has no round plans after the upgrade (its rounds are made
    without planned times, as before); a plan stored after it survives a read back; the
    downgrade drops the column and keeps the rows, ids and AUTOINCREMENT."""
    import json
    import sqlite3

    from alembic import command

    from tournament.migrate import alembic_config, upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0012_game_in_play")
    with sqlite3.connect(path) as db:
        db.executescript("""
            INSERT INTO tournament (id, slug, name, timezone, published, last_seq,
                nation_points, nation_scoring, created_at) VALUES (7, 'cup', 'Cup',
                'Asia/Seoul', 1, 0, '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
            INSERT INTO event (id, tournament_id, slug, name, position)
                VALUES (3, 7, 'val', 'VALORANT', 0);
            INSERT INTO stage (id, event_id, tournament_id, name, format, seeding_method,
                status, position, settings) VALUES (5, 3, 7, 'Swiss', 'swiss', 'standard',
                'running', 0, '{"wins_to_advance": 3}');
        """)
    upgrade(url)
    plan = [{"id": 1, "round": 2, "starts_at": "2026-11-30T04:00:00+00:00"}]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, settings, round_plans FROM stage").fetchall() == [
            (5, '{"wins_to_advance": 3}', None)]
        db.execute("UPDATE stage SET round_plans = ?", (json.dumps(plan),))
        (kept,) = db.execute("SELECT round_plans FROM stage").fetchone()
        assert json.loads(kept) == plan
    command.downgrade(alembic_config(url), "0012_game_in_play")
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(stage)")]
        assert "round_plans" not in columns and "settings" in columns
        assert db.execute("SELECT id, name, settings FROM stage").fetchall() == [
            (5, "Swiss", '{"wins_to_advance": 3}')]
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'stage'").fetchone()
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_migration_0014_adds_no_venues_and_takes_them_back(tmp_path):
    """A tournament made before 0014 has no venues after the upgrade (its matches' venues
    are shown as typed, as before); a list stored after it survives a read back; the
    downgrade drops the column and keeps the rows, ids and AUTOINCREMENT."""
    import json
    import sqlite3

    from alembic import command

    from tournament.migrate import alembic_config, upgrade

    path = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0013_round_plans")
    with sqlite3.connect(path) as db:
        db.executescript("""
            INSERT INTO tournament (id, slug, name, timezone, published, last_seq,
                nation_points, nation_scoring, created_at) VALUES (9, 'cup', 'Cup',
                'Asia/Seoul', 1, 4, '[10, 6, 5]', 'best', '2026-11-29 00:00:00');
        """)
    upgrade(url)
    venues = [{"name": "Olympic Hall, Seoul", "names": {"ko": "서울 올림픽홀"}}]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id, slug, last_seq, venues FROM tournament").fetchall() == [
            (9, "cup", 4, None)]
        db.execute("UPDATE tournament SET venues = ?", (json.dumps(venues),))
        (kept,) = db.execute("SELECT venues FROM tournament").fetchone()
        assert json.loads(kept) == venues
    command.downgrade(alembic_config(url), "0013_round_plans")
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(tournament)")]
        assert "venues" not in columns and "nation_decider" in columns
        assert db.execute("SELECT id, slug, last_seq FROM tournament").fetchall() == [
            (9, "cup", 4)]
        (sql,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'tournament'").fetchone()
        assert "AUTOINCREMENT" in sql
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
