"""Offline gate: no page of the built site, opened from file://, requests anything else.

Two halves, which between them see every request a page can make:

- **Read from the files**, every page of both languages (the compare views included; not the
  404 pages, made for hosts) and every stylesheet: each URL the browser fetches without running
  script (src, srcset, poster, a <link> it loads, url() and @import, a refresh) must stay on
  the site. A remote image on one page of 150 is found here, with its file and line.
- **Opened in headless Chromium**, a few pages that between them hold every kind of element
  of the site, per language and folder depth (`pages_showing_every_kind`), each left until its
  network is idle, search worker included: what the scripts fetch. Every page loads the same
  scripts; what they do differs only with the elements they meet (Material fetches Mermaid
  from a CDN when a page holds a diagram), and each kind is met at least once.

Until 2026-12 the gate opened every page (152) in Chromium: about 55 s of the test run against
about 10 s now. The negative controls below plant a defect that each half alone must catch.
Requests that would leave file:// are logged and aborted, so the gate never needs a network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gates.tools import (
    block_external,
    html_pages,
    leaving,
    pages_showing_every_kind,
    static_requests,
    visit,
    visit_all,
)
from tests.sitebuild import Build

pytestmark = pytest.mark.slow
browser = pytest.mark.browser


def browser_requests_off_site(page, site: Path, pages: list[Path]) -> dict[str, list[str]]:
    """Open ``pages`` in Chromium; the requests of each that left file://, by page."""
    block_external(page, "file://")
    seen = visit_all(page, [p.as_uri() for p in pages])
    assert all(seen.values()), "a page requested nothing, not even its own assets"
    root = site.as_uri() + "/"
    return {
        url.removeprefix(root): left
        for url, requests in seen.items()
        if (left := leaving(requests, "file://"))
    }


def test_no_file_fetches_anything_off_the_site(real_site: Build) -> None:
    # the 404 pages too: a host serves them under any path
    assert static_requests(real_site.site) == []


@browser
def test_no_page_requests_anything_outside_file_urls(real_site: Build, page) -> None:
    site = real_site.site
    pages = html_pages(site)
    assert len(pages) >= 40 and (site / "zh" / "index.html") in pages
    opened = pages_showing_every_kind(pages)
    for must in ("index.html", "zh/index.html", "compare/index.html", "zh/compare/index.html"):
        assert site / must in opened, f"{must} not opened"
    assert len(opened) < len(pages) / 3, "the cover should be a few pages, not all"
    assert browser_requests_off_site(page, site, opened) == {}


# Negative controls: a page that loads a script from the internet; a remote image and a remote
# @import that only the files show; a script that fetches only on a page with one rare element


@browser
def test_a_page_loading_a_remote_script_is_caught(faulty_site: Build, page) -> None:
    block_external(page, "file://")
    requests = visit(page, (faulty_site.site / "index.html").as_uri())
    assert leaving(requests, "file://") == ["https://example.com/x.js"]
    # the same page in the other language has no such script
    assert leaving(visit(page, (faulty_site.site / "zh" / "index.html").as_uri()), "file://") == []
    assert [r.split(": ")[1] for r in static_requests(faulty_site.site)] == [
        "https://example.com/x.js"
    ]


@pytest.fixture
def site_copy(real_site: Build, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(real_site.site, copy)
    return copy


def plant(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_remote_image_on_a_page_not_opened_is_found_in_its_file(site_copy: Path) -> None:
    target = site_copy / "zh" / "sms.html"
    assert target not in pages_showing_every_kind(html_pages(site_copy))
    plant(target, "</article>", '<p><img src="https://example.com/i.png" alt=""></p></article>')
    plant(
        site_copy / "assets" / "stylesheets" / "site.css",
        "\n",
        '\n@import "//example.com/font.css";\n',
    )
    found = static_requests(site_copy)
    assert [f.split(": ")[1] for f in found] == [
        "//example.com/font.css",
        "https://example.com/i.png",
    ]
    assert found[1].startswith("zh/sms.html:")  # file and line


@browser
def test_a_script_reacting_to_a_rare_element_is_met(site_copy: Path, page) -> None:
    # one page gets an element no other page has, and a script every page loads fetches from
    # the internet when it meets one: the cover must open that page, and the gate see the fetch
    target = site_copy / "zh" / "sms.html"
    plant(target, "</article>", '<div class="planted-diagram"></div></article>')
    opened = pages_showing_every_kind(html_pages(site_copy))
    assert target in opened
    script = site_copy / "assets" / "javascripts" / "site.js"
    script.write_text(
        script.read_text(encoding="utf-8")
        + '\nif (document.querySelector(".planted-diagram")) fetch("https://example.com/m.js");\n',
        encoding="utf-8",
    )
    assert static_requests(site_copy) == []  # only a browser can see this one
    # opening that page is what the gate does with it (opening all 28 again would add 10 s)
    off = browser_requests_off_site(page, site_copy, [target])
    assert off == {"zh/sms.html": ["https://example.com/m.js"]}
