"""Request bodies of accounts: users, their passwords and API tokens, referee assignments
(the bodies of ``/api/users``, ``/api/tokens`` and a tournament's referees)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .schemas_fields import Body, Id, Slug, _line

Password = Annotated[str, Field(min_length=8, max_length=1024)]


class UserCreate(Body):
    name: Annotated[str, _line(100), Field(min_length=1)]
    role: Literal["admin", "referee"] = "referee"
    # referees only: the tournaments (slugs) they may referee; null or absent = every
    # published tournament, [] = none until assigned
    tournaments: Annotated[list[Slug], Field(max_length=100)] | None = None
    # to sign in on /login (hashed with argon2id); without one the answer carries an API
    # token instead
    password: Password | None = None


class UserUpdate(Body):
    """``PATCH /api/users/{id}``: a new password (your own needs ``current_password``).
    Every session of the user ends."""

    password: Password
    current_password: Annotated[str, Field(max_length=1024)] | None = None


class TokenCreate(Body):
    """``POST /api/tokens``: a named API token for yourself (admins: for ``user_id``)."""

    name: Annotated[str, _line(100), Field(min_length=1)]
    user_id: Id | None = None


class RefereeAssign(Body):
    user_id: Id
    # the events (slugs) of the tournament the referee is limited to; absent/null: all
    events: Annotated[list[Slug], Field(min_length=1, max_length=100)] | None = None
