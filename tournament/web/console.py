"""What every page of the organizer's console shares: the signed-in admin, a form's change
run in one transaction (CSRF checked, audited by the use case, published after commit), and
refusals said on the form in the reader's language with what they typed kept."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..errors import DomainError, Forbidden, InvalidInput
from ..services.actors import Actor
from ..services.tournaments import VIEWER
from . import error_words, session_auth
from .account_pages import redirect, require_session, with_form
from .common import ctx, language
from .game_words import GAME_WORDS, name_of
from .settings_form import CHOICE_MEANINGS, LABELS

T = TypeVar("T")
Run = Callable[[Any, FormData, Actor], Awaitable[Any]]

# Form fields as people read them, for "…: is required" (message ids).
FIELD_LABELS = {
    "slug": "Address (slug)", "name": "Name", "names": "Names", "timezone": "Time zone",
    "starts_on": "First day", "ends_on": "Last day", "nation_points": "Nation points",
    "game": "Game title (English)", "game_names": "Game title",
    "nation": "Nation", "seed": "Seed", "players": "Players",
    "format": "Format", "seeding": "Seeding", "settings": "Settings", "handle": "Player",
    "scheduled_at": "Time", "starts_at": "First match at", "venue": "Venue",
    "station": "Station", "stations": "Stations", "stream_url": "Stream",
    "referee_id": "Referee", "interval_minutes": "Minutes between matches",
    "round": "Round", "file": "File", "reason": "Reason", "venues": "Venues",
    # fields of a nested part of a form, by their path
    "seeding.from_stage": "Earlier stage",
    "seeding.qualifiers": "Teams that go through (from each group)",
    "draw.seed": "Draw number (empty: a new one)",
}
# Why pydantic refused a field, by its error type (message ids).
REASONS = {
    "missing": "is required", "string_too_short": "is required",
    "too_short": "is required", "string_too_long": "is too long",
    "too_long": "has too many entries", "string_pattern_mismatch": "is not written right",
    "greater_than_equal": "is too small", "less_than_equal": "is too large",
    "greater_than": "is too small", "less_than": "is too large",
    "int_type": "must be a whole number", "int_parsing": "must be a whole number",
    "datetime_type": "must be a date and time", "datetime_parsing": "must be a date and time",
    "date_type": "must be a date", "date_from_datetime_parsing": "must be a date",
    "literal_error": "is not one of the choices",
}
INVALID_FIELD = "%(field)s %(reason)s."


async def admin_actor(request: Request) -> Actor | Response:
    """The signed-in admin, or the sign-in page (a referee gets 403)."""
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    if not identity.actor.is_admin:
        raise Forbidden("forbidden", "This page is for admins.")
    return identity.actor


def parse_form(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """A body built from a form, checked by the API's own model; a refusal names the field
    in the reader's words (``invalid_input`` with ``params.field`` / ``params.reason``)."""
    try:  # as JSON, like the API reads it: dates and times arrive as ISO text
        return model.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        # a field that takes one of several shapes (a seeding: a list of teams, or
        # ``{from_stage, qualifiers}``) is refused once per shape; the deepest refusal is
        # the one of the shape that was sent
        first = max(exc.errors(), key=lambda e: len(e["loc"]))
        where = [str(p) for p in first["loc"] if isinstance(p, str) and _is_field(p)]
        path = ".".join(where)
        name = path if path in FIELD_LABELS else (where[0] if where else "")
        # the item of a list at fault (a venue's row), for the form to mark it
        index = next((p for p in first["loc"] if isinstance(p, int)), None)
        raise InvalidInput("invalid_input", f"{name}: {first['msg']}", path,
                           params={"field": name, "reason": first["type"]}
                           | ({} if index is None else {"index": index})) from exc


def _is_field(part: str) -> bool:
    """A field's name in an error's location, not the name pydantic gives a shape of a
    union (``FromStage``, ``list[...]``)."""
    return part.isidentifier() and part == part.lower()


def _field(name: str, _: Callable[[str], str]) -> str:
    label = FIELD_LABELS.get(name) or LABELS.get(name)
    return _(label) if label else name


# fields whose refusal says what they take, whatever the reason
FIELD_HINTS = {
    "nation": "must be a two-letter country code such as KR, JP or CN",
    "timezone": "must be a time zone such as Asia/Seoul, Asia/Tokyo or Asia/Shanghai",
    "starts_on": "must be a date such as 2026-12-01",
    "ends_on": "must be a date such as 2026-12-01",
    "stream_url": "must be a web address starting with https://",
    "scheduled_at": "must be a date and time such as 2026-12-01 13:00",
    "starts_at": "must be a date and time such as 2026-12-01 13:00",
}

# refusals said as a whole sentence, by (field, reason)
FIELD_MESSAGES = {
    ("file", "missing"): "Choose a file or paste the lines.",
}


def invalid_field(field: str, reason: str, _: Callable[[str], str]) -> str:
    why = FIELD_HINTS.get(field) or REASONS.get(reason, "is not right")
    return _(INVALID_FIELD) % {"field": _field(field, _), "reason": _(why)}


def in_language(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """A refusal's params with each name that comes with its translations (``name`` and
    ``names``, ``stage`` and ``stage_names``) in the reader's language."""
    said = dict(params)
    for key in ("name", "stage"):
        names = params.get("names" if key == "name" else f"{key}_names")
        if isinstance(names, dict) and names.get(lang):
            said[key] = names[lang]
    return said


def say(request: Request, exc: DomainError) -> str:
    """A refusal in the reader's language, naming the field or setting it is about."""
    return said_in(exc, language(request))


def said_in(exc: DomainError, lang: str) -> str:
    """A refusal in language ``lang`` (``say``)."""
    _ = i18n.gettext(lang)
    if exc.code == "invalid_input" and "reason" in exc.params:
        whole = FIELD_MESSAGES.get((str(exc.params["field"]), str(exc.params["reason"])))
        if whole:
            return _(whole)
        return invalid_field(str(exc.params["field"]), str(exc.params["reason"]), _)
    if exc.code == "invalid_settings":
        setting = (exc.field or "").removeprefix("settings.").split(".")[0]
        said = error_words.say(exc, _, {**exc.params, "setting": _field(setting, _)} | (
            {"other": _field(str(exc.params["other"]), _)} if "other" in exc.params else {}))
        # the keys at fault, as typed (a tiebreaker that does not exist, or one given twice)
        if exc.params.get("unknown"):
            said += " " + _("Not one of the choices: %s.") % ", ".join(exc.params["unknown"])
        if exc.params.get("twice"):
            said += " " + _("Given twice: %s.") % ", ".join(exc.params["twice"])
        if exc.params.get("even"):
            # named as the stage names its games: "an odd number of maps"
            unit = name_of({"game_name": exc.params.get("unit")})
            said += " " + _(GAME_WORDS[unit]["odd_best_of"])
        # what the setting takes: a range, the choices, or how a map is written
        if "low" in exc.params and "high" in exc.params:
            said += " " + _("It is a whole number from %(low)s to %(high)s.") % {
                "low": exc.params["low"], "high": exc.params["high"]}
        elif exc.params.get("choices"):
            said += " " + _("It is one of: %s.") % choice_list(
                setting, [str(c) for c in exc.params["choices"]], _)
        if exc.params.get("example"):
            said += " " + _("Write it round=best-of, for example %s.") % exc.params["example"]
        if exc.params.get("rounds"):
            said += " " + _("The stage has no round %(round)s; its rounds are %(rounds)s.") \
                % {"round": exc.params.get("round"), "rounds": exc.params["rounds"]}
        return said
    return error_words.say(exc, _, in_language(exc.params, lang))


def choice_list(setting: str, choices: list[str], _: Callable[[str], str]) -> str:
    """A setting's choices as a refusal lists them: each typed word with its meaning where
    it has one ("reverse (reversed)"), else the words alone."""
    meanings = CHOICE_MEANINGS.get(setting, {})
    return _(", ").join(_("%(choice)s (%(meaning)s)") % {
        "choice": c, "meaning": _(meanings[c])} if c in meanings else c for c in choices)


def csv_lines(request: Request, exc: DomainError | None) -> list[dict[str, Any]]:
    """Each bad line of an imported file, said in the reader's language, with the cell as
    typed (``value``: None when the line as a whole is wrong)."""
    _ = i18n.gettext(language(request))
    found = []
    for e in getattr(exc, "errors", None) or []:
        params = e.get("params") or {}
        if e["code"] == "csv_field":
            said = invalid_field(e["field"] or "", str(params.get("reason")), _)
        else:
            said = _(error_words.CSV_MESSAGES[e["code"]]) % params
        found.append({"line": e["line"], "field": _field(e["field"], _) if e["field"]
                      else "", "message": said, "value": e.get("value")})
    return found


@dataclass
class Outcome:
    value: Any = None
    error: str | None = None
    status: int = 200
    exc: DomainError | None = None
    values: dict[str, Any] = field(default_factory=dict)  # what was typed, to show again

    @property
    def ok(self) -> bool:
        return self.error is None


async def submit(request: Request, run: Run) -> Outcome:
    """Check the admin and the form's CSRF token, then run the change in one transaction.
    A refused change rolls back whole and comes back as the error to show."""
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        raise Forbidden("forbidden", "Sign in as an admin.")
    form = await request.form()
    session_auth.check_form(request, form)
    values: dict[str, Any] = {}
    for k in form:
        typed = [v for v in form.getlist(k) if isinstance(v, str)]
        if k != "csrf_token" and typed:
            values[k] = typed if len(typed) > 1 else typed[0]
    try:
        async with ctx(request).transaction() as session:
            session.info[VIEWER] = actor  # admins see what they are building
            return Outcome(await run(session, form, actor), values=values)
    except DomainError as exc:
        return Outcome(error=say(request, exc), status=exc.status, exc=exc, values=values)
    finally:
        await form.close()  # uploaded files


def text(form: FormData, name: str, limit: int = 200) -> str:
    """One line of a form: control characters out, spaces collapsed, at most ``limit``."""
    raw = "".join(c for c in str(form.get(name) or "") if c.isprintable() or c == " ")
    return " ".join(raw.split())[:limit]


def optional(form: FormData, name: str, limit: int = 200) -> str | None:
    return text(form, name, limit) or None


def names(form: FormData, prefix: str = "name_", longest: int = 200
          ) -> dict[str, str] | None:
    """The Korean and Japanese names of a thing (English is its ``name``); an event's
    game titles with ``prefix`` ``game_``."""
    found = {lang: text(form, prefix + lang, longest) for lang in ("ko", "ja")}
    return {k: v for k, v in found.items() if v} or None


def number(form: FormData, name: str) -> int | str | None:
    """A whole number typed in a form; anything else goes to the model as typed (which
    refuses it with a clear message)."""
    raw = text(form, name, 20)
    if not raw:
        return None
    return int(raw) if raw.isascii() and raw.isdigit() else raw


def back(request: Request, path: str, done: str | None = None) -> Response:
    """After a change: the page again (post/redirect/get), in the reader's language."""
    sep = "&" if "?" in path else "?"
    return redirect(f"{path}{sep}lang={language(request)}" + (f"&done={done}" if done else ""))


def show(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    return with_form(request, template, status=status, done=request.query_params.get("done"),
                     **context)
