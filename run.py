"""Start the service: ``python run.py [--demo] [--host H] [--port P] [--db URL|PATH]``.

Admin subcommands: ``python run.py migrate``, ``python run.py create-user NAME --role R
[--password-stdin]``, ``python run.py create-token USER --token-name NAME``,
``python run.py export SLUG``, ``python run.py import FILE`` and ``python run.py backup PATH``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys

import uvicorn

from tournament.config import Settings, normalize_url, sqlite_url
from tournament.live.raw import WS_IMPLEMENTATION
from tournament.migrate import upgrade


def database_url(value: str | None) -> str | None:
    if value is None:
        return None
    return normalize_url(value) if "://" in value else sqlite_url(value)


def announce_setup(settings: Settings, host: str, port: int) -> None:
    """While no admin with a password exists: a fresh setup code for this run, handed to
    the app (every worker) in ``TOURNAMENT_SETUP_CODE`` and printed once, here, to the
    operator as the link that creates the first organizer account (docs/security.md)."""
    from tournament.admin import needs_setup

    if not asyncio.run(needs_setup(settings)):
        os.environ.pop("TOURNAMENT_SETUP_CODE", None)
        return
    code = secrets.token_urlsafe(24)
    os.environ["TOURNAMENT_SETUP_CODE"] = code
    shown = f"[{host}]" if ":" in host else host
    print(f"No organizer account yet: open http://{shown}:{port}/setup?code={code} "
          "to create one.", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Tournament bracket and results service")
    parser.add_argument("command", nargs="?", default="serve",
                        choices=["serve", "migrate", "create-user", "create-token", "export",
                                 "import", "backup"])
    parser.add_argument("name", nargs="?", help="user name (create-user, create-token), "
                        "tournament slug (export), file (import) or backup path (backup)")
    parser.add_argument("--role", default="referee", choices=["admin", "referee"])
    parser.add_argument("--password-stdin", action="store_true",
                        help="create-user: read the user's password from standard input "
                        "(first line) instead of printing an API token")
    parser.add_argument("--token-name", default="command line",
                        help="create-token: the token's name")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--db", help="SQLite file path or database URL "
                        "(default: $TOURNAMENT_DATABASE_URL or ./tournament.db)")
    parser.add_argument("--demo", action="store_true",
                        help="load the Korea–Japan demo into an empty database")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    settings = Settings.from_env(database_url=database_url(args.db))
    os.environ["TOURNAMENT_DATABASE_URL"] = settings.database_url
    upgrade(settings.database_url)
    if args.command == "migrate":
        print("database is up to date:", settings.database_url)
        return
    if args.command in ("create-user", "create-token"):
        if not args.name:
            parser.error(f"{args.command} needs a NAME")
        from tournament.admin import CommandError, create_token, create_user

        try:
            if args.command == "create-token":
                token = asyncio.run(create_token(settings, args.name, args.token_name))
                print(f"API token {args.token_name!r} for {args.name!r} (shown once):\n{token}")
                return
            password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
            made = asyncio.run(create_user(settings, args.name, args.role, password))
        except CommandError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise SystemExit(2) from exc
        if made is None:
            print(f"{args.role} {args.name!r} created; they sign in at /login")
        else:
            print(f"{args.role} {args.name!r} created; API token (shown once):\n{made}")
        return
    if args.command in ("export", "import", "backup"):
        if not args.name:
            parser.error(f"{args.command} needs a {'SLUG' if args.command == 'export' else 'PATH'}")
        from pydantic import ValidationError

        from tournament import admin
        from tournament.errors import DomainError

        try:
            if args.command == "export":
                print(asyncio.run(admin.export_tournament(settings, args.name)))
            elif args.command == "import":
                with open(args.name, encoding="utf-8") as f:
                    done = asyncio.run(admin.import_tournament(settings, f.read()))
                print(f"imported {done['slug']!r} ({done['events']} events)")
            else:
                print("backup written to", admin.backup(settings, args.name))
        except (DomainError, ValidationError, OSError) as exc:
            raise SystemExit(f"{args.command} failed: {exc}") from exc
        return
    if args.demo:
        from tournament.demo import load_demo

        loaded = asyncio.run(load_demo(settings))
        print("demo loaded" if loaded else "database not empty: demo skipped")
    announce_setup(settings, args.host, args.port)
    # Live feed settings (docs/deploy.md): no per-message compression for spectators, small
    # client frames, a ping every 20 s that must be answered within 20 s, room for a burst
    # of reconnecting spectators in the accept queue.
    uvicorn.run("tournament.asgi:app", host=args.host, port=args.port, workers=args.workers,
                ws=WS_IMPLEMENTATION, ws_per_message_deflate=False, ws_max_size=16384,
                ws_ping_interval=20, ws_ping_timeout=20, backlog=4096, proxy_headers=True,
                timeout_graceful_shutdown=5)


if __name__ == "__main__":
    main()
