"""Timed MkDocs builds in a subprocess, with the child's own peak memory, and site sizes."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.sitebuild import MKDOCS, REPO

# One fixed build date for every benchmark build: nothing depends on the day it runs.
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01


@dataclass(frozen=True)
class Run:
    """One timed command: wall-clock seconds, the child's peak resident memory, its outcome."""

    wall: float
    peak_mb: float
    returncode: int
    log: str
    cpu: float = 0.0  # user + system seconds of the child and the processes it waited for

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def first_problem(self) -> str:
        lines = [ln for ln in self.log.splitlines() if ln.startswith(("WARNING", "ERROR"))]
        return (lines or self.log.splitlines()[-1:] or ["(no output)"])[0][:200]


def timed(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command``; the peak memory is that child's ru_maxrss (os.wait4), not the max of all."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **ENV, **(env or {})},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    cpu = usage.ru_utime + usage.ru_stime
    output = log.read_text("utf-8", "replace")
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, output, cpu)


def timed_build(config: dict[str, Any], workdir: Path, *, strict: bool = True) -> Run:
    """Write ``config`` to ``workdir/mkdocs.yml`` and build it into ``workdir/site``."""
    workdir.mkdir(parents=True, exist_ok=True)
    cfg = workdir / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [str(MKDOCS), "build", "--clean", "-f", str(cfg), "-d", str(workdir / "site")]
    if strict:
        command.append("--strict")
    return timed(command, REPO, workdir / "build.log")


@dataclass(frozen=True)
class SiteSize:
    total: int  # bytes, every file
    pages: int  # HTML pages, both languages, without the 404 pages
    largest: int
    largest_name: str
    median: float


def site_size(site: Path) -> SiteSize:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = sorted(
        ((p.stat().st_size, p.relative_to(site).as_posix()) for p in files
         if p.suffix == ".html" and p.name != "404.html"),
        reverse=True,
    )  # fmt: skip
    return SiteSize(
        total=sum(p.stat().st_size for p in files),
        pages=len(pages),
        largest=pages[0][0],
        largest_name=pages[0][1],
        median=statistics.median(size for size, _ in pages),
    )


def median(values: list[float]) -> float:
    return statistics.median(values)


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB"


def mb(size: float) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


class Repeated:
    """Summary of the repeated runs of one benchmark variant (mixed into its result type)."""

    runs: list[Run]

    @property
    def wall(self) -> float:
        return median([r.wall for r in self.runs])

    @property
    def cpu(self) -> float:
        return median([r.cpu for r in self.runs])

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)
