"""Reference servers for ``bench/fanout.py`` (run as ``python bench/fanout_servers.py KIND PORT``).

- ``ceiling``: the websockets library's own asyncio server; spectators connect on any path,
  a control socket on ``/control`` sends ``publish <seq>``; the server calls
  ``websockets.broadcast()`` and answers ``ack`` (the practical ceiling for Python).
- ``naive``: a Starlette app under uvicorn whose ``POST /publish/<seq>`` awaits
  ``send_text`` for each spectator in turn, then answers.

Both send a ``match.updated`` message of the same shape and size as the real service's.
Both run on uvloop, as uvicorn does.
"""

from __future__ import annotations

import json
import sys
from typing import Any

MATCH = {"id": 3, "stage_id": 1, "group": None, "round": 1, "bracket": "winners", "number": 3,
         "teams": [5, 6], "score": [1, 0], "games": [], "best_of": 3, "status": "live",
         "winner": None, "draw": False, "forfeit": False, "forfeited_by": None,
         "scheduled_at": None, "stream_url": None, "version": 7,
         "updated_at": "2026-11-20T10:00:00.000000+00:00"}


def sample(seq: int) -> str:
    return json.dumps({"seq": seq, "type": "match.updated", "data": MATCH},
                      ensure_ascii=False, separators=(",", ":"))


async def ceiling(port: int) -> None:
    from websockets.asyncio.server import ServerConnection, broadcast, serve

    spectators: set[ServerConnection] = set()

    async def handler(ws: ServerConnection) -> None:
        if ws.request is not None and ws.request.path == "/control":
            async for message in ws:
                seq = int(str(message).split()[1])
                broadcast(spectators, sample(seq))
                await ws.send("ack")
            return
        spectators.add(ws)
        try:
            await ws.wait_closed()
        finally:
            spectators.discard(ws)

    async with serve(handler, "127.0.0.1", port, compression=None, backlog=4096) as server:
        await server.serve_forever()


def naive_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    spectators: set[WebSocket] = set()

    async def spectate(websocket: WebSocket) -> None:
        await websocket.accept()
        spectators.add(websocket)
        try:
            while (await websocket.receive())["type"] != "websocket.disconnect":
                pass
        except WebSocketDisconnect:
            pass
        finally:
            spectators.discard(websocket)

    async def publish(request: Request) -> PlainTextResponse:
        text = sample(int(request.path_params["seq"]))
        for ws in list(spectators):
            try:
                await ws.send_text(text)
            except Exception:  # a benchmark: one gone client must not stop it
                spectators.discard(ws)
        return PlainTextResponse("ack")

    return Starlette(routes=[Route("/publish/{seq:int}", publish, methods=["POST"]),
                             WebSocketRoute("/ws/{slug}", spectate)])


def main() -> None:
    kind, port = sys.argv[1], int(sys.argv[2])
    if kind == "ceiling":
        import uvloop

        uvloop.run(ceiling(port))
    elif kind == "naive":
        import uvicorn

        uvicorn.run(naive_app(), host="127.0.0.1", port=port, log_level="warning",
                    ws_per_message_deflate=False, access_log=False, backlog=4096)
    else:
        raise SystemExit(f"unknown server {kind!r}")


if __name__ == "__main__":
    main()
