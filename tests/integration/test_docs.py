"""Docs that cannot drift: the OpenAPI schema, the README and the translations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tournament.formats import layout, registry
from tournament.web import api, api_accounts, api_audit, error_words, words

API_ROUTES = [*api.routes, *api_accounts.routes, *api_audit.routes]

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.asyncio(loop_scope="session")
async def test_openapi_lists_every_api_route(client):
    schema = (await client.get("/api/openapi.json")).json()
    assert schema["openapi"].startswith("3.")
    for route in API_ROUTES:
        for method in route.methods - {"HEAD"}:
            assert method.lower() in schema["paths"][route.path], (method, route.path)
    for model in ("TournamentCreate", "StageCreate", "MatchUpdate", "Error"):
        assert model in schema["components"]["schemas"]


def test_readme_starts_with_the_two_commands_and_names_every_setting():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.+?)\n```", readme, re.S)
    assert blocks[0].endswith("python run.py --demo")
    assert blocks[1].endswith("python -m pytest")
    assert blocks[1] in (ROOT / ".ci" / "run").read_text()
    config = (ROOT / "tournament" / "config.py").read_text()
    for var in set(re.findall(r"TOURNAMENT_[A-Z_]+", config)):
        assert var in readme, var
    for route in API_ROUTES:
        assert route.path in readme, route.path


def test_every_template_message_is_translated():
    templates = ROOT / "tournament" / "web"
    used: set[str] = set()
    in_context: set[tuple[str, str]] = set()
    for path in list(templates.rglob("*.html")) + list(templates.rglob("*.py")):
        text = path.read_text()  # "…" may hold an apostrophe, '…' a double quote
        # a quote of the other kind may be escaped inside: _('the opponents\' wins')
        used |= {m.replace('\\"', '"') for m in re.findall(r'_\("((?:[^"\\]|\\.)+)"\)', text)}
        used |= {m.replace("\\'", "'") for m in re.findall(r"_\('((?:[^'\\]|\\.)+)'\)", text)}
        # a word with a context: p_("battle royale", "Game %d"), pgettext(lang)("…", "…")
        in_context |= set(re.findall(r'(?:\bp_|pgettext\(lang\))\(\s*"([^"]+)",\s*"([^"]+)"\)',
                                     text))
    # words looked up by variable: every status, format, section, hold, round and column
    for table in (words.MATCH_STATUS, words.STAGE_STATUS, words.TEAM_STATUS, words.HOLDS,
                  layout.SECTIONS):
        used |= set(table.values())
    used |= {label for triple in words.GAME_SCORE.values() for label in triple}
    from tournament.web.game_words import GAME_WORDS  # "Game 2" or "Map 2", by the stage

    used |= {text for called in GAME_WORDS.values() for text in called.values()}
    used |= set(words.AUDIT_ACTIONS.values()) | set(words.AUDIT_VIA.values())
    used |= set(words.AUDIT_TARGETS.values())
    # errors said by code (pages and the referee console), and the console's own words
    used |= set(error_words.MESSAGES.values()) | {error_words.GENERIC}
    used |= set(error_words.SAID_OTHERWISE)  # a code said another way by its params
    used |= set(error_words.NOT_FOUND.values())
    used |= set(error_words.CSV_MESSAGES.values())
    from tournament.web import plan_words  # a round plan's refusal said another way

    used |= {plan_words.NO_BRACKETS, plan_words.NO_GROUPS, plan_words.PAST_LAST}
    from tournament.web import place_words  # a place's ordinal ending: "%dst" -> "%d位"

    used |= set(place_words.ORDINALS.values()) | {place_words.ORDINAL_TH}
    # a team message said in a player's words on a one-on-one event's pages (e_)
    from tournament.web.entrant_words import PLAYER_WORDS

    used |= {w for w in PLAYER_WORDS.values() if isinstance(w, str)}
    in_context |= {w for w in PLAYER_WORDS.values() if isinstance(w, tuple)}
    # the console's words looked up by variable: settings, fields, reasons, clash kinds
    from tournament.web import console_stages, refusal_words, settings_form

    used |= set(settings_form.LABELS.values()) | set(settings_form.CHOICE_WORDS.values())
    used |= set(settings_form.TIEBREAKER_WORDS.values())
    used |= set(settings_form.FFA_TIEBREAKER_WORDS.values())
    from tournament.formats.standings import TIEBREAKERS as ALL_TIEBREAKERS

    assert set(settings_form.TIEBREAKER_WORDS) == set(ALL_TIEBREAKERS)
    used |= set(refusal_words.FIELD_LABELS.values()) | set(refusal_words.REASONS.values())
    used |= set(refusal_words.FIELD_HINTS.values())
    used |= {refusal_words.INVALID_FIELD, "is not right"} | set(console_stages.CLASH_WORDS.values())
    for fmt in registry.FORMATS.values():  # every setting of every format has its label
        for f in settings_form.settings_fields(fmt):
            assert f.name in settings_form.LABELS, (fmt.name, f.name)
            used |= {f.hint} - {""}  # and its hint, if any, is translated
    from tournament.web.referee_pages import console_labels

    labels = console_labels(lambda text: used.add(text) or text)
    assert labels["save_game"] == "Save game %d"
    for fmt in registry.FORMATS.values():
        used.add(fmt.label)
        for bracket in (None, *layout.BRACKETS):
            for r in range(1, 16):
                for teams in (2, 3, 4, 8, 16, 64, 256, 4096):
                    used.add(fmt.round_label(bracket, r, teams)[0])
    for lang in ("ko", "ja"):
        with (ROOT / "tournament" / "i18n" / f"{lang}.po").open("rb") as f:
            catalog = read_po(f)
        missing = [m for m in used if not (catalog.get(m) and catalog.get(m).string)]
        assert not missing, (lang, missing)
        assert ("battle royale", "Game %d") in in_context
        missing_ctx = [(c, m) for c, m in in_context
                       if not (catalog.get(m, context=c) and catalog.get(m, context=c).string)]
        assert not missing_ctx, (lang, missing_ctx)


def _codes() -> set[str]:
    """Every error (and hold) code the code can answer with."""
    pattern = re.compile(r'\b(?:FormatError|NeedsAdmin|Refused|InvalidInput|Conflict|Forbidden|'
                         r'BadRequest|Unauthorized|DomainError|UnsupportedMediaType|'
                         r'TooManyRequests)\(\s*"([a-z_]+)"')
    codes: set[str] = set()
    for path in (ROOT / "tournament").rglob("*.py"):
        text = path.read_text()
        codes |= set(pattern.findall(text)) | set(re.findall(r'"code":\s*"([a-z_]+)"', text))
        # a code chosen before it is raised: code = "unknown_field" if … else …
        codes |= set(re.findall(r'\bcode = "([a-z_]+)"', text))
    return codes | {"not_found", "method_not_allowed", "invalid_input"}


def test_every_error_code_is_said_in_words():
    """A person never reads only a code: every code the service answers with has a message
    (translated: test_every_template_message_is_translated), holds have their own words."""
    codes = _codes()
    assert {"unknown_field", "unsupported_media_type", "too_many_attempts"} <= codes
    unsaid = codes - set(error_words.MESSAGES) - set(words.HOLDS)
    assert not unsaid, sorted(unsaid)


def test_the_api_reference_names_every_route_code_format_setting_and_tiebreaker():
    from dataclasses import fields

    from tournament.formats.standings import TIEBREAKERS
    from tournament.web import api_organizer, health, openapi, sockets

    reference = (ROOT / "docs" / "api.md").read_text()
    for route in (*api.routes, *api_organizer.routes, *health.routes, *sockets.routes,
                  *openapi.routes):
        assert f"`{route.path}`" in reference, route.path
    for path in openapi.schema()["paths"]:
        assert f"`{path}`" in reference, path
    for code in _codes():
        assert f"`{code}`" in reference, code
    for name, fmt in registry.FORMATS.items():
        assert f"`{name}`" in reference, name
        for f in fields(fmt.settings_type):
            assert f"`{f.name}`" in reference, (name, f.name)
    for tiebreaker in TIEBREAKERS:
        assert f"`{tiebreaker}`" in reference, tiebreaker
