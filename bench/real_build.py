"""Strict builds of the real site with the hooks mkdocs.yml lists, and with none (interleaved)."""

from __future__ import annotations

import copy
import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.runner import Run, SiteSize, median, site_size, timed_build
from tests.sitebuild import absolutise, load_config


@dataclass
class RealResult:
    hooks: list[str]
    on: list[Run] = field(default_factory=list)
    off: list[Run] = field(default_factory=list)
    no_checks: list[Run] = field(default_factory=list)  # every hook but the content checks
    off_strict_problem: str = ""  # why the hooks-off build failed --strict (then timed without)
    size: SiteSize | None = None
    site: Path | None = None  # the last hooks-on build, for the search benchmark

    @property
    def ratio(self) -> float:
        return median([r.wall for r in self.on]) / median([r.wall for r in self.off])

    @property
    def checks_ratio(self) -> float:
        """What the site-wide checks cost: all hooks / all hooks but the checks."""
        return median([r.wall for r in self.on]) / median([r.wall for r in self.no_checks])


# The hooks that check and render content from data/: the "site-wide checks" of the 5% budget.
CHECK_HOOKS = ("site_checks.py", "page_safety.py")
EXPORT_HOOK = "export.py"


def configs() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """mkdocs.yml as is (paths made absolute), the same with the ``hooks:`` list emptied, and the
    same without the content-check hooks only (output fixes and reader features kept)."""
    on = absolutise(load_config())
    # the export (Markdown twins, llms.txt, PDF) is measured on its own in section 6: with it,
    # its PDF time would dilute the checks' share of the build
    on["hooks"] = [h for h in on.get("hooks", []) if not h.endswith(EXPORT_HOOK)]
    off = copy.deepcopy(on)
    off["hooks"] = []
    no_checks = copy.deepcopy(on)
    no_checks["hooks"] = [h for h in on.get("hooks", []) if not h.endswith(CHECK_HOOKS)]
    return on, off, no_checks


def run(workdir: Path, reps: int, log=print) -> RealResult:
    on, off, no_checks = configs()
    result = RealResult(hooks=[Path(h).name for h in on.get("hooks", [])])
    strict_off = True
    for rep in range(reps):
        order = ("on", "no-checks", "off") if rep % 2 == 0 else ("off", "no-checks", "on")
        for variant in order:
            out = workdir / f"real-{variant}"
            if variant == "on":
                run_ = timed_build(on, out)
                result.on.append(run_)
                result.site = out / "site"
            elif variant == "no-checks":
                run_ = timed_build(no_checks, out)
                result.no_checks.append(run_)
            else:
                run_ = timed_build(off, out, strict=strict_off)
                if not run_.ok and strict_off:
                    # e.g. pages that link to what only the hooks generate
                    result.off_strict_problem = run_.first_problem()
                    strict_off = False
                    run_ = timed_build(off, out, strict=False)
                result.off.append(run_)
            log(
                f"  hooks {variant:9}: {run_.wall:.2f} s, {run_.peak_mb:.0f} MB"
                f"{'' if run_.ok else ' FAILED: ' + run_.first_problem()}"
            )
    if result.site is not None and all(r.ok for r in result.on):
        result.size = site_size(result.site)
    return result


@dataclass(frozen=True)
class IndexSize:
    lang: str
    path: str
    docs: int
    raw: int
    gzipped: int
    js: int  # the search_index.js twin that pages read from file://


def search_index_sizes(site: Path) -> list[IndexSize]:
    """Each language's search index (what a host serves; the .js twin is for file://)."""
    import json

    out = []
    for lang, rel in (("en", "search/search_index.json"), ("zh", "zh/search/search_index.json")):
        path = site / rel
        if path.is_file():
            data = path.read_bytes()
            docs = len(json.loads(data)["docs"])
            js = path.with_suffix(".js")
            js_size = js.stat().st_size if js.is_file() else 0
            gzipped = len(gzip.compress(data, 6, mtime=0))
            out.append(IndexSize(lang, rel, docs, len(data), gzipped, js_size))
    return out
