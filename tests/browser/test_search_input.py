"""A query that arrives without a key release (pasted, dictated, committed by an input method
that sends none) searches at once: theme patch query-on-input. Control: the same site without
that one patch answers nothing until a key is pressed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.search import ANSWERED, RESULT_LINKS
from tests.sitebuild import Build, restore_material_scripts
from translations.output.theme_patches import PATCHES, QUERY_ON_INPUT, patch_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Material's meta line says "Initializing search" until its worker holds the index, then "Type to
# start searching" (键入以开始搜索)
READY = (
    """() => /Type to|键入/.test(document.querySelector('.md-search-result__meta').textContent)"""
)


@pytest.fixture(scope="module")
def keyup_only(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with every fix of Material's scripts but query-on-input."""
    site = tmp_path_factory.mktemp("keyup-only") / "site"
    shutil.copytree(real_site.site, site)
    restore_material_scripts(site)
    patch_site(site, [patch for patch in PATCHES if patch is not QUERY_ON_INPUT])
    return site


def _pasted(page, query: str) -> list[str]:
    """Open the search box of the page just loaded and put the query in with no key event; the
    result links after 3 s."""
    page.locator("input.md-search__input").click()
    page.wait_for_function(READY, timeout=15_000)  # else the index, once loaded, reads the box
    page.keyboard.insert_text(query)  # an input event, no keydown or keyup
    try:
        page.wait_for_function(ANSWERED, timeout=3_000)
    except PlaywrightTimeout:  # nothing answered
        return []
    return page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")


@pytest.mark.parametrize(
    ("path", "query"), [("index.html", "contact limit"), ("zh/index.html", "线索评分")]
)
def test_a_pasted_query_searches_without_a_key(
    real_site: Build, tabs, path: str, query: str
) -> None:
    assert _pasted(tabs.show((real_site.site / path).as_uri()), query)


def test_without_the_patch_a_pasted_query_waits_for_a_key(keyup_only: Path, tabs) -> None:
    page = tabs.show((keyup_only / "zh" / "index.html").as_uri())
    assert _pasted(page, "线索评分") == []
    page.keyboard.press("End")  # the key release Material waits for
    page.wait_for_function(ANSWERED, timeout=10_000)
    assert page.eval_on_selector_all(RESULT_LINKS, "els => els.length") > 0
