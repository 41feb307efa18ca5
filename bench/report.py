"""bench/RESULTS.md from the benchmarks' results."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench import export as export_bench
from bench import machine
from bench import preview as preview_bench
from bench import search_scale as search_scale_bench
from bench import segmentation as segmentation_bench
from bench.checks_cli import ChecksResult, RealResult
from bench.checks_share import BUDGET, SYNTHETIC_PAIRS, IndexSize, ShareResult
from bench.runner import kb, mb, median
from bench.scale import ScaleResult
from bench.search import READER_DELAY_MS, SearchResults
from bench.search_quality import TOP3_BAR


@dataclass
class Results:
    plan: dict[str, Any]
    quick: bool = False
    real: ShareResult | None = None
    synthetic: ShareResult | None = None
    indexes: list[IndexSize] = field(default_factory=list)
    checks: list[ChecksResult] = field(default_factory=list)
    real_checks: list[RealResult] = field(default_factory=list)
    scale: list[ScaleResult] = field(default_factory=list)
    search: SearchResults | None = None
    search_skipped: str | None = None
    export: export_bench.ExportResult | None = None
    segmentation: segmentation_bench.SegmentationResult | None = None
    search_scale: search_scale_bench.SearchScaleResult | None = None
    preview: preview_bench.PreviewResult | None = None
    seconds: float = 0.0
    load: list[float] = field(default_factory=list)  # 1-minute load average: start, end


def _secs(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _machine(results: Results) -> list[str]:
    rows = [[name, value] for name, value in machine.describe()]
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows.append(["run", f"{when}, {results.seconds / 60:.1f} min in all"])
    if results.load:
        rows.append(
            [
                "load average (1 min), start / end",
                " / ".join(f"{x:.2f}" for x in results.load)
                + " (other work on the machine makes the timings noisier)",
            ]
        )
    return ["## Machine", "", *_table(["", ""], rows), ""]


def _share_row(r: ShareResult) -> list[list[str]]:
    if not r.on:
        return []
    on, no = [x.cpu for x in r.on], [x.cpu for x in r.no_checks]
    pages = f"{r.size.pages:,}" if r.size else "-"
    return [
        [
            r.name,
            pages,
            f"{median(on):.2f} s ({_secs(on)})",
            f"{median(no):.2f} s ({_secs(no)})",
            f"**{r.ratio:.3f}**",
            f"{r.wall_ratio:.3f}",
            "met" if r.ok and r.ratio <= BUDGET else ("failed" if not r.ok else "NOT met"),
        ]
    ]


def _share(results: Results) -> list[str]:
    out = ["## 1. What the checks cost a strict build", ""]
    shares = [r for r in (results.real, results.synthetic) if r is not None and r.on]
    if not shares:
        return [*out, "Not run.", ""]
    off = shares[0].hooks
    reps = len(shares[0].on)
    out += [
        f"`mkdocs build --strict` of both languages, {reps} run(s) per variant, interleaved (on, "
        "no checks, no checks, on, ...). *Hooks on*: the `translations` plugin as mkdocs.yml "
        "sets it, but `export: false` (the twins, llms.txt and PDF are "
        "timed on their own in section 6). *No checks*: the same with the content checks off, "
        f"{', '.join(f'`{h}`' for h in off)}, on a copy of docs/ whose pages "
        "already hold the Markdown those checks generate (pricing tables, skill links, the "
        "glossary; `bench/checks_share.py: prerender`), so that both variants build the same "
        "pages, strict. Two things still differ: the banners that the checks' report decides "
        "(a prices banner on the real site's pricing pages) are missing without it, and a "
        "side-by-side view of a pre-rendered page splits generated headings (the glossary's "
        "terms) into rows of their own. The checks' cost is the ratio of the median CPU time "
        "(user + system of the build, from `os.wait4`); the budget is "
        f"{BUDGET:.2f} at the real site and at {SYNTHETIC_PAIRS} synthetic page pairs "
        "(`bench/synthetic.py`, with the real configuration and its own data files). "
        "`python -m bench --checks-only` reruns this section alone.",
        "",
    ]
    failed = [x for r in shares for x in r.on if not x.ok]
    if failed:
        out += [f"**{len(failed)} build(s) failed**: {failed[0].first_problem()}", ""]
    out += _table(
        ["site", "HTML pages", "CPU, hooks on", "CPU, no checks", "ratio (CPU)", "ratio (wall)",
         f"budget {BUDGET:.2f}"],
        [row for r in shares for row in _share_row(r)],
    )  # fmt: skip
    real = results.real
    if real is not None and real.size:
        s = real.size
        out += [
            "",
            f"The real site: {s.pages} HTML pages (both languages, compare views included, 404 "
            f"pages not counted), {mb(s.total)} in all; median page {kb(s.median)}, largest "
            f"{kb(s.largest)} (`{s.largest_name}`).",
        ]
    if results.indexes:
        out += [
            "",
            "Search index per language: `search_index.json` is what a host serves (gzip -6 as a "
            "server would compress it); pages opened from file:// read the `search_index.js` twin.",
            "",
            *_table(
                ["language", "file", "entries", "raw", "gzip -6", "search_index.js"],
                [
                    [i.lang, f"`{i.path}`", str(i.docs), kb(i.raw), kb(i.gzipped), kb(i.js)]
                    for i in results.indexes
                ],
            ),
        ]
    return [*out, ""]


def _real_checks(real: list[RealResult]) -> list[str]:
    out = [
        "",
        "Real bilingual repositories, unchanged, fetched by the maintainer and named in "
        "`BENCH_REAL_SITES` (none is committed here: their text is theirs). The same command, "
        f"{len(real[0].runs)} run(s) each; a repository with findings exits 1, which is its "
        "report.",
        "",
    ]
    rows = [
        [
            c.name,
            f"{c.pairs:,}",
            f"{c.wall:.2f} s",
            f"{c.cpu:.2f} s",
            f"{c.reference_median:.2f} s",
            f"{c.peak_mb:.0f} MB",
            _secs([r.wall for r in c.runs]),
            (f"{c.findings} findings" if c.findings is not None else c.summary[:80])
            if c.ok
            else f"exit {c.runs[-1].returncode}: {c.summary[:80]}",
        ]
        for c in real
    ]
    return out + _table(
        ["repository", "page pairs", "wall (median)", "CPU", "reference", "peak memory",
         "runs (s)", "result"],
        rows,
    )  # fmt: skip


def _checks(
    checks: list[ChecksResult], plan: dict[int, int], real: list[RealResult] | None = None
) -> list[str]:
    out = ["## 2. The checks from the command line at scale", ""]
    if not checks:
        return [*out, "Not run.", ""]
    out += [
        "`python -m translations --root TREE`, run in a folder holding a synthetic tree written by "
        "`bench/synthetic.py` (`write_synthetic_tree(root, n_pairs)`: clean page pairs of "
        "about 600 words that pass every check), one process per run. *CPU* is user + system "
        "time. *Reference* is `bench/machine.py: reference_seconds()`, timed right before each "
        "run: one process per core running the same fixed Python loop, started together. It "
        "shows what the cores delivered at that moment; on a shared VM it moves from minute to "
        "minute, and the checks' time moves with it. Repetitions (median reported): "
        + ", ".join(f"{reps} at {n:,} pairs" for n, reps in plan.items())
        + ".",
        "",
    ]
    rows = [
        [
            f"{c.pairs:,}",
            f"{c.wall:.2f} s",
            f"{c.per_pair_ms:.2f} ms",
            f"{c.cpu:.2f} s",
            f"{c.reference_median:.2f} s",
            f"{c.peak_mb:.0f} MB",
            _secs([r.wall for r in c.runs]),
            "clean" if c.ok else f"exit {c.runs[-1].returncode}: {c.summary[:80]}",
        ]
        for c in checks
    ]
    out += _table(
        ["page pairs", "wall (median)", "per pair", "CPU", "reference", "peak memory",
         "runs (s)", "result"],
        rows,
    )  # fmt: skip
    if len(checks) >= 2:
        small, big = checks[0], checks[-1]
        steps = ", ".join(
            f"{(b.wall - a.wall) / (b.pairs - a.pairs) * 1000:.2f} ms from {a.pairs:,} to "
            f"{b.pairs:,}"
            for a, b in pairwise(checks)
        )
        out += [
            "",
            f"Linearity: each added pair costs about the same ({steps}); "
            f"{big.pairs / small.pairs:.0f}x the pairs take {big.wall / small.wall:.1f}x the time "
            "because the smallest run is mostly starting Python.",
        ]
    if real:
        out += _real_checks(real)
    return [*out, ""]


def _scale(scale: list[ScaleResult], plan: dict[int, int]) -> list[str]:
    fewer = len(set(plan.values())) > 1
    out = [
        "## 3. Full builds at scale: `navigation.prune` on and off",
        "",
        "Synthetic sites written by `bench/synthetic.py` (`write_synthetic_tree(root, n_pairs, "
        "words=500)`, the trees of section 2): n page pairs per language ({#id} headings, lists, "
        "tables, code, admonitions, links to the next page's sections), the first of them a "
        "start page, in a navigation of 5 tabs > sections > chapters of 10 pages. The real "
        "theme, plugins and search configuration; the plugin with "
        "its output fixes only, so that the "
        "figures are the theme's (section 1 builds such a tree with every part on). Strict "
        "builds; prune on and off interleaved. Repetitions (median reported): "
        + ", ".join(f"{reps} at {n} pairs" for n, reps in plan.items())
        + (" (fewer at the biggest size to keep `make bench` short)." if fewer else "."),
        "",
    ]  # fmt: skip
    rows = []
    for r in scale:
        s = r.size
        rows.append(
            [
                str(r.pairs),
                "on" if r.prune else "off",
                f"{r.wall:.1f} s" if r.ok else "failed: " + r.runs[-1].first_problem()[:60],
                f"{r.peak_mb:.0f} MB",
                mb(s.total) if s else "-",
                str(s.pages) if s else "-",
                kb(s.largest) if s else "-",
                kb(s.median) if s else "-",
            ]
        )
    out += _table(
        [
            "page pairs",
            "prune",
            "build (median)",
            "peak memory",
            "site size",
            "HTML pages",
            "largest HTML page",
            "median HTML page",
        ],
        rows,
    )
    for prune in (True, False):
        sized = [r for r in scale if r.prune is prune and r.size]
        if len(sized) >= 2:
            a, b = sized[0], sized[-1]
            assert a.size and b.size
            per_pair = (b.size.median - a.size.median) / (b.pairs - a.pairs)
            steps = ", ".join(
                f"{(y.wall - x.wall) / (y.pairs - x.pairs) * 1000:.0f} ms from {x.pairs} to "
                f"{y.pairs}"
                for x, y in pairwise(sized)
            )
            out += [
                "",
                f"Prune {'on' if prune else 'off'}: from {a.pairs} to {b.pairs} pairs the median "
                f"page goes from {kb(a.size.median)} to {kb(b.size.median)} "
                f"({b.size.median / a.size.median:.2f}x, {per_pair:,.0f} bytes per added pair); "
                f"the build takes {b.wall / a.wall:.1f}x as long for {b.pairs / a.pairs:.0f}x "
                f"the pages (build time per added pair: {steps}).",
            ]  # fmt: skip
    return [*out, ""]


def _ms(value: float | None) -> str:
    return f"{value:.0f} ms" if value is not None else "no result"


def _runs(values: list[float | None]) -> str:
    return ", ".join("-" if v is None else f"{v:.0f}" for v in values)


def _search(results: SearchResults | None, skipped: str | None, reps: int) -> list[str]:
    out = ["## 4. Search: time to the first result, and what it finds", ""]
    if skipped or results is None:
        return [*out, f"Not run: {skipped or 'no results'}.", ""]
    out += [
        "Headless Chromium (Playwright) opens the start page of each language (the last hooks-on "
        "build of section 1), from file:// and from `python -m http.server` on 127.0.0.1. Timed "
        "in the page with `performance.now()`, from putting the query in the search box (value + "
        "keyup, as Material listens) to the first result link in the list. *First query*: typed "
        "as soon as the page has loaded (the load event, the previous method of this section), so "
        "it includes whatever of loading the index into lunr is not done yet; and, on a fresh "
        f"page, the mouse moved at load and the query typed {READER_DELAY_MS} ms later, when a "
        "reader could first have typed. "
        "*Next query*: a second query on the same page. "
        "*Shipped* is the same site with Material's search worker and bundle put back as Material "
        "ships them (no `output/theme_patches.py`, no warm-up): the previous figure. *This site* "
        "warms the worker at the reader's first move, when the browser is idle "
        "(`search-warmup.js`). *First paint*: "
        "first-contentful-paint of the page, to show that the warm-up does not delay it. "
        f"Median of {reps} fresh pages per row, the two variants interleaved.",
        "",
    ]
    by_key = {(t.mode, t.lang, t.variant): t for t in results.timings}
    rows = []
    for t in results.timings:
        before = by_key.get((t.mode, t.lang, "shipped"))
        if t.variant != "patched" or before is None:
            continue
        ratio = f"{t.reader / before.reader:.2f}" if before.reader and t.reader is not None else "-"
        rows.append(
            [
                t.mode,
                t.lang,
                t.first_query,
                f"{_ms(before.reader)} / **{_ms(t.reader)}** ({ratio})",
                f"{_ms(before.first)} / {_ms(t.first)}",
                f"{_ms(before.second)} / {_ms(t.second)}",
                f"{_ms(before.paint)} / {_ms(t.paint)}",
                f"{_runs(before.reader_ms)} / {_runs(t.reader_ms)}",
            ]
        )
    out += _table(
        [
            "from",
            "language",
            "first query",
            f"typed {READER_DELAY_MS} ms after load: shipped / this site (ratio)",
            "typed at load",
            "next query",
            "first paint",
            f"runs, typed {READER_DELAY_MS} ms after load (ms): shipped / this site",
        ],
        rows,
    )
    out += [
        "",
        "Target: the first result in under 100 ms (median) in both languages, from file:// and "
        f"over HTTP, for a first query typed {READER_DELAY_MS} ms after the page loaded (a reader "
        "needs at least that long to reach the search box). Every cell reads *shipped / this "
        "site*. Figures taken while other work loads the machine (see the load average) are "
        "slower across the board; compare the two variants of one row.",
        "",
        f"### Search quality: {results.queries} queries of `bench/search_queries*.yml`",
        "",
        "Each query names the pages where its answer lives (`bench/search_quality.py`). *Top-1*: "
        "the first result page is one of them; *top-3*: one of them is among the first three "
        "result pages. *Other language*: result links from the other language's pages (must be "
        "0). The bar, enforced by `tests/gates/test_search_quality.py`: top-3 at least "
        f"{TOP3_BAR:.0%} per language, from file:// and over HTTP, for the first set; the cold "
        "set (`search_queries_fresh.yml`) has its own bar in `bench/search_quality.QUERY_SETS`.",
        "",
    ]
    out += _table(
        [
            "from",
            "language",
            "queries",
            "top-1",
            "top-3",
            "other language",
            "misses (not in top 3)",
        ],
        [
            [
                q.where,
                q.lang,
                str(len(q.results)),
                f"{q.top1:.1%}",
                f"**{q.top3:.1%}**",
                str(q.other_language),
                "; ".join(
                    f"`{r.query.text}` (line {r.query.line}: {', '.join(r.pages[:3]) or 'none'})"
                    for r in q.misses
                )
                or "none",
            ]
            for q in results.quality
        ],
    )
    return [*out, ""]


def _memory(results: Results) -> list[str]:
    rows = []
    for share in (results.real, results.synthetic):
        if share is not None and share.on:
            for variant, runs in (("hooks on", share.on), ("no checks", share.no_checks)):
                rows.append([f"{share.name}, {variant}", f"{max(r.peak_mb for r in runs):.0f} MB"])
    for r in results.scale:
        prune = "on" if r.prune else "off"
        rows.append([f"synthetic, {r.pairs} pairs, prune {prune}", f"{r.peak_mb:.0f} MB"])
    for c in results.checks:
        rows.append([f"checks CLI, {c.pairs:,} pairs", f"{c.peak_mb:.0f} MB"])
    return [
        "## 5. Peak memory",
        "",
        "The peak resident set size of each measured command: `ru_maxrss` from `os.wait4` on that "
        "child, which is its largest single process; the highest of its runs.",
        "",
        *_table(["command", "peak memory"], rows),
        "",
    ]


def write_report(results: Results, path: Path) -> None:
    plan = results.plan
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); rerun it to refresh. Benchmarks report, "
        'they do not fail; the quality gates are `tests/gates/` (README: "Quality gates and '
        'benchmarks").',
        "",
    ]
    if results.quick:
        lines += [
            "**Quick run (`--quick`): one run each, smallest sizes. Not figures to keep.**",
            "",
        ]
    lines += _machine(results)
    lines += _share(results)
    lines += _checks(results.checks, plan["checks"], results.real_checks)
    lines += _scale(results.scale, plan["scale"])
    lines += _search(results.search, results.search_skipped, plan["search_reps"])
    lines += _memory(results)
    lines += export_bench.section(results.export, 6)
    lines += segmentation_bench.section(results.segmentation, 7)
    lines += search_scale_bench.section(results.search_scale, 8)
    lines += preview_bench.section(results.preview, 9)
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def splice_section(path: Path, number: int, section: list[str], how: str) -> None:
    """Replace section ``number`` of an existing report with ``section``, noting when and how
    (``python -m bench --search-only`` or ``--checks-only``)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(f"## {number}. "), text.index(f"## {number + 1}. ")
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = dict(machine.describe()).get("commit (working tree may differ)", "?")
    load = os.getloadavg()[0]
    section[1:1] = [
        "",
        f"*Rerun alone with `python -m bench {how}` at {when}, commit {commit}, load "
        f"average {load:.2f}; the other sections are from the full run above.*",
    ]
    path.write_text(text[:start] + "\n".join(section) + "\n" + text[end:], encoding="utf-8")


def splice_search_section(path: Path, results: SearchResults, reps: int) -> None:
    splice_section(path, 4, _search(results, None, reps), "--search-only")


def splice_share_section(path: Path, results: Results) -> None:
    splice_section(path, 1, _share(results), "--checks-only")
