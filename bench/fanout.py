"""Fan-out benchmark: from a referee's PATCH being acknowledged to every spectator having the
event, with N spectator sockets on one server process; the same spectators against the
practical ceiling (a websockets server calling ``broadcast()``) and a naive Starlette loop.

Run by hand: ``python bench/fanout.py [--sizes 1000,2000,5000] [--events 20]
[--servers ours,ceiling,naive,ours-asgi] [--db sqlite|postgresql+asyncpg://...]``.
Results: bench/README.md. Each server runs in its own process; the spectators (lean
clients, ``fanout_clients.py``) in another; the referee here. Times are CLOCK_MONOTONIC,
shared by the processes. ``ours-asgi`` is the service with its fast path off
(``TOURNAMENT_LIVE_FAST_PATH=0``: a writer task per socket sending through ASGI).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import multiprocessing as mp
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fanout_clients  # noqa: E402

ADMIN = "bench-admin-token"
AUTH = {"Authorization": f"Bearer {ADMIN}"}


def raise_fd_limit() -> int:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor())
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    return (f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}\nnproc: {os.cpu_count()}\n"
            f"cpu: {cpu}\npython: {platform.python_version()}\n{free}")


class Target:
    """One server under test: start it, trigger an event, stop it."""

    def __init__(self, kind: str, db: str, baseline: Path | None = None) -> None:
        self.kind, self.db, self.port = kind, db, free_port()
        self.baseline = baseline  # "ours-base" runs this checkout of the service
        self.proc: subprocess.Popen[bytes] | None = None
        self.path = "/ws/x"
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)
        self.control: Any = None
        self.stack = contextlib.ExitStack()
        self.seq = 0
        self.match_id = 0
        self.flip = 0

    def start(self) -> None:
        # every spectator comes from 127.0.0.1: lift the per-address cap (256 by default)
        env = {**os.environ, "TOURNAMENT_ADMIN_TOKEN": ADMIN,
               "TOURNAMENT_MAX_SOCKETS_PER_ADDRESS": "1000000"}
        if self.kind.startswith("ours"):
            url = self.db
            if url == "sqlite":
                url = f"sqlite+aiosqlite:///{tempfile.mkdtemp(prefix='fanout-')}/bench.db"
            from tournament.migrate import upgrade

            upgrade(url)
            env["TOURNAMENT_DATABASE_URL"] = url
            env["TOURNAMENT_LIVE_FAST_PATH"] = "0" if self.kind == "ours-asgi" else "1"
            if self.kind == "ours-base":
                assert self.baseline is not None, "ours-base needs --baseline"
                env["PYTHONPATH"] = str(self.baseline)
            cmd = [sys.executable, "-m", "uvicorn", "tournament.asgi:app", "--host", "127.0.0.1",
                   "--port", str(self.port), "--ws", "websockets-sansio",
                   "--ws-per-message-deflate", "false",
                   "--no-access-log", "--log-level", "warning", "--backlog", "4096",
                   # uvicorn's default keepalive ping (20 s) unless BENCH_WS_PING says
                   "--ws-ping-interval", os.environ.get("BENCH_WS_PING", "20")]
        else:
            cmd = [sys.executable, str(ROOT / "bench" / "fanout_servers.py"), self.kind,
                   str(self.port)]
        self.proc = subprocess.Popen(cmd, cwd=self.baseline if self.kind == "ours-base"
                                     else ROOT, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                import socket

                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        if self.kind.startswith("ours"):
            self._setup_tournament()
        elif self.kind == "ceiling":
            from websockets.sync.client import connect

            self.control = self.stack.enter_context(
                connect(f"ws://127.0.0.1:{self.port}/control"))

    def _setup_tournament(self) -> None:
        slug = f"bench-{os.getpid()}-{self.port}"
        post = self.http.post
        assert post("/api/tournaments", json={"slug": slug, "name": "Bench"},
                    headers=AUTH).status_code == 201
        assert post(f"/api/tournaments/{slug}/events", json={"slug": "e", "name": "E"},
                    headers=AUTH).status_code == 201
        teams = [post(f"/api/tournaments/{slug}/events/e/teams",
                      json={"name": f"Team {i}", "seed": i}, headers=AUTH).json()["id"]
                 for i in range(1, 5)]
        stage = post(f"/api/tournaments/{slug}/events/e/stages",
                     json={"name": "P", "format": "single_elimination", "seeding": teams,
                           "settings": {"best_of": 5}}, headers=AUTH).json()
        self.match_id = next(m["id"] for m in stage["matches"] if m["status"] == "ready")
        self.seq = self.http.get(f"/api/tournaments/{slug}").json()["last_seq"]
        self.path = f"/ws/tournaments/{slug}"

    def trigger(self) -> tuple[int, float, float]:
        """Cause one event; (its seq, time sent, time acknowledged)."""
        self.seq += 1
        self.flip ^= 1
        sent = time.monotonic()
        if self.kind.startswith("ours"):
            r = self.http.patch(f"/api/matches/{self.match_id}", headers=AUTH,
                                json={"score": [self.flip, 0], "status": "live"})
            assert r.status_code == 200, r.text
        elif self.kind == "ceiling":
            self.control.send(f"publish {self.seq}")
            assert self.control.recv() == "ack"
        else:
            assert self.http.post(f"/publish/{self.seq}").status_code == 200
        return self.seq, sent, time.monotonic()

    def stop(self) -> None:
        self.stack.close()
        self.http.close()
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def run_one(kind: str, n: int, events: int, db: str, pipe: Any,
            client: str, baseline: Path | None = None) -> dict[str, Any]:
    target = Target(kind, db, baseline)
    target.start()
    assert target.proc is not None
    try:
        pipe.send(("connect", (target.port, target.path, 20, client)))  # warm up every path
        pipe.recv()
        for _ in range(2):
            seq, _, _ = target.trigger()
            pipe.send(("wait", (seq, 10)))
            pipe.recv()
        pipe.send(("close", None))
        pipe.recv()
        time.sleep(1.0)
        before = rss_kib(target.proc.pid)
        pipe.send(("connect", (target.port, target.path, n, client)))
        connected = pipe.recv()
        time.sleep(2.0)
        after = rss_kib(target.proc.pid)
        sent: dict[int, tuple[float, float]] = {}
        slow = 0
        for _ in range(events):
            seq, t_sent, t_ack = target.trigger()
            sent[seq] = (t_sent, t_ack)
            pipe.send(("wait", (seq, 20)))
            slow += pipe.recv() < connected
            time.sleep(0.05)
        pipe.send(("collect", None))
        got: list[list[tuple[int, float]]] = pipe.recv()
        pipe.send(("close", None))
        pipe.recv()
    finally:
        target.stop()
    expected = sorted(sent)
    from_ack: list[float] = []
    from_send: list[float] = []
    lost = dup = disorder = 0
    worst: dict[int, float] = {}
    per_event: dict[int, list[float]] = {seq: [] for seq in expected}
    for client in got:
        seqs = [s for s, _ in client]
        lost += len(set(expected) - set(seqs))
        dup += len(seqs) - len(set(seqs))
        disorder += seqs != sorted(seqs)
        for seq, t in client:
            if seq in sent:
                from_send.append(t - sent[seq][0])
                from_ack.append(t - sent[seq][1])
                worst[seq] = max(worst.get(seq, 0.0), t - sent[seq][0])
                per_event[seq].append(t - sent[seq][0])
    return {"server": kind, "n": n, "connected": connected, "events": events,
            "p50": pct(from_ack, 0.50), "p99": pct(from_ack, 0.99), "max": max(from_ack),
            "p99_send": pct(from_send, 0.99), "p50_send": pct(from_send, 0.50),
            "mean": statistics.fmean(from_ack),
            "kib_per_socket": (after - before) / max(1, connected), "lost": lost, "dup": dup,
            "disorder": disorder, "timeouts": slow,
            "worst_events": sorted(worst.values(), reverse=True)[:3],
            # each event's p99 over its deliveries, in the order they were sent
            "event_p99": [pct(per_event[seq], 0.99) for seq in expected],
            "from_send": from_send}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,5000")
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--servers", default="ceiling,ours,naive,ours-asgi")
    parser.add_argument("--db", default="sqlite", help="sqlite or a PostgreSQL URL")
    parser.add_argument("--client", default="lean", choices=["lean", "websockets"])
    parser.add_argument("--baseline", type=Path,
                        help="a checkout of the baseline, run as the server 'ours-base'")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds, interleaving the servers; the table shows medians")
    args = parser.parse_args()
    limit = raise_fd_limit()
    sizes = [int(s) for s in args.sizes.split(",")]
    if max(sizes) + 200 > limit:  # per process: the spectators and the server are two
        raise SystemExit(f"open-file limit {limit} is too low for {max(sizes)} sockets")
    print(machine(), f"\nspectator clients: {args.client}, database: {args.db}", flush=True)
    here, there = mp.Pipe()
    spectators = mp.get_context("spawn").Process(target=fanout_clients.run, args=(there,))
    spectators.start()
    results: list[dict[str, Any]] = []
    try:
        for round_ in range(args.repeat):
            for n in sizes:
                for kind in args.servers.split(","):
                    gc.collect()
                    r = run_one(kind, n, args.events, args.db, here, args.client,
                                args.baseline)
                    results.append(r)
                    print(f"round {round_ + 1} {kind:>10} n={n:>5}: "
                          f"p50 {r['p50'] * 1000:6.1f} ms  p99 {r['p99'] * 1000:6.1f} ms  "
                          f"max {r['max'] * 1000:6.1f} ms  (from request: p50 "
                          f"{r['p50_send'] * 1000:6.1f} p99 {r['p99_send'] * 1000:6.1f} ms)  "
                          f"{r['kib_per_socket']:5.1f} KiB/socket  lost {r['lost']} dup "
                          f"{r['dup']} out-of-order {r['disorder']} timeouts {r['timeouts']}  "
                          f"per event p99 {[round(w * 1000) for w in r['event_p99']]} ms  "
                          f"load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        here.send(("exit", None))
        spectators.join(10)
    table(results, [int(x) for x in sizes], args.servers.split(","))


def table(results: list[dict[str, Any]], sizes: list[int], kinds: list[str]) -> None:
    """Medians over the rounds; p99 ratios against the ceiling's median."""
    def med(kind: str, n: int, key: str) -> float:
        return statistics.median(r[key] for r in results if r["server"] == kind
                                 and r["n"] == n)

    print("\n| N | server | p99 from ack (ms) | ratio | p99 from request (ms) | ratio "
          "| p99 over all deliveries (ms) | slowest event / median event (p99s) "
          "| p50 from request (ms) | KiB per idle socket | lost / dup / out of order |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        for kind in kinds:
            rows = [r for r in results if r["server"] == kind and r["n"] == n]
            if not rows:
                continue
            ack, req = med(kind, n, "p99"), med(kind, n, "p99_send")
            base_ack = med("ceiling", n, "p99") if "ceiling" in kinds else float("nan")
            base_req = med("ceiling", n, "p99_send") if "ceiling" in kinds else float("nan")
            pooled = pct([t for r in rows for t in r["from_send"]], 0.99)
            events = [e for r in rows for e in r["event_p99"]]
            spread = max(events) / statistics.median(events)
            print(f"| {n} | {kind} | {ack * 1000:.0f} | {ack / base_ack:.2f}× | "
                  f"{req * 1000:.0f} | {req / base_req:.2f}× | {pooled * 1000:.0f} | "
                  f"{spread:.2f}× | "
                  f"{med(kind, n, 'p50_send') * 1000:.0f} | "
                  f"{med(kind, n, 'kib_per_socket'):.1f} | "
                  f"{sum(r['lost'] for r in rows)} / {sum(r['dup'] for r in rows)} / "
                  f"{sum(r['disorder'] for r in rows)} |")


if __name__ == "__main__":
    main()
