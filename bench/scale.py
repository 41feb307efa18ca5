"""Full builds of synthetic sites of growing size, with and without `navigation.prune`."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.runner import Repeated, Run, SiteSize, site_size, timed_build
from bench.synthetic import navigation, write_synthetic_tree
from tests.sitebuild import absolutise, load_config, plugin_options


@dataclass(frozen=True)
class ScaleResult(Repeated):
    pairs: int
    prune: bool
    runs: list[Run]
    size: SiteSize | None


def synthetic_config(docs: Path, nav: list[Any], *, prune: bool) -> dict[str, Any]:
    """The real configuration (theme, plugins, search, i18n, offline) on the synthetic tree.

    The plugin: its output fixes only (search per language, 404s), so that the figures are the
    theme's; section 1 (bench/checks_share.py) builds such a tree with every part on.
    """
    config = copy.deepcopy(absolutise(load_config()))
    config["docs_dir"] = str(docs)
    config["nav"] = nav
    plugin_options(config).update(
        check=False, page_safety=False, compare=False, export=False, csp=False
    )
    features = config["theme"].get("features", [])
    config["theme"]["features"] = [f for f in features if f != "navigation.prune"]
    if prune:
        config["theme"]["features"].append("navigation.prune")
    return config


def run(workdir: Path, sizes: dict[int, int], log=print) -> list[ScaleResult]:
    """``sizes``: page pairs -> repetitions. Prune on and off are interleaved."""
    results = []
    for pairs, reps in sizes.items():
        docs = write_synthetic_tree(workdir / f"tree-{pairs}", pairs, words=500) / "docs"
        nav = navigation(pairs)
        runs: dict[bool, list[Run]] = {True: [], False: []}
        sizes_seen: dict[bool, SiteSize | None] = {True: None, False: None}
        for rep in range(reps):
            for prune in (True, False) if rep % 2 == 0 else (False, True):
                out = workdir / f"site-{pairs}-{'prune' if prune else 'full'}"
                result = timed_build(synthetic_config(docs, nav, prune=prune), out)
                runs[prune].append(result)
                if result.ok and sizes_seen[prune] is None:
                    sizes_seen[prune] = site_size(out / "site")
                failed = "" if result.ok else " FAILED: " + result.first_problem()
                log(
                    f"  {pairs} pairs, prune {'on ' if prune else 'off'}: {result.wall:.1f} s,"
                    f" {result.peak_mb:.0f} MB{failed}"
                )
        results += [ScaleResult(pairs, p, runs[p], sizes_seen[p]) for p in (True, False)]
    return results
