"""Teams and players from a CSV file (UTF-8; Korean and Japanese names welcome): columns
``name, name_ko, name_ja, nation, seed, players`` (players separated by ``;``). Every bad
line is reported with its line number, field and reason, and nothing is imported until the
whole file is clean."""

from __future__ import annotations

import csv
import io
from typing import Any

from pydantic import ValidationError
from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import InvalidInput
from ..formats.limits import MAX_TEAMS_PER_EVENT
from ..live.outbox import emit
from ..models import Player, Team
from ..schemas import TeamCreate
from .naming import name_key
from .tournaments import event_for_write, team_names_free

COLUMNS = ("name", "name_ko", "name_ja", "nation", "seed", "players")


class CsvErrors(InvalidInput):
    """422 ``invalid_csv`` with ``error.errors``: ``[{line, field, message, code, params,
    value}]``."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        first = errors[0]
        super().__init__("invalid_csv", f"{len(errors)} line(s) of the file are not right; "
                         f"line {first['line']}: {first['message']}", "file",
                         params={"count": len(errors),
                                 "lines": len({e["line"] for e in errors})})
        self.errors = errors

    def body(self) -> dict[str, Any]:
        out = super().body()
        out["error"]["errors"] = self.errors
        return out


SHOWN_VALUE = 60  # characters of a bad cell shown back; a longer one is cut ("…")


def _error(line: int, field: str | None, message: str, code: str, value: str | None = None,
           **params: Any) -> dict[str, Any]:
    """One bad line: where, what (in English), the cell as typed (``value``: cut when long;
    None when the line or file as a whole is wrong), and ``code`` + ``params`` for pages
    that say it in the reader's language."""
    if value is not None and len(value) > SHOWN_VALUE:
        value = value[:SHOWN_VALUE - 1] + "…"
    return {"line": line, "field": field, "message": message, "code": code,
            "params": params, "value": value}


def _typed(values: dict[str, str], loc: tuple[Any, ...], given: Any) -> str | None:
    """The cell a schema error is about, as typed: the value refused (a nation "KOR", a
    player's handle), else the whole cell of its column (``names.ko`` is ``name_ko``)."""
    if isinstance(given, str):
        return given
    if loc and loc[0] == "names" and len(loc) > 1:
        return values.get(f"name_{loc[1]}")
    return values.get(str(loc[0])) if loc else None


def _row(line: int, row: dict[str, str | None]) -> tuple[TeamCreate | None,
                                                          list[dict[str, Any]]]:
    values = {k: (v or "").strip() for k, v in row.items() if k is not None}
    body: dict[str, Any] = {"name": values.get("name", "")}
    names = {lang: values[f"name_{lang}"] for lang in ("ko", "ja")
             if values.get(f"name_{lang}")}
    if names:
        body["names"] = names
    if values.get("nation"):
        body["nation"] = values["nation"]
    errors = []  # every mistake of the line at once (a bad seed hid a bad nation)
    if values.get("seed"):
        if values["seed"].isdigit() and int(values["seed"]) >= 1:
            body["seed"] = int(values["seed"])
        else:
            errors.append(_error(line, "seed", "seed is a whole number from 1", "csv_seed",
                                 values["seed"]))
    handles = [h.strip() for h in (values.get("players") or "").split(";") if h.strip()]
    body["players"] = [{"handle": h} for h in handles]
    try:
        team = TeamCreate.model_validate(body, strict=True)
    except ValidationError as exc:
        return None, errors + [_error(line, ".".join(str(p) for p in e["loc"][:1]) or None,
                                      e["msg"].removeprefix("Value error, "), "csv_field",
                                      _typed(values, e["loc"], e.get("input")),
                                      reason=e["type"]) for e in exc.errors()]
    return (None, errors) if errors else (team, [])


def parse(raw: bytes) -> list[TeamCreate]:
    """The teams of a clean file, or ``CsvErrors`` naming every bad line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvErrors([_error(1, None, f"the file is not UTF-8 ({exc.reason})",
                                "csv_not_utf8")]) from exc
    # spreadsheets save \r\n, old Macs \r: lines end where any of them does
    reader = csv.DictReader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"),
                                        newline=""))
    try:
        return _teams(reader)
    except csv.Error as exc:  # e.g. a quote left open: say where, never a 500
        raise CsvErrors([_error(reader.line_num or 1, None, f"this line cannot be read "
                                f"({exc})", "csv_malformed")]) from exc


def _teams(reader: csv.DictReader[str]) -> list[TeamCreate]:
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in COLUMNS]
    if "name" not in header or unknown:
        raise CsvErrors([_error(1, None, "the first line names the columns: "
                                + ", ".join(COLUMNS) + (f"; not {', '.join(unknown)}"
                                                        if unknown else ""), "csv_header",
                                ", ".join(unknown) or None, columns=", ".join(COLUMNS))])
    reader.fieldnames = header
    teams: list[TeamCreate] = []
    errors: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(_error(line, None, "this line has more cells than the header",
                                 "csv_extra_cells", ",".join(row[None])))
            continue
        # a quote left open swallows the lines after it into one cell: say so, at the line
        # where the quote opened, rather than "the name is not written right"
        cells = [v for v in row.values() if isinstance(v, str)]
        if any("\n" in v for v in cells):
            spanned = sum(v.rstrip("\n").count("\n") for v in cells)
            errors.append(_error(line - spanned, None, "this line cannot be read (a quote "
                                 "left open?)", "csv_malformed"))
            continue
        team, problems = _row(line, row)
        errors += problems
        # two lines of the file naming one team: by the event's rule ("NewA", "newa" and
        # "Ｎｅｗａ" are one name), whatever else is wrong with either line
        name = (row.get("name") or "").strip()
        key = name_key(name)
        if key and key in seen:
            errors.append(_error(line, "name", f"{name!r} is on line {seen[key]} too",
                                 "csv_duplicate", name, name=name, other=seen[key]))
        elif key:
            seen[key] = line
        if team is not None:
            teams.append(team)
    if not teams and not errors:
        errors.append(_error(2, None, "the file has no teams", "csv_empty"))
    if errors:
        raise CsvErrors(errors)
    return teams


async def import_teams(session: AsyncSession, slug: str, event_slug: str,
                       raw: bytes) -> dict[str, Any]:
    teams = parse(raw)
    tournament, event = await event_for_write(session, slug, event_slug)
    assert tournament.id is not None and event.id is not None
    entered = (await session.exec(select(func.count()).select_from(Team).where(
        Team.event_id == event.id))).one()
    if entered + len(teams) > MAX_TEAMS_PER_EVENT:
        raise InvalidInput("too_many_teams", f"An event has at most {MAX_TEAMS_PER_EVENT} "
                           "teams.")
    await team_names_free(session, event.id, [t.name for t in teams])
    created = []
    for body in teams:
        team = Team(event_id=event.id, **body.model_dump(exclude={"players"}))
        session.add(team)
        await session.flush()
        assert team.id is not None
        players = [Player(team_id=team.id, position=i, **p.model_dump())
                   for i, p in enumerate(body.players)]
        session.add_all(players)
        created.append((team, players))
    await session.flush()
    shown = [views.team_view(team, players) for team, players in created]
    await emit(session, tournament.id, "event.updated",
               {**views.event_view(event, tournament.slug), "teams_added": shown})
    return {"teams": shown}
