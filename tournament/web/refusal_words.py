"""Refusals said to people in their language: a form field's label and why it was refused
(``invalid_input``), a setting and what it takes (``invalid_settings``), and every other
code by its words in ``error_words``. The console's forms, the referee pages and the API's
``error.localized`` all say a refusal through ``said_in``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import i18n
from ..errors import DomainError, FieldReason, InvalidInput
from . import error_words
from .settings_form import CHOICE_MEANINGS, LABELS

# Form fields as people read them, for "…: is required" (message ids).
FIELD_LABELS = {
    "slug": "Address (slug)", "name": "Name", "names": "Names", "timezone": "Time zone",
    "starts_on": "First day", "ends_on": "Last day", "nation_points": "Nation points",
    "game": "Game title (English)", "game_names": "Game title",
    "nation": "Nation", "seed": "Seed", "players": "Players",
    "format": "Format", "seeding": "Seeding", "settings": "Settings", "handle": "Player",
    "scheduled_at": "Time", "starts_at": "First match at", "venue": "Venue",
    "station": "Station", "stations": "Stations", "stream_url": "Stream",
    "referee_id": "Referee", "interval_minutes": "Minutes between matches",
    "round": "Round", "file": "File", "reason": "Reason", "venues": "Venues",
    # fields of a nested part of a form, by their path
    "seeding.from_stage": "Earlier stage",
    "seeding.qualifiers": "Teams that go through (from each group)",
    "draw.seed": "Draw number (empty: a new one)",
}
# Why pydantic refused a field, by its error type (message ids).
REASONS = {
    "missing": "is required", "string_too_short": "is required",
    "too_short": "is required", "string_too_long": "is too long",
    "too_long": "has too many entries", "string_pattern_mismatch": "is not written right",
    "greater_than_equal": "is too small", "less_than_equal": "is too large",
    "greater_than": "is too small", "less_than": "is too large",
    "int_type": "must be a whole number", "int_parsing": "must be a whole number",
    "datetime_type": "must be a date and time", "datetime_parsing": "must be a date and time",
    "date_type": "must be a date", "date_from_datetime_parsing": "must be a date",
    "literal_error": "is not one of the choices",
}
INVALID_FIELD = "%(field)s %(reason)s."


def field_label(name: str, _: Callable[[str], str]) -> str:
    label = FIELD_LABELS.get(name) or LABELS.get(name)
    return _(label) if label else name


# fields whose refusal says what they take, whatever the reason
FIELD_HINTS = {
    "nation": "must be a two-letter country code such as KR, JP or CN",
    "timezone": "must be a time zone such as Asia/Seoul, Asia/Tokyo or Asia/Shanghai",
    "starts_on": "must be a date such as 2026-12-01",
    "ends_on": "must be a date such as 2026-12-01",
    "stream_url": "must be a web address starting with https://",
    "scheduled_at": "must be a date and time such as 2026-12-01 13:00",
    "starts_at": "must be a date and time such as 2026-12-01 13:00",
}

# refusals said as a whole sentence, by (field, reason)
FIELD_MESSAGES = {
    ("file", "missing"): "Choose a file or paste the lines.",
}


def invalid_field(field: str, reason: str, _: Callable[[str], str]) -> str:
    why = FIELD_HINTS.get(field) or REASONS.get(reason, "is not right")
    return _(INVALID_FIELD) % {"field": field_label(field, _), "reason": _(why)}


def field_reason(exc: DomainError) -> FieldReason | None:
    """The field refused and why: in ``params`` (a console form's refusal says them), else
    what the API's schema refusal keeps for the words alone (``InvalidInput.said``)."""
    if "reason" in exc.params:
        return FieldReason(str(exc.params.get("field")), str(exc.params["reason"]))
    return exc.said if isinstance(exc, InvalidInput) else None


def in_language(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """A refusal's params with each name that comes with its translations (``name`` and
    ``names``, ``stage`` and ``stage_names``) in the reader's language."""
    said = dict(params)
    for key in ("name", "stage"):
        names = params.get("names" if key == "name" else f"{key}_names")
        if isinstance(names, dict) and names.get(lang):
            said[key] = names[lang]
    return said


def said_in(exc: DomainError, lang: str) -> str:
    """A refusal in language ``lang`` (``say``)."""
    _ = i18n.gettext(lang)
    if exc.code == "invalid_input" and (refused := field_reason(exc)):
        whole = FIELD_MESSAGES.get((refused.field, refused.reason))
        if whole:
            return _(whole)
        return invalid_field(refused.field, refused.reason, _)
    if exc.code == "invalid_settings":
        setting = (exc.field or "").removeprefix("settings.").split(".")[0]
        said = error_words.say(exc, _, {**exc.params, "setting": field_label(setting, _)} | (
            {"other": field_label(str(exc.params["other"]), _)} if "other" in exc.params else {}))
        # the keys at fault, as typed (a tiebreaker that does not exist, or one given twice)
        if exc.params.get("unknown"):
            said += " " + _("Not one of the choices: %s.") % ", ".join(exc.params["unknown"])
        if exc.params.get("twice"):
            said += " " + _("Given twice: %s.") % ", ".join(exc.params["twice"])
        # what the setting takes: a range, the choices, or how a map is written
        if "low" in exc.params and "high" in exc.params:
            said += " " + _("It is a whole number from %(low)s to %(high)s.") % {
                "low": exc.params["low"], "high": exc.params["high"]}
        elif exc.params.get("choices"):
            said += " " + _("It is one of: %s.") % choice_list(
                setting, [str(c) for c in exc.params["choices"]], _)
        if exc.params.get("example"):
            said += " " + _("Write it round=best-of, for example %s.") % exc.params["example"]
        if exc.params.get("rounds"):
            said += " " + _("The stage has no round %(round)s; its rounds are %(rounds)s.") \
                % {"round": exc.params.get("round"), "rounds": exc.params["rounds"]}
        return said
    return error_words.say(exc, _, in_language(exc.params, lang))


def choice_list(setting: str, choices: list[str], _: Callable[[str], str]) -> str:
    """A setting's choices as a refusal lists them: each typed word with its meaning where
    it has one ("reverse (reversed)"), else the words alone."""
    meanings = CHOICE_MEANINGS.get(setting, {})
    return _(", ").join(_("%(choice)s (%(meaning)s)") % {
        "choice": c, "meaning": _(meanings[c])} if c in meanings else c for c in choices)
