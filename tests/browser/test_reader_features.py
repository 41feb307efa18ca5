"""Reader features in headless Chromium over file://: side-by-side view, path finder, role tags."""

from __future__ import annotations

import re

import pytest

from tests.sitebuild import REPO, Build
from translations.render.compare import split_sections

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def heading_count(page: str) -> int:
    return len(split_sections((REPO / "docs" / "en" / page).read_text("utf-8"))[1])


def test_compare_view_opens_from_the_page_button(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "automations.html").as_uri())
    page.locator("a.ac-compare-button").click()
    page.wait_for_load_state()
    assert page.url.endswith("/compare/automations.html")
    rows = page.locator(".ac-compare__row")
    assert rows.count() == heading_count("automations.md")
    # every row holds both languages, aligned side by side on a wide screen
    for i in range(rows.count()):
        en = rows.nth(i).locator(".ac-compare__col[lang=en]").bounding_box()
        zh = rows.nth(i).locator(".ac-compare__col[lang=zh]").bounding_box()
        assert en and zh and zh["x"] > en["x"] + en["width"] / 2
        assert abs(zh["y"] - en["y"]) < 2


def test_compare_view_opens_at_the_section_the_reader_is_on(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "zh" / "pricing.html").as_uri() + "#send-limits")
    page.locator("a.ac-compare-button").click()
    page.wait_for_load_state()
    assert page.url.endswith("/zh/compare/pricing.html#send-limits"), page.url
    row = page.locator(".ac-compare__row#send-limits")
    assert "Send limits" in row.inner_text() and "发送上限" in row.inner_text()
    top = row.bounding_box()
    assert top is not None and 0 <= top["y"] < 200, "the row is scrolled into view"


def test_compare_view_from_the_language_menu(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "guides" / "crm-pipeline.html").as_uri())
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__list a[href$='compare/guides/crm-pipeline.html']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/compare/guides/crm-pipeline.html")
    assert page.locator(".ac-compare__row").count() == heading_count("guides/crm-pipeline.md")


def test_compare_view_links_work_in_both_columns(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "compare" / "pricing.html").as_uri())
    hrefs = page.eval_on_selector_all(".ac-compare a[href]", "els => els.map(e => e.href)")
    local = [h.split("#")[0] for h in hrefs if h.startswith("file:")]
    assert local, "no links found"
    for href in local:
        assert (real_site.site / href[len(real_site.site.as_uri()) + 1 :]).is_file(), href
    assert any("/zh/" in h for h in local) and any("/zh/" not in h for h in local)


def test_compare_view_stacks_on_a_phone(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "compare" / "automations.html").as_uri(), PHONE)
    row = page.locator(".ac-compare__row").nth(1)
    en = row.locator(".ac-compare__col[lang=en]").bounding_box()
    zh = row.locator(".ac-compare__col[lang=zh]").bounding_box()
    assert en and zh
    assert zh["y"] >= en["y"] + en["height"] - 1, "Chinese section stacks under the English one"
    assert en["width"] > 300 and zh["width"] > 300


def test_compare_views_are_not_searchable(real_site: Build) -> None:
    for index in ("search/search_index.json", "zh/search/search_index.json"):
        text = (real_site.site / index).read_text("utf-8")
        assert "compare/" not in text


def test_path_finder_lists_everything_without_javascript(real_site: Build) -> None:
    for start in ("index.html", "zh/index.html"):
        html = (real_site.site / start).read_text("utf-8")
        assert len(re.findall(r'data-ac-area="[A-Q]"', html)) == 17
        assert len(re.findall(r"data-ac-role=", html)) == 6
        assert re.search(r'<form class="ac-pathfinder__form" hidden', html), "form hidden w/o JS"


def test_path_finder_filters_and_restores_from_the_url(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "zh" / "index.html").as_uri())
    page.select_option("select[name=area]", "C")
    page.select_option("select[name=role]", "revops")
    assert page.url.endswith("#area=C&role=revops")
    visible = page.locator(".ac-pathfinder__group:visible")
    assert visible.count() == 2
    assert "CRM" in visible.nth(0).inner_text()
    shared = page.url
    page.goto((real_site.site / "index.html").as_uri())
    page.goto(shared)
    page.reload()
    assert page.locator("select[name=area]").input_value() == "C"
    assert page.locator("select[name=role]").input_value() == "revops"
    assert page.locator(".ac-pathfinder__group:visible").count() == 2
    page.locator(".ac-pathfinder__form button[type=reset]").click()
    page.wait_for_timeout(100)
    assert page.locator(".ac-pathfinder__group:visible").count() == 23


def test_tag_index_lists_the_pages_of_a_role(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "tags.html").as_uri())
    section = page.locator("[id='tag:developer--engineer']").locator("xpath=..")
    text = section.inner_text()
    assert "API quick reference" in text or "API" in text
    page.goto((real_site.site / "zh" / "tags.html").as_uri())
    assert page.locator("[id='tag:开发者--工程师']").count() == 1
