"""Schemathesis over ``/api/openapi.json`` against a real server: every operation, as
admin, referee and anonymous, every check, with a fixed seed (derandomized Hypothesis).

Cases draw their path parameters either at random from the schema or from resources that
exist (a published and an unpublished tournament with an event, teams, a stage and its
matches), so the fuzzing reaches the handlers behind the 404s too."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .helpers import ADMIN, AUTH, unique

# Codes the server gives when the *schema-level* validation refused a request: a request
# the schema calls valid must never get one (domain refusals have their own codes).
SCHEMA_CODES = {"invalid_json", "unknown_field", "invalid_input", "invalid_parameter",
                "body_too_large", "invalid_if_match", "invalid_idempotency_key",
                "unsupported_media_type"}


# The schema's times and days are RFC 3339 strings with a pattern for the years the service
# takes (2000-2100). Schemathesis draws a format value over years 1-9999 and, when a few miss
# the pattern, draws from the pattern and keeps what is a valid date-time: nearly nothing,
# so a body with a time cost a third of a second to draw (a fifth of the short run). These
# draw the years around the range (a year either side, the refusals at its edges) with
# several offsets and Z, so each value is a format value and most meet the pattern.
_YEARS = (datetime(1999, 1, 1), datetime(2101, 12, 31, 23, 59, 59))
_ZONES = st.sampled_from([UTC, timezone(timedelta(hours=9)),
                          timezone(timedelta(hours=-5, minutes=-30))])
schemathesis.openapi.format("date-time", st.datetimes(*_YEARS, timezones=_ZONES).map(
    lambda d: d.isoformat().replace("+00:00", "Z")))
schemathesis.openapi.format("date", st.dates(date(1999, 1, 1), date(2101, 12, 31)).map(
    date.isoformat))


def _make_world(base: str) -> dict[str, Any]:
    with httpx.Client(base_url=base, headers=AUTH, timeout=30) as c:
        worlds = {}
        for published in (True, False):
            slug = unique("fz")
            assert c.post("/api/tournaments", json={
                "slug": slug, "name": "Fuzz", "published": published}).status_code == 201
            assert c.post(f"/api/tournaments/{slug}/events",
                          json={"slug": "lol", "name": "LoL"}).status_code == 201
            teams = [c.post(f"/api/tournaments/{slug}/events/lol/teams", json={
                "name": f"T{i}", "nation": "KR" if i % 2 else "JP"}).json()["id"]
                for i in range(6)]
            stage = c.post(f"/api/tournaments/{slug}/events/lol/stages", json={
                "name": "RR", "format": "round_robin", "seeding": teams}).json()
            worlds[published] = {"slug": slug, "teams": teams, "stage": stage["id"],
                                 "matches": [m["id"] for m in stage["matches"]]}
        referee = c.post("/api/users", json={
            "name": unique("ref"), "role": "referee",
            "tournaments": [worlds[True]["slug"], worlds[False]["slug"]]}).json()
    return {"open": worlds[True], "hidden": worlds[False], "referee": referee["token"]}


def _known(path: str, world: dict[str, Any]) -> dict[str, Any]:
    ids = {"/api/stages/{id}": world["stage"], "/api/matches/{id}": world["matches"][0],
           "/api/teams/{id}": world["teams"][0], "/api/teams/{id}/withdraw":
           world["teams"][-1], "/teams/{id}/schedule.ics": world["teams"][0]}
    params: dict[str, Any] = {"slug": world["slug"], "event": "lol"}
    if path in ids:
        params["id"] = ids[path]
    return {k: v for k, v in params.items() if "{" + k + "}" in path}


def no_schema_level_refusal(ctx: Any, response: Any, case: Any) -> bool | None:
    """A request the schema calls valid passes the server's own validation: domain checks
    may refuse it (409/422 with their codes), schema-level ones may not."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    if response.status_code in (400, 413, 422):
        try:
            code = response.json()["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = "?"
        if code in SCHEMA_CODES:
            raise AssertionError(f"schema-valid request refused: {response.status_code} "
                                 f"{response.text[:300]}")
    if response.status_code >= 500:
        raise AssertionError(f"server error {response.status_code}: {response.text[:300]}")
    return True


# Operations that hash a password (argon2id, a fifth of a second by design) run at most
# this many examples: their inputs are a small schema, and more would only add minutes.
CAPPED = {"POST /api/users": 40, "PATCH /api/users/{id}": 40}


def fuzz(base: str, examples: int, seed: int | None = None) -> None:
    """Run every operation ``examples`` times per role mix; raises on the first failure.
    Without ``seed`` the examples are derandomized (the same every run); a ``seed`` draws
    another fixed set, so a long run explores inputs the short one never sends."""
    world = _make_world(base)
    schema = schemathesis.openapi.from_url(f"{base}/api/openapi.json")
    tokens = {"admin": ADMIN, "referee": world["referee"], "anonymous": None}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        path = operation.path
        strategies = [operation.as_strategy()]
        for which in ("open", "hidden"):
            known = _known(path, world[which])
            if known:
                strategies.append(operation.as_strategy(path_parameters=known))

        @settings(max_examples=min(examples, CAPPED.get(operation.label, examples)),
                  derandomize=seed is None, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.generate])
        @given(case=st.one_of(strategies), role=st.sampled_from(sorted(tokens)))
        def run(case: Any, role: str) -> None:
            token = tokens[role]
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            response = case.call(headers=headers, timeout=60)
            case.validate_response(response, headers=headers,
                                   excluded_checks=[positive_data_acceptance],
                                   additional_checks=[no_schema_level_refusal])

        if seed is not None:
            run = hypothesis_seed(seed)(run)
        try:
            run()
        except Exception as exc:  # collect every operation's first failure
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
