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
from . import error_words, refusal_words, session_auth
from .account_pages import redirect, require_session, with_form
from .common import ctx, language
from .refusal_words import field_label, invalid_field, said_in

T = TypeVar("T")
Run = Callable[[Any, FormData, Actor], Awaitable[Any]]



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
        name = path if path in refusal_words.FIELD_LABELS else (where[0] if where else "")
        # the item of a list at fault (a venue's row), for the form to mark it
        index = next((p for p in first["loc"] if isinstance(p, int)), None)
        raise InvalidInput("invalid_input", f"{name}: {first['msg']}", path,
                           params={"field": name, "reason": first["type"]}
                           | ({} if index is None else {"index": index})) from exc


def _is_field(part: str) -> bool:
    """A field's name in an error's location, not the name pydantic gives a shape of a
    union (``FromStage``, ``list[...]``)."""
    return part.isidentifier() and part == part.lower()


def say(request: Request, exc: DomainError) -> str:
    """A refusal in the reader's language, naming the field or setting it is about."""
    return said_in(exc, language(request))


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
        found.append({"line": e["line"], "field": field_label(e["field"], _) if e["field"]
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
