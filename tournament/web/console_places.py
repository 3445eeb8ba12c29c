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

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from starlette.datastructures import FormData

from ..errors import DomainError
from ..place_names import Kind, listed, names_of
from ..services.naming import name_key

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
               typed: Mapping[str, Any] | None = None,
               refusal: DomainError | None = None) -> list[dict[str, Any]]:
    """The form's rows: what was typed (after a refusal: the row at fault marked, ``bad``
    naming its field), else the listed places, then each one in use that is not listed
    (``unlisted``); then empty rows."""
    spare = [{"name": "", "was": "", "names": {}} for _ in range(SPARE_ROWS)]
    if typed is not None:
        return _typed_rows(kind, typed, refusal) + spare
    rows = [{"name": v["name"], "was": v["name"], "names": dict(v.get("names") or {})}
            for v in places]
    rows += [{"name": name, "was": name, "names": {}, "unlisted": True} for name in in_use
             if listed(name, places) is None]
    return rows + spare


def _typed_rows(kind: Kind, typed: Mapping[str, Any],
                refusal: DomainError | None) -> list[dict[str, Any]]:
    """The rows as typed, without those left empty that named no place before (the spare
    rows come after them again), the one the refusal is about marked."""
    def cells(f: str) -> list[Any]:
        value = typed.get(f, [])
        return value if isinstance(value, list) else [value]
    columns, count = _columns(kind, cells)

    def cell(f: str, i: int) -> str:
        return str(columns[f"{kind}_{f}"][i]) if i < len(columns[f"{kind}_{f}"]) else ""
    rows: list[dict[str, Any]] = [
        {"name": cell("name", i), "was": cell("was", i),
         "names": {lang: cell(lang, i) for lang in LANGS}} for i in range(count)]
    # the list sent leaves out the empty rows (read_places): its index i is the i-th filled
    sent = [r for r in rows if text_of(r["name"]) or any(map(text_of, r["names"].values()))]
    at, field = fault(kind, refusal)
    for row in rows:
        if (isinstance(at, int) and 0 <= at < len(sent) and row is sent[at]) or (
                isinstance(at, str) and row not in sent and row["was"]
                and name_key(row["was"]) == name_key(at)):
            row["bad"] = field
    return [r for r in rows if r in sent or r["was"]]


def fault(kind: Kind, refusal: DomainError | None) -> tuple[int | str | None, str]:
    """The row a refusal of the list is about, and its field (``name``, ``en``, ``ko``,
    ``ja``): by its place in the list sent (``venues.2.name``; a form refusal's
    ``params.index``), or, for a place left out while in use, the name it had."""
    if refusal is None:
        return None, "name"
    if refusal.code == f"{kind}_in_use":
        return str(refusal.params.get("name") or ""), "name"
    parts = (refusal.field or "").split(".")
    field = parts[-1] if parts[-1] in LANGS else "name"
    index = refusal.params.get("index")
    if len(parts) > 1 and parts[1].isdigit():
        index = int(parts[1])
    return (index if isinstance(index, int) else None), field


def said_in_use(kind: Kind, refusal: DomainError, places: Sequence[Mapping[str, Any]],
                lang: str, _: Callable[[str], str]) -> DomainError:
    """A place in use that was left out, named as matches write it and, when the list has
    it in the reader's language under another name, in that too: "Olympic Hall
    (올림픽홀)"."""
    name = str(refusal.params.get("name") or "")
    local = names_of(name, places).get(lang)
    if refusal.code != f"{kind}_in_use" or not local or local == name:
        return refusal
    said = _("%(name)s (%(local)s)") % {"name": name, "local": local}
    return DomainError(refusal.code, refusal.message, refusal.field,
                       params={**refusal.params, "name": said})
