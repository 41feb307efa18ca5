"""The benchmark sections for search at help-centre size and the preview loop say what they
measured: a time over its target is marked, a failed build or a stopped server is named, and the
preview runs in a clone that holds this working tree's pages and its git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench import preview, search_scale
from bench.checks_share import IndexSize
from bench.runner import Run
from tests.sitebuild import REPO


def _point(name: str, pages: int, first: float, busy: float) -> search_scale.ScalePoint:
    point = search_scale.ScalePoint(name, pages, [IndexSize("en", "search/x", 9, 4096, 1024, 4100)])
    for mode in search_scale.MODES:
        point.first_ms[(mode, "en")] = [first, first + 10, first - 10]
        point.busy_ms[(mode, "en")] = [busy] * 3
        point.next_ms[(mode, "en")] = [20.0] * 3
    return point


def test_search_scale_marks_a_first_result_over_the_target() -> None:
    small = _point("real site", 34, 16.0, 0.0)
    big = _point("1,000 synthetic pairs", 1000, 1500.0, 1400.0)
    big.build = Run(30.0, 200.0, 0, "")
    lines = search_scale.section(search_scale.SearchScaleResult([small, big], 3), 8)
    text = "\n".join(lines)
    assert lines[0].startswith("## 8. Search at help-centre size")
    assert "| real site | 34 | en | 9 | 4.0 KB | 1.0 KB | section 1 |" in text
    assert "| 1,000 synthetic pairs | 1,000 | en | 9 | 4.0 KB | 1.0 KB | 30.0 s |" in text
    assert "| file:// | en | real site | 16 ms | 0 ms | 20 ms | 16, 26, 6 |" in text
    assert "| HTTP | en | 1,000 synthetic pairs | **1500 ms** | 1400 ms | 20 ms |" in text


def test_search_scale_names_a_failed_build_and_a_missing_browser() -> None:
    failed = search_scale.ScalePoint("200 synthetic pairs", 200)
    failed.build = Run(3.0, 90.0, 1, "INFO ok\nERROR    -  Config value 'nav': boom\n")
    text = "\n".join(search_scale.section(search_scale.SearchScaleResult([failed], 1, "no"), 8))
    assert "**200 synthetic pairs: the build failed**: ERROR    -  Config value 'nav': boom" in text
    assert "Timings not run: no." in text


def test_preview_section_gives_the_median_against_the_target() -> None:
    result = preview.PreviewResult(
        start_s=9.0,
        edits=[preview.Edit("en", 2.5, 2.1), preview.Edit("zh", 3.5, 3.0)],
    )
    text = "\n".join(preview.section(result, 9))
    assert "| 2 | zh | 3.50 s | 3.00 s |" in text
    assert "Median save to served: **3.00 s** (met, target 3 s)" in text
    result.edits.append(preview.Edit("en", None, None))
    result.problem = "edit 3 of docs/en/automations.md not served within 60 s: (log)"
    text = "\n".join(preview.section(result, 9))
    assert "| 3 | en | not served | - |" in text
    assert "Median save to served" not in text  # no median over an edit that never arrived
    assert "Stopped early: edit 3 of docs/en/automations.md not served within 60 s" in text


def test_preview_runs_in_a_clone_with_this_working_tree_and_its_history(tmp_path: Path) -> None:
    repo = preview.clone(tmp_path / "clone")
    for name in ("docs/en/automations.md", "docs/zh/automations.md", "mkdocs.yml"):
        assert (repo / name).read_bytes() == (REPO / name).read_bytes()
    head = ["git", "rev-parse", "HEAD"]
    ours = subprocess.run(head, cwd=REPO, capture_output=True, text=True, check=True).stdout
    theirs = subprocess.run(head, cwd=repo, capture_output=True, text=True, check=True).stdout
    assert theirs == ours  # the translation checks read the English history from git


def test_real_repositories_report_pairs_and_findings(tmp_path: Path, monkeypatch) -> None:
    """Section 2's real-repository rows: a site with a drifted translation is its findings
    (exit 1 is its report), a clean one none; a folder without mkdocs.yml is not a site."""
    from bench import checks_cli
    from bench.report import _real_checks

    clean = tmp_path / "clean"
    drifted = tmp_path / "drifted"
    for site in (clean, drifted):
        (site / "docs" / "en").mkdir(parents=True)
        (site / "docs" / "zh").mkdir(parents=True)
        (site / "mkdocs.yml").write_text(
            "site_name: x\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n"
            "        - locale: en\n          default: true\n        - locale: zh\n",
            encoding="utf-8",
        )
        (site / "docs" / "en" / "index.md").write_text("# Home\n\nPort 8080.\n", "utf-8")
    (clean / "docs" / "zh" / "index.md").write_text("# 首页\n\n端口 8080。\n", "utf-8")
    (drifted / "docs" / "zh" / "index.md").write_text("# 首页\n\n端口 8081。\n", "utf-8")
    monkeypatch.setenv("BENCH_REAL_SITES", f"{clean}:{drifted}:{tmp_path / 'not-a-site'}")
    roots = checks_cli.real_sites()
    assert roots == [clean, drifted]
    results = checks_cli.run_real(tmp_path, roots, 1, log=lambda _: None)
    assert [(r.name, r.pairs, r.findings, r.ok) for r in results] == [
        ("clean", 1, 0, True),
        ("drifted", 1, 1, True),
    ]
    text = "\n".join(_real_checks(results))
    assert "| clean | 1 |" in text and "| 0 findings |" in text
    assert "| drifted | 1 |" in text and "| 1 findings |" in text
