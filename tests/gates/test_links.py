"""Links gate: LinkChecker finds no broken internal link or #anchor in either language.

LinkChecker (PyPI) checks the built site from file://, every page of both languages as a start
URL and every link on it, with its AnchorCheck plugin on. External URLs are listed in
test-artifacts/external-links.txt and never fetched. The 404 pages use absolute /assets/ URLs
(made for hosts), so they are checked over HTTP on a local static server instead.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import ARTIFACTS
from tests.gates.tools import html_pages, linkcheck
from tests.sitebuild import Build

pytestmark = pytest.mark.slow

JOBS = min(os.cpu_count() or 1, 4)


def test_no_broken_internal_link_or_anchor_from_file_urls(real_site: Build, tmp_path) -> None:
    pages = html_pages(real_site.site)
    assert any(p.is_relative_to(real_site.site / "zh") for p in pages), "no Chinese pages"
    # every page is a start URL, so one level of links covers the whole site
    report = linkcheck(
        [p.as_uri() for p in pages], tmp_path, args=("--recursion-level", "1"), jobs=JOBS
    )
    assert report.returncode in (0, 1), report.log
    internal = report.internal
    # it really crawled: every page, the assets, and links with #anchors
    assert len({u.real.split("#")[0] for u in internal}) >= len(pages), report.log
    assert sum("#" in u.real for u in internal) > 50, "no #anchor links were checked"
    assert report.problems() == []

    listing = report.external_listing(real_site.site.as_uri() + "/")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "external-links.txt").write_text(
        "# External links of the built site (URL, a page linking to it): listed, not fetched\n"
        + "".join(f"{line}\n" for line in listing),
        encoding="utf-8",
    )
    print(f"{len(listing)} external links (not fetched):", *listing, sep="\n  ")
    # listed, syntax-checked only, never fetched
    assert all(u.result == "filtered" for u in report.external), [
        (u.real, u.result) for u in report.external if u.result != "filtered"
    ]


def test_404_pages_links_resolve_when_hosted(hosted: str, tmp_path) -> None:
    report = linkcheck(
        [f"{hosted}/404.html", f"{hosted}/zh/404.html"],
        tmp_path,
        args=("--recursion-level", "1", "--no-robots"),
    )
    assert report.returncode in (0, 1), report.log
    assets = [u for u in report.internal if "/assets/" in u.real]
    assert assets, "the 404 pages load no assets: nothing was checked"
    assert report.problems() == []


# Negative controls: the same gate on a tiny site with planted faults


def test_linkchecker_reports_a_missing_anchor_and_a_missing_page(
    faulty_site: Build, tmp_path
) -> None:
    report = linkcheck([p.as_uri() for p in html_pages(faulty_site.site)], tmp_path)
    problems = "\n".join(report.problems())
    assert "automations.html#no-such-section" in problems
    assert "Anchor `no-such-section' (decoded: `no-such-section') not found" in problems
    assert "no-such-page.html" in problems
    # the real pages' anchors of the fixture are fine: nothing else is reported
    assert len(report.problems()) == 2, problems
    # the external link is listed, and only its syntax was checked
    listed = [u for u in report.external if u.real == "https://example.com/listed"]
    assert listed and all(u.result == "filtered" for u in listed)


def test_without_the_anchorcheck_config_a_missing_anchor_goes_unreported(
    faulty_site: Build, tmp_path
) -> None:
    # why the gate writes a config file: LinkChecker checks #fragments only with AnchorCheck
    report = linkcheck([p.as_uri() for p in html_pages(faulty_site.site)], tmp_path, anchors=False)
    problems = "\n".join(report.problems())
    assert "no-such-page.html" in problems
    assert "no-such-section" not in problems
