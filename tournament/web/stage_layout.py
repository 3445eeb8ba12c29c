"""A stage view made ready for its template: the format's sections (brackets, groups,
rounds), the partial that draws them, which standings columns it shows, and how many teams
share each place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..formats import registry
from ..formats.types import Feed, FormatError
from .standings_order import info_columns, order_keys, phone_hidden


def layout(stage: Mapping[str, Any]) -> dict[str, Any]:
    fmt = registry.get(stage["format"])
    shared: dict[tuple[Any, Any], int] = {}
    for row in stage["standings"]:
        key = (row.get("group"), row["rank"])
        shared[key] = shared.get(key, 0) + 1
    for row in stage["standings"]:  # a knockout's range, before all of it is out (5–8)
        if row.get("last") and row["rank"]:
            key = (row.get("group"), row["rank"])
            shared[key] = max(shared[key], row["last"] - row["rank"] + 1)
    view = dict(stage) | {"standings": [row | {"shared": shared[(row.get("group"),
                                                                  row["rank"])]}
                                        for row in stage["standings"]]}
    fed = feeds(stage)
    if fed:  # a knockout's empty slot names what fills it ("Winner of M5")
        view["matches"] = [m | {"fed": fed.get(m["number"])} for m in view["matches"]]
    columns = set(fmt.columns)
    settings = fmt.parse_settings(stage.get("settings") or {})
    if not fmt.allows_draws(settings) and not any(
            row.get("draws") for row in stage["standings"]):
        columns.discard("draws")  # a column of zeros that cannot be anything else
    order = order_keys(fmt, settings)
    return view | {"sections": fmt.layout(view), "partial": fmt.partial,
                   # what orders the table (the note under it) and the columns that
                   # decide nothing (marked, and named in the note)
                   "order": order, "info_columns": info_columns(order) if order else [],
                   # the stage's own seeds, where its order reads them (under each name:
                   # "시드 3": a hand-seeded stage's seed 3 is not the event's #2)
                   "seeds": ({t: i + 1 for i, t in enumerate(stage.get("seeding") or [])}
                             if "seed" in order else {}),
                   # the columns a phone leaves out: never one the order reads
                   "phone_hidden": phone_hidden(order),
                   "label": fmt.label, "knockout": fmt.knockout,
                   "columns": sorted(columns),
                   # groups of brackets draw each group's table with its brackets
                   "tables_in_layout": fmt.tables_in_layout or fmt.groups(settings) > 1,
                   # a stage in groups has a 1st in each group and no champion of its own
                   "grouped": fmt.groups(settings) > 1}


Feeds = dict[int, list[tuple[str, int] | None]]


def feeds(stage: Mapping[str, Any]) -> Feeds:
    """A knockout's slots filled by another match: match number -> per slot ``("winner",
    5)`` (the winner of M5) or None. The format plans the stage again from its seeding (as
    it was planned when it started: the same pure function), 34 ms at 8,192 teams."""
    fmt = registry.get(stage["format"])
    seeding = list(stage.get("seeding") or [])
    if not fmt.knockout or len(seeding) < 2 or not stage.get("matches"):
        return {}
    try:
        plan = fmt.plan(seeding, fmt.parse_settings(stage.get("settings") or {}),
                        stage.get("seeding_method") or "standard")
    except FormatError:  # a stage planned under older rules: no names, nothing wrong
        return {}
    found: Feeds = {}
    for m in plan.matches:
        slots: list[tuple[str, int] | None] = [
            (str(slot.outcome), slot.match) if isinstance(slot, Feed) else None
            for slot in m.slots]
        if any(slots):
            found[m.number] = slots
    return found


def fill_feeds(matches: Sequence[dict[str, Any]]) -> None:
    """Name what fills each empty side of matches of several stages (the home page's next
    matches, each carrying its ``stage`` summary and the stage's ``seeding``): ``fed`` as
    the stage page has it. Each stage is planned once."""
    planned: dict[int, Feeds] = {}
    for m in matches:
        if m["status"] != "pending" or all(m["teams"]):
            continue
        stage = m["stage"]
        if stage["id"] not in planned:
            planned[stage["id"]] = feeds({
                "format": stage["format"], "seeding": m.get("seeding") or [],
                "settings": stage["settings"], "seeding_method": stage["seeding_method"],
                "matches": [m]})
        m["fed"] = planned[stage["id"]].get(m["number"])
