"""Chinese segmentation for the search index: strict builds of the real site with jieba
(``SEARCH_SEGMENTER=jieba``) and with rjieba (output/segmenter.py, the default), interleaved,
without the export (its PDF time would dilute the difference), and whether the two builds made
the same search indexes, byte for byte.

Alone: `python -m bench.segmentation [REPS]`, which prints the section of bench/RESULTS.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.runner import Run, median, timed_build
from tests.gates.tools import tree_differences
from tests.sitebuild import absolutise, load_config

EXPORT_HOOK = "export.py"
SEGMENTER_ENV = "SEARCH_SEGMENTER"  # hooks/translations/output/segmenter.py
INDEXES = ("search/search_index.json", "zh/search/search_index.json")


@dataclass
class SegmentationResult:
    jieba: list[Run] = field(default_factory=list)
    rjieba: list[Run] = field(default_factory=list)
    differing: list[str] | None = None  # files that differ between the last two builds

    @property
    def ratio(self) -> float:
        return median([r.wall for r in self.rjieba]) / median([r.wall for r in self.jieba])

    @property
    def cpu_ratio(self) -> float:
        return median([r.cpu for r in self.rjieba]) / median([r.cpu for r in self.jieba])


def run(workdir: Path, reps: int, log=print) -> SegmentationResult:
    config = absolutise(load_config())
    config["hooks"] = [h for h in config.get("hooks", []) if not h.endswith(EXPORT_HOOK)]
    result = SegmentationResult()
    saved = os.environ.get(SEGMENTER_ENV)
    try:
        for rep in range(reps):
            for name in ("jieba", "rjieba") if rep % 2 == 0 else ("rjieba", "jieba"):
                os.environ[SEGMENTER_ENV] = name
                run_ = timed_build(config, workdir / f"segmenter-{name}")
                getattr(result, name).append(run_)
                log(
                    f"  {name:6}: {run_.wall:.2f} s wall, {run_.cpu:.2f} s CPU"
                    f"{'' if run_.ok else ' FAILED: ' + run_.first_problem()}"
                )
    finally:
        if saved is None:
            os.environ.pop(SEGMENTER_ENV, None)
        else:
            os.environ[SEGMENTER_ENV] = saved
    sites = [workdir / f"segmenter-{name}" / "site" for name in ("jieba", "rjieba")]
    if all(site.is_dir() for site in sites):
        result.differing = tree_differences(*sites)
    return result


def section(result: SegmentationResult | None, number: int = 7) -> list[str]:
    """The section of bench/RESULTS.md."""
    out = [f"## {number}. Chinese segmentation: jieba and rjieba", ""]
    if result is None or not result.jieba:
        return [*out, "Not run.", ""]
    if not all(r.ok for r in result.jieba + result.rjieba):
        return [*out, "A build failed; see the log of `python -m bench.segmentation`.", ""]
    same = result.differing == []
    indexes = [p for p in INDEXES if p in (result.differing or [])]
    out += [
        "`mkdocs build --strict` of the real site without the export, the search index "
        "segmented by jieba (`SEARCH_SEGMENTER=jieba`) and by rjieba (`output/segmenter.py`, "
        f"the default), {len(result.jieba)} run(s) each, interleaved.",
        "",
        "|  | median wall | runs (s) | median CPU |",
        "|---|---|---|---|",
        *[
            f"| {name} | {median([r.wall for r in runs]):.2f} s "
            f"| {', '.join(f'{r.wall:.2f}' for r in runs)} "
            f"| {median([r.cpu for r in runs]):.2f} s |"
            for name, runs in (("jieba", result.jieba), ("rjieba", result.rjieba))
        ],
        f"| ratio rjieba / jieba | **{result.ratio:.2f}** |  | **{result.cpu_ratio:.2f}** |",
        "",
        "The two built sites, every file: "
        + (
            "**identical** (both search indexes included)."
            if same
            else f"**{len(result.differing or [])} file(s) differ**"
            + (f", the search indexes among them ({', '.join(indexes)})" if indexes else "")
            + "."
        ),
        "",
    ]
    return out


if __name__ == "__main__":
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory(prefix="bench-segmentation-") as tmp:
        print("\n".join(section(run(Path(tmp), reps))))
