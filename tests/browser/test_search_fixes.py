"""The search fixes as a reader meets them, each with a negative control that removes the fix.

- Chinese: an unspaced query searches every word (hooks/theme_patches.py, segment-*); with
  Material's worker as shipped, the query's second word is dropped and another page comes first.
- Code: identifiers and API paths are found (mkdocs.yml: the search separator and the compounds
  field); with the old separator and no such field they are not.
- Warm-up: from file:// the index is in the worker once the reader moves, before they reach the
  search box (search-warmup.js + theme patch search-warmup); with Material's bundle as shipped
  it is not.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from theme_patches import WARMUP_EVENT

from tests.browser.search import search
from tests.gates.tools import build_variant
from tests.sitebuild import REPO, Build, plugin, restore_material_scripts

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# On the start page's intro: 销售 alone picks the start page (it says 销售 four times), and only
# 管道 picks the automations page (商机在销售管道中流转).
SALES_TEAM = "从这里开始。销售团队的销售人员每天跟进销售线索，销售经理每周复盘。"
CODE = """
## Identify visitors {#identify-visitors}

Call `vgo('setEmail', 'contact@example.com')` after a form, list pipelines with
`GET /api/3/dealGroups`, upsert with `POST /api/3/contact/sync`, and greet with `%FIRSTNAME%`.
"""
OLD_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）]+"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    def sales_team(config: dict) -> None:
        start = Path(config["docs_dir"]) / "zh" / "index.md"
        start.write_text(start.read_text("utf-8").replace("从这里开始。", SALES_TEAM), "utf-8")

    build = build_variant(
        tmp_path_factory.mktemp("search-fixes"), {"en/automations.md": CODE}, sales_team
    )
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def shipped_site(fixture_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with Material's search worker and bundle as Material ships them."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    shutil.copytree(fixture_site.site, site)
    assert restore_material_scripts(site)
    return site


def pages(urls: list[str], site: Path) -> list[str]:
    """Result pages in order, once each, relative to the site root."""
    root = site.as_uri() + "/"
    return list(dict.fromkeys(u.removeprefix(root) for u in urls))


def highlighted(page) -> tuple[set[str], set[str]]:
    """The words in the results' <mark>s, and the words of every result link's ?h=."""
    marks = page.eval_on_selector_all(
        ".md-search-result mark", "els => els.map(e => e.textContent)"
    )
    hrefs = page.eval_on_selector_all("a.md-search-result__link", "els => els.map(e => e.href)")
    terms = {t for h in hrefs for v in parse_qs(urlsplit(h).query).get("h", []) for t in v.split()}
    return set(marks), terms


# --- 1. every word of an unspaced Chinese query -------------------------------------------------


def test_an_unspaced_chinese_query_searches_its_second_word(fixture_site: Build, page) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    assert pages(search(page, url, "销售管道"), fixture_site.site)[0] == "zh/automations.html"
    marks, terms = highlighted(page)
    assert {"销售", "管道"} <= marks
    assert {"销售", "管道"} <= terms


def test_the_first_word_alone_ranks_another_page_first(fixture_site: Build, page) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    assert pages(search(page, url, "销售"), fixture_site.site)[0] == "zh/index.html"


def test_with_materials_worker_the_second_word_is_lost(shipped_site: Path, page) -> None:
    url = (shipped_site / "zh" / "index.html").as_uri()
    assert pages(search(page, url, "销售管道"), shipped_site)[0] == "zh/index.html"
    marks, terms = highlighted(page)
    assert "管道" not in marks and "管道" not in terms


# 的 is a stop word, which the index leaves out: the words on either side of it still count.
@pytest.mark.parametrize("query", ["销售的管道", "的销售管道"])
def test_a_stop_word_in_a_chinese_query_drops_no_word(
    fixture_site: Build, page, query: str
) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    assert pages(search(page, url, query), fixture_site.site)[0] == "zh/automations.html"
    marks, terms = highlighted(page)
    assert {"销售", "管道"} <= marks
    assert {"销售", "管道"} <= terms


@pytest.mark.parametrize(
    ("query", "first"), [("销售的管道", "zh/index.html"), ("的销售管道", None)]
)
def test_with_materials_worker_a_stop_word_loses_the_words(
    shipped_site: Path, page, query: str, first: str | None
) -> None:
    """Material stops at the stop word (管道 is lost), or, when the query starts with one,
    searches the whole query as one term and finds nothing."""
    url = (shipped_site / "zh" / "index.html").as_uri()
    found = pages(search(page, url, query), shipped_site)
    assert (found[0] if found else None) == first
    marks, terms = highlighted(page)
    assert "管道" not in marks and "管道" not in terms


def test_an_english_term_next_to_chinese_is_searched(fixture_site: Build, page) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    assert pages(search(page, url, "ActiveCampaign平台"), fixture_site.site)[0] == "zh/index.html"
    assert "activecampaign" in highlighted(page)[1]


# --- 2. code identifiers and API paths ----------------------------------------------------------


@pytest.mark.parametrize("query", ["setEmail", "dealGroups", "contact/sync", "FIRSTNAME"])
def test_a_developer_finds_code_by_its_name(fixture_site: Build, page, query: str) -> None:
    url = (fixture_site.site / "index.html").as_uri()
    assert pages(search(page, url, query), fixture_site.site)[:1] == ["automations.html"]


@pytest.fixture(scope="module")
def old_separator_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    def old_separator(config: dict) -> None:
        # the fix is the separator and the compounds field (camelCase words whole): drop both
        search_config = plugin(config, "search")
        search_config["separator"] = OLD_SEPARATOR
        search_config.pop("fields")

    build = build_variant(
        tmp_path_factory.mktemp("old-separator"), {"en/automations.md": CODE}, old_separator
    )
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize("query", ["setEmail", "dealGroups", "contact/sync", "FIRSTNAME"])
def test_with_the_old_separator_code_is_not_found(
    old_separator_site: Build, page, query: str
) -> None:
    url = (old_separator_site.site / "index.html").as_uri()
    assert search(page, url, query) == []


# --- 3. the index is ready before the reader types ------------------------------------------------

META = ".md-search-result__meta"


def test_from_file_the_index_is_ready_before_the_reader_types(fixture_site: Build, page) -> None:
    page.goto((fixture_site.site / "zh" / "index.html").as_uri())
    page.mouse.move(600, 400)  # the reader's hand on the mouse, not yet on the search box
    # Material says "initializing" until its worker holds the index, then "type to…"
    page.wait_for_function(
        f"() => document.querySelector('{META}').textContent.includes('键入以开始搜索')",
        timeout=15_000,
    )
    assert page.evaluate("document.activeElement === document.body")  # nothing took the focus
    assert page.locator("#__search").is_checked() is False  # the search box stayed closed


def test_a_page_nobody_touches_does_not_build_the_index(fixture_site: Build, page) -> None:
    page.goto((fixture_site.site / "zh" / "index.html").as_uri())
    page.wait_for_timeout(2000)
    assert "正在初始化搜索引擎" in page.locator(META).text_content()


def test_with_materials_bundle_the_index_waits_for_the_reader(shipped_site: Path, page) -> None:
    page.goto((shipped_site / "zh" / "index.html").as_uri())
    page.mouse.move(600, 400)
    page.wait_for_timeout(3000)
    assert "正在初始化搜索引擎" in page.locator(META).text_content()


def test_the_warmup_script_fires_the_event_the_patch_listens_for() -> None:
    script = REPO / "overrides" / "assets" / "javascripts" / "search-warmup.js"
    assert f'"{WARMUP_EVENT}"' in script.read_text(encoding="utf-8")
