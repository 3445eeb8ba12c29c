"""Clashes (as the API lists them: ``formats/clashes.Clash.as_dict``) in the reader's
words, for the console's stage and match pages: a refused schedule's or round plan's, or
those a round plan met when its matches were made. Each side is a match ("M5") or a
round plan's match not made yet ("Upper final, planned match 1")."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import i18n
from ..formats import registry
from ..models import Stage, Team
from ..services import accounts, field_sizes

# an event's stages by id (``field_sizes.by_id``), read once for all the clashes said
Stages = dict[int, dict[int, Stage]]


async def _round_words(session: AsyncSession, row: Stage | None, plan: dict[str, Any],
                       _: Callable[[str], str], stages: Stages) -> str:
    """A plan's round as the stage's pages name it ("Upper final"), else its number."""
    label: tuple[str, int | None] = ("Round %d", int(plan["round"]))
    if row is not None:
        fmt = registry.get(row.format)
        if row.event_id not in stages:
            stages[row.event_id] = await field_sizes.by_id(session, row.event_id)
        field = field_sizes.field_ahead(row, stages[row.event_id]) or len(row.seeding or [])
        with suppress(ArithmeticError, KeyError, ValueError):  # a field not known yet
            label = fmt.round_name(plan.get("bracket"), int(plan["round"]), field,
                                   row.settings or {}, plan.get("group"))
    text, value = label
    return _(text) % value if value is not None else _(text)


async def _planned(session: AsyncSession, row: Stage | None, plan: dict[str, Any],
                   number: int, _: Callable[[str], str], stages: Stages) -> str:
    return _("%(round)s, planned match %(number)d") % {
        "round": await _round_words(session, row, plan, _, stages), "number": number}


async def describe_clashes(session: AsyncSession, listed: list[dict[str, Any]], lang: str,
                           stage: dict[str, Any]) -> list[dict[str, Any]]:
    """Each clash once (two matches of one round clash both ways: said once), with
    ``this`` and ``other``: each side in words, ``other_stage`` the other's stage, and the
    team, station, stream or referee they share (``kind``, ``detail`` in words)."""
    _ = i18n.gettext(lang)
    numbers = {m["id"]: m["number"] for m in stage["matches"]}
    found, seen = [], set()
    stages: Stages = {}
    here = await session.get(Stage, stage["id"]) if stage.get("id") else None
    for c in listed:
        # each side: a match by its id, a plan's match by its stage, plan and place
        this = (stage.get("id"), (c.get("plan") or {}).get("id"), c.get("planned")) \
            if c.get("match") is None else c["match"]
        that = (c["other_stage"], c["other_plan"]["id"], c["other_number"]) \
            if c.get("other_plan") else c["other"]
        pair = (frozenset((this, that)), c["kind"], c["detail"])
        if pair in seen:  # two matches of this round clash with each other: say it once
            continue
        seen.add(pair)
        other = await session.get(Stage, c["other_stage"])
        detail = c["detail"]
        if c["kind"] == "team":
            team = await session.get(Team, int(detail))
            detail = i18n.localized({"name": team.name, "names": team.names or {}}, lang) \
                if team else detail
        elif c["kind"] == "referee":
            user = await accounts.user_by_id(session, int(detail))
            detail = user.name
        found.append({
            "this": await _planned(session, here, c.get("plan") or {"round": 0},
                                   int(c["planned"]), _, stages) if c.get("match") is None
            else f"M{numbers.get(c['match'])}",
            "other": await _planned(session, other, c["other_plan"], int(c["other_number"]),
                                    _, stages) if c.get("other_plan")
            else f"M{c['other_number']}",
            "other_stage": i18n.localized({"name": other.name, "names": other.names or {}},
                                          lang) if other else "",
            "kind": c["kind"], "detail": detail})
    return found
