"""The read a match change starts with: the match, its stage and its tournament in one
query that also takes the tournament's write lock (``FOR UPDATE`` on PostgreSQL; SQLite
writers already hold the database lock), so concurrent writers of a tournament never lose
an update.

The query is built once, at import, and read as plain rows: no ORM objects are loaded for
a report that only changes matches. The stage's seeding (a JSON array, 8,192 ids in a big
bracket: ~0.7 ms to decode) is read as text and decoded only when something reads it
(pairing a Swiss round, standings, a stage that starts or finishes). When a step changes
more than matches, ``objects()`` makes the stage and tournament ORM objects from the same
rows, without another query, as the ORM would have loaded them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

from sqlalchemy import String, and_, bindparam, cast, exists, select
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import direct
from ..db import connection
from ..errors import NotFound
from ..formats.machine_types import StageInfo
from ..formats.state import COLUMNS, MatchState
from ..models import Stage, Team, Tournament
from .progress import info_from
from .sql_store import STATE_COLUMNS, TABLE

STAGE = Stage.__table__  # type: ignore[attr-defined]
TOURNAMENT = Tournament.__table__  # type: ignore[attr-defined]
TEAM = Team.__table__  # type: ignore[attr-defined]

_STAGE_KEYS = tuple(c.key for c in STAGE.c if c.key != "seeding")
_TOURNAMENT_KEYS = tuple(c.key for c in TOURNAMENT.c)
_WINNER_TO, _LOSER_TO = TABLE.alias("winner_to"), TABLE.alias("loser_to")
# the row: the match, the matches its winner and loser go to (NULLs where none), the
# stage's columns, the seeding's text, the tournament's columns, "any team withdrawn"
_M = len(COLUMNS)
_S = 3 * _M
_ID = COLUMNS.index("id")
_T = _S + len(_STAGE_KEYS) + 1

LOCKED = (
    select(*STATE_COLUMNS, *(_WINNER_TO.c[c] for c in COLUMNS),
           *(_LOSER_TO.c[c] for c in COLUMNS), *(STAGE.c[k] for k in _STAGE_KEYS),
           cast(STAGE.c.seeding, String), *(TOURNAMENT.c[k] for k in _TOURNAMENT_KEYS),
           exists().where(TEAM.c.event_id == STAGE.c.event_id, TEAM.c.withdrawn))
    .select_from(
        TABLE.join(STAGE, STAGE.c.id == TABLE.c.stage_id)
        .join(TOURNAMENT, TOURNAMENT.c.id == TABLE.c.tournament_id)
        .outerjoin(_WINNER_TO, and_(_WINNER_TO.c.stage_id == TABLE.c.stage_id,
                                    _WINNER_TO.c.number == TABLE.c.winner_to))
        .outerjoin(_LOSER_TO, and_(_LOSER_TO.c.stage_id == TABLE.c.stage_id,
                                   _LOSER_TO.c.number == TABLE.c.loser_to)))
    .where(TABLE.c.id == bindparam("match_id"))
    .with_for_update(of=[TABLE, STAGE, TOURNAMENT]))


class JsonList(Sequence[int]):
    """A JSON array stored as text, decoded the first time it is read."""

    __slots__ = ("_items", "_text")

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._items: list[int] | None = None

    @property
    def items(self) -> list[int]:
        if self._items is None:
            self._items = list(json.loads(self._text) or []) if self._text else []
        return self._items

    def __len__(self) -> int:
        return len(self.items)

    def at_most(self, n: int) -> bool:
        """Whether it holds at most ``n`` items, without decoding a long one (its commas)."""
        if self._items is not None:
            return len(self._items) <= n
        return not self._text or self._text.count(",") < n

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        return self.items[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self.items)


@dataclass
class Locked:
    """What the locked read found: the match as a ``MatchState`` and the matches its
    winner and loser go to (a result's first step reads them: read here, they cost no
    statement of their own), its stage's and tournament's columns as plain values."""

    match: MatchState
    fed: list[MatchState]
    stage: dict[str, Any]
    tournament: dict[str, Any]
    seeding: JsonList
    any_withdrawn: bool
    _objects: tuple[Tournament, Stage] | None = field(default=None, repr=False)

    @property
    def tournament_id(self) -> int:
        return int(self.tournament["id"])

    @property
    def timezone(self) -> str:
        return str(self.tournament["timezone"])

    def stage_info(self) -> StageInfo:
        """The machine's view of the stage (as ``progress.stage_info`` of the ORM row)."""
        return info_from(self.stage, self.seeding)

    def objects(self, session: AsyncSession) -> tuple[Tournament, Stage]:
        """The tournament and stage as the session's ORM objects: those already in the
        session, or made from these rows (persistent, unchanged, no query)."""
        if self._objects is None:
            self._objects = (
                _attach(session, Tournament, self.tournament),
                _attach(session, Stage, {**self.stage, "seeding": self.seeding.items}))
        return self._objects


Model = TypeVar("Model", Tournament, Stage)


def _attach(session: AsyncSession, model: type[Model], values: dict[str, Any]) -> Model:
    key = session.sync_session.identity_key(model, values["id"])
    found = session.sync_session.identity_map.get(key)
    if isinstance(found, model):
        return found
    made = model(**values)
    make_transient_to_detached(made)  # loaded state: only later changes are written
    session.add(made)
    return made


async def load_locked(session: AsyncSession, match_id: int) -> Locked:
    found = await direct.fetch(await connection(session), LOCKED, {"match_id": match_id})
    if not found:
        raise NotFound("Match", match_id)
    row = found[0]
    return Locked(match=MatchState(*row[:_M]),
                  fed=[MatchState(*row[i:i + _M]) for i in (_M, 2 * _M)
                       if row[i + _ID] is not None],
                  stage=dict(zip(_STAGE_KEYS, row[_S:_T - 1], strict=True)),
                  seeding=JsonList(row[_T - 1]),
                  tournament=dict(zip(_TOURNAMENT_KEYS, row[_T:-1], strict=True)),
                  any_withdrawn=bool(row[-1]))
