"""A round plan's refusal said in words (``formats/plan_fit.py``): the bracket, group and
rounds it named and those the stage has, as the pages name them ("Lower bracket", "Group
B", "rounds 1–3"), not as the API's ``params`` carry them ("losers", 2, [1, 2, 3])."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..formats.layout import SECTIONS

CODES = frozenset({"unknown_bracket", "unknown_group", "unknown_round"})
# said instead when the stage has none at all, or when only its last round is known
NO_BRACKETS = "This stage is not played in brackets: leave the bracket empty."
NO_GROUPS = "This stage is not played in groups: leave the group empty."
PAST_LAST = "Round %(round)s does not exist in %(part)s: it has at most %(last)s rounds."


def bracket_word(bracket: str, brackets: Sequence[str], _: Callable[[str], str]) -> str:
    """A bracket's name; a single elimination's main bracket (no lower bracket beside it)
    is the bracket, not the upper one."""
    if bracket == "winners" and "losers" not in brackets:
        return _("Bracket")
    return _(SECTIONS.get(bracket, bracket))


def group_word(group: int, _: Callable[[str], str]) -> str:
    return _("Group %s") % (chr(64 + group) if 1 <= group <= 26 else str(group))


def rounds_word(rounds: Sequence[int], _: Callable[[str], str]) -> str:
    """Round numbers in runs: [1, 2, 3, 5] → "1–3, 5"."""
    runs: list[list[int]] = []
    for r in sorted(rounds):
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return _(", ").join(str(run[0]) if len(run) == 1 else _("%(first)s–%(last)s") % {
        "first": run[0], "last": run[-1]} for run in runs) or "–"


def template(code: str, params: dict[str, Any]) -> str | None:
    """The message to say instead of the code's own, if any."""
    if code == "unknown_bracket" and not params.get("brackets"):
        return NO_BRACKETS
    if code == "unknown_group" and not params.get("groups"):
        return NO_GROUPS
    if code == "unknown_round" and "last" in params:
        return PAST_LAST
    return None


def values(params: dict[str, Any], _: Callable[[str], str]) -> dict[str, Any]:
    """The refusal's params as the message says them."""
    brackets = [str(b) for b in params.get("brackets") or []]
    out = dict(params)
    if isinstance(params.get("bracket"), str):
        out["bracket"] = bracket_word(params["bracket"], brackets, _)
    out["brackets"] = _(", ").join(bracket_word(b, brackets, _) for b in brackets) or "–"
    if isinstance(params.get("group"), int):
        out["group"] = group_word(params["group"], _)
    out["groups"] = _(", ").join(group_word(g, _) for g in params.get("groups") or []) or "–"
    if isinstance(params.get("rounds"), list):
        out["rounds"] = rounds_word(params["rounds"], _)
    parts = [str(out["bracket"])] if isinstance(params.get("bracket"), str) else []
    parts += [str(out["group"])] if isinstance(params.get("group"), int) else []
    out["part"] = " · ".join(parts) or _("this stage")
    return out
