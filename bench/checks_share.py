"""Section 1: what the checks cost a strict build, as a ratio of CPU time, at two sizes.

Each site is built twice, interleaved: *hooks on* is mkdocs.yml's plugin; *no checks* the same
with its content checks off (NO_CHECKS), on a copy of docs/ whose pages already hold
the Markdown those checks generate (pricing tables, skill links, the glossary), so that both
variants build the same pages. The ratio on / no checks, of the median CPU time (user + system,
`os.wait4` of the build), is what the checks cost; the budget is 1.05 at the real site and at
500 synthetic page pairs. CPU time, not wall time: a ratio of two CPU times taken minutes apart
moves far less on a shared machine than one of two wall times.
"""

from __future__ import annotations

import copy
import gzip
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.runner import Run, SiteSize, median, site_size, timed_build
from bench.synthetic import navigation, write_synthetic_tree
from tests.sitebuild import absolutise, load_config, plugin_options
from translations.checks.report import check_site
from translations.options import read_site_config
from translations.read.source import body_line
from translations.render.generate import render_site_page

BUDGET = 1.05  # hooks on / no checks, CPU time
SYNTHETIC_PAIRS = 500
# The plugin's options of the two variants: the export (Markdown twins, llms.txt, PDF) is left
# out of both and measured on its own in section 6 (its PDF time would dilute the checks' share
# of the build); *no checks* also turns off the content checks (the translation checks with the
# Markdown they generate, and the HTML safety backstop).
ON = {"export": False}
NO_CHECKS = {"export": False, "check": False, "page_safety": False}


@dataclass
class ShareResult:
    """One site, built with the hooks on and with no checks, the variants interleaved."""

    name: str  # "real site", "500 synthetic pairs"
    hooks: list[str]
    on: list[Run] = field(default_factory=list)
    no_checks: list[Run] = field(default_factory=list)
    size: SiteSize | None = None
    site: Path | None = None  # the last hooks-on build

    @property
    def ok(self) -> bool:
        return bool(self.on) and all(r.ok for r in self.on + self.no_checks)

    @property
    def ratio(self) -> float:
        """The checks' cost: CPU time with the hooks on / without the checks."""
        return median([r.cpu for r in self.on]) / median([r.cpu for r in self.no_checks])

    @property
    def wall_ratio(self) -> float:
        return median([r.wall for r in self.on]) / median([r.wall for r in self.no_checks])


def variants(config: dict[str, Any], rendered: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """``config`` without the export (hooks on), and the same without the content checks on the
    pre-rendered docs folder ``rendered``."""
    on, no_checks = copy.deepcopy(config), copy.deepcopy(config)
    plugin_options(on).update(ON)
    plugin_options(no_checks).update(NO_CHECKS)
    no_checks["docs_dir"] = str(rendered)
    return on, no_checks


def prerender(docs: Path, out: Path) -> Path:
    """A copy of ``docs`` (and the data/ beside it) in ``out`` whose pages hold the Markdown that
    the plugin generates at build time, made by the same function
    (checks.generate.render_site_page); returns the docs."""
    root = docs.parent
    site = read_site_config(root)
    report = check_site(root, docs_dir=docs, config=site)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(docs, out / docs.name)
    shutil.copytree(root / "data", out / "data")  # the hooks read data/ beside docs/
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        lang, name = site.languages.split(src_uri)
        lang = lang or site.languages.reference
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        first = body_line(text)
        body = render_site_page(
            "\n".join(lines[first - 1 :]),
            report=report,
            site=site,
            lang=lang,
            page_name=name,
            rel=f"{docs.name}/{src_uri}",
            first_line=first,
        )
        head = "\n".join(lines[: first - 1])
        (out / docs.name / src_uri).write_text(head + "\n" + body if head else body, "utf-8")
    return out / docs.name


def synthetic_config(root: Path, pairs: int) -> dict[str, Any]:
    """The real configuration and hooks on the synthetic tree at ``root`` (its own data/)."""
    config = absolutise(load_config())
    config["docs_dir"] = str(root / "docs")
    config["nav"] = navigation(pairs)
    return config


def measure(name: str, config: dict[str, Any], workdir: Path, reps: int, log=print) -> ShareResult:
    """Build ``config`` in ``workdir`` (its mkdocs.yml is written there, so the hooks read the
    data/ beside it), ``reps`` times per variant."""
    on, no_checks = variants(config, prerender(Path(config["docs_dir"]), workdir / "rendered"))
    result = ShareResult(name, [f"{key}: {value}" for key, value in NO_CHECKS.items()])
    for rep in range(reps):
        order = (("on", on), ("no checks", no_checks))
        for variant, cfg in order if rep % 2 == 0 else order[::-1]:
            run = timed_build(cfg, workdir, strict=cfg.get("strict", True))
            (result.on if variant == "on" else result.no_checks).append(run)
            problem = "" if run.ok else " FAILED: " + run.first_problem()
            log(
                f"  {name}, {variant:9}: {run.cpu:.2f} s CPU, {run.wall:.2f} s wall,"
                f" {run.peak_mb:.0f} MB{problem}"
            )
    if result.on and result.on[-1].ok:
        if variant != "on":  # keep a hooks-on site for the search benchmark
            timed_build(on, workdir)
        result.site = workdir / "site"
        result.size = site_size(result.site)
    return result


def run_real(workdir: Path, reps: int, log=print) -> ShareResult:
    return measure("real site", absolutise(load_config()), workdir / "real", reps, log)


def run_synthetic(workdir: Path, pairs: int, reps: int, log=print) -> ShareResult:
    root = write_synthetic_tree(workdir / f"share-{pairs}", pairs)
    config = synthetic_config(root, pairs)
    # the checks read their settings from the mkdocs.yml beside docs/
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return measure(f"{pairs} synthetic pairs", config, root, reps, log)


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
