"""`python -m bench` (`make bench`): run every benchmark and write bench/RESULTS.md.

Builds go to a temporary folder (or --workdir), never to site/. `--quick` runs each benchmark
once on the smallest sizes: a smoke test of this script, not figures to keep.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import (
    checks_cli,
    checks_share,
    export,
    preview,
    scale,
    search,
    search_scale,
    segmentation,
)
from bench.report import Results, splice_search_section, splice_share_section, write_report
from tests.sitebuild import REPO, build_real_site

FULL = {
    "real_reps": 5,
    "share_reps": 3,  # the 500-pair builds of section 1 take about 20 s each
    "checks": {100: 3, 1000: 5, 5000: 2},
    "real_checks_reps": 3,
    "scale": {50: 3, 200: 3, 500: 1},
    "search_reps": 7,
    "export_reps": 3,
    "segmentation_reps": 3,
    "search_scale": [200, 1000],  # synthetic page pairs, beside the real site
    "search_scale_reps": 3,
    "preview_edits": 4,
}
QUICK = {
    "real_reps": 1,
    "share_reps": 1,
    "checks": {100: 1, 1000: 1},
    "real_checks_reps": 1,
    "scale": {50: 1},
    "search_reps": 2,
    "export_reps": 1,
    "segmentation_reps": 1,
    "search_scale": [50],
    "search_scale_reps": 1,
    "preview_edits": 2,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run each, smallest sizes")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "RESULTS.md")
    parser.add_argument("--workdir", type=Path, help="keep the builds here (default: a temp dir)")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="one build, then only section 4 (search); replaces that section of --output",
    )
    parser.add_argument(
        "--checks-only",
        action="store_true",
        help="only section 1 (what the checks cost a build); replaces that section of --output",
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.search_only:
        return search_only(args.output, plan["search_reps"], args.workdir)
    if args.checks_only:
        return checks_only(args.output, plan, args.workdir, args.quick)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = Results(plan=plan, quick=args.quick, load=[os.getloadavg()[0]])
    started = time.perf_counter()
    try:
        share(results, workdir)

        print("2/8 the checks from the command line on synthetic trees")
        results.checks = checks_cli.run(workdir, plan["checks"])
        if real := checks_cli.real_sites():
            print(f"  and {len(real)} real repositories (BENCH_REAL_SITES)")
            results.real_checks = checks_cli.run_real(workdir, real, plan["real_checks_reps"])

        print("3/8 full builds of synthetic sites, navigation.prune on and off")
        results.scale = scale.run(workdir, plan["scale"])

        print("4/8 search in headless Chromium from file://")
        results.search_skipped = search.available()
        if results.real is None or results.real.site is None or not results.real.ok:
            results.search_skipped = "the real site did not build"
        if results.search_skipped is None:
            results.search = search.run(results.real.site, plan["search_reps"])
        else:
            print(f"  skipped: {results.search_skipped}")

        print(f"5/8 the export (twins, llms.txt, PDF) on and off, {plan['export_reps']} each")
        results.export = export.run(workdir, plan["export_reps"])

        print(f"6/8 Chinese segmentation, jieba and rjieba, {plan['segmentation_reps']} each")
        results.segmentation = segmentation.run(workdir, plan["segmentation_reps"])

        sizes = ", ".join(f"{n:,}" for n in plan["search_scale"])
        print(f"7/8 search at help-centre size: the real site, then {sizes} synthetic pairs")
        real_site = results.real.site if results.real is not None and results.real.ok else None
        results.search_scale = search_scale.run(
            workdir, real_site, plan["search_scale"], plan["search_scale_reps"]
        )

        print(f"8/8 the preview loop: mkdocs serve, {plan['preview_edits']} edits")
        results.preview = preview.run(workdir, plan["preview_edits"])
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results.seconds = time.perf_counter() - started
    results.load.append(os.getloadavg()[0])
    write_report(results, args.output)
    print(f"wrote {args.output} ({results.seconds / 60:.1f} min)")
    return 0


def share(results: Results, workdir: Path) -> None:
    """Section 1: the real site and the synthetic pairs, hooks on and no checks."""
    plan = results.plan
    pairs = 50 if results.quick else checks_share.SYNTHETIC_PAIRS
    print(f"1/8 what the checks cost a strict build: the real site, then {pairs} synthetic pairs")
    results.real = checks_share.run_real(workdir, plan["real_reps"])
    if results.real.site is not None:
        results.indexes = checks_share.search_index_sizes(results.real.site)
    results.synthetic = checks_share.run_synthetic(workdir, pairs, plan["share_reps"])


def checks_only(output: Path, plan: dict, workdir: Path | None, quick: bool) -> int:
    """Section 1 alone; the other sections of ``output`` stay as they were."""
    if not output.is_file() or "## 1. " not in output.read_text(encoding="utf-8"):
        print(f"checks benchmark not run: {output} holds no full report; run `make bench` first")
        return 1
    folder = workdir or Path(tempfile.mkdtemp(prefix="bench-"))
    results = Results(plan=plan, quick=quick)
    try:
        share(results, folder)
    finally:
        if workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    splice_share_section(output, results)
    print(f"replaced section 1 of {output}")
    return 0


def search_only(output: Path, reps: int, workdir: Path | None) -> int:
    """Section 4 alone, on a fresh build; the other sections of ``output`` stay as they were."""
    reason = search.available()
    if not output.is_file() or "## 4. " not in output.read_text(encoding="utf-8"):
        reason = f"{output} holds no full report to update; run `make bench` first"
    if reason:
        print(f"search benchmark not run: {reason}")
        return 1
    folder = workdir or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        print("strict build of the real site")
        build = build_real_site(folder / "real-on")
        if build.returncode != 0:
            print(build.log)
            return 1
        print("4/4 search in headless Chromium, from file:// and over HTTP")
        results = search.run(build.site, reps)
    finally:
        if workdir is None:
            shutil.rmtree(folder, ignore_errors=True)
    splice_search_section(output, results, reps)
    print(f"replaced section 4 of {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
