"""An API refusal in the language the request asks for: ``error.localized`` ``{locale,
message}`` beside the English ``message`` (which stays as it was, for logs and scripts),
chosen as pages choose (``?lang=``, the ``lang`` cookie, then Accept-Language); none for
English. The words are the ones the pages and the referee console say."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(loop_scope="session")
async def fresh(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no cookies: the shared one keeps a ``lang`` cookie from pages."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as c:
        yield c


async def _bad_score(client: httpx.AsyncClient, headers: dict[str, str],
                     query: str = "") -> httpx.Response:
    event = await make_event(client, teams=4)
    first = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
    r = await client.patch(f"/api/matches/{first['id']}{query}",
                           json={"score": [3, 0], "status": "completed"},
                           headers={**AUTH, **headers})
    assert r.status_code == 422, r.text
    after = (await client.get(f"/api/matches/{first['id']}")).json()
    assert after["score"] == first["score"] and after["status"] == first["status"]
    return r


@pytest.mark.parametrize("accept, locale, said", [
    ("ko-KR,ko;q=0.9,en;q=0.5", "ko", "이 경기 방식에서는 나올 수 없는 점수입니다."),
    ("ja", "ja", "この試合の形式ではありえないスコアです。"),
])
async def test_a_refusal_is_said_in_the_accepted_language(fresh, accept, locale, said):
    error = (await _bad_score(fresh, {"Accept-Language": accept})).json()["error"]
    assert error["code"] == "invalid_score"
    assert error["message"] == "A best-of-3 ends when one side wins 2 games; 3-0 is too many."
    assert error["localized"] == {"locale": locale, "message": said}


async def test_english_has_no_localized_copy(fresh):
    for headers in ({}, {"Accept-Language": "en-US,en;q=0.9"}):
        assert "localized" not in (await _bad_score(fresh, headers)).json()["error"]


async def test_the_query_outranks_accept_language(fresh):
    error = (await _bad_score(fresh, {"Accept-Language": "ja"}, "?lang=ko")).json()["error"]
    assert error["localized"]["locale"] == "ko"
    assert "localized" not in (await _bad_score(fresh, {"Accept-Language": "ja"},
                                                "?lang=en")).json()["error"]


async def test_a_field_refusal_names_the_field_in_the_language(fresh):
    r = await fresh.post("/api/tournaments", json={"name": "x"},
                         headers={**AUTH, "Accept-Language": "ja"})
    error = r.json()["error"]
    assert (r.status_code, error["code"], error["field"]) == (422, "invalid_input", "slug")
    assert error["localized"]["locale"] == "ja"
    assert error["localized"]["message"] == "アドレス（スラッグ）：入力が必要です。"
    assert error["localized"]["message"] != error["message"]


async def test_unknown_things_and_routes_are_said_too(fresh):
    ko = {"Accept-Language": "ko"}
    error = (await fresh.get("/api/matches/999999", headers=ko)).json()["error"]
    assert error["code"] == "not_found"
    assert error["localized"] == {"locale": "ko", "message": "경기를 찾을 수 없습니다."}
    error = (await fresh.get("/api/no-such-thing", headers={"Accept-Language": "ja"})).json()
    assert error["error"]["localized"] == {"locale": "ja", "message": "見つかりません。"}
    r = await fresh.delete("/api/tournaments", headers={"Accept-Language": "ja"})
    assert r.status_code == 405
    assert r.json()["error"]["localized"]["message"] == \
        "このアドレスはその種類のリクエストを受け付けません。"


async def test_the_schema_describes_localized(fresh):
    schema = (await fresh.get("/api/openapi.json")).json()
    error = schema["components"]["schemas"]["Error"]["properties"]["error"]
    localized = error["properties"]["localized"]
    assert set(localized["properties"]) == {"locale", "message"}
    assert "localized" not in error.get("required", [])


async def test_a_refused_token_is_said_as_a_token_not_a_sign_in(fresh):
    """A script's bearer token refused: the token, not "you are signed out" (no one signed
    in: that is a session's ``session_expired``)."""
    r = await fresh.post("/api/tournaments", json={"slug": "x-token", "name": "x"},
                         headers={"Authorization": "Bearer bad", "Accept-Language": "ko"})
    error = r.json()["error"]
    assert (r.status_code, error["code"]) == (401, "invalid_token"), r.text
    assert error["localized"] == {"locale": "ko", "message": "토큰이 유효하지 않습니다."}
