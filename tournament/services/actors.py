"""Who is acting: a user (or the bootstrap admin token, or the command line), their role,
their scope, and how they signed in (``session``, ``token`` or ``cli``; ``setup``: the
first organizer, made on the first-run setup page)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

SESSION, TOKEN, CLI, SETUP = "session", "token", "cli", "setup"


@dataclass(frozen=True)
class Actor:
    role: str  # admin | referee
    # tournaments a referee is assigned to; None: unrestricted (no assignment, not created
    # with an empty list), so every published tournament
    tournaments: frozenset[int] | None = None
    # per assigned tournament, the events the referee is limited to (absent: every event)
    events: Mapping[int, frozenset[int]] = field(default_factory=dict, compare=False,
                                                 hash=False)
    user_id: int | None = None
    name: str = ""
    via: str = TOKEN

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def principal(self) -> str:
        """The key idempotency records are kept under (one per user)."""
        return f"user:{self.user_id}" if self.user_id is not None else "bootstrap-admin"

    def may_see(self, tournament_id: int | None, published: bool) -> bool:
        """Unpublished tournaments are for admins and their assigned referees."""
        return published or self.is_admin or (
            self.tournaments is not None and tournament_id in self.tournaments)

    def may_referee(self, tournament_id: int, published: bool = True,
                    event_id: int | None = None) -> bool:
        if self.is_admin:
            return True
        if self.tournaments is None:
            return published
        if tournament_id not in self.tournaments:
            return False
        allowed = self.events.get(tournament_id)
        return allowed is None or event_id is None or event_id in allowed

    def audit_view(self) -> dict[str, object]:
        return {"id": self.user_id, "name": self.name}


BOOTSTRAP = Actor("admin", name="TOURNAMENT_ADMIN_TOKEN", via=TOKEN)
COMMAND_LINE = Actor("admin", name="command line", via=CLI)
