"""Arranging a stage's matches for drawing: columns by round, pairs that feed one match."""

from __future__ import annotations

from typing import Any

ROUND_NAMES = {1: "Final", 2: "Semifinals", 3: "Quarterfinals"}


def round_label(round_number: int, rounds: int) -> tuple[str, int | None]:
    """A message id and its parameter: ('Final', None), ('Round of %d', 16), ('Round %d', 2)."""
    left = rounds - round_number + 1
    if left in ROUND_NAMES:
        return ROUND_NAMES[left], None
    if left <= 7:
        return "Round of %d", 2 ** left
    return "Round %d", round_number


def _columns(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rounds = sorted({m["round"] for m in matches})
    last = rounds[-1] if rounds else 0
    columns = []
    for r in rounds:
        in_round = sorted((m for m in matches if m["round"] == r), key=lambda m: m["number"])
        label, param = round_label(r, last)
        pairs = [in_round[i:i + 2] for i in range(0, len(in_round), 2)]
        columns.append({"round": r, "label": label, "param": param,
                        "pairs": pairs if len(in_round) > 1 else [in_round],
                        "last": r == last})
    return columns


def layout(stage: dict[str, Any]) -> dict[str, Any]:
    """The stage view plus ``sections``: each bracket's columns, ready for the template."""
    matches = stage["matches"]
    sections: list[dict[str, Any]] = []
    if stage["format"] in ("single_elimination", "double_elimination"):
        for bracket, title in (("winners", "Bracket" if stage["format"] ==
                                "single_elimination" else "Upper bracket"),
                               ("losers", "Lower bracket"),
                               ("grand_final", "Grand final"),
                               ("third_place", "Third place match")):
            chosen = [m for m in matches if m["bracket"] == bracket]
            if chosen:
                columns = _columns(chosen)
                if bracket == "third_place":
                    for column in columns:
                        column["label"], column["param"] = "", None
                sections.append({"bracket": bracket, "title": title, "columns": columns})
    else:
        groups = sorted({m["group"] or 1 for m in matches})
        for g in groups:
            chosen = [m for m in matches if (m["group"] or 1) == g]
            sections.append({"bracket": None, "group": g, "title": "Group %s",
                             "group_letter": chr(64 + g), "rounds": _rounds(chosen)})
    return stage | {"sections": sections}


def _rounds(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rounds = sorted({m["round"] for m in matches})
    return [{"round": r, "matches": sorted((m for m in matches if m["round"] == r),
                                           key=lambda m: m["number"])} for r in rounds]
