"""What the docs to take away cost: strict builds of the real site with translations/plugin.py and
without it (interleaved), as a ratio, with the size of what it writes. With the export twice: a
cold build (the PDFs rendered into an empty cache) and a rebuild with nothing changed (the PDFs
reused from that cache); the rebuild's target is 1.3 times the build without the export.

Alone (when the whole `make bench` is too slow): `python -m bench.export [REPS]`, which prints
the section of bench/RESULTS.md it would write.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.runner import Run, kb, median, timed_build
from tests.sitebuild import absolutise, load_config

EXPORT_HOOK = "export.py"
BOOK_CACHE_ENV = "BOOK_CACHE_DIR"  # hooks/translations/plugin.py
REBUILD_TARGET = 1.3  # a rebuild with nothing changed / the build without the export
OUTPUTS = {
    "PDF, English": "activecampaign-help-en.pdf",
    "PDF, Chinese": "zh/activecampaign-help-zh.pdf",
    "llms.txt, English": "llms.txt",
    "llms.txt, Chinese": "zh/llms.txt",
    "llms-full.txt, English": "llms-full.txt",
    "llms-full.txt, Chinese": "zh/llms-full.txt",
}


@dataclass
class ExportResult:
    with_export: list[Run] = field(default_factory=list)  # cold: the PDFs rendered
    unchanged: list[Run] = field(default_factory=list)  # the same again: the PDFs reused
    without: list[Run] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # output -> bytes
    twins: int = 0  # Markdown twins, both languages
    twin_bytes: int = 0

    @property
    def ratio(self) -> float:
        return median([r.wall for r in self.with_export]) / median([r.wall for r in self.without])

    @property
    def cpu_ratio(self) -> float:
        return median([r.cpu for r in self.with_export]) / median([r.cpu for r in self.without])

    @property
    def rebuild_ratio(self) -> float:
        return median([r.wall for r in self.unchanged]) / median([r.wall for r in self.without])

    @property
    def rebuild_cpu_ratio(self) -> float:
        return median([r.cpu for r in self.unchanged]) / median([r.cpu for r in self.without])


def configs() -> tuple[dict[str, Any], dict[str, Any]]:
    """mkdocs.yml as is, and the same without the export hook."""
    on = absolutise(load_config())
    off = copy.deepcopy(on)
    off["hooks"] = [h for h in on.get("hooks", []) if not h.endswith(EXPORT_HOOK)]
    return on, off


def run(workdir: Path, reps: int, log=print) -> ExportResult:
    on, off = configs()
    result = ExportResult()
    site = None
    runs = {"with": result.with_export, "unchanged": result.unchanged, "without": result.without}
    saved = os.environ.get(BOOK_CACHE_ENV)
    try:
        for rep in range(reps):
            # a cache of this rep's own: empty for "with", what "with" left for "unchanged"
            os.environ[BOOK_CACHE_ENV] = str(workdir / f"book-cache-{rep}")
            order = (
                ("with", "unchanged", "without")
                if rep % 2 == 0
                else ("without", "with", "unchanged")
            )
            for variant in order:
                out = workdir / f"export-{variant}"
                run_ = timed_build(off if variant == "without" else on, out)
                runs[variant].append(run_)
                if variant == "with":
                    site = out / "site"
                log(
                    f"  export {variant:9}: {run_.wall:.2f} s wall, {run_.cpu:.2f} s CPU"
                    f"{'' if run_.ok else ' FAILED: ' + run_.first_problem()}"
                )
    finally:
        if saved is None:
            os.environ.pop(BOOK_CACHE_ENV, None)
        else:
            os.environ[BOOK_CACHE_ENV] = saved
    if site is not None and site.is_dir():
        result.sizes = {
            name: (site / rel).stat().st_size
            for name, rel in OUTPUTS.items()
            if (site / rel).is_file()
        }
        twins = list(site.rglob("*.md"))
        result.twins, result.twin_bytes = len(twins), sum(p.stat().st_size for p in twins)
    return result


def section(result: ExportResult | None, number: int = 6) -> list[str]:
    """The section of bench/RESULTS.md."""
    out = [f"## {number}. The docs to take away: Markdown twins, llms.txt and the PDF", ""]
    if result is None or not result.with_export:
        return [*out, "Not run.", ""]
    if not all(r.ok for r in result.with_export + result.unchanged + result.without):
        return [*out, "A build failed; see the log of `python -m bench.export`.", ""]
    on = [r.wall for r in result.with_export]
    off = [r.wall for r in result.without]
    again = [r.wall for r in result.unchanged]
    out += [
        "`mkdocs build --strict` of the real site with `translations/plugin.py` and without it, "
        f"{len(on)} run(s) each, interleaved. The export writes a Markdown twin of every page, "
        "`llms.txt` and `llms-full.txt` per language, and renders one PDF per language with "
        "WeasyPrint (most of its time: laying out some 60 A4 pages per language, then subsetting "
        "the Noto CJK fonts); the first language's PDF renders in a child process while the "
        "second language builds and renders, so on two cores the wall ratio is below the CPU "
        "ratio. CPU is user + system time of the build and of that child.",
        "",
        "|  | median wall | runs (s) | median CPU |",
        "|---|---|---|---|",
        f"| with the export | {median(on):.2f} s | {', '.join(f'{v:.2f}' for v in on)} "
        f"| {median([r.cpu for r in result.with_export]):.2f} s |",
        f"| without | {median(off):.2f} s | {', '.join(f'{v:.2f}' for v in off)} "
        f"| {median([r.cpu for r in result.without]):.2f} s |",
        f"| ratio with / without | **{result.ratio:.2f}** |  | **{result.cpu_ratio:.2f}** |",
        "",
        "A rebuild with nothing changed: the same build again, each PDF reused from the cache "
        "the build above filled (`translations/plugin.py`, `.cache/book/`), against the "
        "build without "
        f"the export; target {REBUILD_TARGET}.",
        "",
        "|  | median wall | runs (s) | median CPU |",
        "|---|---|---|---|",
        f"| with the export, nothing changed | {median(again):.2f} s "
        f"| {', '.join(f'{v:.2f}' for v in again)} "
        f"| {median([r.cpu for r in result.unchanged]):.2f} s |",
        f"| ratio unchanged / without | **{result.rebuild_ratio:.2f}** "
        f"({'met' if result.rebuild_ratio <= REBUILD_TARGET else 'NOT met'}) "
        f"|  | **{result.rebuild_cpu_ratio:.2f}** |",
        "",
        "| output | size |",
        "|---|---|",
        *[f"| {name} | {kb(size)} |" for name, size in result.sizes.items()],
        f"| Markdown twins ({result.twins}, both languages) | {kb(result.twin_bytes)} |",
        "",
    ]
    return out


if __name__ == "__main__":
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        print("\n".join(section(run(Path(tmp), reps))))
