"""The console's stage form for a double elimination: the drop orders are a typed list
(full-width commas too) that comes back as the format's setting, with the orderings named
under the box; left empty it is not stored (the automatic order)."""

from __future__ import annotations

from starlette.datastructures import FormData

from tournament.formats import registry
from tournament.web.settings_form import DROP_ORDERS_HINT, LABELS, read_settings, settings_fields


def test_drop_orders_are_read_from_the_form() -> None:
    fmt = registry.get("double_elimination")
    field = next(f for f in settings_fields(fmt) if f.name == "drop_orders")
    assert (field.kind, field.default, field.label, field.hint) == (
        "list", [], LABELS["drop_orders"], DROP_ORDERS_HINT)
    assert field.shown(["reverse", "natural"]) == "reverse, natural"
    raw = read_settings(fmt, FormData({"s_drop_orders": "reverse，natural ", "s_best_of": "5"}))
    assert raw == {"drop_orders": ["reverse", "natural"], "best_of": 5}
    assert fmt.parse_settings(raw).drop_orders == ["reverse", "natural"]
    assert "drop_orders" not in read_settings(fmt, FormData({"s_drop_orders": " "}))


def test_lower_start_is_a_number_read_from_the_form() -> None:
    fmt = registry.get("double_elimination")
    field = next(f for f in settings_fields(fmt) if f.name == "lower_start")
    assert (field.kind, field.default, field.label) == ("number", 0, LABELS["lower_start"])
    raw = read_settings(fmt, FormData({"s_lower_start": "4", "s_best_of": "3"}))
    assert fmt.parse_settings(raw).lower_start == 4
