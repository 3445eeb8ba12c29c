"""Users: admins and referees, their passwords and the tournaments (and events) a referee
is assigned to."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..models import (
    ApiToken,
    Event,
    RefereeAssignment,
    Tournament,
    User,
    UserSession,
)
from ..schemas_accounts import UserCreate
from . import passwords
from .actors import Actor
from .tournaments import tournament_by_slug


def aware(value: datetime | None) -> datetime | None:
    """A stored time with its zone (SQLite gives them back naive; they are UTC)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


async def actor_of(session: AsyncSession, user: User, via: str) -> Actor:
    """The user as an actor: role, the tournaments (and events) they may referee."""
    rows = (await session.exec(select(RefereeAssignment).where(
        RefereeAssignment.user_id == user.id))).all()
    assigned = frozenset(r.tournament_id for r in rows)
    scope = assigned if assigned or user.restricted else None
    events = {r.tournament_id: frozenset(r.events) for r in rows if r.events is not None}
    return Actor(user.role, scope, events, user.id, user.name, via)


async def user_by_id(session: AsyncSession, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("User", user_id)
    return user


async def user_by_name(session: AsyncSession, name: str) -> User | None:
    return (await session.exec(select(User).where(User.name == name))).first()


async def user_view(session: AsyncSession, user: User) -> dict[str, Any]:
    """A user as the API shows them: never a password or token, only whether they have
    one, and where they referee."""
    assigned = (await session.exec(
        select(RefereeAssignment, Tournament)
        .join(Tournament, col(Tournament.id) == RefereeAssignment.tournament_id)
        .where(RefereeAssignment.user_id == user.id).order_by(col(Tournament.id)))).all()
    event_slugs = {e.id: e.slug for e in (await session.exec(select(Event).where(
        col(Event.id).in_([x for a, _ in assigned for x in a.events or []])))).all()}
    sessions = len((await session.exec(select(UserSession.id).where(
        UserSession.user_id == user.id))).all())
    tokens = len((await session.exec(select(ApiToken.id).where(
        ApiToken.user_id == user.id))).all())
    return {
        "id": user.id, "name": user.name, "role": user.role,
        "has_password": user.password_hash is not None,
        "tournaments": [t.slug for _, t in assigned],
        "assignments": [{"tournament": t.slug, "events": None if a.events is None else
                         [event_slugs[e] for e in a.events if e in event_slugs]}
                        for a, t in assigned],
        "restricted": user.restricted, "sessions": sessions, "tokens": tokens,
        "created_at": views.iso(user.created_at),
    }


async def assignment_names(session: AsyncSession, view: dict[str, Any]) -> dict[str, Any]:
    """Each assigned tournament's and event's ``name`` and ``names``, by slug, so that pages
    name them in the reader's language (``user_view`` gives slugs, as the API does)."""
    slugs = [a["tournament"] for a in view["assignments"]]
    named: dict[str, Any] = {}
    for t in (await session.exec(select(Tournament).where(
            col(Tournament.slug).in_(slugs)))).all():
        events = (await session.exec(select(Event).where(Event.tournament_id == t.id))).all()
        named[t.slug] = {"name": t.name, "names": t.names or {}, "events": {
            e.slug: {"name": e.name, "names": e.names or {}} for e in events}}
    return named


async def list_users(session: AsyncSession) -> list[dict[str, Any]]:
    users = (await session.exec(select(User).order_by(col(User.name)))).all()
    return [await user_view(session, u) for u in users]


async def create_user(session: AsyncSession, body: UserCreate) -> User:
    if await user_by_name(session, body.name) is not None:
        raise Conflict("name_taken", f"A user named {body.name!r} exists.", "name")
    if body.password is not None:
        passwords.check_strength(body.password)
    user = User(name=body.name, role=body.role,
                restricted=body.role == "referee" and body.tournaments is not None,
                password_hash=await passwords.hash_password(body.password)
                if body.password is not None else None)
    session.add(user)
    await session.flush()
    assert user.id is not None
    for slug in body.tournaments or []:
        await assign(session, slug, user.id)
    return user


async def set_password(session: AsyncSession, user: User, password: str,
                       current: str | None, actor: Actor) -> int:
    """Change a password (one's own needs the current one, if there was one; an admin may
    set anyone's). Every session of the user ends: returns how many."""
    passwords.check_strength(password)
    own = actor.user_id == user.id
    if not own and not actor.is_admin:
        raise Forbidden("forbidden", "Only an admin changes another user's password.")
    if own and user.password_hash is not None and not (
            current is not None and await passwords.verify_password(user.password_hash,
                                                                    current)):
        raise InvalidInput("wrong_password", "The current password is not right.",
                           "current_password")
    user.password_hash = await passwords.hash_password(password)
    session.add(user)
    return await end_sessions(session, user.id or 0)


async def end_sessions(session: AsyncSession, user_id: int) -> int:
    """Sign the user out everywhere: every session row goes, so every cookie is dead."""
    found = (await session.exec(select(UserSession.id).where(
        UserSession.user_id == user_id))).all()
    if found:
        await session.exec(delete(UserSession).where(col(UserSession.user_id) == user_id))
    return len(found)


async def assign(session: AsyncSession, slug: str, user_id: int,
                 events: list[str] | None = None) -> dict[str, Any]:
    """Assign a referee to a tournament, optionally limited to some of its events
    (assigning again replaces the events)."""
    tournament = await tournament_by_slug(session, slug)
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("User", user_id)
    if user.role != "referee":
        raise InvalidInput("not_a_referee", "Only referees are assigned to tournaments.",
                           "user_id")
    event_ids: list[int] | None = None
    if events is not None:
        found = {e.slug: e.id for e in (await session.exec(select(Event).where(
            Event.tournament_id == tournament.id, col(Event.slug).in_(events)))).all()}
        missing = [s for s in events if s not in found]
        if missing:
            raise InvalidInput("unknown_event", f"No event {missing[0]!r} in this "
                               "tournament.", "events")
        event_ids = sorted({found[s] or 0 for s in events})
    row = (await session.exec(select(RefereeAssignment).where(
        RefereeAssignment.user_id == user_id,
        RefereeAssignment.tournament_id == tournament.id))).first()
    if row is None:
        row = RefereeAssignment(user_id=user_id, tournament_id=tournament.id or 0)
    row.events = event_ids
    session.add(row)
    await session.flush()
    return {"user_id": user_id, "name": user.name, "tournament": tournament.slug,
            "events": events}


async def unassign(session: AsyncSession, slug: str, user_id: int) -> dict[str, Any]:
    tournament = await tournament_by_slug(session, slug)
    user = await user_by_id(session, user_id)
    row = (await session.exec(select(RefereeAssignment).where(
        RefereeAssignment.user_id == user_id,
        RefereeAssignment.tournament_id == tournament.id))).first()
    if row is None:
        raise NotFound("Assignment", f"{user.name} in {slug}")
    await session.delete(row)
    user.restricted = True  # no assignment left: referees nothing (not everything)
    session.add(user)
    await session.flush()
    return {"user_id": user_id, "name": user.name, "tournament": tournament.slug,
            "events": None}
