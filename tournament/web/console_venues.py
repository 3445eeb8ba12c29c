"""The console's venues of a tournament (``/admin/t/{slug}``, "Venues"): each venue as
matches hold it, and its name in English, Korean and Japanese. The form is a table with a
row per listed venue, a row for each venue matches name that is not listed yet (filled in,
to be translated) and two empty rows; an empty row is left out, the whole list is saved at
once (``PATCH /api/tournaments/{slug}`` with ``venues``). Each row keeps the name it was
drawn with (``venue_was``, hidden): a row whose name was changed renames the venue
(``renamed_from``), and its matches and round plans follow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from starlette.datastructures import FormData

from ..venue_names import listed

LANGS = ("en", "ko", "ja")
FIELDS = ("venue_name", *(f"venue_{lang}" for lang in LANGS))
WAS = "venue_was"  # the name a row was drawn with (hidden): empty on a new row
SPARE_ROWS = 2


def read_venues(form: FormData) -> list[dict[str, Any]]:
    """The rows sent, each ``{name, names}``, without the empty ones (a row with names but
    no name is kept: the model refuses it, naming the row)."""
    columns = {f: [text_of(v) for v in form.getlist(f)] for f in (*FIELDS, WAS)}
    count = max(len(c) for c in columns.values())
    rows = []
    for i in range(count):
        cells = {f: columns[f][i] if i < len(columns[f]) else "" for f in (*FIELDS, WAS)}
        if not any(cells[f] for f in FIELDS):
            continue  # emptied: left out (a listed venue still in use is refused)
        row: dict[str, Any] = {"name": cells["venue_name"],
                               "names": {lang: cells[f"venue_{lang}"] for lang in LANGS
                                         if cells[f"venue_{lang}"]} or None}
        if cells[WAS] and cells["venue_name"] and cells[WAS] != cells["venue_name"]:
            row["renamed_from"] = cells[WAS]
        rows.append(row)
    return rows


def text_of(value: Any) -> str:
    """One cell as ``console.text`` reads a field: control characters out, spaces
    collapsed, at most 200 characters (the model says when a name is too long)."""
    raw = "".join(c for c in (value if isinstance(value, str) else "")
                  if c.isprintable() or c == " ")
    return " ".join(raw.split())[:200]


def venue_rows(venues: Sequence[Mapping[str, Any]], in_use: Sequence[str],
               typed: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The form's rows: what was typed (after a refusal), else the listed venues, then
    each venue in use that is not listed (``unlisted``), then empty rows."""
    if typed is not None:
        columns = {f: typed.get(f, []) for f in (*FIELDS, WAS)}
        columns = {f: v if isinstance(v, list) else [v] for f, v in columns.items()}
        count = max(len(c) for c in columns.values())

        def cell(f: str, i: int) -> str:
            return str(columns[f][i]) if i < len(columns[f]) else ""
        return [{"name": cell("venue_name", i), "was": cell(WAS, i),
                 "names": {lang: cell(f"venue_{lang}", i) for lang in LANGS}}
                for i in range(count)]
    rows = [{"name": v["name"], "was": v["name"], "names": dict(v.get("names") or {})}
            for v in venues]
    rows += [{"name": name, "was": name, "names": {}, "unlisted": True} for name in in_use
             if listed(name, venues) is None]
    return rows + [{"name": "", "was": "", "names": {}} for _ in range(SPARE_ROWS)]
