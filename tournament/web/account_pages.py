"""Signing in and out, one-time sign-in links, and a user's own account page (password,
API tokens, sign out everywhere). Forms post with a ``csrf_token``; answers follow
post/redirect/get except where a secret is shown once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from .. import i18n
from ..errors import DomainError, TooManyRequests
from ..services import (
    accounts,
    audit,
    auth,
    first_admin,
    links,
    passwords,
    sessions,
    throttle,
)
from ..services.actors import Actor
from . import error_words, session_auth
from .common import ctx, int_param, language
from .rendering import page, render
from .session_auth import identify

FormAction = Callable[[Any, Actor], Awaitable[Any]]


def clean_line(value: object, limit: int = 100) -> str:
    """One line of form text: no control characters (PostgreSQL refuses NUL), spaces
    collapsed, at most ``limit`` characters."""
    text = "".join(c for c in str(value or "") if c.isprintable() or c == " ")
    return " ".join(text.split())[:limit]


def safe_next(value: object, fallback: str = "/referee") -> str:
    """Where to go after signing in: a path on this site only (never ``//host``)."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") \
            and "\\" not in value and len(value) <= 500 and value.isascii() \
            and value.isprintable() and " " not in value:
        return value
    return fallback


def came_lang(value: object) -> str | None:
    """The language an address asked for with ``?lang=`` (not the cookie's or the
    browser's): one the page after signing in keeps."""
    return value if isinstance(value, str) and value in i18n.LANGS else None


def with_lang(target: str, lang: str | None) -> str:
    """``target`` in ``lang``: ``?lang=`` added unless it names a language already."""
    path, _, query = target.partition("?")
    if lang is None or any(p.startswith("lang=") for p in query.split("&")):
        return target
    return f"{path}?{query}&lang={lang}" if query else f"{path}?lang={lang}"


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def with_form(request: Request, template: str, status: int = 200,
              **context: Any) -> Response:
    """A page with a form: its CSRF token, and the pre-sign-in cookie when new."""
    cookies: dict[str, str] = {}
    token = session_auth.form_token(request, cookies)
    response = render(request, template, status=status, form_csrf=token, **context)
    for value in cookies.values():
        session_auth.set_form_cookie(request, response, value)
    return response


async def signed_form(request: Request) -> tuple[FormData, session_auth.Identity | None]:
    identity = await identify(request)
    form = await request.form()
    session_auth.check_form(request, form)
    return form, identity


async def login_page(request: Request) -> Response:
    identity = await identify(request)
    target = safe_next(request.query_params.get("next"))
    came = came_lang(request.query_params.get("lang"))
    if identity is not None and identity.session_id is not None:
        return redirect(with_lang(target, came))
    return await _login_form(request, next=target, name="", came=came)


async def _login_form(request: Request, status: int = 200, **context: Any) -> Response:
    """The sign-in form; while no organizer account exists, with a link to ``/setup``."""
    async with ctx(request).db.read() as session:
        setup_open = not await first_admin.admin_exists(session)
    return with_form(request, "login.html", status=status, setup_open=setup_open, **context)


async def _start(request: Request, user: Any, target: str) -> Response:
    """A session for ``user``: the cookie, and on to ``target``."""
    async with ctx(request).db.write() as session:
        secret, _ = await sessions.start(session, user, session_auth.idle(request),
                                         session_auth.address(request))
        await sessions.prune(session)
    response = redirect(target)
    session_auth.set_session_cookie(request, response, secret)
    return response


async def login(request: Request) -> Response:
    form, _ = await signed_form(request)
    name = clean_line(form.get("username"))
    password = str(form.get("password") or "")
    default = "/referee"
    target = safe_next(form.get("next"), default)
    # the language the sign-in page was opened in (``?lang=``): the page after keeps it
    came = came_lang(form.get("came_lang"))
    where = session_auth.address(request)
    context = ctx(request)
    try:
        async with context.db.write() as session:
            attempt = await throttle.begin(session, name, where)
    except TooManyRequests as exc:
        response = await _login_form(request, status=429, next=target, name=name, came=came,
                                     error=error_words.say(exc,
                                                           i18n.gettext(language(request))))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    async with context.db.read() as session:
        user = await accounts.user_by_name(session, name) if name else None
    ok = await passwords.verify_password(user.password_hash if user else None, password)
    async with context.db.write() as session:
        await throttle.finish(session, attempt.id or 0, ok, user.id if ok and user else None)
        if ok and user is not None and user.password_hash and \
                passwords.needs_rehash(user.password_hash):
            user.password_hash = await passwords.hash_password(password)
            session.add(user)
    if not ok or user is None:
        return await _login_form(request, status=401, next=target, name=name, came=came,
                                 error=error_words.say("bad_credentials",
                                                       i18n.gettext(language(request))))
    if target == default and user.role == "admin":
        target = "/admin"
    return await _start(request, user, with_lang(target, came))


async def logout(request: Request) -> Response:
    await signed_form(request)
    secret = request.cookies.get(session_auth.SESSION_COOKIE)
    if secret:
        async with ctx(request).db.write() as session:
            await sessions.end(session, secret)
    response = redirect(f"/login?lang={language(request)}")
    session_auth.clear_session_cookie(request, response)
    return response


async def link_page(request: Request) -> Response:
    await identify(request)
    async with ctx(request).db.read() as session:
        user = await links.peek(session, request.path_params["token"][:100])
    if user is None:
        return render(request, "link.html", status=410, user=None)
    return with_form(request, "link.html", user={"name": user.name, "role": user.role})


async def link_sign_in(request: Request) -> Response:
    await signed_form(request)
    async with ctx(request).db.write() as session:
        user = await links.consume(session, request.path_params["token"][:100])
        await throttle.record(session, user.name if user else "?",
                              session_auth.address(request), user is not None,
                              user.id if user else None, method="link")
    if user is None:
        return render(request, "link.html", status=410, user=None)
    old = request.cookies.get(session_auth.SESSION_COOKIE)
    if old:  # another user signed in on this browser: that session ends
        async with ctx(request).db.write() as session:
            await sessions.end(session, old)
    # the link's form posts to the address it was opened at: its ``?lang=`` is kept
    return await _start(request, user, with_lang("/admin" if user.role == "admin" else
                                                 "/referee",
                                                 came_lang(request.query_params.get("lang"))))


async def require_session(request: Request) -> session_auth.Identity | Response:
    """The signed-in browser's identity, or a redirect to sign in."""
    identity = await identify(request)
    if identity is None or identity.session_id is None:
        # "&" quoted: the rest of the address is the next page's, not the sign-in page's
        back = quote(request.url.path + (f"?{request.url.query}" if request.url.query
                                         else ""), safe="/?=")
        came = came_lang(request.query_params.get("lang"))
        return redirect(f"/login?next={back}" + (f"&lang={came}" if came else ""))
    return identity


async def account_page(request: Request) -> Response:
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    return await _account(request, identity)


async def _account(request: Request, identity: session_auth.Identity, status: int = 200,
                   **extra: Any) -> Response:
    assert identity.actor.user_id is not None
    async with ctx(request).db.read() as session:
        user = await accounts.user_by_id(session, identity.actor.user_id)
        view = await accounts.user_view(session, user)
        named = await accounts.assignment_names(session, view)
        tokens = await auth.list_tokens(session, user.id or 0)
    return with_form(request, "account.html", status=status, user=view, tokens=tokens,
                     named=named,
                     done=request.query_params.get("done"), **extra)


async def _as_user(request: Request, run: FormAction) -> tuple[Any, Response | None]:
    """Run a form's change as the signed-in user in one transaction; a refused change is
    shown on the account page in the reader's language."""
    identity = await require_session(request)
    if isinstance(identity, Response):
        return None, identity
    form = await request.form()
    session_auth.check_form(request, form)
    try:
        async with ctx(request).transaction() as session:
            return await run((session, form), identity.actor), None
    except DomainError as exc:
        said = error_words.say(exc, i18n.gettext(language(request)))
        return None, await _account(request, identity, status=exc.status, error=said)


async def change_password(request: Request) -> Response:
    async def run(args: Any, actor: Actor) -> Any:
        session, form = args
        new = str(form.get("password") or "")
        if new != str(form.get("password2") or ""):
            raise DomainError("passwords_differ", "The two new passwords differ.", "password2")
        user = await accounts.user_by_id(session, actor.user_id or 0)
        ended = await accounts.set_password(session, user, new,
                                            str(form.get("current_password") or ""), actor)
        await audit.record(session, actor, "user.password", ("user", user.id or 0), None,
                           {"sessions_ended": ended}, None)
        return user
    user, refused = await _as_user(request, run)
    if refused is not None:
        return refused
    return await _start(request, user, f"/account?done=password&lang={language(request)}")


async def create_token(request: Request) -> Response:
    async def run(args: Any, actor: Actor) -> Any:
        session, form = args
        name = clean_line(form.get("name")) or "browser"
        made = await auth.create_token(session, actor.user_id or 0, name)
        await audit.record(session, actor, "token.create", ("user", actor.user_id or 0),
                           None, {k: v for k, v in made.items() if k != "token"}, None)
        return made
    made, refused = await _as_user(request, run)
    if refused is not None:
        return refused
    identity = request.state.identity
    return await _account(request, identity, new_token=made)


async def revoke_token(request: Request) -> Response:
    token_id = int_param(request.path_params["id"], "id")

    async def run(args: Any, actor: Actor) -> Any:
        session, _ = args
        token = await auth.get_token(session, token_id)
        if token.user_id != actor.user_id:
            raise DomainError("not_found", "No such token.")
        gone = await auth.revoke_token(session, token)
        await audit.record(session, actor, "token.revoke", ("user", token.user_id), gone,
                           None, None)
    _, refused = await _as_user(request, run)
    return refused or redirect(f"/account?done=token&lang={language(request)}")


async def end_everywhere(request: Request) -> Response:
    async def run(args: Any, actor: Actor) -> Any:
        session, _ = args
        ended = await accounts.end_sessions(session, actor.user_id or 0)
        await audit.record(session, actor, "user.sessions_revoked", ("user", actor.user_id
                                                                     or 0), None,
                           {"sessions_ended": ended}, None)
    _, refused = await _as_user(request, run)
    if refused is not None:
        return refused
    response = redirect(f"/login?lang={language(request)}")
    session_auth.clear_session_cookie(request, response)
    return response


routes = [
    Route("/login", page(login_page), methods=["GET"]),
    Route("/login", page(login), methods=["POST"]),
    Route("/logout", page(logout), methods=["POST"]),
    Route("/login/link/{token}", page(link_page), methods=["GET"]),
    Route("/login/link/{token}", page(link_sign_in), methods=["POST"]),
    Route("/account", page(account_page), methods=["GET"]),
    Route("/account/password", page(change_password), methods=["POST"]),
    Route("/account/tokens", page(create_token), methods=["POST"]),
    Route("/account/tokens/{id}/revoke", page(revoke_token), methods=["POST"]),
    Route("/account/sessions/revoke", page(end_everywhere), methods=["POST"]),
]
