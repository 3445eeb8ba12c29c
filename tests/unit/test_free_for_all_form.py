"""The console's stage form for a free-for-all stage: every setting has its field, the
placement points come back as numbers the format accepts, and a hint under them names the
default and PMGC 2021's table."""

from __future__ import annotations

from starlette.datastructures import FormData

from tournament.formats import registry
from tournament.formats.lobby_games import PMGC_2021_POINTS, PUBG_MOBILE_2023_POINTS
from tournament.web.settings_form import (
    LABELS,
    PLACEMENT_POINTS_HINT,
    read_settings,
    settings_fields,
)


def test_free_for_all_settings_read_from_the_form() -> None:
    fmt = registry.get("free_for_all")
    names = [f.name for f in settings_fields(fmt)]
    assert {"lobby_size", "games", "placement_points", "kill_points", "match_point",
            "rotation"} <= set(names) and all(n in LABELS for n in names)
    raw = read_settings(fmt, FormData({
        "s_lobby_size": "20", "s_games": "8", "s_placement_points": "12, 9, 7, 5, 4",
        "s_match_point": "50", "s_rotation": "on"}))
    assert raw == {"lobby_size": 20, "games": 8, "placement_points": [12, 9, 7, 5, 4],
                   "match_point": 50, "rotation": True}
    settings = fmt.parse_settings(raw)
    assert (settings.placement_points, settings.match_point) == ([12, 9, 7, 5, 4], 50)


def test_the_placement_points_hint_names_the_default_and_the_table_it_replaced() -> None:
    """The form has no presets: the hint under the box says what the default is (PUBG
    Mobile's since 2023) and PMGC 2021's table, for a stage to type in; its numbers are the
    module's tables (a change of either shows here)."""
    fmt = registry.get("free_for_all")
    field = next(f for f in settings_fields(fmt) if f.name == "placement_points")
    assert (field.default, field.hint) == (list(PUBG_MOBILE_2023_POINTS), PLACEMENT_POINTS_HINT)
    assert field.shown(field.default) == "10, 6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0"
    scoring = [", ".join(map(str, t[:t.index(0)])) + ", then 0"
               for t in (PUBG_MOBILE_2023_POINTS, PMGC_2021_POINTS)]
    said = (f"Default: PUBG Mobile's since 2023, {scoring[0]} (PMGC 2021: {scoring[1]}). "
            "A place past the list scores 0.")
    assert field.hint == said
    # the box left as the new-stage form fills it stores nothing: the default
    assert read_settings(fmt, FormData({"s_placement_points": field.shown(field.default)})) \
        == {}
    old = ", ".join(map(str, PMGC_2021_POINTS))
    assert read_settings(fmt, FormData({"s_placement_points": old})) == {
        "placement_points": list(PMGC_2021_POINTS)}


def test_lists_typed_the_japanese_way_are_read() -> None:
    """The Japanese hints list values with 、 (house style): a list typed so, or with a
    full-width comma, reads as one typed with commas (it was refused as not numbers)."""
    fmt = registry.get("free_for_all")
    for typed in ("12、9、7、5", "12，9，7，5", "12, 9, 7, 5"):
        raw = read_settings(fmt, FormData({"s_placement_points": typed}))
        assert raw == {"placement_points": [12, 9, 7, 5]}, typed
    de = registry.get("double_elimination")
    raw = read_settings(de, FormData({"s_best_of_by_round": "W2=3、L2=5"}))
    assert raw == {"best_of_by_round": {"W2": 3, "L2": 5}}
