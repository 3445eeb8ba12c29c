"""A normal (not editable) install works: the wheel holds templates, translations,
migrations and the static files, and an installed server serves a page with its CSS and
JavaScript."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.long(18)
def test_a_wheel_install_serves_pages_with_their_assets(tmp_path):
    wheels = tmp_path / "wheels"
    # from a clean copy of the sources: setuptools reuses a build/ directory, and a stale
    # one (an old migration file) would end up in the wheel
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        "build", "dist", ".git", ".venv", "*.egg-info", "__pycache__", "*.db", ".*cache",
        ".hypothesis", "test-artifacts"))
    run(sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w",
        str(wheels), cwd=tmp_path)
    (wheel,) = wheels.glob("tournament-*.whl")
    venv = tmp_path / "venv"
    # the dependencies come from this interpreter's site-packages; the package itself only
    # from the wheel (the venv's own site-packages come first on its path). Without a pip
    # of its own (installing one took 12 s of a loaded machine): the venv's python runs
    # this interpreter's pip, which installs into the venv it runs in.
    run(sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv),
        cwd=tmp_path)
    python = str(venv / "bin" / "python")
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel),
        cwd=tmp_path)
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # a checkout's path
    where = run(python, "-c", "import tournament; print(tournament.__file__)", cwd=tmp_path,
                env=clean)
    assert where.startswith(str(venv)), where
    url = f"sqlite+aiosqlite:///{tmp_path / 'installed.db'}"
    env = {**os.environ, "TOURNAMENT_DATABASE_URL": url, "PYTHONPATH": ""}
    run(python, "-c", f"from tournament.migrate import upgrade; upgrade({url!r})",
        cwd=tmp_path, env=env)
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "uvicorn", "tournament.asgi:app", "--host", "127.0.0.1", "--port",
         str(port)], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180  # bounds a hang only
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "no server"
            time.sleep(0.1)
        page = httpx.get(base + "/?lang=ko")
        assert page.status_code == 200 and "대회" in page.text
        assert "/static/css/site.css" in page.text
        for asset in ("/static/css/site.css", "/static/js/live.js", "/static/js/follow.js",
                      "/static/js/times.js"):
            r = httpx.get(base + asset)
            assert r.status_code == 200 and len(r.content) > 100, asset
    finally:
        server.terminate()
        server.wait(timeout=15)
