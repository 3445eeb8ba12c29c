"""The console's event page (``/admin/t/{slug}/e/{event}``): the event's names, its teams
(added one by one or from a CSV file, every bad line shown), and its stages (a new stage of
any format with its settings, seeded from the teams or from an earlier stage, drawn at
random with a recorded seed, as a draft to preview or started at once)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import InvalidInput
from ..formats import registry
from ..formats.going_through import going_through, grouped
from ..models import Stage
from ..schemas import StageCreate, TeamCreate
from ..schemas_edit import EventUpdate
from ..services import audited, field_sizes, reads
from ..services.actors import Actor
from ..services.tournaments import one_on_one
from .common import reading, slug_param
from .console import (
    Outcome,
    Run,
    admin_actor,
    back,
    csv_lines,
    names,
    number,
    optional,
    parse_form,
    show,
    submit,
    text,
)
from .console_slots import event_teams, read_slots
from .rendering import page
from .settings_form import (
    CHOICE_WORDS,
    FFA_TIEBREAKER_WORDS,
    TIEBREAKER_WORDS,
    read_settings,
    settings_fields,
)

MAX_CSV = 512 * 1024  # bytes of an uploaded team list


def players(form: FormData, name: str = "players") -> list[dict[str, Any]]:
    """Players, one a line: ``handle`` or ``handle | real name``."""
    found = []
    for line in str(form.get(name) or "").splitlines():
        handle, _, real = line.partition("|")
        if handle.strip():
            found.append({"handle": " ".join(handle.split())[:100],
                          **({"name": " ".join(real.split())[:200]} if real.strip() else {})})
    return found


def team_fields(form: FormData) -> dict[str, Any]:
    return {"name": text(form, "name"), "names": names(form),
            "nation": optional(form, "nation", 2), "seed": number(form, "seed"),
            "players": players(form)}


def _where(request: Request) -> tuple[str, str]:
    return (slug_param(request.path_params["slug"]),
            slug_param(request.path_params["event"], "Event"))


async def event_page(request: Request, outcome: Outcome | None = None,
                     failed: str | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    slug, event_slug = _where(request)
    async with reading(request) as session:
        t = await reads.tournament_detail(session, slug)
        event = await reads.event_detail(session, slug, event_slug)
        coming = slots_to_come(await field_sizes.by_id(session, event["id"]))
    formats = [(name, fmt.label, settings_fields(fmt))
               for name, fmt in registry.FORMATS.items()]
    csv_errors = csv_lines(request, outcome.exc) if outcome else []
    # ?fragment=teams: the team list alone, which the live feed has the page fetch again
    template = "_console_event_teams.html" if request.query_params.get("fragment") == "teams" \
        else "console_event.html"
    return show(request, template, status=outcome.status if outcome else 200,
                t=t, tz=t["timezone"], seq=t["last_seq"], event=event, formats=formats,
                format_labels={name: label for name, label, _ in formats},
                settings_words=CHOICE_WORDS,
                tiebreaker_words=TIEBREAKER_WORDS | FFA_TIEBREAKER_WORDS,
                teams={x["id"]: x for x in event["teams"]},
                solo=one_on_one(len(x["players"]) for x in event["teams"]),
                error=outcome.error if outcome else None, csv_errors=csv_errors,
                values=outcome.values if outcome else {}, failed=failed, coming=coming,
                sources=sources(event["stages"]))


def sources(stages: list[Any]) -> dict[int, dict[str, Any]]:
    """What each stage of the event sends to a new stage seeded from it, for the form's
    "Teams that go through": per group or not, and how many (None: its settings do not
    say; the form's 2 then), by stage id."""
    return {s["id"]: {"grouped": grouped(s["format"], s["settings"]),
                      "sends": going_through(s["format"], s["settings"],
                                             s["team_count"] or s["teams_to_come"] or 0)}
            for s in stages}


def slots_to_come(stages: dict[int, Stage]) -> dict[int, int]:
    """The teams each stage still waiting for its teams will hold (its slots, or the
    qualifiers of the stages it waits for: ``field_sizes.field_ahead``), by stage id: the
    stage table says "4 to come" where the stage has no teams yet."""
    return {i: n for i, row in stages.items() if field_sizes.waits(row)
            and (n := field_sizes.field_ahead(row, stages) or 0)}


async def _event_change(request: Request, what: str, run: Run,
                        then: Callable[[Any], str] | None = None,
                        kept: dict[str, str] | None = None) -> Response:
    """Run a form of the event page: on to ``then(result)`` (the page again by default),
    or the page with the refusal shown at the form that was sent (``what``), its boxes
    holding what was typed and ``kept`` (filled in by ``run``: an uploaded file's text)."""
    done = await submit(request, run)
    slug, event_slug = _where(request)
    if not done.ok:
        done.values |= kept or {}
        return await event_page(request, done, what)
    return back(request, then(done.value) if then else f"/admin/t/{slug}/e/{event_slug}",
                what)


async def update_event(request: Request) -> Response:
    slug, event_slug = _where(request)

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        body = parse_form(EventUpdate, {"name": text(form, "name"), "names": names(form),
                                        "game": optional(form, "game", 100),
                                        "game_names": names(form, "game_", 100)})
        return await audited.update_event(session, actor, slug, event_slug, body)
    return await _event_change(request, "settings", run)


async def delete_event(request: Request) -> Response:
    slug, event_slug = _where(request)

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.delete_event(session, actor, slug, event_slug)
    return await _event_change(request, "delete", run,
                               lambda _: f"/admin/t/{slug}")


async def add_team(request: Request) -> Response:
    slug, event_slug = _where(request)

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        body = parse_form(TeamCreate, team_fields(form))
        return await audited.create_team(session, actor, slug, event_slug, body)
    return await _event_change(request, "team", run)


async def import_teams(request: Request) -> Response:
    """A CSV file uploaded or pasted; nothing is imported until every line is right."""
    slug, event_slug = _where(request)
    # a refused file comes back in the paste box, to be fixed on the page and sent again
    kept: dict[str, str] = {}

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        upload = form.get("file")
        raw = b""
        if isinstance(upload, UploadFile) and upload.filename:
            raw = await upload.read(MAX_CSV + 1)
            if len(raw) <= MAX_CSV:
                with suppress(UnicodeDecodeError):  # not UTF-8: nothing to show
                    kept["csv"] = raw.decode("utf-8-sig")
        if not raw:
            raw = str(form.get("csv") or "").encode()
        if not raw.strip():
            raise InvalidInput("invalid_input", "Choose a file or paste the lines.", "file",
                               params={"field": "file", "reason": "missing"})
        if len(raw) > MAX_CSV:
            raise InvalidInput("invalid_input", "The file is too large.", "file",
                               params={"field": "file", "reason": "string_too_long"})
        return await audited.import_teams(session, actor, slug, event_slug, raw)
    # the page again, saying how many teams the file added ("12 teams added.")
    return await _event_change(request, "import", run, lambda made: (
        f"/admin/t/{slug}/e/{event_slug}?added={len(made['teams'])}"), kept)


def _stage_body(form: FormData) -> dict[str, Any]:
    fmt = registry.get(text(form, "format", 40) or "single_elimination")
    body: dict[str, Any] = {
        "name": text(form, "name"), "names": names(form), "format": fmt.name,
        "settings": read_settings(fmt, form, f"s_{fmt.name}_"),
        "seeding_method": text(form, "seeding_method", 10) or "standard",
        "start": form.get("start") == "now"}
    source = number(form, "from_stage")
    if source:
        body["seeding"] = {"from_stage": source, "qualifiers": number(form, "qualifiers")
                           or 2}
        body["start"] = True
    else:
        picked = [int(x) for x in form.getlist("teams") if isinstance(x, str) and x.isdigit()]
        body["seeding"] = picked or None
        random, apart = form.get("draw_random") == "on", form.get("draw_nations") == "on"
        if random or apart:
            seed = number(form, "draw_seed")
            body["draw"] = {"random": random, "separate_nations": apart,
                            **({"seed": seed} if seed is not None else {})}
    return body


async def create_stage(request: Request) -> Response:
    slug, event_slug = _where(request)

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        raw = _stage_body(form)
        listed = str(form.get("slots") or "")
        if isinstance(raw["seeding"], dict) and listed.strip():
            raw["seeding"]["slots"] = read_slots(
                listed, await event_teams(session, slug, event_slug))
        body = parse_form(StageCreate, raw)
        return await audited.create_stage(session, actor, slug, event_slug, body)
    return await _event_change(request, "stage", run,
                               lambda made: f"/admin/stages/{made['id']}")


routes = [
    Route("/admin/t/{slug}/e/{event}", page(event_page), methods=["GET"]),
    Route("/admin/t/{slug}/e/{event}", page(update_event), methods=["POST"]),
    Route("/admin/t/{slug}/e/{event}/delete", page(delete_event), methods=["POST"]),
    Route("/admin/t/{slug}/e/{event}/teams", page(add_team), methods=["POST"]),
    Route("/admin/t/{slug}/e/{event}/import", page(import_teams), methods=["POST"]),
    Route("/admin/t/{slug}/e/{event}/stages", page(create_stage), methods=["POST"]),
]
