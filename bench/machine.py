"""What the benchmarks ran on: cores, CPU, memory, OS, and the versions that matter."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from tests.sitebuild import CHROMIUM, REPO


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else platform.processor() or "unknown"


def _memory() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    match = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _chromium() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def _commit() -> str:
    """The checked-out commit, read from .git (no git process). In a worktree .git is a file
    naming its own folder (HEAD), whose ``commondir`` holds the branches."""
    git = REPO / ".git"
    try:
        if git.is_file():  # "gitdir: /path/to/repo/.git/worktrees/name"
            git = Path(git.read_text(encoding="utf-8").strip().removeprefix("gitdir: "))
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        if (git / "commondir").is_file():
            git = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
        if (git / ref).is_file():
            return (git / ref).read_text(encoding="utf-8").strip()[:12]
        for line in (git / "packed-refs").read_text(encoding="utf-8").splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    return "unknown"


def describe() -> list[tuple[str, str]]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", _cpu_model()),
        ("cores (nproc)", f"{usable} usable of {os.cpu_count()}"),
        ("memory", _memory()),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        (
            "MkDocs / Material / static-i18n",
            " / ".join(_version(p) for p in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")),
        ),
        ("jieba", _version("jieba")),
        ("Chromium (Playwright " + _version("playwright") + ")", _chromium()),
        ("commit (working tree may differ)", _commit()),
    ]


# A fixed amount of pure-Python work (about 0.3 s per process on an idle 2.1 GHz Xeon core).
REFERENCE_LOOP = "x = 0\nfor i in range(3_000_000):\n    x += i * i"


def reference_seconds() -> float:
    """Wall time of the reference loop in one process per core, all started together: what the
    cores deliver right now. On a shared VM this moves from minute to minute; a benchmark run next
    to it can be read against it."""
    start = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", REFERENCE_LOOP]) for _ in range(os.cpu_count() or 1)
    ]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start
