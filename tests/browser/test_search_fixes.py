"""The search fixes as a reader meets them, each with a negative control that removes the fix.

- Chinese: an unspaced query searches every word (output/theme_patches.py, segment-*); with
  Material's worker as shipped, the query's second word is dropped and another page comes first.
- Code: identifiers and API paths are found (mkdocs.yml: the search separator and the compounds
  field); with the old separator and no such field they are not.
- Warm-up: from file:// the index is in the worker once the reader moves, before they reach the
  search box (search-warmup.js + theme patch search-warmup); with Material's bundle as shipped
  it is not.
- What readers mean (issue 27): an identifier finds where it stands first, a word form finds
  another (idempotency, idempotent), a glossary synonym finds the other word (鉴权, 身份验证),
  the answer outranks an FAQ question that shares one word, a role finds only the pages about
  it and no chip shows in the results, a typo still finds the page; each beside the site without
  the change (the index as it was, Material's worker as shipped). The sixth case, the cold query
  set, is the search-quality gate (tests/gates/test_search_quality.py).
- What the cold query set taught (issue 27, on the real site): a section that says the query as
  a phrase outranks long sections with its words far apart, a number is found as readers type it
  (2500 for 2,500), a synonym group that a heading names weighs more there, and plain words find
  the page about them before an identifier that joins them (deal stages, /api/3/dealStages);
  each beside the same site without that one change.

The searches typed on one page share a tab that keeps its index loaded, the box emptied between
them as a reader empties it (tests/browser/tabs.py); the warm-up tests open a page of their own.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.gates.tools import build_variant
from tests.sitebuild import REPO, Build, plugin, restore_material_scripts
from translations.output.theme_patches import (
    COMPOUNDS_WHOLE_WORDS,
    HIGHLIGHT_ONCE,
    PATCHES,
    PHRASE_FIRST,
    WARMUP_EVENT,
    Patch,
    patch_site,
)

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


def test_an_unspaced_chinese_query_searches_its_second_word(fixture_site: Build, tabs) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    page, found = tabs.search(url, "销售管道")
    assert pages(found, fixture_site.site)[0] == "zh/automations.html"
    marks, terms = highlighted(page)
    assert {"销售", "管道"} <= marks
    assert {"销售", "管道"} <= terms


def test_the_first_word_alone_ranks_another_page_first(fixture_site: Build, tabs) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    assert pages(tabs.search(url, "销售")[1], fixture_site.site)[0] == "zh/index.html"


def test_with_materials_worker_the_second_word_is_lost(shipped_site: Path, tabs) -> None:
    url = (shipped_site / "zh" / "index.html").as_uri()
    page, found = tabs.search(url, "销售管道")
    assert pages(found, shipped_site)[0] == "zh/index.html"
    marks, terms = highlighted(page)
    assert "管道" not in marks and "管道" not in terms


# 的 is a stop word, which the index leaves out: the words on either side of it still count.
@pytest.mark.parametrize("query", ["销售的管道", "的销售管道"])
def test_a_stop_word_in_a_chinese_query_drops_no_word(
    fixture_site: Build, tabs, query: str
) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    page, found = tabs.search(url, query)
    assert pages(found, fixture_site.site)[0] == "zh/automations.html"
    marks, terms = highlighted(page)
    assert {"销售", "管道"} <= marks
    assert {"销售", "管道"} <= terms


@pytest.mark.parametrize(
    ("query", "first"), [("销售的管道", "zh/index.html"), ("的销售管道", None)]
)
def test_with_materials_worker_a_stop_word_loses_the_words(
    shipped_site: Path, tabs, query: str, first: str | None
) -> None:
    """Material stops at the stop word (管道 is lost), or, when the query starts with one,
    searches the whole query as one term and finds nothing."""
    url = (shipped_site / "zh" / "index.html").as_uri()
    page, results = tabs.search(url, query)
    found = pages(results, shipped_site)
    assert (found[0] if found else None) == first
    marks, terms = highlighted(page)
    assert "管道" not in marks and "管道" not in terms


def test_an_english_term_next_to_chinese_is_searched(fixture_site: Build, tabs) -> None:
    url = (fixture_site.site / "zh" / "index.html").as_uri()
    page, found = tabs.search(url, "ActiveCampaign平台")
    assert pages(found, fixture_site.site)[0] == "zh/index.html"
    assert "activecampaign" in highlighted(page)[1]


# --- 2. code identifiers and API paths ----------------------------------------------------------


@pytest.mark.parametrize("query", ["setEmail", "dealGroups", "contact/sync", "FIRSTNAME"])
def test_a_developer_finds_code_by_its_name(fixture_site: Build, tabs, query: str) -> None:
    url = (fixture_site.site / "index.html").as_uri()
    assert pages(tabs.search(url, query)[1], fixture_site.site)[:1] == ["automations.html"]


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
    old_separator_site: Build, tabs, query: str
) -> None:
    url = (old_separator_site.site / "index.html").as_uri()
    assert tabs.search(url, query)[1] == []


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


# --- 4. what readers mean (issue 27): each case beside a site without its change ---------------
#
# One fixture site holds every case; its negative controls are the same site with Material's
# worker as shipped (word forms, ranking, typos) and a build with the index as it was before
# (identifiers weighed as text, no synonyms, the role tags searched).

MEANING_EN_INDEX = """
## Endpoints {#endpoints}

List a contact's automations with `GET /api/3/contactAutomations`. Create or update a contact
with `POST /api/3/contact/sync`. Make your webhook handler idempotent.

## What you pay {#what-you-pay}

For 2500 contacts the price is 49 dollars a month.

## Owners {#owners}

Each deal has an owner, who gets its tasks.
"""
MEANING_EN_AUTOMATIONS = """
## Contact automations {#contact-automations}

Add a contact to automations from the contact page, and sync its tags with your store.

## Questions {#questions}

### Why does site tracking not record visits of my contacts? {#site-tracking-visits}

Check the tracking code on every page.
"""
MEANING_ZH_INDEX = """
## 接口 {#endpoints}

使用 API 密钥进行身份验证。

## 代理商 {#agencies}

代理商为客户管理多个账户。
"""
ROLE_TAGS = {"en": "Small business owner", "zh": "代理商 / 自由职业者"}
SYNONYMS = "synonyms:\n  - {en: [authentication], zh: [身份验证, 鉴权]}\n"


def _meaning_site(workdir: Path, *, fixed: bool) -> Build:
    def setup(config: dict) -> None:
        docs = Path(config["docs_dir"])
        for lang, tag in ROLE_TAGS.items():  # the role chips, as reader_hooks sets them
            page = docs / lang / "automations.md"
            text = page.read_text("utf-8").replace("---\n", f"---\ntags: [{tag}]\n", 1)
            page.write_text(text, "utf-8")
        if fixed:
            (docs.parent / "data").mkdir()
            (docs.parent / "data" / "glossary.yml").write_text(f"terms: []\n{SYNONYMS}", "utf-8")
        else:  # the index before issue 27: tags (Material's boost 10^6), identifiers weighed as
            # text, no stems, no synonyms
            search_config = plugin(config, "search")
            search_config["fields"].pop("tags")
            search_config["fields"]["compounds"] = {"boost": 1}
            search_config.pop("pipeline")

    appends = {
        "en/index.md": MEANING_EN_INDEX,
        "en/automations.md": MEANING_EN_AUTOMATIONS,
        "zh/index.md": MEANING_ZH_INDEX,
    }
    build = build_variant(workdir, appends, setup)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def meaning_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _meaning_site(tmp_path_factory.mktemp("meaning"), fixed=True)


@pytest.fixture(scope="module")
def meaning_shipped(meaning_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("meaning-shipped") / "site"
    shutil.copytree(meaning_site.site, site)
    assert restore_material_scripts(site)
    return site


@pytest.fixture(scope="module")
def meaning_plain(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _meaning_site(tmp_path_factory.mktemp("meaning-plain"), fixed=False)


@pytest.fixture(scope="module")
def meaning_before(meaning_plain: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index as it was and Material's worker as shipped: the site without any change."""
    site = tmp_path_factory.mktemp("meaning-before") / "site"
    shutil.copytree(meaning_plain.site, site)
    assert restore_material_scripts(site)
    return site


@pytest.fixture(scope="module")
def real_shipped(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("real-shipped") / "site"
    shutil.copytree(real_site.site, site)
    assert restore_material_scripts(site)
    return site


def _first(tabs, site: Path, lang_page: str, query: str) -> list[str]:
    """The result pages of ``query`` typed on ``lang_page`` of ``site``."""
    return pages(tabs.search((site / lang_page).as_uri(), query)[1], site)


# 1. an identifier whole first: the entry that holds it, above pages that share its words
@pytest.mark.parametrize("query", ["contactAutomations", "/api/3/contact/sync", "contact/sync"])
def test_an_identifier_finds_where_it_stands_first(meaning_site: Build, tabs, query: str) -> None:
    assert _first(tabs, meaning_site.site, "index.html", query)[:1] == ["index.html"]


def test_without_the_change_the_identifiers_words_rank_first(meaning_before: Path, tabs) -> None:
    assert _first(tabs, meaning_before, "index.html", "contactAutomations")[:1] == [
        "automations.html"
    ]


# 2. English word forms
def test_a_word_form_finds_another(meaning_site: Build, tabs) -> None:
    assert _first(tabs, meaning_site.site, "index.html", "idempotency")[:1] == ["index.html"]


def test_with_materials_worker_a_word_form_finds_nothing(meaning_shipped: Path, tabs) -> None:
    assert _first(tabs, meaning_shipped, "index.html", "idempotency") == []


# 3. synonyms from the glossary, per language
def test_a_synonym_finds_the_page_that_uses_the_other_word(meaning_site: Build, tabs) -> None:
    assert _first(tabs, meaning_site.site, "zh/index.html", "鉴权")[:1] == ["zh/index.html"]


def test_without_synonyms_the_other_word_finds_nothing(meaning_plain: Build, tabs) -> None:
    assert _first(tabs, meaning_plain.site, "zh/index.html", "鉴权") == []


# 4. an unrelated question (an FAQ heading) no longer outranks the answer: the issue's own
# example on the real site
def test_the_answer_with_every_word_outranks_a_question(real_site: Build, tabs) -> None:
    found = _first(tabs, real_site.site, "index.html", "2500 contacts price")
    assert "pricing.html" in found[:3]
    assert "faq.html" not in found or found.index("pricing.html") < found.index("faq.html")


def test_with_materials_worker_the_faq_outranks_the_answer(real_shipped: Path, tabs) -> None:
    found = _first(tabs, real_shipped, "index.html", "2500 contacts price")
    assert found.index("faq.html") < found.index("pricing.html")


# 5. role chips: not searched, not shown in the results
@pytest.mark.parametrize(
    ("lang_page", "query"), [("index.html", "owner"), ("zh/index.html", "代理商")]
)
def test_a_role_finds_only_the_pages_about_it(
    meaning_site: Build, tabs, lang_page: str, query: str
) -> None:
    page, found = tabs.search((meaning_site.site / lang_page).as_uri(), query)
    assert pages(found, meaning_site.site) == [lang_page]
    assert page.locator(".md-search-result .md-tag").count() == 0  # no chips in the snippets


@pytest.mark.parametrize(
    ("lang_page", "query"), [("index.html", "owner"), ("zh/index.html", "代理商")]
)
def test_with_role_tags_indexed_the_tagged_page_ranks_first(
    meaning_plain: Build, tabs, lang_page: str, query: str
) -> None:
    page, results = tabs.search((meaning_plain.site / lang_page).as_uri(), query)
    assert pages(results, meaning_plain.site)[:1] == [lang_page.replace("index", "automations")]
    assert page.locator(".md-search-result .md-tag").count() > 0


# typos: a query that finds nothing is retried with an edit per long word
def test_a_typo_still_finds_the_page(meaning_site: Build, tabs) -> None:
    assert _first(tabs, meaning_site.site, "index.html", "pipline")[:1] == ["index.html"]


def test_with_materials_worker_a_typo_finds_nothing(meaning_shipped: Path, tabs) -> None:
    assert _first(tabs, meaning_shipped, "index.html", "pipline") == []


# --- 5. what the cold query set taught (issue 27): the real site beside it without one change ---


def _real_copy(real_site: Build, folder: Path) -> Path:
    site = folder / "site"
    shutil.copytree(real_site.site, site)
    return site


def _rewrite_index(site: Path, edit: Callable[[dict], dict]) -> None:
    """Apply ``edit`` to every entry of both languages' index, as served to hosts and file://."""
    for folder in (site / "search", site / "zh" / "search"):
        index = json.loads((folder / "search_index.json").read_text("utf-8"))
        index["docs"] = [edit(entry) for entry in index["docs"]]
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (folder / "search_index.json").write_text(data, "utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", "utf-8")


def _real_without(real_site: Build, factory: pytest.TempPathFactory, left_out: Patch) -> Path:
    """A copy of the real site with every fix of Material's scripts but `left_out`."""
    site = _real_copy(real_site, factory.mktemp(f"real-without-{left_out.name}"))
    restore_material_scripts(site)
    patch_site(site, [patch for patch in PATCHES if patch is not left_out])
    return site


@pytest.fixture(scope="module")
def real_without_phrases(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with every fix of Material's worker but phrase-first."""
    return _real_without(real_site, tmp_path_factory, PHRASE_FIRST)


@pytest.fixture(scope="module")
def real_index_as_before(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its index as it was: no number joined (2500 for 2,500) among the
    compounds, and each synonym once in an entry, whether its heading names the group or not."""

    def as_before(entry: dict) -> dict:
        out = dict(entry)
        if "compounds" in out:
            out["compounds"] = " ".join(w for w in out["compounds"].split() if not w.isdigit())
        if "synonyms" in out:
            out["synonyms"] = " ".join(dict.fromkeys(out["synonyms"].split(" ")))
        return out

    site = _real_copy(real_site, tmp_path_factory.mktemp("real-index-before"))
    _rewrite_index(site, as_before)
    return site


PHRASES = [
    # lang_page, query, answer, and within: with the fix the answer is among the first `within`
    # result pages, without it it is not.
    # the troubleshooting note "Contacts don't enter (or re-enter) the automation"
    ("index.html", "contact not entering automation", "troubleshooting.html", 3),
    # 分群: 打开或点击过邮件的联系人, beside long sections with 打开, 邮件 and 联系人 far apart.
    # Its new section 示例：按互动分群 brings the page to third place without the fix; with it,
    # the section that says the phrase leads
    ("zh/index.html", "打开过邮件的联系人", "zh/segmentation.html", 1),
]


@pytest.mark.parametrize(("lang_page", "query", "answer", "within"), PHRASES)
def test_the_section_that_says_the_query_ranks_near_the_top(
    real_site: Build, tabs, lang_page: str, query: str, answer: str, within: int
) -> None:
    assert answer in _first(tabs, real_site.site, lang_page, query)[:within]


@pytest.mark.parametrize(("lang_page", "query", "answer", "within"), PHRASES)
def test_without_phrase_first_long_sections_push_it_down(
    real_without_phrases: Path, tabs, lang_page: str, query: str, answer: str, within: int
) -> None:
    assert answer not in _first(tabs, real_without_phrases, lang_page, query)[:within]


# numbers as readers type them: only plans.md writes 2,500
def test_a_number_typed_whole_finds_it_written_with_a_comma(real_site: Build, tabs) -> None:
    assert _first(tabs, real_site.site, "index.html", "2500")[:1] == ["plans.html"]


def test_without_the_joined_number_it_finds_nothing(real_index_as_before: Path, tabs) -> None:
    assert "plans.html" not in _first(tabs, real_index_as_before, "index.html", "2500")


# a synonym group named by a heading: 营销活动分析 is about 打开率; A/B tests mention it
def test_the_section_a_synonym_is_about_outranks_a_mention(real_site: Build, tabs) -> None:
    assert "zh/reporting.html" in _first(tabs, real_site.site, "zh/index.html", "email打开率")[:3]


def test_with_each_synonym_once_the_mentions_outrank_it(real_index_as_before: Path, tabs) -> None:
    found = _first(tabs, real_index_as_before, "zh/index.html", "email打开率")
    assert "zh/reporting.html" not in found[:3]


# plain words before an identifier that joins them: "deal stages" is the CRM page's topic, and
# /api/3/dealStages in the endpoint table, weighed as a title, matched deal* as a prefix
@pytest.fixture(scope="module")
def real_prefix_compounds(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with every fix of Material's worker but compounds-whole-words."""
    return _real_without(real_site, tmp_path_factory, COMPOUNDS_WHOLE_WORDS)


def test_plain_words_find_their_topic_before_an_identifier(real_site: Build, tabs) -> None:
    assert _first(tabs, real_site.site, "index.html", "deal stages")[:1] == [
        "crm-deals-pipelines.html"
    ]


# typed whole, or partly as it is being typed, the identifier still finds where it stands first
@pytest.mark.parametrize("query", ["dealStages", "/api/3/dealStages", "/api/3/dealSt"])
def test_a_typed_identifier_still_finds_its_entry_first(real_site: Build, tabs, query: str) -> None:
    assert _first(tabs, real_site.site, "index.html", query)[:1] == ["api-reference.html"]


def test_with_prefixes_in_the_compounds_the_identifier_ranks_first(
    real_prefix_compounds: Path, tabs
) -> None:
    assert _first(tabs, real_prefix_compounds, "index.html", "deal stages")[:1] == [
        "api-reference.html"
    ]


# A word found in two forms (deals, and deal from word-forms-query) is marked once, not twice
@pytest.fixture(scope="module")
def real_double_marks(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with every fix of Material's worker but highlight-once."""
    return _real_without(real_site, tmp_path_factory, HIGHLIGHT_ONCE)


def _broken_marks(tabs, site: Path, query: str) -> int:
    page, _ = tabs.search((site / "index.html").as_uri(), query)
    html = page.locator(".md-search-result__list").inner_html()
    return html.count("<mark><mark") + html.count("&gt;" + query)


@pytest.mark.parametrize("query", ["deals", "tags"])
def test_a_word_in_two_forms_is_marked_once(real_site: Build, tabs, query: str) -> None:
    assert _broken_marks(tabs, real_site.site, query) == 0


def test_without_highlight_once_the_marks_nest(real_double_marks: Path, tabs) -> None:
    assert _broken_marks(tabs, real_double_marks, "deals") > 0
