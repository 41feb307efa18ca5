"""The translation checks from the command line (python -m hooks.checks) on synthetic trees."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import machine
from bench.runner import Repeated, Run, median, timed
from tests.sitebuild import REPO


@dataclass(frozen=True)
class ChecksResult(Repeated):
    pairs: int
    jobs: str  # "1" or "default"
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
    def summary(self) -> str:
        lines = self.runs[-1].log.strip().splitlines()
        return lines[-1] if lines else ""


def available() -> str | None:
    """Why the checks cannot be benchmarked here, or None when they can."""
    try:
        from bench.synthetic import write_synthetic_tree  # noqa: F401
    except ImportError as error:
        return f"bench.synthetic is not importable ({error})"
    return None


def _supports_jobs() -> bool:
    helptext = subprocess.run(
        [sys.executable, "-m", "hooks.checks", "--help"], cwd=REPO, capture_output=True, text=True
    ).stdout
    return "--jobs" in helptext


def run(workdir: Path, sizes: dict[int, int], log=print) -> list[ChecksResult]:
    """``sizes``: page pairs -> repetitions. Write each tree once, then run the checks in that
    folder, one process per run, with one worker and with the CLI's default."""
    from bench.synthetic import write_synthetic_tree

    variants = [("1", ["--jobs", "1"]), ("default", [])] if _supports_jobs() else [("default", [])]
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    results = []
    for pairs, reps in sizes.items():
        root = workdir / f"checks-{pairs}"
        start = time.perf_counter()
        write_synthetic_tree(root, pairs)
        written = time.perf_counter() - start
        runs: dict[str, list[Run]] = {jobs: [] for jobs, _ in variants}
        reference: dict[str, list[float]] = {jobs: [] for jobs, _ in variants}
        for rep in range(reps):
            for jobs, args in variants if rep % 2 == 0 else variants[::-1]:
                reference[jobs].append(machine.reference_seconds())
                command = [sys.executable, "-m", "hooks.checks", "--root", str(root), *args]
                result = timed(command, root, workdir / f"checks-{pairs}-{jobs}.log", env)
                runs[jobs].append(result)
                log(
                    f"  {pairs} pairs, jobs {jobs}: {result.wall:.2f} s"
                    f" ({result.wall / pairs * 1000:.2f} ms per pair), exit {result.returncode}"
                )
        results += [
            ChecksResult(pairs, jobs, runs[jobs], written, reference[jobs]) for jobs, _ in variants
        ]
    return results
