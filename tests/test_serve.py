"""`mkdocs serve` answers in both languages on a free local port, and is stopped afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.sitebuild import MKDOCS, REPO

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, deadline: float) -> tuple[int, str]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_answers_both_languages(tmp_path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(MKDOCS), "serve", "--strict", "-a", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        status, body = fetch(f"http://127.0.0.1:{port}/", deadline)
        assert status == 200 and '<html lang="en"' in body
        status, body = fetch(f"http://127.0.0.1:{port}/zh/", deadline)
        assert status == 200 and '<html lang="zh"' in body
        # a preview skips the side-by-side views (`compare_on_serve`, off): no view, no link
        status, body = fetch(f"http://127.0.0.1:{port}/automations.html", deadline)
        assert status == 200 and "ac-compare-button" not in body
        with pytest.raises(urllib.error.HTTPError, match="404"):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/compare/automations.html", timeout=5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    assert proc.returncode is not None
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def test_a_preview_builds_the_side_by_side_views_when_asked() -> None:
    from translations.plugin import TranslationsPlugin

    def comparing(command: str, **options: bool) -> bool:
        plugin = TranslationsPlugin()
        errors, _warnings = plugin.load_config(options)
        assert errors == []
        plugin.on_startup(command=command, dirty=False)
        return plugin._comparing

    assert comparing("build") and not comparing("serve")
    assert comparing("serve", compare_on_serve=True)
    assert not comparing("build", compare=False)
