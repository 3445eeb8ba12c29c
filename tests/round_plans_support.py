"""What the round-plan tests share: a Swiss stage's settings and a plan for its round 2
(with the times it gives), the stage's plans and matches' times as the API reads them, and
plans written straight into the stage row as an older version stored them."""

from __future__ import annotations

from typing import Any

from tests.helpers import AUTH

SWISS = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}
PLAN = {"round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 90,
        "venue": "Hall A", "stations": ["1", "2"]}
# four matches over two stations: two at 13:00, two at 14:30 (as POST /schedule gives)
PLANNED = [("2026-11-30T13:00:00+09:00", "1"), ("2026-11-30T13:00:00+09:00", "2"),
           ("2026-11-30T14:30:00+09:00", "1"), ("2026-11-30T14:30:00+09:00", "2")]


def times(view: dict, round_: int) -> list[tuple[str | None, str | None]]:
    return [(m["scheduled_at"], m["station"]) for m in sorted(
        view["matches"], key=lambda m: m["number"]) if m["round"] == round_]


async def plans(client: Any, stage_id: int) -> list[dict]:
    r = await client.get(f"/api/stages/{stage_id}/round-plans", headers=AUTH)
    assert r.status_code == 200, r.text
    return list(r.json()["plans"])


async def store_plans(db_url: str, stage_id: int, plans: list[dict]) -> None:
    """Plans written as an older version stored them (straight into the stage row)."""
    from sqlalchemy import JSON, bindparam, text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(db_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE stage SET round_plans = :plans WHERE id = :id")
                               .bindparams(bindparam("plans", type_=JSON)),
                               {"plans": plans, "id": stage_id})
    finally:
        await engine.dispose()


async def plan_ahead(client: Any, stage_id: int, body: dict) -> dict:
    """A plan saved ahead of its round (201) with ``body``: the plan as the API gives it."""
    r = await client.post(f"/api/stages/{stage_id}/round-plans", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    return dict(r.json()["plan"])
