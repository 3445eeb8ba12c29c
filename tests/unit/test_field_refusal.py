"""A change that leaves a finished stage unfinished, refused because the stage seeded from
it has results: with matches of its own to list it is ``reopens`` ("its matches M5, M6"),
without any it is ``unfinished`` (the words of ``reopens`` would read "( reset or paired
again)" around nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from tournament import i18n
from tournament.models import Stage
from tournament.services.field_refusal import refusal
from tournament.web import error_words

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _refused(undone: list[int]) -> Any:
    stage = Stage(id=7, name="Playoffs", seeding=[])  # no team to name: no query
    return await refusal(None, stage, [], None, undone)  # type: ignore[arg-type]


async def test_matches_to_list_reopen_and_none_leave_it_unfinished() -> None:
    listed = await _refused([5, 6])
    assert (listed.params["reason"], listed.params["matches"]) == ("reopens", [5, 6])
    bare = await _refused([])
    assert (bare.params["reason"], bare.params["matches"]) == ("unfinished", [])
    for lang in ("en", "ko", "ja"):
        said = error_words.say(bare, i18n.gettext(lang))
        assert "()" not in said and "( " not in said and "（）" not in said, said
        assert "Playoffs" in said, said
