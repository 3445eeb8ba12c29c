"""Message catalogues (``ko.po``, ``ja.po``; English is the source) and language choice.

The .po files are compiled in memory with Babel at first use: no build step.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime, format_interval, format_skeleton, get_timezone_name
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGS = ("ko", "ja", "en")
# ISO 3166-1 alpha-2 country codes CLDR names (not its unknown, pseudo or grouping regions)
NATIONS = frozenset(str(code) for code in Locale("en").territories
                    if len(str(code)) == 2 and str(code).isalpha()
                    and code not in {"ZZ", "XA", "XB", "QO", "EZ", "EU", "UN"})
# the countries of the competitions this serves, first in a list of nations
HOME_NATIONS = ("KR", "JP", "CN")
# the site's name in every page's header, one name on every page (a message id): it names
# the three home nations, so that no edition it serves is left out (a Korea–Japan name
# on some pages left China out of a three-nation edition; a name chosen by the teams on
# the page changed from page to page). A page of one tournament names it beside this.
SITE_NAME = "KJC Esports"
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


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    """A count's words: "1 point", "2 points" (Korean and Japanese have one form)."""
    return translations(lang).ngettext


def pgettext(lang: str) -> Callable[[str, str], str]:
    """A message looked up with its ``msgctxt``, for an English word that another
    language says in two ways: a battle royale lobby's "Game 2" (context ``"battle
    royale"``) is "게임 2" in Korean, where a series' "Game 2" is "2세트"."""
    found = translations(lang)

    def look_up(context: str, message: str) -> str:
        return str(found.pgettext(context, message))
    return look_up


def npgettext(lang: str) -> Callable[[str, str, str, int], str]:
    """A count's words in a context: a league's "3 points" is "승점 3" in Korean, where a
    battle royale's or a nation's "3 points" is "3점"."""
    found = translations(lang)

    def look_up(context: str, singular: str, plural: str, n: int) -> str:
        return str(found.npgettext(context, singular, plural, n))
    return look_up


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


def localized(entity: Mapping[str, Any] | None, lang: str) -> str:
    """An entity's name in ``lang`` when it has one, else its default name."""
    if not entity:
        return ""
    names = entity.get("names") or {}
    return str(names.get(lang) or entity.get("name") or "")


def game_title(event: Mapping[str, Any] | None, lang: str) -> tuple[str, str | None]:
    """An event's game title as a page in ``lang`` shows it beside the event's name: its
    title in ``lang`` (``game_names``), else the title as typed (``game``); nothing when
    that is the event's own name there ("eFootball / eFootball", "리그 오브 레전드 / 리그
    오브 레전드"). With it the language it is in when that differs from the page's: the
    title as typed, in Latin letters on a Korean or Japanese page, is the default English
    one (``lang="en"``, WCAG 3.1.2); else None."""
    if not event or not event.get("game"):
        return "", None
    own = (event.get("game_names") or {}).get(lang)
    title = str(own or event["game"])
    if title.casefold() == localized(event, lang).casefold():
        return "", None
    latin = all(ord(ch) < 0x250 or not ch.isalpha() for ch in title)
    return title, "en" if lang != "en" and not own and latin else None


def when(value: str | datetime | None, lang: str, tz: str) -> str:
    """A match time as people read it on a schedule: ``Sat, Nov 28 19:00 KST``,
    ``11월 28일 (토) 19:00 KST``, ``11月28日(土) 19:00 JST`` (24-hour clock, the zone's
    abbreviation from the tz database, no seconds)."""
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    local = moment
    with contextlib.suppress(OverflowError, ValueError):  # a time at the calendar's edge
        local = moment.astimezone(ZoneInfo(tz))
    locale = Locale.parse(lang)
    return (f"{format_skeleton('MMMEd', local, locale=locale)} "
            f"{format_datetime(local, 'HH:mm', locale=locale)} {local.tzname() or ''}").strip()


def dates(start: str | date | None, end: str | date | None, lang: str) -> str:
    """A tournament's days: ``Nov 27 – 29, 2026``, ``2026년 11월 27일~29일``,
    ``2026年11月27日～29日`` (one day alone when the other is unknown)."""
    first, last = (date.fromisoformat(v) if isinstance(v, str) else v for v in (start, end))
    locale = Locale.parse(lang)
    if first and last and last > first:
        return str(format_interval(first, last, "yMMMd", locale=locale))
    one = first or last
    return str(format_skeleton("yMMMd", one, locale=locale)) if one else ""


def labelled(label: str, text: str, lang: str) -> str:
    """``Result: Win``; Japanese takes the full-width colon (``結果：勝ち``), as its pages do."""
    return f"{label}：{text}" if lang == "ja" else f"{label}: {text}"


def aside(text: str, lang: str) -> str:
    """Words in brackets after others: `` (6 kills)``; Japanese ``（6キル）`` (full width)."""
    return f"（{text}）" if lang == "ja" else f" ({text})"


def zone_label(tz: str, lang: str) -> str:
    """A time zone as people name it, with its abbreviation: ``한국 시간 (KST)``,
    ``Japan Time (JST)``; the tz name itself only if CLDR has no name for it."""
    try:
        zone = ZoneInfo(tz)
    except (LookupError, ValueError):
        return tz
    short = datetime.now(zone).tzname() or ""
    if tz.startswith("Etc/") or "/" not in tz or short.startswith(("+", "-")):  # the offset
        offset = datetime.now(zone).utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"
    name = str(get_timezone_name(zone, "long", locale=Locale.parse(lang)))
    return f"{name}{aside(short, lang)}" if short else name


def day(value: date, lang: str) -> str:
    """A day of the tournament: ``Sat, Nov 28``, ``11월 28일 (토)``, ``11月28日(土)``."""
    return str(format_skeleton("MMMEd", value, locale=Locale.parse(lang)))


def clock(value: str | datetime | None, lang: str, tz: str) -> str:
    """Only the time of day (24-hour clock) in the zone, for a page that names the day."""
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    with contextlib.suppress(OverflowError, ValueError):
        moment = moment.astimezone(ZoneInfo(tz))
    return str(format_datetime(moment, "HH:mm", locale=Locale.parse(lang)))


def place(rank: int | None, shared: int, lang: str) -> str:
    """A final place: ``1st``, ``3rd``, ``5th–8th`` / ``1위``, ``5–8위`` / ``1位``, ``5–8位``."""
    if rank is None:
        return ""
    last = rank + max(shared, 1) - 1
    if lang == "ko":
        return f"{rank}위" if last == rank else f"{rank}–{last}위"
    if lang == "ja":
        return f"{rank}位" if last == rank else f"{rank}–{last}位"
    return _ordinal(rank) if last == rank else f"{_ordinal(rank)}–{_ordinal(last)}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nation_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (CLDR data through Babel): 대한민국, 日本 ..."""
    return str(Locale.parse(lang).territories.get(code.upper(), code))


@cache
def nation_choices(lang: str) -> tuple[tuple[str, str], ...]:
    """Every nation as (code, name in ``lang``): KR, JP and CN first, then by name."""
    names = Locale.parse(lang).territories
    rest = sorted((c for c in NATIONS if c not in HOME_NATIONS),
                  key=lambda c: str(names.get(c, c)))
    return tuple((c, str(names.get(c, c))) for c in (*HOME_NATIONS, *rest))
