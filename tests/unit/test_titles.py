"""Which game titles get the referee console's optional map box (tournament/titles.py)."""

from __future__ import annotations

from tournament import titles


def test_titles_played_on_maps_keep_the_box_and_the_others_lose_it():
    with_maps = ["VALORANT", "Counter-Strike 2", "CS2", "CS:GO", "Overwatch 2",
                 "Rainbow Six Siege", "R6S", "StarCraft II", "발로란트", "オーバーウォッチ2"]
    without = ["League of Legends", "LoL", "리그 오브 레전드", "Tekken 8", "鉄拳8", "철권 8",
               "Street Fighter 6", "SF6", "eFootball", "EA SPORTS FC 25", "Dota 2",
               "Rocket League", "Hearthstone"]
    assert {t: titles.has_maps(t) for t in with_maps} == dict.fromkeys(with_maps, True)
    assert {t: titles.has_maps(t) for t in without} == dict.fromkeys(without, False)
    assert {t: titles.map_box(t, {}) for t in with_maps + without} == {
        **dict.fromkeys(with_maps, True), **dict.fromkeys(without, False)}


def test_an_unknown_title_keeps_the_box_and_a_short_name_never_matches_a_longer_word():
    # an organizer's own title may be played on maps: the optional box stays
    unknown = ["PUBG Mobile", "Apex Legends", "Codenames", "Solitaire", "", None]
    assert {t: titles.has_maps(t) for t in unknown} == dict.fromkeys(unknown, None)
    assert {t: titles.map_box(t, {}) for t in unknown} == dict.fromkeys(unknown, True)
    # "cod" (Call of Duty) is not the start of Codenames; "lol" not of Lollipop
    assert (titles.has_maps("COD 2"), titles.has_maps("Lollipop")) == (True, None)


def test_a_stage_that_counts_goals_has_no_map_box_whatever_its_title():
    assert titles.map_box("VALORANT", {"game_score": "goals"}) is False
    assert titles.map_box(None, {"game_score": "goals"}) is False
    assert titles.map_box("VALORANT", {"game_score": "rounds"}) is True


def test_accents_a_leading_the_and_kana_voicing_are_read_as_people_write_them():
    """A review found "Pokémon UNITE" (its own spelling) and "THE KING OF FIGHTERS XV"
    unknown, so their consoles kept the map box; kana keep their voicing marks (ポ is not ホ)."""
    for title in ("Pokémon UNITE", "ポケモンユナイト", "THE KING OF FIGHTERS XV", "KOF XV",
                  "ｅＦｏｏｔｂａｌｌ　２０２６", "ストリートファイター6"):
        assert titles.has_maps(title) is False, title
    assert titles.has_maps("ホケモン") is None  # not ポケモン
