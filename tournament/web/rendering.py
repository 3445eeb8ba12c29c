"""The pages' machinery: the Jinja2 environment and its filters, ``render`` (a template in
the reader's language, with every helper a template calls), error pages and ``page``,
the wrapper every page handler is in. The public pages are in ``pages.py``."""


from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .. import i18n, place_names
from ..errors import DomainError
from ..formats.registry import FORMATS
from . import error_words, words
from .assets import asset_url
from .common import language
from .entrant_words import entrant_say
from .game_words import game_words
from .markup_format import markup_format
from .phrases import BREAKS, phrases
from .place_words import label_name, place_name
from .standings_order import ORDER_WORDS

TEMPLATES = Path(__file__).parent / "templates"
env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                  trim_blocks=True, lstrip_blocks=True)


def _flag(nation: str | None) -> str:
    """The nation's ISO code, drawn as a small badge (emoji flags are missing on many
    Windows machines and stream PCs)."""
    return (nation or "").upper()


env.filters["flag"] = _flag
env.filters["format"] = markup_format
env.filters["phrases"] = phrases  # a Japanese name's breaks between its words (<wbr>)
env.globals["phrase_breaks"] = BREAKS.pattern  # the same rule, for live.js (js/phrases.js)
env.globals["asset"] = asset_url
env.globals["order_words"] = ORDER_WORDS  # a standings order's keys as words (message ids)
# the formats whose forms offer a seeding method (the others ignore it)
env.globals["seeded_formats"] = [n for n, f in FORMATS.items() if f.uses_seeding_method]
env.globals["halves_formats"] = [n for n, f in FORMATS.items() if f.seeds_by_halves]
env.filters["stream_name"] = words.stream_name
env.tests["bye"] = words.is_bye  # a match decided with one team: ``match is bye``
env.tests["bye_side"] = words.bye_side  # ``m is bye_side(i)``: no team holds it, decided
env.filters["pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=1,
                                                 sort_keys=True)


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    lang = language(request)
    _ = i18n.gettext(lang)
    tz = context.get("tz", "Asia/Seoul")
    identity = getattr(request.state, "identity", None)
    zone_name = datetime.now(ZoneInfo(tz)).tzname() or tz
    venues, stations = ((context.get("t") or {}).get(k) for k in ("venues", "stations"))

    # a team message in a player's words on a page of a one-on-one event
    # (``solo``: the page's event is one-on-one, ``tournaments.solo_event``)
    e_ = entrant_say(bool(context.get("solo")), _, i18n.pgettext(lang))

    def e_for(solo: bool) -> Callable[[str], str]:
        """``e_`` for one match's event on a page listing many events' matches (the run
        sheet, the control board, a referee's matches): ``solo``, its event is one-on-one
        (``tournaments.solo_events``)."""
        return entrant_say(solo, _, i18n.pgettext(lang))

    def say(label: tuple[str, Any] | str, param: Any = None,
            e: Callable[[str], str] | None = None) -> str:
        """A label (a message id and its value), in a player's words where ``e_`` (or the
        match's own ``e``, ``e_for``) has them ("Lobby of 16 players")."""
        text, value = (label, param) if isinstance(label, str) else label
        word = (e or e_)(text)
        return word % value if value is not None else word

    page = env.get_template(template).render(
        request=request, lang=lang, _=_, p_=i18n.pgettext(lang), n_=i18n.ngettext(lang),
        np_=i18n.npgettext(lang), say=say,
        side_scores=lambda m: words.side_scores(m, _),  # the one rule of FF, W and numbers
        score_word=lambda text: words.score_word(text, _),
        # a nation badge's attributes: it is read as the nation in words ("대한민국 팀 1",
        # not "KR 팀 1"); live.js sets them alike on a badge it fills
        nation_label=lambda code: Markup(' role="img" aria-label="{}"').format(
            words.nation_words(code, lang)) if code else "",
        colon="：" if lang == "ja" else ": ",  # after a label: full width in Japanese
        loc=lambda e: i18n.localized(e, lang),
        # an event's game title in the page's language, with its own language if English
        # (empty where it is the event's name there)
        game_title=lambda e: i18n.game_title(e, lang),
        # what a stage calls its games ("Game 2" or "Map 2"): message ids by its settings
        game_words=game_words,
        when=lambda v: i18n.when(v, lang, tz), langs=i18n.LANGS, words=words,
        when_in=lambda v, zone: i18n.when(v, lang, zone),
        day=lambda v: i18n.day(v, lang), clock=lambda v: i18n.clock(v, lang, tz),
        dates=lambda a, b: i18n.dates(a, b, lang), zone_label=lambda z: i18n.zone_label(z, lang),
        place=lambda rank, shared=1: i18n.place(rank, shared, lang), zone_name=zone_name,
        labelled=lambda label, text: i18n.labelled(label, text, lang),
        aside=lambda text: i18n.aside(text, lang),
        # a match's venue and station in the reader's language, by the tournament's lists
        where_is=lambda m: place_names.where(m, venues, stations, lang),
        # the same as markup: each name one unit that breaks only between its words
        # (site.css .place-name; a Japanese one at its phrases: phrases.py); the "·" goes
        # with the name after it (site.css .then), so no line ends with a lone "·"
        where_names=lambda m: Markup(" ").join(
            Markup('<span class="then">·&nbsp;{}</span>' if i else "{}").format(
                Markup('<span class="place-name">{}</span>').format(phrases(name)))
            for i, name in enumerate(n for n in (
                place_names.name_in(m.get("venue"), venues, lang),
                place_names.name_in(m.get("station"), stations, lang)) if n)),
        # a round plan's stations, likewise
        stations_in=lambda names: ", ".join(place_names.name_in(s, stations, lang)
                                            for s in names or ()), path=request.url.path,
        # what a console field holds that the tournament's venues (stations) do not list
        unlisted_in=lambda typed, kind: place_names.unlisted(
            typed, venues if kind == "venue" else stations),
        # the place a stage waits for, in words (a hold of a place no team holds)
        hold_place=lambda hold: label_name(hold["slot"], _) if hold.get("slot") else
        place_name(hold.get("group") or 1, hold["places"][0], hold.get("group") is not None, _),
        nation_name=lambda code: i18n.nation_name(code, lang),
        nations=lambda: i18n.nation_choices(lang),
        brand=i18n.SITE_NAME,  # one name on every page
        e_=e_, e_for=e_for,
        me=identity.actor if identity else None,
        csrf=identity.csrf_token if identity else None,
        error_text=lambda exc: error_words.say(exc, _),
        teams_js=lambda teams: {str(k): {"name": i18n.localized(v, lang),
                                         "flag": _flag(v.get("nation")),
                                         "nation": words.nation_words(v.get("nation"), lang),
                                         "withdrawn": bool(v.get("withdrawn")),
                                         # why it left: live.js says an annulled result so
                                         "reason": words.left_reason(v)
                                         if v.get("withdrawn") else None}
                                for k, v in teams.items()},
        **context)
    response = HTMLResponse(page, status_code=status)
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


UNAVAILABLE = "The service cannot reach its database right now. Try again in a moment."


async def error_page(request: Request, status: int, message: str | None = None) -> Response:
    """An error page; ``message`` is shown translated when the catalogue has it."""
    return render(request, "error.html", status=status, status_code=status, message=message)


Handler = Callable[[Request], Awaitable[Response]]


def _typed(request: Request, field: str) -> str:
    """What the address holds for ``field``: a path segment as it is (``abc``), a query
    parameter with its name (``top=abc``); a person reads that, not the parameter's name."""
    if field in request.path_params:
        return str(request.path_params[field])[:64]
    if field in request.query_params:
        return f"{field}={request.query_params[field][:64]}"
    return field


def page(handler: Handler) -> Handler:
    """A page handler whose domain errors (unknown ids, bad parameters) become error pages."""
    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except DomainError as exc:
            said = exc.message
            if exc.code in error_words.MESSAGES:
                lang = language(request)
                said = error_words.say(exc, i18n.gettext(lang))
                if exc.field:  # the part of the address that could not be read, as typed
                    said += i18n.aside(_typed(request, exc.field), lang)
            return await error_page(request, exc.status, said)
    return guarded
