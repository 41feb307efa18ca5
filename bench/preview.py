"""The preview loop of `make serve`: from saving an edited page to the rebuilt page being served.

`mkdocs serve --strict` (as `make serve` runs it) on 127.0.0.1, a free port, in a clone of this
repository in a temporary folder (the translation checks read the English history from git, so a
copy of the files would not do), with the working tree's docs/, data/, hooks/, overrides/ and
mkdocs.yml copied over it. Each edit appends a paragraph with a new marker word to one page,
alternately English and Chinese; the time is from the write to the first answer of the served
page that holds the marker, polled every POLL_S. Bounded: EDITS edits, START_TIMEOUT_S for the
first build, EDIT_TIMEOUT_S per edit; the server is stopped afterwards (its process group).

Alone: `python -m bench.preview [EDITS]` prints the section it would write.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.runner import ENV, median
from tests.sitebuild import MKDOCS, REPO

TARGET_S = 3.0  # issue 28: a preview rebuild in a couple of seconds
START_TIMEOUT_S = 300
EDIT_TIMEOUT_S = 60
POLL_S = 0.05
PAGES = {  # language: page source, its URL path under the server
    "en": ("docs/en/automations.md", "automations.html"),
    "zh": ("docs/zh/automations.md", "zh/automations.html"),
}
COPIED = ("docs", "data", "hooks", "overrides", "mkdocs.yml")  # the working tree, edits included
# `mkdocs serve` logs "Documentation built in 2.31 seconds" after each build
BUILT_RE = re.compile(r"Documentation built in (?P<seconds>[\d.]+) seconds")


@dataclass
class Edit:
    lang: str
    seconds: float | None  # save -> served page holds the edit; None: not within EDIT_TIMEOUT_S
    build_s: float | None  # the rebuild's own time, as `mkdocs serve` logged it


@dataclass
class PreviewResult:
    start_s: float | None = None  # start -> first page served
    edits: list[Edit] = field(default_factory=list)
    problem: str = ""  # why it stopped early, with the log's last lines

    def median(self, lang: str | None = None) -> float | None:
        times = [e.seconds for e in self.edits if lang in (None, e.lang)]
        done = [t for t in times if t is not None]
        return median(done) if done and len(done) == len(times) else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, needle: str, deadline: float, proc: subprocess.Popen) -> bool:
    while time.monotonic() < deadline and proc.poll() is None:
        body = _get(url)
        if body is not None and needle in body:
            return True
        time.sleep(POLL_S)
    return False


def clone(folder: Path) -> Path:
    """This repository at HEAD, cloned into ``folder`` (objects shared), with the working tree's
    site sources copied over it."""
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(REPO), str(folder)],
        check=True,
    )
    subprocess.run(["git", "-C", str(folder), "checkout", "--quiet", head], check=True)
    for name in COPIED:
        source, target = REPO / name, folder / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return folder


def _builds(log: Path) -> list[float]:
    """The build times ``mkdocs serve`` has logged so far, in order."""
    return [float(x) for x in BUILT_RE.findall(log.read_text("utf-8", "replace"))]


def _wait_for_build(log: Path, count: int, proc: subprocess.Popen) -> list[float]:
    """Wait (at most EDIT_TIMEOUT_S) until ``count`` builds are logged; return the times."""
    deadline = time.monotonic() + EDIT_TIMEOUT_S
    while len(built := _builds(log)) < count and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(POLL_S)
    return built


def run(workdir: Path, edits: int, log=print) -> PreviewResult:
    result = PreviewResult()
    repo = clone(workdir / "preview-repo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve_log = workdir / "preview-serve.log"
    out = serve_log.open("wb")
    command = [str(MKDOCS), "serve", "--strict", "-a", f"127.0.0.1:{port}"]  # as `make serve`
    started = time.monotonic()
    proc = subprocess.Popen(
        command,
        cwd=repo,
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, **ENV},
        start_new_session=True,  # its own process group: stopped as one below
    )
    try:
        for lang in PAGES:
            url = f"{base}/{PAGES[lang][1]}"
            if not _wait_for(url, "</html>", started + START_TIMEOUT_S, proc):
                result.problem = f"{url} not served within {START_TIMEOUT_S} s"
                return result
        result.start_s = time.monotonic() - started
        log(f"  mkdocs serve: first pages served after {result.start_s:.1f} s")
        for n in range(edits):
            lang = list(PAGES)[n % len(PAGES)]
            source, path = PAGES[lang]
            marker = f"previewmark{secrets.token_hex(4)}"
            page = repo / source
            before = len(_builds(serve_log))
            text = page.read_text(encoding="utf-8")
            saved = time.monotonic()
            page.write_text(f"{text.rstrip()}\n\n{marker}\n", encoding="utf-8")
            seen = _wait_for(f"{base}/{path}", marker, saved + EDIT_TIMEOUT_S, proc)
            seconds = time.monotonic() - saved if seen else None
            built = _wait_for_build(serve_log, before + 1, proc)  # its "built in" line
            edit = Edit(lang, seconds, built[before] if len(built) > before else None)
            result.edits.append(edit)
            shown = f"{seconds:.2f} s" if seconds is not None else f"not within {EDIT_TIMEOUT_S} s"
            log(f"  edit {n + 1} ({lang}): {shown}, build logged {edit.build_s} s")
            if seconds is None:
                result.problem = f"edit {n + 1} of {source} not served within {EDIT_TIMEOUT_S} s"
                break
            page.write_text(text, encoding="utf-8")  # put back; the next edit waits for its build
            _wait_for_build(serve_log, before + 2, proc)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.close()
        if result.problem:
            tail = serve_log.read_text("utf-8", "replace").splitlines()[-5:]
            result.problem += ": " + " / ".join(tail)
    return result


def section(result: PreviewResult | None, number: int) -> list[str]:
    out = [f"## {number}. The preview loop: `make serve` after a save", ""]
    if result is None:
        return [*out, "Not run.", ""]
    out += [
        "`mkdocs serve --strict` (as `make serve`) on a free port of 127.0.0.1, in a clone of "
        "the repository in a temporary folder (`bench/preview.py`). Each edit appends a "
        "paragraph with a new word to `automations.md`, English and Chinese in turn; the time "
        "runs from writing the file to the first answer of the served page that holds the word "
        f"(polled every {POLL_S * 1000:.0f} ms): the watcher noticing the save, the rebuild of "
        "both languages (no PDF under `mkdocs serve`), the page served. *Build* is the rebuild's "
        f"own time as `mkdocs serve` logs it. Target: {TARGET_S:.0f} s on the real site.",
        "",
    ]
    if result.start_s is None:
        return [*out, f"Not measured: {result.problem}.", ""]
    rows = [
        [
            str(n),
            edit.lang,
            f"{edit.seconds:.2f} s" if edit.seconds is not None else "not served",
            f"{edit.build_s:.2f} s" if edit.build_s is not None else "-",
        ]
        for n, edit in enumerate(result.edits, 1)
    ]
    out += [
        "| edit | page | save to served | build (logged) |",
        "|---|---|---|---|",
        *["| " + " | ".join(row) + " |" for row in rows],
        "",
    ]
    whole = result.median()
    if whole is not None:
        verdict = "met" if whole <= TARGET_S else "NOT met"
        out.append(
            f"Median save to served: **{whole:.2f} s** ({verdict}, target {TARGET_S:.0f} s); "
            f"the first build of `mkdocs serve` took {result.start_s:.1f} s to serve both pages."
        )
    if result.problem:
        out.append(f"Stopped early: {result.problem}.")
    return [*out, ""]


if __name__ == "__main__":
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        print("\n".join(section(run(Path(tmp), edits), 9)))
