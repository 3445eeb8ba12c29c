"""The OpenAPI schema names every key the API answers with (the API review found fields in
answers that no schema listed: nation_pairs, champion, a placement's last, a stage's ties
and draw, standings goals, a team schedule's stage and opponent, /api/matches' extra keys,
an error's params, a 409's match and changed_by). Real answers are checked key by key
against the schema, and validated by it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


def unlisted(value: Any, schema: dict[str, Any], components: dict[str, Any],
             path: str = "$") -> list[str]:
    """Keys of ``value`` that ``schema`` does not list, at every depth the schema types."""
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    found: list[str] = []
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        found += [f"{path}.{k}" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                found += unlisted(v, props[k], components, f"{path}.{k}")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, v in enumerate(value[:50]):
            found += unlisted(v, schema["items"], components, f"{path}[{i}]")
    return found


async def check(client: httpx.AsyncClient, r: httpx.Response, path: str, method: str,
                status: str) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    components = spec["components"]["schemas"]
    answer = spec["paths"][path][method]["responses"][status]
    schema = answer["content"]["application/json"]["schema"]
    body = r.json()
    assert unlisted(body, schema, components) == []
    document = {**schema, "components": spec["components"]}  # its $refs resolve here
    errors = [e.message for e in Draft202012Validator(document).iter_errors(body)]
    assert errors == []


async def test_every_answer_key_is_in_the_schema(client):
    event = await make_event(client, 4)
    slug = event["slug"]
    de = await make_stage(client, event, format="double_elimination",
                          settings={"best_of": 3})
    m = by_number(de)
    assert (await report(client, m[1]["id"], [2, 0])).status_code == 200
    assert (await report(client, m[2]["id"], [2, 1])).status_code == 200
    assert (await report(client, m[4]["id"], [2, 0])).status_code == 200  # a loser is out
    await check(client, await client.get(f"/api/tournaments/{slug}"),
                "/api/tournaments/{slug}", "get", "200")
    await check(client, await client.get(f"/api/tournaments/{slug}/events/lol"),
                "/api/tournaments/{slug}/events/{event}", "get", "200")
    await check(client, await client.get(f"/api/stages/{de['id']}"),
                "/api/stages/{id}", "get", "200")
    await check(client, await client.get(f"/api/teams/{event['teams'][0]}"),
                "/api/teams/{id}", "get", "200")
    await check(client, await client.get("/api/matches", params={"tournament": slug}),
                "/api/matches", "get", "200")
    stale = await client.patch(f"/api/matches/{m[3]['id']}", json={"score": [1, 0],
                                                                   "status": "live"},
                               headers={**AUTH, "If-Match": "0"})
    assert stale.status_code == 409
    await check(client, stale, "/api/matches/{id}", "patch", "409")


async def test_round_plan_answers_are_in_the_schema(client):
    """A plan stored (201), applied (with its clashes), listed, changed and removed; a
    round that exists scheduled now (200)."""
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="swiss",
                          settings={"wins_to_advance": 2, "losses_to_eliminate": 2})
    url = f"/api/stages/{st['id']}/round-plans"
    plan = {"round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "venue": "Hall",
            "stations": ["1"], "stream_url": "https://twitch.tv/x"}
    # its four matches at once on one station and one stream: refused (each clash naming
    # the plan's match), then saved anyway
    refused = await client.post(url, json=plan, headers=AUTH)
    assert refused.status_code == 409 and refused.json()["clashes"][0]["plan"]
    await check(client, refused, "/api/stages/{id}/round-plans", "post", "409")
    made = await client.post(url, json={**plan, "override": True}, headers=AUTH)
    await check(client, made, "/api/stages/{id}/round-plans", "post", "201")
    for m in st["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    listed = await client.get(url, headers=AUTH)
    assert listed.json()["plans"][0]["applied"]["clashes"]  # one station, one stream
    await check(client, listed, "/api/stages/{id}/round-plans", "get", "200")
    now = await client.post(url, json={**plan, "stations": ["1", "2", "3", "4"],
                                       "stream_url": None, "round": 1,
                                       "starts_at": "2026-11-29T13:00:00+09:00"},
                           headers=AUTH)
    await check(client, now, "/api/stages/{id}/round-plans", "post", "200")
    pid = made.json()["plan"]["id"]
    changed = await client.put(f"{url}/{pid}", json={**plan, "round": 3, "override": True},
                               headers=AUTH)
    await check(client, changed, "/api/stages/{id}/round-plans/{plan}", "put", "200")
    gone = await client.delete(f"{url}/{pid}", headers=AUTH)
    await check(client, gone, "/api/stages/{id}/round-plans/{plan}", "delete", "200")
