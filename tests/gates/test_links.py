"""Links gate: no broken internal link or #anchor in either language.

Every page of both languages of the built site, from file://, and every link on it: pages,
assets, #anchors. ``site_links`` (tests/gates/tools.py) reads each page once with LinkChecker's
own parser and applies LinkChecker's verdicts; LinkChecker itself (PyPI), which re-reads a page
for every #anchor into it, took 90 s of the run for the same answer. That it is the same answer
is tested below: on a tiny site with every kind of planted link fault, both report exactly the
same links. External URLs are listed in test-artifacts/external-links.txt and never fetched. The
404 pages use absolute /assets/ URLs (made for hosts), so LinkChecker checks them over HTTP on a
local nginx.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS
from tests.gates.tools import html_pages, linkcheck, site_links
from tests.sitebuild import Build

pytestmark = pytest.mark.slow


def test_no_broken_internal_link_or_anchor_from_file_urls(real_site: Build) -> None:
    pages = html_pages(real_site.site)
    assert any(p.is_relative_to(real_site.site / "zh") for p in pages), "no Chinese pages"
    report = site_links(pages)
    internal = report.internal
    # it really read: every page, the assets, and links with #anchors
    assert len({u.real.split("#")[0] for u in internal}) >= len(pages)
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
    # what LinkChecker calls a syntax error in an external URL (it never fetches them either)
    assert [u.url for u in report.external if not well_formed(u.real)] == []


def well_formed(url: str) -> bool:
    """An external URL LinkChecker accepts unfetched ("filtered"): a scheme, and for http(s) a
    host without spaces and a valid port."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("http", "https"):
        try:
            parts.port  # noqa: B018 -- raises on a port out of range
        except ValueError:
            return False
        return bool(parts.hostname) and not any(c.isspace() for c in url)
    return bool(parts.scheme) and bool(parts.path or parts.netloc)


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


def test_site_links_reports_a_missing_anchor_and_a_missing_page(faulty_site: Build) -> None:
    report = site_links(html_pages(faulty_site.site))
    problems = "\n".join(report.problems())
    assert "automations.html#no-such-section" in problems
    assert "anchor #no-such-section not found" in problems
    assert "no-such-page.html" in problems
    assert len(report.problems()) == 2, problems
    assert "https://example.com/listed" in "\n".join(report.external_listing())


# Equivalence: the planted faults below, each a kind of link LinkChecker reports, and links it
# accepts; both checkers must report exactly the faulty ones. Each URL is on one page only:
# LinkChecker reports a URL once, on the first page it finds it.
PLANTED = """
<a href="automations.html#no-such-section">missing anchor</a>
<a href="no-such-page.html">missing page</a>
<a href="zh/no-such-page.html#x">missing page in a folder</a>
<img src="no-such-image.png" alt="missing image">
<img srcset="no-such-2x.png 2x" alt="missing srcset image">
<link rel="stylesheet" href="no-such.css">
<p style="background: url('no-such-background.png')">missing CSS background</p>
<a href=" sitemap.xml ">whitespace around a good URL</a>
<a href="zh">a directory without its slash</a>
<a href="zh/#x">an anchor on a directory</a>
<a href="%E7%BC%BA.html">a missing page, percent-encoded</a>
<a href="zh/index.html#no-such-section">missing anchor in the other language</a>
<a href="automations.html#planted-named">a <code>name</code> anchor: fine</a>
<a name="planted-named"></a>
<a href="automations.html#%E4%B8%AD">a percent-encoded anchor that exists: fine</a>
<a href="automations.html?h=x#planted-named">a query string: fine</a>
<a href="zh/">a directory with its slash: fine</a>
<a href="sitemap.xml#anything">an anchor into a file that is not HTML: fine</a>
<a href="#planted-named">an anchor on this page: fine</a>
<a href="">this page: fine</a>
<a href="https://example.com/also-listed">external: listed</a>
<a href="mailto:someone@example.com">mail: listed</a>
"""
EXPECTED = {
    "automations.html#no-such-section",
    "no-such-page.html",
    "zh/no-such-page.html#x",
    "no-such-image.png",
    "no-such-2x.png",
    "no-such.css",
    "no-such-background.png",
    "sitemap.xml",  # whitespace around it
    "zh",
    "zh/#x",
    "%E7%BC%BA.html",
    "zh/index.html#no-such-section",
}


def planted_site(faulty_site: Build, tmp_path: Path) -> Path:
    """A copy of the faulty site with the links above on its English start page."""
    site = tmp_path / "site"
    shutil.copytree(faulty_site.site, site)
    index = site / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace("</article>", PLANTED + "</article>", 1),
        encoding="utf-8",
    )
    automations = site / "automations.html"
    automations.write_text(
        automations.read_text(encoding="utf-8").replace(
            "</article>", '<p id="中">an id in Chinese</p><a name="planted-named"></a></article>', 1
        ),
        encoding="utf-8",
    )
    return site


def test_site_links_and_linkchecker_report_the_same_planted_faults(
    faulty_site: Build, tmp_path: Path
) -> None:
    site = planted_site(faulty_site, tmp_path)
    pages = html_pages(site)
    root = site.resolve().as_uri() + "/"
    ours = site_links(pages)
    theirs = linkcheck(
        [p.as_uri() for p in pages], tmp_path / "lc", args=("--recursion-level", "1")
    )
    assert theirs.returncode == 1, theirs.log
    assert {url for _, url in theirs.broken(root)} == EXPECTED
    assert ours.broken(root) == theirs.broken(root)
    listed = {line.split("\t")[0] for line in ours.external_listing(root)}
    assert listed == {line.split("\t")[0] for line in theirs.external_listing(root)}
    assert {"https://example.com/also-listed", "mailto:someone@example.com"} <= listed
