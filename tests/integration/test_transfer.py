"""Export a played tournament and import it into an empty database of the other kind
(SQLite → PostgreSQL, PostgreSQL → SQLite): the API answers are the same apart from ids,
and every page reads the same. Also the command line (export, import, backup)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import subprocess
import sys
from typing import Any

import httpx
import pytest

from tests.conftest import PG_URL, ROOT, create_postgres, drop_postgres
from tests.helpers import (
    ADMIN,
    AUTH,
    by_number,
    make_event,
    make_stage,
    play_out,
    report,
    stage,
    visible_text,
)
from tournament.app import create_app
from tournament.config import Settings
from tournament.migrate import upgrade

ASYNC = pytest.mark.asyncio(loop_scope="session")
# Which kind of id each key holds ("id" is the kind of the object it sits in): ids are
# renumbered per kind, since two databases number teams, events and stages independently
# (a team and an event may share the number 1 in one and not in the other).
KINDS = {"stage_id": "stage", "from_stage": "stage", "event_id": "event", "team_id": "team",
         "teams": "team", "seeding": "team", "user_id": "user"}
PLURAL = {"teams": "team", "stages": "stage", "matches": "match", "events": "event"}
Ids = dict[tuple[str, int], int]


def canonical(value: Any, ids: Ids, kind: str = "") -> Any:
    """``value`` with every id replaced by its order of first appearance among its kind."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in ("updated_at", "exported_at", "last_seq"):
                continue
            if k == "id":
                out[k] = _ids(v, ids, kind)
            elif k in KINDS:
                out[k] = _ids(v, ids, KINDS[k])
            else:
                out[k] = canonical(v, ids, PLURAL.get(k, k))
        return out
    if isinstance(value, list):
        return [canonical(v, ids, kind) for v in value]
    return value


def _ids(value: Any, ids: Ids, kind: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return ids.setdefault((kind, value), len([k for k in ids if k[0] == kind]))
    if isinstance(value, list):
        return [_ids(v, ids, kind) if isinstance(v, int | type(None))
                else canonical(v, ids, kind) for v in value]
    return canonical(value, ids, kind)


async def played_tournament(client: httpx.AsyncClient) -> dict[str, Any]:
    event = await make_event(client, 6, nations=("KR", "JP", "CN"))
    r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol", json={
        "game_names": {"ko": "리그 오브 레전드", "ja": "リーグ・オブ・レジェンド"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              names={"ko": "조별 리그"},
                              settings={"groups": 2, "allow_draws": True})
    final = await make_stage(client, event, name="Final", format="double_elimination",
                     settings={"grand_final": "reset"},
                     seeding={"from_stage": groups["id"], "qualifiers": 2})
    matches = sorted(groups["matches"], key=lambda m: m["number"])
    await client.patch(f"/api/matches/{matches[0]['id']}", json={
        "games": [[2, 2]], "status": "completed", "scheduled_at": "2026-11-28T19:00:00+09:00",
        "venue": "Hall A", "station": "3"}, headers=AUTH)
    await report(client, matches[1]["id"], [0, 1])
    await client.post(f"/api/teams/{event['teams'][5]}/withdraw", json={}, headers=AUTH)
    await play_out(client, groups["id"])
    # a goal of the final's game in play: shown, not counted, and exported as such
    first = by_number(await stage(client, final["id"]))[1]
    r = await client.patch(f"/api/matches/{first['id']}", json={
        "games": [{"score": [1, 0], "live": True}], "status": "live"}, headers=AUTH)
    assert (r.status_code, r.json()["game_in_play"]) == (200, True), r.text
    return event


async def pages_of(client: httpx.AsyncClient, slug: str) -> dict[str, str]:
    detail = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()
    paths = [f"/tournaments/{slug}", f"/tournaments/{slug}/events/lol",
             *(f"/stages/{s['id']}" for s in detail["stages"]),
             *(f"/teams/{t['id']}" for t in detail["teams"])]
    out = {}
    for i, path in enumerate(paths):
        text = visible_text((await client.get(path + "?lang=ko")).text)
        out[str(i)] = re.sub(r"\s+", " ", text)
    return out


async def answers_of(client: httpx.AsyncClient, slug: str) -> dict[str, Any]:
    tournament = (await client.get(f"/api/tournaments/{slug}")).json()
    event = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()
    stages = [(await client.get(f"/api/stages/{s['id']}")).json() for s in event["stages"]]
    teams = [(await client.get(f"/api/teams/{t['id']}")).json() for t in event["teams"]]
    return {"tournament": tournament, "event": event, "stages": stages, "teams": teams}


@ASYNC
async def test_export_and_import_into_the_other_database(client, db_url, tmp_path):
    event = await played_tournament(client)
    exported = await client.get(f"/api/tournaments/{event['slug']}/export")
    assert exported.status_code == 200
    doc = exported.json()
    assert doc["format"] == "tournament-export" and doc["version"] == 1
    assert "token" not in exported.text  # no secrets
    in_play = [(m["games"], m["score1"], m["score2"], m["status"])
               for e in doc["events"] for st in e["stages"] for m in st["matches"]
               if m["game_in_play"]]
    assert in_play == [([[1, 0]], 0, 0, "live")]
    assert [e["game_names"] for e in doc["events"]] == [
        {"ko": "리그 오브 레전드", "ja": "リーグ・オブ・レジェンド"}]
    target = (await create_postgres(PG_URL)) if db_url.startswith("sqlite") else \
        f"sqlite+aiosqlite:///{tmp_path / 'imported.db'}"
    try:
        upgrade(target)
        app = create_app(Settings(database_url=target, admin_token=ADMIN))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as other:
                r = await other.post("/api/tournaments/import", content=exported.content,
                                     headers={**AUTH, "Content-Type": "application/json"})
                assert r.status_code == 201, r.text
                assert r.headers["location"] == f"/api/tournaments/{event['slug']}"
                again = await other.post("/api/tournaments/import", content=exported.content,
                                         headers=AUTH)
                assert again.status_code == 409
                before = await answers_of(client, event["slug"])
                after = await answers_of(other, event["slug"])
                assert canonical(after, {}) == canonical(before, {})
                assert after["tournament"]["last_seq"] == before["tournament"]["last_seq"]
                assert await pages_of(other, event["slug"]) == await pages_of(
                    client, event["slug"])
    finally:
        if not target.startswith("sqlite"):
            await drop_postgres(target, PG_URL)


@ASYNC
async def test_a_broken_export_is_refused_and_changes_nothing(client):
    event = await played_tournament(client)
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = event["slug"] + "-copy"
    doc["events"][0]["stages"][0]["seeding"][0] = 999_999  # a team that does not exist
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_export"
    assert (await client.get(f"/api/tournaments/{doc['tournament']['slug']}")).status_code \
        == 404
    r = await client.post("/api/tournaments/import", json={**doc, "version": 9},
                          headers=AUTH)
    assert r.status_code == 422


async def test_an_export_naming_an_event_or_team_twice_is_refused(client):
    """Found by the long fuzz run on PostgreSQL: two events with one slug were a 500."""
    event = await played_tournament(client)
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = event["slug"] + "-twice"
    twice = {**doc, "events": [doc["events"][0], {**doc["events"][0], "stages": []}]}
    r = await client.post("/api/tournaments/import", json=twice, headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_export"
    assert r.json()["error"]["field"] == "events.1.slug"
    first = doc["events"][0]
    teams = {**first, "teams": [first["teams"][0], first["teams"][0]], "stages": []}
    r = await client.post("/api/tournaments/import", json={**doc, "events": [teams]},
                          headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "events.0.teams.1.id"
    assert (await client.get(f"/api/tournaments/{doc['tournament']['slug']}")).status_code \
        == 404


def test_the_command_line_exports_imports_and_backs_up(tmp_path):
    source = tmp_path / "source.db"
    run = [sys.executable, str(ROOT / "run.py")]

    def call(*args: str) -> str:
        done = subprocess.run([*run, *args], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    async def fill() -> str:
        url = f"sqlite+aiosqlite:///{source}"
        upgrade(url)
        app = create_app(Settings(database_url=url, admin_token=ADMIN))
        async with app.router.lifespan_context(app), httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return str((await played_tournament(c))["slug"])

    slug = asyncio.run(fill())
    exported = call("export", slug, "--db", str(source))
    assert json.loads(exported)["tournament"]["slug"] == slug
    (tmp_path / "t.json").write_text(exported, encoding="utf-8")
    assert "imported" in call("import", str(tmp_path / "t.json"), "--db",
                              str(tmp_path / "copy.db"))
    call("backup", str(tmp_path / "backup.db"), "--db", str(source))
    with sqlite3.connect(tmp_path / "backup.db") as db:
        assert db.execute("SELECT slug FROM tournament").fetchall() == [(slug,)]
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    failed = subprocess.run([*run, "export", "no-such", "--db", str(source)],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert failed.returncode != 0 and "export failed" in failed.stderr


@ASYNC
async def test_an_export_shows_what_its_reader_may_see_in_the_tournaments_time(client):
    """A draft stage is the organizer's: the public export left it in (with its matches and
    seeding) while every other public read hid it; an admin's export keeps it (a backup).
    Times are in the tournament's time zone, as every other answer gives them (it gave UTC)."""
    event = await make_event(client, 4)
    played = await make_stage(client, event, name="Played")
    await make_stage(client, event, name="Hidden draft", start=False)
    m = played["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    url = f"/api/tournaments/{event['slug']}/export"
    public = (await client.get(url)).json()["events"][0]["stages"]
    assert [s["name"] for s in public] == ["Played"]
    (shown,) = [x for x in public[0]["matches"] if x["number"] == m["number"]]
    assert shown["scheduled_at"] == "2026-11-28T19:00:00+09:00"
    full = (await client.get(url, headers=AUTH)).json()["events"][0]["stages"]
    assert [s["name"] for s in full] == ["Played", "Hidden draft"]
