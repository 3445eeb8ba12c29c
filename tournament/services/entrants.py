"""A stage seeded from another stage that also takes teams entering it directly: its
``slots`` (``formats/slots.py``) checked against the event and the earlier stage when the
stage is created. Where the places are filled in is ``waiting.py``."""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import InvalidInput
from ..formats import registry, slots
from ..formats.format import Format, Settings
from ..formats.seeding import SeedingMethod
from ..formats.types import FormatError
from ..models import Stage, Team
from ..schemas import FromStage
from .annulment import event_withdrawals
from .progress import domain_error
from .stage_reads import stage_matches
from .standings import rows as standing_rows


async def group_sizes(session: AsyncSession, source: Stage) -> dict[int, int | None]:
    """The groups of ``source`` and how many teams each holds, as its standings group
    them (a lobby of a battle royale is a group too); unknown (None) while it waits for
    its own teams."""
    assert source.id is not None
    if source.seeding:
        table = standing_rows(source, await stage_matches(session, source.id),
                              await event_withdrawals(session, source.event_id))
        sizes: dict[int, int | None] = {}
        for row in table:
            group = row.get("group") or 1
            sizes[group] = (sizes.get(group) or 0) + 1
        if sizes:
            return sizes
    fmt = registry.get(source.format)
    count = fmt.groups(fmt.parse_settings(source.settings or {}))
    return {g: None for g in range(1, max(1, count) + 1)}


async def checked_slots(session: AsyncSession, source: Stage, body: FromStage,
                        fmt: Format[Settings], settings: Settings,
                        method: SeedingMethod) -> list[int | dict[str, int]]:
    """The slots as stored, or the 422 saying what is wrong with them."""
    assert body.slots is not None
    given = slots.read(body.slots)
    teams = {t.id: t for t in (await session.exec(
        select(Team).where(Team.event_id == source.event_id))).all()}
    earlier = set(source.seeding or [])
    seen: dict[int, int] = {}
    for i, slot in enumerate(given):
        if not isinstance(slot, int):
            continue
        where = f"seeding.slots.{i}"
        if slot not in teams:
            raise InvalidInput("unknown_team", f"Slot {i + 1}: team {slot} is not entered "
                               "in this event.", where, params={"team": slot})
        team = teams[slot]
        # the team by name, in each language, for a page to say which one it is
        named = {"team": slot, "position": i + 1, "name": team.name,
                 "names": dict(team.names or {})}
        if team.withdrawn:
            raise InvalidInput("team_withdrawn", f"Slot {i + 1}: team {slot} has withdrawn.",
                               where, params={"team": slot})
        if slot in seen:
            raise InvalidInput("duplicate_team", f"Slots {seen[slot] + 1} and {i + 1} both "
                               f"name {team.name}.", where,
                               params=named | {"first": seen[slot] + 1})
        if slot in earlier:
            raise InvalidInput("duplicate_team", f"Slot {i + 1}: {team.name} plays in "
                               f"{source.name}, so it can only come through a place.", where,
                               params=named | {"stage": source.name,
                                               "stage_names": dict(source.names or {})})
        seen[slot] = i
    try:
        slots.check(given, await group_sizes(session, source), body.qualifiers)
        # the number of slots is the stage's field: the format must be able to play it
        fmt.plan(list(range(1, len(given) + 1)), settings, method)
    except FormatError as exc:
        error = domain_error(exc)
        if not (exc.field or "").startswith("seeding.slots"):
            error.field = "seeding.slots"
        raise error from exc
    return slots.stored(given)
