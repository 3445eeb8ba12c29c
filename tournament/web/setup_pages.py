"""The first-run setup page: ``/setup`` creates the first organizer (admin) with the setup
code ``python run.py`` printed (or ``TOURNAMENT_ADMIN_TOKEN``), only while no admin with a
password exists; then it sends everyone to ``/login``. Refusals are said on the form in
the page's language and change nothing."""

from __future__ import annotations

import logging
import re
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n
from ..errors import Conflict, DomainError, Forbidden, TooManyRequests
from ..models import User, UserRole
from ..schemas_accounts import UserCreate
from ..services import first_admin, passwords, sessions, throttle
from . import error_words, session_auth
from .account_pages import (
    _start,
    came_lang,
    clean_line,
    redirect,
    signed_form,
    with_form,
    with_lang,
)
from .common import ctx, language
from .rendering import page
from .session_auth import identify

CODE_LENGTH = 200  # longer than any code run.py makes or an admin token needs
_CODE_IN_PATH = re.compile(r"([?&]code=)[^&]*")


class HideSetupCode(logging.Filter):
    """uvicorn's access log shows ``/setup?code=…``, never the code itself (the operator
    was shown it once; a log is read by more people, and kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) \
                and args[2].startswith("/setup"):
            record.args = (*args[:2], _CODE_IN_PATH.sub(r"\1…", args[2]), *args[3:])
        return True


HIDE_SETUP_CODE = HideSetupCode()


def _codes(request: Request) -> tuple[str, ...]:
    settings = ctx(request).settings
    return tuple(c for c in (settings.setup_code, settings.admin_token) if c)


def _form(request: Request, status: int = 200, **context: Any) -> Response:
    response = with_form(request, "setup.html", status=status,
                         **{"name": "", "code": "", "enabled": bool(_codes(request)),
                            **context})
    response.headers["Cache-Control"] = "no-store"  # it may carry the code
    return response


async def setup_page(request: Request) -> Response:
    await identify(request)  # a signed-in browser's form carries its session's token
    async with ctx(request).db.read() as session:
        if await first_admin.admin_exists(session):
            return redirect(f"/login?lang={language(request)}")
    # the language the address asked for (``?lang=``) is kept after, as sign-in keeps it
    return _form(request, code=clean_line(request.query_params.get("code"), CODE_LENGTH),
                 came=came_lang(request.query_params.get("lang")))


async def setup(request: Request) -> Response:
    form, _ = await signed_form(request)
    name = clean_line(form.get("name"))
    code = clean_line(form.get("code"), CODE_LENGTH)
    came = came_lang(form.get("came_lang"))
    try:
        user = await _create(request, name, code, str(form.get("password") or ""),
                             str(form.get("password2") or ""))
    except DomainError as exc:
        response = _form(request, status=exc.status, name=name, code=code, came=came,
                         error=error_words.say(exc, i18n.gettext(language(request))),
                         **({"enabled": True} if exc.code == "setup_done" else {}))
        if isinstance(exc, TooManyRequests):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    old = request.cookies.get(session_auth.SESSION_COOKIE)
    if old:  # someone else was signed in on this browser: that session ends
        async with ctx(request).db.write() as session:
            await sessions.end(session, old)
    return await _start(request, user, with_lang("/admin", came))


async def _create(request: Request, name: str, code: str, password: str,
                  again: str) -> User:
    """The admin, or the refusal: setup over, no code, throttled, wrong code, passwords
    that differ or are weak, a bad name; a wrong guess is counted as sign-in's are."""
    context = ctx(request)
    async with context.db.read() as session:
        if await first_admin.admin_exists(session):
            raise Conflict("setup_done", "An organizer account already exists; sign in.")
    codes = _codes(request)
    if not codes:
        raise Forbidden("setup_disabled", "This server has no setup code; use the command "
                        "line.")
    async with context.db.write() as session:
        attempt = await throttle.begin(session, first_admin.THROTTLE_NAME,
                                       session_auth.address(request))
        attempt.method = "setup"
        session.add(attempt)
    ok = first_admin.code_matches(code, codes)
    async with context.db.write() as session:
        await throttle.finish(session, attempt.id or 0, ok, None)
    if not ok:
        raise Forbidden("wrong_setup_code", "The setup code is not right.", "code")
    if password != again:
        raise DomainError("passwords_differ", "The two passwords differ.", "password2")
    passwords.check_strength(password)
    try:
        body = UserCreate.model_validate({"name": name, "role": UserRole.ADMIN,
                                          "password": password})
    except ValidationError as exc:
        raise DomainError("invalid_input", str(exc.errors()[0]["msg"]), "name") from exc
    async with context.transaction() as session:
        return await first_admin.create(session, body)


routes = [
    Route("/setup", page(setup_page), methods=["GET"]),
    Route("/setup", page(setup), methods=["POST"]),
]
