"""The fields request bodies are made of (``schemas.py``, ``schemas_edit.py`` …): slugs, lines
of text, ids, names per language, dates, time zones, settings, and ``Body``, the strict base
of every body. Their patterns are the OpenAPI schema's and the words of a refusal's
``common.PATTERN_WORDS``."""


from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from .formats.format import GAME_NAMES
from .formats.limits import (
    MAX_ID,
)
from .formats.withdrawal import WITHDRAWN_RESULTS

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
SLUG = re.compile(SLUG_PATTERN)
LANGS = ("ko", "ja", "en")


def _format_characters() -> str:
    """Unicode's invisible format characters (category Cf: U+200B zero-width space, U+2060
    word joiner, U+FEFF, bidi marks…) as a character class's ranges, the characters
    themselves (a pattern both Python and JSON Schema read alike)."""
    ranges: list[tuple[int, int]] = []
    for c in range(sys.maxunicode + 1):
        if unicodedata.category(chr(c)) == "Cf":
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


FORMAT_CHARACTERS = _format_characters()
# One line of text: no control characters (NUL, newlines, tabs, DEL) and not blank: at least
# one character that is neither white space nor an invisible format character ("\u200b"
# alone is blank).
LINE = rf"^(?=.*[^\s{FORMAT_CHARACTERS}])[^\x00-\x1f\x7f-\x9f]*$"
# The same, possibly blank (a venue or station typed in a form may be left empty).
LINE_OR_BLANK = r"^[^\x00-\x1f\x7f-\x9f]*$"
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEARS = r"^(20[0-9]{2}|2100)-"  # the years a date or time may fall in (2000-2100)
URL = r"^(https?://[^\s\x00-\x1f\x7f-\x9f]+)?$"


def _line(max_length: int) -> Any:
    return StringConstraints(strip_whitespace=True, max_length=max_length, pattern=LINE)


Name = Annotated[str, _line(200), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=64)]
def _integral(value: Any) -> Any:
    """JSON Schema's integer includes 2.0; a bool is never one (``true`` is not user 1)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Integral = BeforeValidator(_integral)


def _whole_numbers(value: Any) -> Any:
    """Settings are free-form JSON checked by each format: a whole number written ``3.0``
    is ``3`` there too, as in every typed field (``Integral``), at any depth
    (``points.win``, ``placement_points``); 2.5 stays and the format refuses it."""
    if isinstance(value, dict):
        return {k: _whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    return _integral(value)


def _settings_or_defaults(value: Any) -> Any:
    """``"settings": null`` on creation is the defaults, as leaving it out is."""
    return {} if value is None else _whole_numbers(value)


# The settings are the format's (docs/api.md, checked by ``Format.parse_settings``); the
# schema names the ones a client is most likely to miss.
SETTINGS_PROPERTIES: dict[str, Any] = {
    "game_name": {
        "enum": list(GAME_NAMES),
        "description": "every format but free_for_all: what a game of a series is called on "
                       "pages, overlays, the referee console, calendars and in refusals: "
                       "game (the default: Game 2, 第2ゲーム) or map (Map 2, マップ2); "
                       "Korean says 2세트 either way"},
    "withdrawn_results": {
        "enum": list(WITHDRAWN_RESULTS),
        "description": "round robin: what a withdrawal does to the team's results in the "
                       "stage: keep (the default; its remaining matches are forfeits), annul "
                       "(left out of the table), annul_before_half (annulled when it played "
                       "fewer than half of its matches)"},
}
SETTINGS_FIELD = Field(description="The format's settings (docs/api.md); an unknown one "
                                   "is invalid_settings.",
                       json_schema_extra={"properties": SETTINGS_PROPERTIES})
SettingsIn = Annotated[dict[str, Any], BeforeValidator(_whole_numbers), SETTINGS_FIELD]
NewSettings = Annotated[dict[str, Any], BeforeValidator(
    _settings_or_defaults, json_schema_input_type=dict[str, Any] | None), SETTINGS_FIELD]
Id = Annotated[int, Field(ge=1, le=MAX_ID), Integral]
Lang = Literal["ko", "ja", "en"]
# a translation is a name too: a language without one is left out, never sent blank
NameEntry = Annotated[str, _line(200)]  # the pattern refuses "" as blank, saying so
Names = Annotated[dict[Lang, NameEntry] | None, Field()]
# a game's title in each language ("리그 오브 레전드", "リーグ・オブ・レジェンド"), as long as
# ``game`` may be
GameTitle = Annotated[str, _line(100)]
GameNames = Annotated[dict[Lang, GameTitle] | None, Field(
    description="the game's title in each language (ko, ja, en); a page shows the one of "
                "its language, else game")]


def _year(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year is between {FIRST_YEAR} and {LAST_YEAR}")
    return value


Day = Annotated[date, AfterValidator(_year), Field(json_schema_extra={"pattern": YEARS})]


@lru_cache(maxsize=1)
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones() - {"localtime", "Factory"}))


def _zone(value: str) -> str:
    if value not in time_zones():
        raise ValueError(f"unknown time zone {value!r}")
    return value


TimeZone = Annotated[str, AfterValidator(_zone),
                     Field(json_schema_extra={"enum": list(time_zones())})]
NationPoints = Annotated[list[Annotated[int, Field(ge=0, le=10_000), Integral]],
                         Field(max_length=64)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, regex_engine="python-re")
