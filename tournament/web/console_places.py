"""The console's venues and stations of a tournament (``/admin/t/{slug}``, "Venues" and
"Stations"): each as matches hold it, and its name in English, Korean and Japanese. Each
form is a table with a row per listed place, a row for each one matches name that is not
listed yet (filled in, to be translated) and two empty rows; an empty row is left out, the
whole list is saved at once (``PATCH /api/tournaments/{slug}`` with ``venues`` or
``stations``). Each row keeps the name it was drawn with (``venue_was``, ``station_was``:
hidden): a row whose name was changed renames the place (``renamed_from``), and its matches
and round plans follow. The fields of a row are named by the kind: ``venue_name``,
``venue_en``… and ``station_name``, ``station_en``…"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from starlette.datastructures import FormData

from ..place_names import Kind, listed

LANGS = ("en", "ko", "ja")
SPARE_ROWS = 2


def _fields(kind: Kind) -> tuple[str, ...]:
    """A row's fields, the hidden name it was drawn with last (empty on a new row)."""
    return (f"{kind}_name", *(f"{kind}_{lang}" for lang in LANGS), f"{kind}_was")


def _columns(kind: Kind, getlist: Any) -> tuple[dict[str, list[str]], int]:
    """Each field's cells, and how many rows they make."""
    columns = {f: getlist(f) for f in _fields(kind)}
    return columns, max(len(c) for c in columns.values())


def read_places(form: FormData, kind: Kind) -> list[dict[str, Any]]:
    """The rows sent, each ``{name, names}``, without the empty ones (a row with names but
    no name is kept: the model refuses it, naming the row)."""
    columns, count = _columns(kind, lambda f: [text_of(v) for v in form.getlist(f)])
    *typed, was = _fields(kind)
    rows = []
    for i in range(count):
        cells = {f: c[i] if i < len(c) else "" for f, c in columns.items()}
        if not any(cells[f] for f in typed):
            continue  # emptied: left out (a listed one still in use is refused)
        name = cells[f"{kind}_name"]
        row: dict[str, Any] = {"name": name,
                               "names": {lang: cells[f"{kind}_{lang}"] for lang in LANGS
                                         if cells[f"{kind}_{lang}"]} or None}
        if cells[was] and name and cells[was] != name:
            row["renamed_from"] = cells[was]
        rows.append(row)
    return rows


def text_of(value: Any) -> str:
    """One cell as ``console.text`` reads a field: control characters out, spaces
    collapsed, at most 200 characters (the model says when a name is too long)."""
    raw = "".join(c for c in (value if isinstance(value, str) else "")
                  if c.isprintable() or c == " ")
    return " ".join(raw.split())[:200]


def place_rows(kind: Kind, places: Sequence[Mapping[str, Any]], in_use: Sequence[str],
               typed: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The form's rows: what was typed (after a refusal), else the listed places, then
    each one in use that is not listed (``unlisted``), then empty rows."""
    if typed is not None:
        def cells(f: str) -> list[Any]:
            value = typed.get(f, [])
            return value if isinstance(value, list) else [value]
        columns, count = _columns(kind, cells)

        def cell(f: str, i: int) -> str:
            return str(columns[f"{kind}_{f}"][i]) if i < len(columns[f"{kind}_{f}"]) else ""
        return [{"name": cell("name", i), "was": cell("was", i),
                 "names": {lang: cell(lang, i) for lang in LANGS}} for i in range(count)]
    rows = [{"name": v["name"], "was": v["name"], "names": dict(v.get("names") or {})}
            for v in places]
    rows += [{"name": name, "was": name, "names": {}, "unlisted": True} for name in in_use
             if listed(name, places) is None]
    return rows + [{"name": "", "was": "", "names": {}} for _ in range(SPARE_ROWS)]
