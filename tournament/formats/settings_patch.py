"""A stage's settings changed by a JSON merge patch (RFC 7396), as ``PATCH
/api/stages/{id}`` takes them: a key given replaces the stored one, a key left out stays,
``null`` resets a key to its default; an object (``points``, ``best_of_by_round``) is
merged the same way key by key, a list (``tiebreakers``) is replaced whole.

A stored value that is only its default is no choice of the organizer: it follows the other
settings (a Swiss stage's ``tiebreakers`` follow its ``pairing``, a football league's
follow ``game_score``: ``Format.defaults``), as it would on a new stage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from .format import Format


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396's MergePatch(target, patch)."""
    if not isinstance(patch, Mapping):
        return patch
    merged = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def chosen(fmt: Format[Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    """The stored settings without those at their default (for the stored settings)."""
    defaults = asdict(fmt.settings_type(**fmt.defaults(stored)))
    return {k: v for k, v in stored.items() if k not in defaults or defaults[k] != v}


def patched(fmt: Format[Any], stored: Mapping[str, Any] | None,
            patch: Mapping[str, Any]) -> dict[str, Any]:
    """The settings to parse after ``patch`` (not checked here: ``parse_settings`` does)."""
    stored = dict(stored or {})
    out = chosen(fmt, stored)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:  # an object merges into the stored one, at its default or not
            out[key] = merge_patch(stored.get(key), value)
    return out
