"""Hosted gate: the built site behind a plain static server (python -m http.server, 127.0.0.1).

The reader's browser tests (search per language, the section-keeping language switcher) pass
over HTTP as they do from file://, nothing is requested from anywhere but the server, and each
language's 404 page comes in its own language with every asset found.
"""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.search import search
from tests.gates.tools import block_external, leaving, serve, visit
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def relative(urls: list[str], base: str) -> list[str]:
    return [u.removeprefix(base + "/") for u in urls]


def on_server(page, base: str) -> list[str]:
    """What the page requested from anywhere but the server (must be nothing)."""
    return page.requests.leaving(base + "/")


@pytest.mark.parametrize("query", ["pipeline", "lead scoring", "webhook"])
def test_english_query_finds_english_pages_only(hosted: str, page, query: str) -> None:
    block_external(page, hosted)
    results = relative(search(page, f"{hosted}/index.html", query), hosted)
    assert results, f"no result for {query!r}"
    assert [r for r in results if r.startswith("zh/")] == []
    assert on_server(page, hosted) == []


@pytest.mark.parametrize("start", ["zh/index.html", "zh/guides/crm-pipeline.html"])
@pytest.mark.parametrize("query", ["销售管道", "线索评分", "商机"])
def test_chinese_query_finds_chinese_pages_only(hosted: str, page, query: str, start: str) -> None:
    block_external(page, hosted)
    results = relative(search(page, f"{hosted}/{start}", query), hosted)
    assert results, f"no result for {query!r} from {start}"
    assert all(r.startswith("zh/") for r in results), results
    assert on_server(page, hosted) == []


def test_switcher_keeps_page_and_section(hosted: str, page) -> None:
    block_external(page, hosted)
    url = f"{hosted}/crm-deals-pipelines.html"
    page.goto(url)
    anchor = page.eval_on_selector_all("article h2[id]", "els => els.map(e => e.id)")[1]
    page.goto(f"{url}#{anchor}")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=zh]").click()
    page.wait_for_load_state()
    assert page.url == f"{hosted}/zh/crm-deals-pipelines.html#{anchor}"
    assert page.locator("html").get_attribute("lang") == "zh"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=en]").click()
    page.wait_for_load_state()
    assert page.url == f"{url}#{anchor}"
    assert on_server(page, hosted) == []


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("404.html", "en", "Page not found"),
    ("zh/404.html", "zh", "页面未找到"),
])  # fmt: skip
def test_each_404_page_is_in_its_language_with_its_assets(
    hosted: str, page, path: str, lang: str, heading: str
) -> None:
    with urllib.request.urlopen(f"{hosted}/{path}", timeout=10) as response:
        assert response.status == 200
        html = response.read().decode("utf-8")
    assert re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html).group(1) == lang
    assert heading in html

    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # Material probes sitemap.xml beside every <link rel=alternate> (the same page in the other
    # language) and copes with a 404 there; static-i18n writes one sitemap, at the root.
    probes = re.compile(r"/sitemap\.xml$")
    block_external(page, hosted)
    requests = visit(page, f"{hosted}/{path}")
    assert [r for r in requests if "/assets/" in r], "the 404 page loaded no assets"
    assert [f for f in failed if not probes.search(f)] == []
    assert leaving(requests, hosted + "/") == []
    assert page.locator("h1").first.inner_text().endswith(heading)


# Negative control: the same watch catches a page that loads a script from the internet


def test_a_remote_script_is_caught_over_http(faulty_site: Build, page) -> None:
    with serve(faulty_site.site) as base:
        block_external(page, base)
        requests = visit(page, f"{base}/index.html")
    assert leaving(requests, base + "/") == ["https://example.com/x.js"]
