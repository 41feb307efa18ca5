"""The translation checks from the command line (python -m translations) on synthetic trees,
and on real bilingual repositories a maintainer has fetched (`BENCH_REAL_SITES`: their folders,
separated by `:`; their text is theirs, so none is committed here)."""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import machine
from bench.runner import Repeated, Run, median, timed
from bench.synthetic import write_synthetic_tree
from tests.sitebuild import REPO


@dataclass(frozen=True)
class ChecksResult(Repeated):
    pairs: int
    runs: list[Run]
    write_seconds: float
    reference: list[float]  # machine.reference_seconds() right before each run

    @property
    def per_pair_ms(self) -> float:
        return self.wall / self.pairs * 1000

    @property
    def reference_median(self) -> float:
        return median(self.reference)

    @property
    def name(self) -> str:
        return f"{self.pairs:,}"

    @property
    def summary(self) -> str:
        lines = self.runs[-1].log.strip().splitlines()
        return lines[-1] if lines else ""


def run(workdir: Path, sizes: dict[int, int], log=print) -> list[ChecksResult]:
    """``sizes``: page pairs -> repetitions. Write each tree once, then run the checks in that
    folder, one process per run."""
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    results = []
    for pairs, reps in sizes.items():
        root = workdir / f"checks-{pairs}"
        start = time.perf_counter()
        write_synthetic_tree(root, pairs)
        written = time.perf_counter() - start
        runs: list[Run] = []
        reference: list[float] = []
        for _ in range(reps):
            reference.append(machine.reference_seconds())
            command = [sys.executable, "-m", "translations", "--root", str(root)]
            result = timed(command, root, workdir / f"checks-{pairs}.log", env)
            runs.append(result)
            log(
                f"  {pairs} pairs: {result.wall:.2f} s"
                f" ({result.wall / pairs * 1000:.2f} ms per pair), exit {result.returncode}"
            )
        results.append(ChecksResult(pairs, runs, written, reference))
    return results


# the summary line: "266 pages (266 page pairs), ...: 398 issues; ..."
_PAIRS = re.compile(r"\((?P<pairs>\d+) page pairs\)")
_ISSUES = re.compile(r": (?P<issues>\d+) issues?\b|: (?P<none>no issues)")


@dataclass(frozen=True)
class RealResult(ChecksResult):
    root: Path = Path()

    @property
    def name(self) -> str:
        return self.root.name

    @property
    def ok(self) -> bool:  # findings exit 1; input errors or a crash exit 2 or more
        return all(r.returncode in (0, 1) for r in self.runs)

    @property
    def findings(self) -> int | None:
        line = next((ln for ln in self.runs[-1].log.splitlines() if _PAIRS.search(ln)), "")
        match = _ISSUES.search(line)
        if match is None:
            return None
        return 0 if match["none"] else int(match["issues"])


def real_sites() -> list[Path]:
    """The folders named in BENCH_REAL_SITES that hold a mkdocs.yml."""
    named = [Path(p) for p in os.environ.get("BENCH_REAL_SITES", "").split(os.pathsep) if p]
    return [p for p in named if (p / "mkdocs.yml").is_file()]


def run_real(workdir: Path, roots: list[Path], reps: int, log=print) -> list[RealResult]:
    """The checks on each real repository, unchanged, ``reps`` times, one process per run.
    A repository with findings exits 1: that is its report, not a failed run."""
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    results = []
    for root in roots:
        runs: list[Run] = []
        reference: list[float] = []
        for _ in range(reps):
            reference.append(machine.reference_seconds())
            command = [sys.executable, "-m", "translations", "--root", str(root)]
            runs.append(timed(command, root, workdir / f"real-{root.name}.log", env))
        match = _PAIRS.search(runs[-1].log)
        pairs = int(match["pairs"]) if match else 0
        log(f"  {root.name}: {pairs} pairs, {median([r.wall for r in runs]):.2f} s")
        results.append(RealResult(pairs, runs, 0.0, reference, root))
    return results
