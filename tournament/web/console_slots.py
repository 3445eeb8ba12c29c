"""The console's bracket slots for a stage seeded from another stage: one slot a line, in
seeding order, each a place of the earlier stage ("A1": group A's winner; "1": the first
of a stage without groups) or a team that enters directly (its name in any language, or
"#id"). A team's name wins over a place ("T1" is the team named so, if there is one)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import InvalidInput
from ..models import Team
from ..services.naming import name_key
from ..services.tournaments import event_for_write

PLACE = re.compile(r"^([A-Za-z]?)\s*(\d{1,2})$")
TEAM_ID = re.compile(r"^#(\d{1,9})$")
MAX_LINES = 256


def read_slots(raw: str, teams: Sequence[Team]) -> list[Any]:
    """The slots as the API takes them, or ``unknown_slot`` naming the first line that is
    neither a team of the event nor a place."""
    by_name: dict[str, int] = {}
    for team in teams:
        assert team.id is not None
        for name in (team.name, *(team.names or {}).values()):
            by_name.setdefault(name_key(name), team.id)
    lines = [line.strip() for line in raw.splitlines()]
    out: list[Any] = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        if len(out) >= MAX_LINES:
            raise InvalidInput("unknown_slot", "Too many slots.", "slots",
                               params={"line": number, "text": line[:40]})
        plain = unicodedata.normalize("NFKC", line)  # "Ａ１" is A1
        team_id = TEAM_ID.match(plain)
        place = PLACE.match(plain)
        if name_key(line) in by_name:
            out.append(by_name[name_key(line)])
        elif team_id:
            out.append(int(team_id.group(1)))
        elif place:
            group, rank = place.groups()
            out.append({"group": group.upper() or 1, "place": int(rank)})
        else:
            raise InvalidInput(
                "unknown_slot", f"Line {number} ({line[:40]}) is neither a place of the "
                "earlier stage, such as A1, nor a team of this event.", "slots",
                params={"line": number, "text": line[:40]})
    return out


async def event_teams(session: AsyncSession, slug: str, event_slug: str) -> list[Team]:
    _, event = await event_for_write(session, slug, event_slug)
    return list((await session.exec(select(Team).where(Team.event_id == event.id))).all())
