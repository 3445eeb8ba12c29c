"""A typed venue or station the tournament does not list (``place_names.unlisted``): the
console's Venue and Station fields say so under the field, so a typo is seen before it
becomes a new, unnamed station."""

from __future__ import annotations

from tournament.place_names import unlisted

STATIONS = [{"name": "Booth 2", "names": {"ko": "2번 부스", "ja": "ブース2"}},
            {"name": "Main stage", "names": {}}]


def test_a_name_typed_loosely_is_listed_and_a_typo_or_a_translation_is_not():
    # the server's own comparison: NFKC, case folding, trimming (a full-width "Ｂｏｏｔｈ ２")
    assert unlisted(["booth 2", " MAIN STAGE ", "Ｂｏｏｔｈ ２"], STATIONS) == []
    # a typo, and a translation typed instead of the name (it would be stored as typed)
    assert unlisted(["Booth 2", "Boot 2", "2번 부스"], STATIONS) == ["Boot 2", "2번 부스"]


def test_one_field_or_none_and_a_tournament_without_a_list_says_nothing():
    assert unlisted("Boot 2", STATIONS) == ["Boot 2"]
    assert unlisted(None, STATIONS) == unlisted("", STATIONS) == unlisted([" "], STATIONS) == []
    # no list to compare with: every name would be "new"
    assert unlisted(["Anything"], []) == unlisted(["Anything"], None) == []
    # each unlisted name once, as first typed
    assert unlisted(["X", "x", "Y"], STATIONS) == ["X", "Y"]
