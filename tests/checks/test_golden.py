"""Golden pairs: the clean fixture passes; each defect case reports exactly its expected lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from translations.checks.report import check_site

from .conftest import DEFECTS, TODAY, make_tree

CASES = sorted(path.name for path in DEFECTS.iterdir() if path.is_dir())


def test_clean_fixture_passes(clean_tree: Path) -> None:
    report = check_site(clean_tree, today=TODAY)
    assert [str(issue) for issue in report.issues] == []
    assert {name: status.state for name, status in report.pages["zh"].items()} == {
        "index.md": "up to date",
        "pricing.md": "up to date",
        "related-skills.md": "up to date",
        "guides/setup.md": "up to date",
    }


@pytest.mark.parametrize("case", CASES)
def test_defect_is_reported_exactly(tmp_path: Path, case: str) -> None:
    root, options = make_tree(tmp_path, case)
    report = check_site(root, today=options.get("today", TODAY))
    expected = (DEFECTS / case / "expected.txt").read_text("utf-8").splitlines()
    assert expected, f"{case}: expected.txt is empty"
    assert [str(issue) for issue in report.issues] == expected


def test_declared_untranslated_page_is_not_an_issue(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    (root / "docs/zh/guides/setup.md").unlink()
    (root / "data/untranslated.yml").write_text("pages: [guides/setup.md]\n", "utf-8")
    report = check_site(root, today=TODAY)
    assert report.issues == []
    assert report.pages["zh"]["guides/setup.md"].state == "untranslated"
    # the Chinese build shows the English page with the untranslated banner
    assert report.banner("guides/setup.md", "en", "zh")["untranslated"] is True
    assert report.banner("guides/setup.md", "en", "en")["untranslated"] is False


def test_banner_status(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path, "staleness")
    report = check_site(root, today=dt.date(2027, 3, 2))  # prices older than max_age_days
    assert report.banner("index.md", "zh", "zh") == {
        "untranslated": False,
        "outdated": True,
        "prices_stale": True,  # the page states a plan gate ("Lead scoring | Plus")
        "prices_as_of": "2026年3月",
        "verify_url": "https://www.activecampaign.com/pricing",
        "figures": True,
        "figures_full": False,  # no price table on the page: the note is one line
        "prices_verified": None,
        "follows": "",  # no git history in tmp_path: the version it follows is not known
        "first_change": "",
    }
    assert report.banner("related-skills.md", "zh", "zh")["figures"] is False  # states none
    assert report.banner("related-skills.md", "zh", "zh")["prices_stale"] is False
    assert report.banner("index.md", "en", "en")["outdated"] is False
    assert report.banner("pricing.md", "en", "en")["prices_stale"] is True
    assert report.banner("pricing.md", "en", "en")["prices_as_of"] == "March 2026"
    assert report.banner("pricing.md", "zh", "zh")["prices_stale"] is True
    # the price tables' page has the note in full (issue 26)
    assert report.banner("pricing.md", "zh", "zh")["figures_full"] is True
