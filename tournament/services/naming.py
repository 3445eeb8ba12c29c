"""A rename: ``name`` and the per-language ``names`` of a tournament, event, team or stage."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any, Protocol


class Named(Protocol):
    name: str
    names: dict[str, str] | None


def rename(entity: Named, given: Set[str], fields: Mapping[str, Any]) -> None:
    """Apply ``name`` and ``names`` from a PATCH body (``given``: the fields it sent).

    ``names`` replaces the translations as sent. A new ``name`` sent without ``names`` also
    replaces every translation that was the old name word for word (``names.en`` copied from
    ``name`` must not keep showing the old name in English); a translation that differs from
    the old name is the organizer's own and stays."""
    old = entity.name
    if "name" in given and fields.get("name") is not None:
        entity.name = str(fields["name"])
    if "names" in given:
        entity.names = {str(k): str(v) for k, v in (fields.get("names") or {}).items()}
    elif entity.name != old and entity.names:
        entity.names = {k: entity.name if v == old else v for k, v in entity.names.items()}
