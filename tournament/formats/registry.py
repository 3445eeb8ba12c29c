"""Every format, by name: the one place that knows which formats exist."""

from __future__ import annotations

from typing import Any

from .double_elimination import DoubleElimination
from .format import Format
from .free_for_all import FreeForAll
from .round_robin import RoundRobin
from .single_elimination import SingleElimination
from .swiss import Swiss
from .types import FormatError, StageFormat

FORMATS: dict[str, Format[Any]] = {
    f.name: f for f in (SingleElimination(), DoubleElimination(), RoundRobin(), Swiss(),
                                   FreeForAll())}
assert set(FORMATS) == set(StageFormat), "every StageFormat has its module"


def get(name: str) -> Format[Any]:
    """The format called ``name`` (an unknown name is an error the user can fix)."""
    found = FORMATS.get(name)
    if found is None:
        raise FormatError("invalid_format", f"Unknown format {name!r}.", "format")
    return found
