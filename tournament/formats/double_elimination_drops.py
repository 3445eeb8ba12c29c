"""The order in which a double elimination's upper-bracket losers drop into its lower
bracket (pure).

Lower match ``i`` of a drop round gets the loser of the upper match at position ``i`` of
the upper round's matches reordered by ``drop_order``; the orders are the usual ones of
brackets-manager.js (``natural``, ``reverse``, ``half_shift``, ``reverse_half_shift``,
``pair_flip``).

The automatic orders: the upper semifinal losers always cross over (the winner of the first
lower match of that round meets the loser of the second semifinal: ``reverse``). Earlier
drop rounds use ``half_shift``, ``reverse``, ``reverse_half_shift`` and then ``pair_flip``.
This sequence was chosen by an exhaustive search over the five orderings (sizes 8-128) for
the latest lower round in which any rematch of an upper-bracket match is possible; it pushes
possible rematches later than brackets-manager.js's defaults for 16, 64 and 128 teams. An
organizer who follows another bracket sets ``drop_orders``: one ordering per upper round
from the first whose losers drop (round 2; with ``lower_entries``, the winners side's first
round); rounds it does not name keep the automatic order. The CWL Championship's 16-team
brackets dropped their quarterfinal losers ``half_shift`` (2018) and ``reverse`` (2019) and
did not cross their semifinal losers over (``natural``, both years:
tests/replays/cwl_champs_2018.py, cwl_champs_2019.py); start.gg's 32-player bracket drops
``reverse``, ``pair_flip``, ``reverse`` (tests/replays/raw_23_2024_ultimate.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeVar

T = TypeVar("T")
DropOrder = Literal["natural", "reverse", "half_shift", "reverse_half_shift", "pair_flip"]
DROP_ORDERS: tuple[DropOrder, ...] = ("natural", "reverse", "half_shift", "reverse_half_shift",
                                      "pair_flip")
MAX_DROP_ORDERS = 12  # upper rounds 2..13: more than any bracket the limits allow

_EARLY_DROPS: tuple[DropOrder, ...] = ("half_shift", "reverse", "reverse_half_shift")


def reorder(items: list[T], method: DropOrder) -> list[T]:
    """One of brackets-manager.js's seed orderings (on an even-length list, or length 1)."""
    half = len(items) // 2
    if method == "natural" or len(items) < 2:
        return list(items)
    if method == "reverse":
        return items[::-1]
    if method == "half_shift":
        return items[half:] + items[:half]
    if method == "reverse_half_shift":
        return items[:half][::-1] + items[half:][::-1]
    if method == "pair_flip":
        result: list[T] = []
        for i in range(0, len(items) - 1, 2):
            result += [items[i + 1], items[i]]
        return result
    raise ValueError(f"unknown ordering {method!r}")


def drop_order(upper_round: int, upper_rounds: int,
               chosen: Sequence[DropOrder] = (), first: int = 2) -> DropOrder:
    """The order in which the losers of ``upper_round`` enter the lower bracket:
    ``chosen[upper_round - first]`` when the organizer named one, else the automatic order.
    ``first`` is the first upper round whose losers drop into a lower round (2; a stage
    whose winners side starts later, its first round: ``lower_entries.py``)."""
    if upper_round < first or upper_round >= upper_rounds:
        return "natural"  # round 1 pairs among themselves; the final has one loser
    if upper_round - first < len(chosen):
        return chosen[upper_round - first]
    if upper_round == upper_rounds - 1:
        return "reverse"  # the semifinal losers cross over
    index = upper_round - first
    return _EARLY_DROPS[index] if index < len(_EARLY_DROPS) else "pair_flip"
