"""The translation checks from the command line (python -m translations) on synthetic trees."""

from __future__ import annotations

import os
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
