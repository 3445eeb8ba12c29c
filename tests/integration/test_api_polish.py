"""Contract polish: what the API says is what is (a grand-final reset out of play), and
every list, header, media type, number and null reads one way across the API."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlmodel import select

from tests.helpers import (
    AUTH,
    by_number,
    make_event,
    make_stage,
    report,
    stage,
    unique,
    visible_text,
)
from tournament.live import outbox
from tournament.models import Tournament

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _feed(app: Any, slug: str, after: int) -> list[tuple[str, Any]]:
    """The live events of the tournament after ``after``: (type, the match id or stage id)."""
    async with app.state.ctx.db.read() as session:
        tid = (await session.exec(select(Tournament.id).where(Tournament.slug == slug))).one()
        return [(e.type, e.data.get("id")) for e in await outbox.since(session, tid, after)]


async def _last_seq(client: httpx.AsyncClient, slug: str) -> int:
    return int((await client.get(f"/api/tournaments/{slug}")).json()["last_seq"])


async def _to_grand_final(client: httpx.AsyncClient) -> tuple[dict[str, Any], int, int]:
    """A 4-team double elimination with a bracket reset, played to its grand final: upper
    final winner team 1 (slot 1 wins every match); returns the event, stage id and GF1 id."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"grand_final": "reset"})
    for number in (1, 2, 3, 4, 5):  # upper round 1, upper final, lower rounds 1 and 2
        m = by_number(await stage(client, st["id"]))[number]
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    gf1 = by_number(await stage(client, st["id"]))[6]
    assert gf1["bracket"] == "grand_final" and gf1["status"] == "ready"
    return event, st["id"], gf1["id"]


async def test_a_reset_taken_out_of_play_is_listed_and_never_announced_as_ready(app, client):
    """The lower finalist wins the first grand final, so the reset (M7) is drawn and
    ready; a correction gives the first grand final to the upper finalist. The reset is no
    longer played: the answer lists it in ``reset_matches``, the live feed does not call it
    ready (it said so before: ``match.updated`` M7 "ready"), and no read shows it."""
    event, stage_id, gf1 = await _to_grand_final(client)
    r = await report(client, gf1, [0, 1])
    assert r.status_code == 200 and r.json()["reset_matches"] == []
    drawn = by_number(await stage(client, stage_id))
    reset = drawn[7]
    assert (reset["bracket"], reset["round"], reset["status"], reset["teams"]) == \
        ("grand_final", 2, "ready", drawn[6]["teams"])  # the grand final's sides kept
    seq = await _last_seq(client, event["slug"])

    r = await report(client, gf1, [1, 0])  # the correction: the upper finalist won
    assert r.status_code == 200, r.text
    assert r.json()["reset_matches"] == [reset["id"]]
    view = await stage(client, stage_id)
    assert sorted(by_number(view)) == [1, 2, 3, 4, 5, 6] and view["status"] == "completed"
    assert await _feed(app, event["slug"], seq) == [
        ("match.updated", gf1), ("stage.updated", stage_id),
        ("tournament.updated", (await client.get(f"/api/tournaments/{event['slug']}"))
         .json()["id"])]
    gone = await client.get(f"/api/matches/{reset['id']}")
    assert _error(gone, 404, "not_found")["message"] == (
        f"Match {reset['id']} is not played: it was taken out of play (a bracket reset no "
        "longer needed, or a Swiss round paired again after a correction).")
    page = await client.get(f"/matches/{reset['id']}?lang=ko")  # said so on its page too
    assert page.status_code == 404 and "경기 목록에서 빠졌습니다" in visible_text(page.text)
    unknown = await client.get("/api/matches/999999")
    assert _error(unknown, 404, "not_found")["message"] == "Match 999999 does not exist."
    listed = (await client.get("/api/matches", params={"stage": stage_id})).json()["items"]
    assert [m["id"] for m in listed] == sorted(by_number(view)[n]["id"] for n in range(1, 7))

    # the reset needed again: it comes back, announced, and is not in reset_matches
    seq = await _last_seq(client, event["slug"])
    r = await report(client, gf1, [0, 1])
    assert r.status_code == 200 and r.json()["reset_matches"] == []
    assert ("match.updated", reset["id"]) in await _feed(app, event["slug"], seq)
    assert by_number(await stage(client, stage_id))[7]["status"] == "ready"


async def test_a_grand_final_won_from_above_never_announces_the_reset(app, client):
    event, stage_id, gf1 = await _to_grand_final(client)
    seq = await _last_seq(client, event["slug"])
    r = await report(client, gf1, [1, 0])
    assert r.status_code == 200 and r.json()["reset_matches"] == []
    tournament_id = (await client.get(f"/api/tournaments/{event['slug']}")).json()["id"]
    assert await _feed(app, event["slug"], seq) == [
        ("match.updated", gf1), ("stage.updated", stage_id),
        ("tournament.updated", tournament_id)]


async def test_a_played_reset_corrected_away_is_cleared_and_listed(client):
    _, stage_id, gf1 = await _to_grand_final(client)
    assert (await report(client, gf1, [0, 1])).status_code == 200
    reset = by_number(await stage(client, stage_id))[7]
    assert (await report(client, reset["id"], [1, 0])).status_code == 200
    r = await report(client, gf1, [1, 0])
    assert r.status_code == 200 and r.json()["reset_matches"] == [reset["id"]]
    assert 7 not in by_number(await stage(client, stage_id))


def _error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()["error"]
    assert body["code"] == code, r.text
    return body


NOT_ASCII = ("An Idempotency-Key is visible ASCII characters (letters, digits, punctuation; "
             "no spaces), a UUID say.")


async def test_an_empty_or_overlong_idempotency_key_is_a_400_that_changes_nothing(client):
    """An empty key was read as no key: a client whose key generator broke retried, and
    the write was applied twice. A key sent is checked: empty (or blank), over 200
    characters, or not visible ASCII (as the OpenAPI schema says) are each 400
    invalid_idempotency_key, before anything is written."""
    slug = unique()
    for key, message in (
            ("", "The Idempotency-Key header is empty: send a key (a UUID, say) or leave "
                 "the header out."),
            ("   ", "The Idempotency-Key header is empty: send a key (a UUID, say) or leave "
                    "the header out."),
            ("k" * 201, "An Idempotency-Key has at most 200 characters."),
            # what the schema promises a key is (0x21-0x7E): no inner space, no tab, no
            # Latin-1 byte, no DEL
            *((key, NOT_ASCII) for key in ("a b", "k\tk", "ké".encode("latin-1"),
                                           "k\x7f"))):
        r = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup"},
                              headers={**AUTH, "Idempotency-Key": key})
        body = _error(r, 400, "invalid_idempotency_key")
        assert (body["message"], body["field"]) == (message, "Idempotency-Key")
        assert (await client.get(f"/api/tournaments/{slug}")).status_code == 404
    # 200 characters is a key: the retry answers as the first and makes nothing twice
    headers = {**AUTH, "Idempotency-Key": slug.ljust(200, "k")}
    first = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup"},
                              headers=headers)
    again = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup"},
                              headers=headers)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()


async def test_a_json_endpoint_refuses_a_body_declared_as_another_type(client):
    """A form post (``a=1``) or XML sent to a JSON endpoint is 415 unsupported_media_type
    (it was a 400 saying its "JSON" was broken), nothing written. A JSON body is read
    whatever its label (``curl -d`` declares a form post), as is one without Content-Type;
    the CSV import reads text/csv and refuses JSON; an empty body (DELETE) has no type."""
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    match = st["matches"][0]
    for declared, body in (("application/x-www-form-urlencoded", b"score=1,0&status=completed"),
                           ("text/plain", b"score 1-0"),
                           ("multipart/form-data; boundary=x", b"--x\r\n"),
                           ("application/xml", b"<score>1</score>")):
        r = await client.patch(f"/api/matches/{match['id']}", content=body,
                               headers={**AUTH, "Content-Type": declared})
        error = _error(r, 415, "unsupported_media_type")
        assert (error["field"], error["params"]) == ("Content-Type",
                                                     {"accepted": "application/json"})
        assert error["message"] == ("This endpoint reads application/json (the request's "
                                    f"Content-Type is {declared.split(';')[0]}).")
    r = await client.post(f"/api/matches/{match['id']}/preview", content=b"score=1",
                          headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    _error(r, 415, "unsupported_media_type")
    slug = unique()
    r = await client.post("/api/tournaments", content=f"slug={slug}&name=x".encode(),
                          headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    _error(r, 415, "unsupported_media_type")
    assert (await client.get(f"/api/tournaments/{slug}")).status_code == 404
    assert (await client.get(f"/api/matches/{match['id']}")).json()["status"] == "ready"
    # JSON labelled as a form post (curl -d) or as text is read as JSON
    r = await client.post("/api/tournaments", content=f'{{"slug": "{slug}", "name": "x"}}',
                          headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 201, r.text

    version = match["version"]
    for declared in ("application/json; charset=utf-8", "Application/JSON",
                     "application/merge-patch+json", "text/plain", None):
        headers = {**AUTH, **({"Content-Type": declared} if declared else {})}
        r = await client.patch(f"/api/matches/{match['id']}", headers=headers,
                               content=b'{"stream_url": "https://example.com/%d"}'
                               % version)
        assert r.status_code == 200, (declared, r.text)
        version = r.json()["version"]

    path = f"/api/tournaments/{event['slug']}/events/lol/teams/import"
    csv = "name,name_ko,name_ja,nation,seed,players\nNew Team,,,KR,,\n"
    r = await client.post(path, content=csv.encode(),
                          headers={**AUTH, "Content-Type": "application/json"})
    error = _error(r, 415, "unsupported_media_type")
    assert error["params"] == {"accepted": "text/csv"}
    r = await client.post(path, content=csv.encode(),
                          headers={**AUTH, "Content-Type": "text/csv; charset=utf-8"})
    assert r.status_code == 201, r.text
    assert [t["name"] for t in r.json()["teams"]] == ["New Team"]
    tournament = unique()
    assert (await client.post("/api/tournaments", json={"slug": tournament, "name": "x"},
                              headers=AUTH)).status_code == 201
    r = await client.request("DELETE", f"/api/tournaments/{tournament}",
                             headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 200, r.text


async def test_every_paged_list_reads_a_limit_above_its_most_as_the_most_and_says_so(client):
    """``GET /api/matches`` read limit=500 as 200 without a word, the audit trail refused
    limit=501 with a 400: both now read a limit above their most as the most and answer
    the page size used in ``limit``. 0, a sign or a non-number is still a 400. ``next``
    keeps its type: a string for matches, an integer for the audit trail."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="round_robin")  # 6 matches
    ids = sorted(m["id"] for m in st["matches"])
    base = {"tournament": event["slug"]}
    for asked, used in (("1000000", 200), ("201", 200), ("200", 200), ("5", 5)):
        page = (await client.get("/api/matches", params={**base, "limit": asked})).json()
        assert page["limit"] == used
        assert [m["id"] for m in page["items"]] == ids[:used]
    page = (await client.get("/api/matches", params={**base, "limit": "4"})).json()
    assert (page["next"], page["limit"]) == ("4", 4)  # a string cursor, as it always was
    rest = (await client.get("/api/matches", params={**base, "limit": "4",
                                                     "cursor": page["next"]})).json()
    assert [m["id"] for m in page["items"] + rest["items"]] == ids and rest["next"] is None

    trail = f"/api/tournaments/{event['slug']}/audit"
    everything = (await client.get(trail, params={"limit": "500"}, headers=AUTH)).json()
    assert everything["limit"] == 500 and everything["next"] is None
    for asked in ("501", "2147483647"):
        r = await client.get(trail, params={"limit": asked}, headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json() == everything
    first = (await client.get(trail, params={"limit": "2"}, headers=AUTH)).json()
    assert first["limit"] == 2 and first["next"] == first["items"][1]["id"]
    assert isinstance(first["next"], int)  # an entry id, as it always was

    for path, headers in (("/api/matches", {}), (trail, AUTH)):
        for bad in ("0", "-1", "+5", "x", "1.5", "２", "99999999999"):
            r = await client.get(path, params={**base, "limit": bad} if not headers
                                 else {"limit": bad}, headers=headers)
            error = _error(r, 400, "invalid_parameter")
            assert error["field"] == "limit", (path, bad)


def _exact(value: Any) -> str:
    """JSON as sent: 3 and 3.0 differ here (they are equal in Python)."""
    return json.dumps(value, sort_keys=True)


async def test_a_whole_number_written_with_a_point_is_that_number_in_settings_too(client):
    """Every typed field read 3.0 as 3 (JSON Schema's integer includes it) but a stage's
    settings refused ``best_of: 3.0`` (invalid_settings): now they read it as 3 as well, at
    any depth, stored and answered as 3. 2.5 is refused in both."""
    event = await make_event(client, 4)
    path = f"/api/tournaments/{event['slug']}/events/lol/stages"
    r = await client.post(path, headers=AUTH, json={
        "name": "Playoffs", "format": "single_elimination", "seeding": event["teams"],
        "settings": {"best_of": 3.0, "best_of_by_round": {"2": 5.0}}})
    assert r.status_code == 201, r.text
    settings = r.json()["settings"]
    assert _exact([settings["best_of"], settings["best_of_by_round"]]) == '[3, {"2": 5}]'

    final = by_number(r.json())[3]
    assert _exact(final["best_of"]) == "5"
    r = await client.post(path, headers=AUTH, json={
        "name": "League", "format": "round_robin", "seeding": event["teams"],
        "settings": {"allow_draws": True, "points": {"win": 3.0, "draw": 1.0, "loss": 0.0}}})
    assert r.status_code == 201, r.text
    league = r.json()
    assert _exact(league["settings"]["points"]) == _exact({"win": 3, "draw": 1, "loss": 0})
    assert _exact((await stage(client, league["id"]))["settings"]) == _exact(league["settings"])
    r = await client.post(path, headers=AUTH, json={
        "name": "Halves", "format": "single_elimination", "seeding": event["teams"],
        "settings": {"best_of": 2.5}})
    error = _error(r, 422, "invalid_settings")
    assert error["field"] == "settings.best_of"

    # typed fields, as before: 2.0 is 2, 1.5 is refused
    match = by_number(league)[1]
    r = await client.patch(f"/api/matches/{match['id']}", headers=AUTH,
                           json={"score": [1.0, 0.0], "status": "completed"})
    assert r.status_code == 200 and _exact(r.json()["score"]) == "[1, 0]"
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                          headers=AUTH, json={"name": "Half seed", "seed": 1.5})
    assert _error(r, 422, "invalid_input")["field"] == "seed"

    # a draft's settings changed with 3.0: stored as 3
    r = await client.post(path, headers=AUTH, json={
        "name": "Draft", "format": "single_elimination", "seeding": event["teams"],
        "start": False})
    assert r.status_code == 201, r.text
    r = await client.patch(f"/api/stages/{r.json()['id']}", headers=AUTH,
                           json={"settings": {"best_of": 3.0}})
    assert r.status_code == 200, r.text
    assert _exact(r.json()["settings"]["best_of"]) == "3"


async def test_settings_null_on_creation_is_the_defaults(client):
    """``"settings": null`` was a 422 while leaving settings out gave the defaults: null
    now means the defaults too (a client that serializes an unset field as null)."""
    event = await make_event(client, 4)
    path = f"/api/tournaments/{event['slug']}/events/lol/stages"
    views = []
    for extra in ({"settings": None}, {}, {"settings": {}}):
        r = await client.post(path, headers=AUTH, json={
            "name": "Playoffs", "format": "double_elimination", "seeding": event["teams"],
            **extra})
        assert r.status_code == 201, (extra, r.text)
        views.append(r.json())
    assert views[0]["settings"] == views[1]["settings"] == views[2]["settings"]
    assert [(m["number"], m["bracket"], m["best_of"]) for m in views[0]["matches"]] == \
        [(m["number"], m["bracket"], m["best_of"]) for m in views[1]["matches"]]
    # a PATCH's null stays refused: "settings": null there would mean neither "leave" nor
    # "reset" unambiguously, so it says so
    r = await client.patch(f"/api/stages/{views[0]['id']}", headers=AUTH,
                           json={"settings": None})
    assert _error(r, 422, "invalid_input")["field"] == "settings"


def _names_in(doc: dict[str, Any]) -> list[Any]:
    """Every ``names`` of an export, in document order."""
    found = [doc["tournament"]["names"]]
    for e in doc["events"]:
        found.append(e["names"])
        for t in e["teams"]:
            found += [t["names"], *(p["names"] for p in t["players"])]
        found += [s["names"] for s in e["stages"]]
    return found


async def test_the_export_gives_names_as_every_read_does_and_older_exports_still_load(client):
    """The export gave ``names: null`` (and ``resolutions: null``) for what every read
    gives as ``{}`` (and ``ties: []``): now ``{}`` and ``[]`` too. An older export with the
    nulls still loads, to the same reads."""
    slug = unique()
    assert (await client.post("/api/tournaments", headers=AUTH,
                              json={"slug": slug, "name": "Plain"})).status_code == 201
    assert (await client.post(f"/api/tournaments/{slug}/events", headers=AUTH,
                              json={"slug": "lol", "name": "LoL"})).status_code == 201
    teams = []
    for name in ("A", "B"):
        r = await client.post(f"/api/tournaments/{slug}/events/lol/teams", headers=AUTH,
                              json={"name": name, "players": [{"handle": name.lower()}]})
        teams.append(r.json()["id"])
    st = await make_stage(client, {"slug": slug, "event": "lol", "teams": teams})
    reads = [(await client.get(f"/api/tournaments/{slug}")).json()["names"],
             (await client.get(f"/api/tournaments/{slug}/events/lol")).json()["names"]]
    for team in teams:
        detail = (await client.get(f"/api/teams/{team}")).json()
        reads += [detail["names"], detail["players"][0]["names"]]
    read_stage = await stage(client, st["id"])
    reads.append(read_stage["names"])
    assert reads == [{}] * 7 and read_stage["ties"] == []

    doc = (await client.get(f"/api/tournaments/{slug}/export", headers=AUTH)).json()
    assert _names_in(doc) == [{}] * 7
    assert doc["events"][0]["stages"][0]["resolutions"] == []

    older = json.loads(json.dumps(doc))
    older["tournament"]["slug"] = copy = unique()
    older["tournament"]["names"] = None
    for e in older["events"]:
        e["names"] = None
        for t in e["teams"]:
            t["names"] = None
            for p in t["players"]:
                p["names"] = None
        for s in e["stages"]:
            s["names"] = s["resolutions"] = None
    r = await client.post("/api/tournaments/import", json=older, headers=AUTH)
    assert r.status_code == 201, r.text
    again = (await client.get(f"/api/tournaments/{copy}/export", headers=AUTH)).json()
    assert _names_in(again) == [{}] * 7
    assert again["events"][0]["stages"][0]["resolutions"] == []
    assert (await client.get(f"/api/tournaments/{copy}")).json()["names"] == {}
    # and today's export loads as well, to an export equal but for the slug and the stamp
    doc["tournament"]["slug"] = third = unique()
    assert (await client.post("/api/tournaments/import", json=doc,
                              headers=AUTH)).status_code == 201
    reloaded = (await client.get(f"/api/tournaments/{third}/export", headers=AUTH)).json()
    assert _names_in(reloaded) == _names_in(doc)
