"""The service under uvicorn, as ``bench/fanout.py`` starts it, plus a memory probe.

``python bench/sockmem_server.py PORT OUT [--trace]``: on SIGUSR1 the server writes a
``tracemalloc`` snapshot (with ``--trace``, 10 frames deep) to ``OUT.N``; on SIGUSR2 it
writes ``OUT.walk.json``: what one open spectator connection holds that another does not
(``sockmem.py`` prints both). Driven by ``bench/sockmem.py``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import signal
import sys
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

import uvicorn


def reachable(roots: list[Any], stop: set[int]) -> dict[int, Any]:
    """Every object reachable from ``roots`` through ``gc.get_referents``, not crossing
    modules, classes, functions, code, or anything in ``stop``."""
    import types

    opaque = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType,
              types.CodeType, types.MethodDescriptorType, types.WrapperDescriptorType)
    seen: dict[int, Any] = {}
    todo = list(roots)
    while todo:
        obj = todo.pop()
        if id(obj) in seen or id(obj) in stop or isinstance(obj, opaque):
            continue
        seen[id(obj)] = obj
        todo.extend(gc.get_referents(obj))
    return seen


def owned(proto: Any, task: Any, sink: Any) -> list[Any]:
    return [proto, task, sink]


def walk(server: uvicorn.Server, out: Path) -> None:
    """What one connection holds alone: objects reachable from its protocol, its ASGI task
    and its sink, minus those also reachable from a second connection's (shared)."""
    from tournament.live.sink import SocketSink

    gc.collect()
    conns = [c for c in server.server_state.connections if getattr(c, "scope", None)]
    tasks = {id(t.get_coro().cr_frame.f_locals.get("self")): t
             for t in server.server_state.tasks if t.get_coro().cr_frame is not None}
    sinks = {}
    for obj in gc.get_objects():
        if isinstance(obj, SocketSink):
            sinks[id(obj.websocket.scope)] = obj
    a, b = conns[0], conns[1]
    # shared: what the app and the server reach without entering any connection
    barrier = {id(x) for x in [*conns, *server.server_state.tasks, *sinks.values()]}
    stop = set(reachable([a.app, server, a.app_state], barrier))
    roots_a = owned(a, tasks[id(a)], sinks.get(id(a.scope)))
    roots_b = owned(b, tasks[id(b)], sinks.get(id(b.scope)))
    mine = reachable(roots_a, stop)
    theirs = reachable(roots_b, stop)
    only = {k: v for k, v in mine.items() if k not in theirs}
    by_type: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for obj in only.values():
        name = type(obj).__qualname__
        if name in ("coroutine", "generator", "async_generator"):
            name += " " + obj.__qualname__ if hasattr(obj, "__qualname__") else ""
        by_type[name] += sys.getsizeof(obj)
        count[name] += 1
    # which top-level piece holds what: the protocol's attributes, the task, the sink
    parts: dict[str, int] = {}
    claimed: set[int] = set()
    pieces: list[tuple[str, Any]] = [(f"proto.{k}", v) for k, v in vars(a).items()]
    pieces += [("task (coroutine chain)", tasks[id(a)]), ("sink", sinks.get(id(a.scope)))]
    for name, root in pieces:
        sub = reachable([root], stop | {id(a)} | claimed)
        size = sum(sys.getsizeof(o) for k, o in sub.items() if k in only)
        claimed |= {k for k in sub if k in only}
        if size:
            parts[name] = size
    out.write_text(json.dumps({
        "connections": len(conns), "total": sum(by_type.values()),
        "proto_dict": sys.getsizeof(vars(a)), "parts": parts,
        "by_type": [(k, count[k], v) for k, v in by_type.most_common()]}, indent=1))


def main() -> None:
    port, out, trace = int(sys.argv[1]), Path(sys.argv[2]), "--trace" in sys.argv
    if trace:
        tracemalloc.start(10)
    config = uvicorn.Config("tournament.asgi:app", host="127.0.0.1", port=port,
                            ws="websockets-sansio", ws_per_message_deflate=False,
                            access_log=False, log_level="warning", backlog=4096,
                            ws_ping_interval=20.0, loop="uvloop")
    server = uvicorn.Server(config)
    shots = iter(range(1000))

    def snapshot() -> None:
        gc.collect()
        tracemalloc.take_snapshot().dump(f"{out}.{next(shots)}")
        Path(f"{out}.done").write_text("1")

    def probe() -> None:
        walk(server, Path(f"{out}.walk.json"))
        Path(f"{out}.done").write_text("1")

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGUSR1, snapshot)
        loop.add_signal_handler(signal.SIGUSR2, probe)
        await server.serve()

    import uvloop

    uvloop.run(serve())


if __name__ == "__main__":
    main()
