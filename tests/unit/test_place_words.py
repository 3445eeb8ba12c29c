"""A place of an earlier stage as people say it (the console's bracket slots and the
errors naming a place): "Group A 1st" / "A조 1위" / "グループAの1位", and for a stage without
groups "1st" / "1위" / "1位"; never the typed "A1" nor "前のステージのA1"."""

from __future__ import annotations

import pytest

from tournament import i18n
from tournament.web import error_words
from tournament.web.place_words import label_name, place_name


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["Group A 1st", "Group C 2nd", "1st", "2nd", "3rd", "11th", "21st", "12th"]),
    ("ko", ["A조 1위", "C조 2위", "1위", "2위", "3위", "11위", "21위", "12위"]),
    ("ja", ["グループAの1位", "グループCの2位", "1位", "2位", "3位", "11位", "21位", "12位"]),
])
def test_a_place_is_said_as_people_say_it(lang, said):
    _ = i18n.gettext(lang)
    assert [place_name(1, 1, True, _), place_name(3, 2, True, _),
            *(place_name(1, n, False, _) for n in (1, 2, 3, 11, 21, 12))] == said
    assert [label_name("C2", _), label_name("2", _)] == [said[1], said[3]]


@pytest.mark.parametrize(("lang", "code", "slot", "said"), [
    ("ja", "duplicate_place", "A1", "グループAの1位が枠に2回入っています。"),
    ("ja", "missing_place", "1", "1位は前のステージから勝ち上がりますが、入る枠がありません。"),
    ("ko", "unknown_place", "C1",
     "C조 1위는 이전 스테이지에서 올라오는 순위가 아닙니다(각 조 상위 1팀만 올라옵니다)."),
    ("en", "missing_place", "B1",
     "Group B 1st goes through from the earlier stage but has no slot."),
])
def test_an_error_names_the_place_in_words(lang, code, slot, said):
    assert error_words.say(code, i18n.gettext(lang), {"slot": slot, "qualifiers": 1}) == said
