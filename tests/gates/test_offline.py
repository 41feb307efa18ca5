"""Offline gate: every page of the built site, opened from file://, requests nothing else.

Every *.html of both languages (the compare views included; not the 404 pages, made for hosts)
is opened in headless Chromium and left until its network is idle, search worker included.
Requests that would leave file:// are logged and aborted, so the gate never needs a network.
"""

from __future__ import annotations

import pytest

from tests.gates.tools import block_external, html_pages, leaving, visit, visit_all
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_no_page_requests_anything_outside_file_urls(real_site: Build, page) -> None:
    pages = html_pages(real_site.site)
    assert len(pages) >= 40 and (real_site.site / "zh" / "index.html") in pages
    block_external(page, "file://")
    seen = visit_all(page, [p.as_uri() for p in pages])
    assert all(seen.values()), "a page requested nothing, not even its own assets"
    root = real_site.site.as_uri() + "/"
    outside = {
        url.removeprefix(root): left
        for url, requests in seen.items()
        if (left := leaving(requests, "file://"))
    }
    assert outside == {}


# Negative control: a page that loads a script from the internet


def test_a_page_loading_a_remote_script_is_caught(faulty_site: Build, page) -> None:
    block_external(page, "file://")
    requests = visit(page, (faulty_site.site / "index.html").as_uri())
    assert leaving(requests, "file://") == ["https://example.com/x.js"]
    # the same page in the other language has no such script
    assert leaving(visit(page, (faulty_site.site / "zh" / "index.html").as_uri()), "file://") == []
