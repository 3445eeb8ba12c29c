"""Message catalogues (``ko.po``, ``ja.po``; English is the source) and language choice.

The .po files are compiled in memory with Babel at first use: no build step.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGS = ("ko", "ja", "en")
DEFAULT = "en"
HERE = Path(__file__).parent


@cache
def translations(lang: str) -> NullTranslations:
    path = HERE / f"{lang}.po"
    if lang == DEFAULT or not path.exists():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def gettext(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def choose(query: str | None, cookie: str | None, accept: str | None) -> str:
    """``?lang=`` first, then the ``lang`` cookie, then Accept-Language, then English."""
    for value in (query, cookie):
        if value in LANGS:
            return value
    if accept:
        weighted = []
        for part in accept.split(","):
            tag, _, q = part.strip().partition(";q=")
            try:
                weight = float(q) if q else 1.0
            except ValueError:
                weight = 0.0
            weighted.append((weight, tag.split("-")[0].lower()))
        for _, tag in sorted(weighted, reverse=True):
            if tag in LANGS:
                return tag
    return DEFAULT


def localized(entity: dict[str, Any] | None, lang: str) -> str:
    """An entity's name in ``lang`` when it has one, else its default name."""
    if not entity:
        return ""
    names = entity.get("names") or {}
    return str(names.get(lang) or entity.get("name") or "")


def when(value: str | datetime | None, lang: str, tz: str) -> str:
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    with contextlib.suppress(OverflowError, ValueError):  # a time at the calendar's edge
        moment = moment.astimezone(ZoneInfo(tz))
    return format_datetime(moment, "medium", locale=Locale.parse(lang))


def nation_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (CLDR data through Babel): 대한민국, 日本 ..."""
    return str(Locale.parse(lang).territories.get(code.upper(), code))
