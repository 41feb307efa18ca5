"""The benchmark's synthetic trees are clean, about the requested size, and checked like real
pages (a defect planted in one is reported)."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import navigation, write_synthetic_tree
from translations.checks.report import check_site
from translations.read.source import split_front_matter


def test_synthetic_tree_passes_the_checks(tmp_path: Path) -> None:
    root = write_synthetic_tree(tmp_path, 12)
    report = check_site(root, today=None)
    assert [str(issue) for issue in report.issues] == []
    assert len(report.pages["zh"]) == 12
    assert all(status.state == "up to date" for status in report.pages["zh"].values())


def test_synthetic_pages_have_about_the_requested_words(tmp_path: Path) -> None:
    root = write_synthetic_tree(tmp_path, 3, words=600)
    for page in sorted((root / "docs/en").glob("page-*.md")):
        words = len(split_front_matter(page.read_text("utf-8"), "x").body.split())
        assert 600 <= words <= 640, (page.name, words)  # every word of the body counts


def test_a_defect_in_a_synthetic_tree_is_reported(tmp_path: Path) -> None:
    root = write_synthetic_tree(tmp_path, 9, words=300)
    page = root / "docs/zh/page-0003.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("## 第2节 {#section-2}", "## 第2节"), "utf-8")
    assert [str(issue) for issue in check_site(root).issues] == [
        'docs/zh/page-0003.md:24: heading "第2节" has no explicit {#id}; add one, the same in both'
        " languages"
    ]


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    assert isinstance(nav, list)
    return [page for item in nav for page in _nav_pages(item)]


def test_navigation_lists_every_written_page_once(tmp_path: Path) -> None:
    root = write_synthetic_tree(tmp_path, 123, words=50)
    written = sorted(p.name for p in (root / "docs/en").glob("*.md"))
    listed = _nav_pages(navigation(123))
    assert sorted(listed) == written and len(listed) == len(set(listed)) == 123
    assert list(navigation(123)[0]) == ["Start"] and len(navigation(123)) == 1 + 3  # 3 tabs
