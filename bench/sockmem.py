"""Where an idle spectator socket's memory goes (issue 12): a profile, not a benchmark.

``python bench/sockmem.py [--n 2000] [--top 25]`` starts the service (``sockmem_server.py``,
the settings ``fanout.py`` uses) with ``tracemalloc`` on, takes a snapshot, connects N idle
lean spectators to ``/ws/tournaments/{slug}``, takes another and prints the difference
grouped by traceback (bytes per socket). Then it walks one connection's objects
(``gc.get_referents`` from its protocol, ASGI task and sink, minus what a second connection
also reaches) and prints what each piece holds, with ``sys.getsizeof``. RSS per socket is
printed too (tracemalloc's own bookkeeping inflates it here: use ``fanout.py`` for RSS).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fanout  # noqa: E402
import fanout_clients  # noqa: E402


def ask(proc: subprocess.Popen[bytes], sig: int, out: Path) -> None:
    done = Path(f"{out}.done")
    done.unlink(missing_ok=True)
    proc.send_signal(sig)
    while not done.exists():
        time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-trace", action="store_true", help="only the object walk")
    args = parser.parse_args()
    fanout.raise_fd_limit()
    work = Path(tempfile.mkdtemp(prefix="sockmem-"))
    out = work / "snap"
    url = f"sqlite+aiosqlite:///{work}/bench.db"
    from tournament.migrate import upgrade

    upgrade(url)
    target = fanout.Target("ours", "sqlite")
    env = {**os.environ, "TOURNAMENT_ADMIN_TOKEN": fanout.ADMIN,
           "TOURNAMENT_MAX_SOCKETS_PER_ADDRESS": "1000000", "TOURNAMENT_DATABASE_URL": url,
           "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, str(ROOT / "bench" / "sockmem_server.py"), str(target.port),
           str(out)] + ([] if args.no_trace else ["--trace"])
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    target.proc = proc
    here, there = mp.Pipe()
    clients = mp.get_context("spawn").Process(target=fanout_clients.run, args=(there,))
    clients.start()
    try:
        deadline = time.monotonic() + 180  # imports under tracemalloc are slow
        while True:
            try:
                target.http.get("/healthz")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        target._setup_tournament()
        here.send(("connect", (target.port, target.path, 20, "lean")))  # warm every path
        here.recv()
        for _ in range(2):
            seq, _, _ = target.trigger()
            here.send(("wait", (seq, 10)))
            here.recv()
        here.send(("close", None))
        here.recv()
        time.sleep(1.0)
        if not args.no_trace:
            ask(proc, signal.SIGUSR1, out)
        rss0 = fanout.rss_kib(proc.pid)
        here.send(("connect", (target.port, target.path, args.n, "lean")))
        n = here.recv()
        time.sleep(2.0)
        rss1 = fanout.rss_kib(proc.pid)
        if not args.no_trace:
            ask(proc, signal.SIGUSR1, out)
        ask(proc, signal.SIGUSR2, out)
        here.send(("close", None))
        here.recv()
    finally:
        here.send(("exit", None))
        clients.join(10)
        target.stop()
    print(f"{n} idle sockets; RSS {(rss1 - rss0) / n:.1f} KiB per socket"
          f"{' (tracemalloc on)' if not args.no_trace else ''}; load "
          f"{os.getloadavg()[0]:.2f}")
    if not args.no_trace:
        a = tracemalloc.Snapshot.load(f"{out}.0")
        b = tracemalloc.Snapshot.load(f"{out}.1")
        ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
        a, b = a.filter_traces(ignore), b.filter_traces(ignore)
        stats = b.compare_to(a, "traceback")
        total = sum(s.size_diff for s in stats)
        print(f"\ntracemalloc: {total / n:.0f} B per socket in all; the biggest groups "
              "(bytes and blocks per socket, innermost frame last):")
        for s in stats[:args.top]:
            if s.size_diff <= 0:
                continue
            frames = [f"{Path(f.filename).name}:{f.lineno}" for f in s.traceback]
            print(f"{s.size_diff / n:8.0f} B {s.count_diff / n:5.1f}  "
                  + " > ".join(frames[-5:]))
        lines = b.compare_to(a, "lineno")
        print("\nby allocating line:")
        for s in lines[:args.top]:
            if s.size_diff > 0:
                f = s.traceback[0]
                print(f"{s.size_diff / n:8.0f} B {s.count_diff / n:5.1f}  "
                      f"{f.filename.replace(sys.prefix, '')}:{f.lineno}")
    walk = json.loads(Path(f"{out}.walk.json").read_text())
    print(f"\none connection's own objects (sys.getsizeof, not reached from another "
          f"connection): {walk['total']} B")
    for name, size in sorted(walk["parts"].items(), key=lambda kv: -kv[1]):
        print(f"{size:8} B  {name}")
    print("\nby type:")
    for name, count, size in walk["by_type"][:args.top]:
        print(f"{size:8} B  {count:4} x {name}")


if __name__ == "__main__":
    main()
