"""A place of an earlier stage as people say it: "Group A 1st" / "A조 1위" / "グループAの1位",
and "1st" / "1위" / "1位" for a stage without groups (not the "A1" the slot lines are typed
as). Only ``_`` is needed (the ordinal's ending is a message id), so error messages say it
too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# an English ordinal's ending, as message ids: ko "%d위", ja "%d位" for each
ORDINALS = {1: "%dst", 2: "%dnd", 3: "%drd"}
ORDINAL_TH = "%dth"


def ordinal(n: int, _: Callable[[str], str]) -> str:
    """1st, 2nd, 11th, 21st / 1위 / 1位."""
    ending = ORDINAL_TH if 10 <= n % 100 <= 20 else ORDINALS.get(n % 10, ORDINAL_TH)
    return _(ending) % n


def place_name(group: int, place: int, grouped: bool, _: Callable[[str], str]) -> str:
    """A group's place ("Group A 1st"), or a place of a stage without groups ("1st")."""
    if not grouped:
        return ordinal(place, _)
    letter = chr(64 + group) if 1 <= group <= 26 else str(group)
    return _("Group %(group)s %(place)s") % {"group": letter, "place": ordinal(place, _)}


def label_name(label: str, _: Callable[[str], str]) -> str:
    """A place as ``formats.slots.label`` writes it ("A1", "12": a stage without groups)
    said as people say it; anything else as it is."""
    if label.isdigit():
        return ordinal(int(label), _)
    if len(label) > 1 and label[0].isalpha() and label[0].isascii() and label[1:].isdigit():
        return place_name(ord(label[0].upper()) - 64, int(label[1:]), True, _)
    return label


# a slot naming a group the earlier stage does not have (``unknown_place`` with
# ``params.group`` past ``params.groups``): the groups it has, or that it has none
NO_SUCH_GROUP = "The earlier stage has no %(group)s: its groups are %(groups)s."
NOT_GROUPED = ("The earlier stage is not played in groups: write a place by its number "
               "alone (1, 2…).")


def group_list(count: int, _: Callable[[str], str]) -> str:
    """Groups 1..count as a reader lists them: "Group A and Group B", "A조, B조",
    "グループAとグループB"."""
    words = [place_group(g, _) for g in range(1, count + 1)]
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s and %(last)s") % {"first": _(", ").join(words[:-1]),
                                          "last": words[-1]}


def place_group(group: int, _: Callable[[str], str]) -> str:
    return _("Group %s") % (chr(64 + group) if 1 <= group <= 26 else str(group))


def missing_group(params: dict[str, Any],
                  _: Callable[[str], str]) -> tuple[str, dict[str, str]] | None:
    """An ``unknown_place`` refusal whose group the earlier stage does not have: the
    message to say instead and its values; None for a place below those it sends."""
    group, groups = params.get("group"), params.get("groups")
    if not isinstance(group, int) or not isinstance(groups, int) or 1 <= group <= groups:
        return None
    if groups <= 1:
        return NOT_GROUPED, {}
    return NO_SUCH_GROUP, {"group": place_group(group, _), "groups": group_list(groups, _)}
