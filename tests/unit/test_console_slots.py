"""The console's slot lines: a team by any of its names or #id, a place such as A1."""

from __future__ import annotations

import pytest

from tournament.errors import InvalidInput
from tournament.models import Team
from tournament.web.console_slots import read_slots

TEAMS = [Team(id=7, event_id=1, name="T1", names={"ko": "티원"}),
         Team(id=8, event_id=1, name="Saudi Arabia", names={"ja": "サウジアラビア"})]


def test_lines_read_as_teams_and_places():
    text = "A1\n t1 \n\nＢ１\nサウジアラビア\n#9\n3\nd 2"
    assert read_slots(text, TEAMS) == [
        {"group": "A", "place": 1}, 7, {"group": "B", "place": 1}, 8, 9,
        {"group": 1, "place": 3}, {"group": "D", "place": 2}]


def test_a_line_that_is_neither_names_its_line():
    with pytest.raises(InvalidInput) as caught:
        read_slots("A1\nNobody", TEAMS)
    assert (caught.value.code, caught.value.params) == ("unknown_slot",
                                                        {"line": 2, "text": "Nobody"})
