"""The console's stage form for a free-for-all stage: every setting has its field, and
the placement points come back as numbers the format accepts."""

from __future__ import annotations

from starlette.datastructures import FormData

from tournament.formats import registry
from tournament.web.settings_form import LABELS, read_settings, settings_fields


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
