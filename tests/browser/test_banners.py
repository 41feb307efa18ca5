"""Banners, as a reader sees them: on a fixture page built to need each one, and not on a clean one.

The tree is the checks' clean fixture (tests/checks/fixtures/clean) with the real theme, plugins and
hooks. Three edits make three banners: a page declared untranslated, an English page changed after
its translation was stamped, and prices older than the configured age. Content drift is a warning,
so this build is not strict; the warnings themselves are tested in tests/checks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.sitebuild import REPO, Build, absolutise, load_config, plugin_options, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLEAN = REPO / "tests" / "checks" / "fixtures" / "clean"
BANNER = "[data-ac-banner='{}']"


@pytest.fixture(scope="module")
def banner_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("banners")
    shutil.copytree(CLEAN, root / "src")
    docs, data = root / "src" / "docs", root / "src" / "data"
    # 1. untranslated: the Chinese guide is gone and declared so
    (docs / "zh" / "guides" / "setup.md").unlink()
    (data / "untranslated.yml").write_text("pages: [guides/setup.md]\n", "utf-8")
    # 2. outdated: the English start page changes after its translation was stamped
    index = docs / "en" / "index.md"
    index.write_text(index.read_text("utf-8") + "\nOne more English sentence.\n", "utf-8")
    # 3. stale prices: stated more than max_age_days ago
    pricing = (data / "pricing.yml").read_text("utf-8")
    pricing = pricing.replace("as_of: 2026-03-01", "as_of: 2020-01-01")
    pricing = pricing.replace(
        "{en: March 2026, zh: 2026年3月}", "{en: January 2020, zh: 2020年1月}"
    )
    (data / "pricing.yml").write_text(pricing, "utf-8")

    config = absolutise(load_config())
    config["docs_dir"] = str(docs)
    config.pop("nav")
    config["plugins"] = [p for p in config["plugins"] if p != "tags" and "tags" not in p]
    plugin_options(config)["export"] = False  # the banners are in the HTML; no PDF to wait for
    build = run_mkdocs(config, root, strict=False)
    assert build.returncode == 0, build.log
    assert "is outdated" in build.log or "translation_of" in build.log, build.log
    return build


def shows(page, kind: str) -> bool:
    """Whether the page shows one banner of ``kind``."""
    banner = page.locator(BANNER.format(kind))
    return banner.count() == 1 and banner.is_visible()


def visible(tabs, site: Path, path: str, kind: str) -> bool:
    """Whether ``path``, loaded anew in the module's shared tab (tests/browser/tabs.py), shows
    one banner of ``kind``."""
    return shows(tabs.show((site / path).as_uri()), kind)


def test_untranslated_banner_on_the_declared_page_only(banner_site: Build, tabs) -> None:
    site = banner_site.site
    page = tabs.show((site / "zh/guides/setup.html").as_uri())
    assert shows(page, "untranslated")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("article div[lang=en]").count() == 1, "English text is labelled English"
    assert "尚未翻译" in page.locator(BANNER.format("untranslated")).inner_text()
    assert not visible(tabs, site, "guides/setup.html", "untranslated")
    assert not visible(tabs, site, "zh/index.html", "untranslated")


def test_outdated_banner_on_the_stale_translation_only(banner_site: Build, tabs) -> None:
    site = banner_site.site
    page = tabs.show((site / "zh/index.html").as_uri())
    assert shows(page, "outdated")
    banner = page.locator(BANNER.format("outdated"))
    banner.locator("a[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") and "/zh/" not in page.url
    assert not visible(tabs, site, "index.html", "outdated"), "English is the reference"
    assert not visible(tabs, site, "zh/related-skills.html", "outdated")


def test_prices_banner_on_pages_that_state_prices(banner_site: Build, tabs) -> None:
    site = banner_site.site
    for path, words in [("pricing.html", "as of January 2020"), ("zh/pricing.html", "2020年1月")]:
        page = tabs.show((site / path).as_uri())
        assert shows(page, "prices")
        assert words in page.locator(BANNER.format("prices")).inner_text()
    assert not visible(tabs, site, "related-skills.html", "prices")


def test_a_clean_page_has_no_banner(banner_site: Build, tabs) -> None:
    page = tabs.show((banner_site.site / "zh" / "related-skills.html").as_uri())
    assert page.locator("[data-ac-banner]").count() == 0
