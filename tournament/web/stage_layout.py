"""A stage view made ready for its template: the format's sections (brackets, groups,
rounds), the partial that draws them, which standings columns it shows, and how many teams
share each place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..formats import registry


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
    columns = set(fmt.columns)
    if not fmt.allows_draws(fmt.parse_settings(stage.get("settings") or {})) and not any(
            row.get("draws") for row in stage["standings"]):
        columns.discard("draws")  # a column of zeros that cannot be anything else
    return view | {"sections": fmt.layout(view), "partial": fmt.partial,
                   "label": fmt.label, "knockout": fmt.knockout,
                   "columns": sorted(columns), "tables_in_layout": fmt.tables_in_layout}
