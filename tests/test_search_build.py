"""Search at build time: Material's scripts patched (or the build stops), the index's extra words,
the query set's format, and the search-engine view of two languages (hreflang, sitemap, menu)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest

from bench.search_quality import (
    MIN_QUERIES,
    QUERY_SETS,
    QualityReport,
    Query,
    QueryResult,
    QuerySetError,
    load_queries,
)
from tests.gates.tools import MINI, html_pages
from tests.sitebuild import REPO, Build, build_mini_site, load_config
from translations.output.i18n import (
    add_compound_words,
    head_alternates,
    language_menu,
    words_to_keep_whole,
)
from translations.output.search_words import (
    SynonymError,
    add_synonyms,
    drop_unsearched_fields,
    identifier_words,
    synonym_groups,
)
from translations.output.theme_patches import (
    PATCHES,
    SEGMENT_LAST_WORD,
    PatchError,
    apply_patch,
    content_hash,
    fresh_names,
    patch_site,
)

SHIPPED = Path(material.__file__).parent / "templates"


# --- theme patches ----------------------------------------------------------------------------


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.name)
def test_each_patch_finds_its_code_once_in_the_installed_material(patch) -> None:
    (asset,) = SHIPPED.glob(patch.asset)
    text = asset.read_text(encoding="utf-8")
    assert text.count(patch.find) == 1
    patched = apply_patch(text, patch, asset.name)
    assert patch.replace in patched and patch.find not in patched
    assert apply_patch(patched, patch, asset.name) == patched  # a second build changes nothing


def test_a_patch_that_no_longer_applies_names_the_file_and_the_patch() -> None:
    with pytest.raises(PatchError) as error:
        apply_patch("function fe(t,e){}", SEGMENT_LAST_WORD, "assets/x.min.js")
    message = str(error.value)
    assert message.startswith("assets/x.min.js: theme patch 'segment-last-word' expected")
    assert "found it 0 times" in message and "hooks/translations/output/theme_patches.py" in message


def test_patch_site_patches_every_script_of_a_built_site(tmp_path: Path) -> None:
    for patch in PATCHES:
        (asset,) = SHIPPED.glob(patch.asset)
        target = tmp_path / asset.relative_to(SHIPPED)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset, target)
    changed = patch_site(tmp_path)
    expected = {a.relative_to(SHIPPED).as_posix() for p in PATCHES for a in SHIPPED.glob(p.asset)}
    assert sorted(changed) == sorted(expected)
    assert patch_site(tmp_path) == []  # patched already: nothing to change
    for patch in PATCHES:
        (asset,) = tmp_path.glob(patch.asset)
        assert patch.replace in asset.read_text(encoding="utf-8")


def _served(site: Path, patches) -> tuple[str, str, str]:
    """Material's worker and bundle and a page naming them (as Material's templates do), patched
    and renamed as the build does: the worker's and the bundle's names, and the page."""
    for patch in PATCHES:
        (asset,) = SHIPPED.glob(patch.asset)
        target = site / asset.relative_to(SHIPPED)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset, target)
    (worker,) = SHIPPED.glob(SEGMENT_LAST_WORD.asset)
    (bundle,) = SHIPPED.glob("assets/javascripts/bundle.*.min.js")
    page = site / "zh" / "index.html"
    page.parent.mkdir()
    page.write_text(
        f'<script id="__config">{{"search": "../assets/javascripts/workers/{worker.name}"}}'
        f'</script><script src="../assets/javascripts/{bundle.name}"></script>',
        encoding="utf-8",
    )
    fresh_names(site, patch_site(site, patches))
    (served_worker,) = site.glob(SEGMENT_LAST_WORD.asset)
    (served_bundle,) = site.glob("assets/javascripts/bundle.*.min.js")
    assert content_hash(served_worker.read_bytes()) in served_worker.name
    return served_worker.name, served_bundle.name, page.read_text(encoding="utf-8")


def test_a_changed_patch_changes_the_served_name_of_the_script(tmp_path: Path) -> None:
    """Hosts cache hashed assets for a year (deploy/nginx.conf): a fix must reach returning
    readers under a new name, and the pages must ask for that name."""
    shipped = {p.name for patch in PATCHES for p in SHIPPED.glob(patch.asset)}
    worker, bundle, page = _served(tmp_path / "now", PATCHES)
    fixed = dataclasses.replace(SEGMENT_LAST_WORD, replace=SEGMENT_LAST_WORD.replace + ";")
    patches = tuple(fixed if p is SEGMENT_LAST_WORD else p for p in PATCHES)
    worker_2, bundle_2, page_2 = _served(tmp_path / "fixed", patches)
    assert worker not in shipped and bundle not in shipped
    assert worker_2 != worker  # the worker's fix changed: a new name
    assert bundle_2 == bundle  # the bundle did not
    assert f"workers/{worker}" in page and f"workers/{worker_2}" in page_2
    assert bundle in page and not any(name in page for name in shipped)


def test_without_fresh_names_two_fixes_are_served_under_one_name(tmp_path: Path) -> None:
    """Negative control: patching alone keeps Material's name for either version of a fix, so
    a reader whose browser cached the first never gets the second."""
    (worker,) = SHIPPED.glob(SEGMENT_LAST_WORD.asset)
    fixed = dataclasses.replace(SEGMENT_LAST_WORD, replace=SEGMENT_LAST_WORD.replace + ";")
    served = []
    for name, patch in (("now", SEGMENT_LAST_WORD), ("fixed", fixed)):
        target = tmp_path / name / worker.relative_to(SHIPPED)
        target.parent.mkdir(parents=True)
        shutil.copyfile(worker, target)
        patch_site(tmp_path / name, [patch])
        (built,) = (tmp_path / name).glob(patch.asset)
        served.append((built.name, built.read_bytes()))
    assert served[0][0] == served[1][0] == worker.name
    assert served[0][1] != served[1][1]


def test_the_build_stops_with_a_clear_message_when_material_changed(tmp_path: Path) -> None:
    # An upgraded Material, simulated by a theme override of its worker with other code there
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    (worker,) = SHIPPED.glob(SEGMENT_LAST_WORD.asset)
    target = overrides / worker.relative_to(SHIPPED)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        worker.read_text(encoding="utf-8").replace(SEGMENT_LAST_WORD.find, "/*changed*/"),
        encoding="utf-8",
    )

    def upgraded(config: dict) -> None:
        config["theme"]["custom_dir"] = str(overrides)

    build = build_mini_site(tmp_path / "build", upgraded)
    assert build.returncode != 0
    assert "theme patch 'segment-last-word' expected Material's code" in build.log
    assert "Traceback" not in build.log


# --- the index's extra words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Add WhatsApp to an automation", ["whatsapp"]),
        ("<code>vgo('setEmail', 'a@b.c')</code>", ["setemail"]),
        (
            "GET /api/3/dealGroups and OAuth 2.0",
            ["3dealgroups", "api3dealgroups", "dealgroups", "oauth"],
        ),
        ("POST /api/3/contact/sync", ["3contactsync", "api3contactsync", "contactsync"]),
        ("plain words, an API, HTTP 429, A/B tests", []),  # ab: too short to join
        # prose alternatives and an address's host are not code: no proposaldemo, no compricing
        ("stages Proposal/Demo on Starter/Pro/Enterprise", []),
        ("see activecampaign.com/pricing/plans", ["pricingplans"]),
        (
            "https://you.api-us1.com/api/3/contact/sync",
            ["3contactsync", "api3contactsync", "contactsync"],
        ),
        # a number as readers type it: 2,500 contacts is also 2500; 3.5 and 1,2 are not grouped
        ("For 2,500 and 10,000 contacts (version 3.5, pages 1,2)", ["10000", "2500"]),
    ],
)
def test_identifiers_are_camelcase_words_and_path_tails_whole(text: str, words: list[str]) -> None:
    assert identifier_words(text) == words


def test_compound_words_go_into_the_declared_field_only() -> None:
    docs = [{"location": "a.html", "title": "WhatsApp", "text": "x"}, {"location": "b.html"}]
    declared = {"config": {"fields": {"compounds": {"boost": 1}}}, "docs": docs}
    assert add_compound_words(declared)["docs"][0]["compounds"] == "whatsapp"
    assert "compounds" not in add_compound_words(declared)["docs"][1]
    undeclared = {"config": {"fields": {}}, "docs": docs}
    assert add_compound_words(undeclared)["docs"] == docs


GLOSSARY = {
    "terms": [
        {"en": "webhook", "zh": "Webhook", "aliases": {"en": ["callback"], "zh": ["回调"]}},
        {"en": "deal", "zh": "商机"},
    ],
    "synonyms": [
        {"en": ["authentication", "api key"], "zh": ["鉴权", "身份验证"]},
        {"en": ["upsert"], "zh": ["联系人同步", "upsert"]},  # one English word: no group
    ],
}


def test_synonym_groups_are_a_terms_aliases_and_each_synonyms_entry() -> None:
    assert synonym_groups(GLOSSARY, "en", "g.yml") == [
        ("webhook", "callback"),
        ("authentication", "api key"),
    ]
    assert synonym_groups(GLOSSARY, "zh", "g.yml") == [
        ("Webhook", "回调"),
        ("鉴权", "身份验证"),
        ("联系人同步", "upsert"),
    ]


def test_malformed_synonyms_name_the_file_and_the_entry() -> None:
    with pytest.raises(SynonymError, match=r"^g\.yml: term '商机': aliases: zh must be a list"):
        synonym_groups(
            {"terms": [{"en": "deal", "zh": "商机", "aliases": {"zh": "x"}}]}, "zh", "g.yml"
        )
    with pytest.raises(SynonymError, match=r"^g\.yml: synonyms entry 1 must map"):
        synonym_groups({"synonyms": [["a", "b"]]}, "en", "g.yml")


def test_an_entry_using_one_word_of_a_group_gets_every_word() -> None:
    docs = [
        {"location": "a.html", "title": "API", "text": "<p>Send the Api Key</p>"},
        {"location": "b.html", "title": "身份\u200b验证", "text": ""},  # jieba's breaks ignored
        {"location": "c.html", "title": "Keys", "text": "a keyboard"},
    ]
    index = {"config": {"fields": {"synonyms": {"boost": 10}}}, "docs": docs}
    en = add_synonyms(index, [("authentication", "api key")])["docs"]
    assert en[0]["synonyms"] == "authentication api key"
    assert "synonyms" not in en[2]
    zh = add_synonyms(index, [("鉴权", "身份验证")])["docs"]
    assert zh[1]["synonyms"] == "鉴权 身份验证 鉴权 身份验证"  # named by the heading: twice
    assert add_synonyms({"config": {"fields": {}}, "docs": docs}, [("a", "b")])["docs"] == docs


def test_a_field_with_boost_0_leaves_the_config_and_every_entry() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1000}, "tags": {"boost": 0}}},
        "docs": [{"location": "a.html", "title": "A", "tags": ["Agency"]}],
    }
    assert drop_unsearched_fields(index) == {
        "config": {"fields": {"title": {"boost": 1000}}},
        "docs": [{"location": "a.html", "title": "A"}],
    }


def test_glossary_terms_that_jieba_breaks_into_lone_characters_are_kept_whole() -> None:
    cuts = {"分群": ["分", "群"], "线索评分": ["线索", "评分"], "Webhook": ["Webhook"]}
    assert words_to_keep_whole(list(cuts), cuts.__getitem__) == ["分群"]


def test_the_search_config_declares_the_index_only_fields() -> None:
    search = next(p["search"] for p in load_config()["plugins"] if "search" in p)
    assert {"compounds", "synonyms"} <= set(search["fields"])
    assert search["fields"]["tags"] == {"boost": 0}  # role chips: out of the index
    assert "stemmer" in search["pipeline"]  # word forms (theme patch word-forms-*)


# --- the query set ------------------------------------------------------------------------------


@pytest.mark.parametrize("query_set", QUERY_SETS, ids=lambda s: s.path.name)
def test_each_query_set_has_enough_queries_per_language(query_set) -> None:
    queries = load_queries(query_set.path, query_set.min_queries)
    for lang in ("en", "zh"):
        assert sum(q.lang == lang for q in queries) >= query_set.min_queries >= MIN_QUERIES


def test_a_malformed_query_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "q.yml"
    bad.write_text("en:\n  - {q: pricing, role: owner, pages: [pricing.md]}\nzh: []\n", "utf-8")
    with pytest.raises(QuerySetError, match=r"^q\.yml:2: `pages` must list"):
        load_queries(bad)


def test_every_expected_page_exists_in_its_language() -> None:
    for query in [q for s in QUERY_SETS for q in load_queries(s.path, s.min_queries)]:
        for page in query.pages:
            source = REPO / "docs" / query.lang / page.replace(".html", ".md")
            assert source.is_file(), f"{query.text!r} (line {query.line}) expects {page}"


# --- hreflang, sitemap and the language menu ---------------------------------------------------


def test_head_alternates_are_absolute_and_skip_fallbacks() -> None:
    alternates = [
        {"name": "English", "link": "automations.html", "lang": "en"},
        {"name": "简体中文", "link": "/help/zh/index.html", "lang": "zh"},
    ]
    assert head_alternates(alternates, "https://x.org/help/", []) == [
        {"name": "English", "link": "https://x.org/help/automations.html", "lang": "en"},
        {"name": "简体中文", "link": "https://x.org/help/zh/index.html", "lang": "zh"},
    ]
    assert [a["lang"] for a in head_alternates(alternates, "https://x.org/", ["zh"])] == ["en"]
    menu = language_menu(alternates, {"zh": "en"})
    assert menu[1]["only"] == "English" and menu[1]["only_lang"] == "en"
    assert "only" not in menu[0]


ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


@pytest.mark.slow
def test_every_page_has_absolute_hreflang_alternates(real_site: Build) -> None:
    site_url = load_config()["site_url"]
    checked = 0
    for page in html_pages(real_site.site):
        if page.name == "404.html" or "compare" in page.parts:
            continue
        links = ALTERNATE.findall(page.read_text(encoding="utf-8"))
        assert {lang for _, lang in links} == {"en", "zh", "x-default"}, page
        assert all(href.startswith(site_url) for href, _ in links), (page, links)
        checked += 1
    assert checked > 40


@pytest.mark.slow
def test_the_sitemap_lists_both_languages_with_absolute_urls(real_site: Build) -> None:
    site_url = load_config()["site_url"]
    tree = ET.parse(real_site.site / "sitemap.xml")
    locs = [e.text or "" for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(site_url) for loc in locs)
    assert f"{site_url}automations.html" in locs and f"{site_url}zh/automations.html" in locs


@pytest.mark.slow
def test_an_english_only_page_says_so_in_the_menu_and_has_no_chinese_alternate(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(MINI, docs)
    (docs / "zh" / "automations.md").unlink()

    def english_only(config: dict) -> None:
        config["docs_dir"] = str(docs)

    build = build_mini_site(tmp_path / "build", english_only)
    assert build.returncode == 0, build.log
    for path in ("automations.html", "zh/automations.html"):
        html = (build.site / path).read_text(encoding="utf-8")
        assert [lang for _, lang in ALTERNATE.findall(html)] == ["en", "x-default"], path
        menu_zh = re.search(r'<a [^>]*data-ac-lang="zh"[^>]*>(.*?)</a>', html, re.S)
        assert menu_zh and "(English only)" in menu_zh.group(1), path
    translated = (build.site / "index.html").read_text(encoding="utf-8")
    assert "English only" not in translated
    assert [lang for _, lang in ALTERNATE.findall(translated)] == ["en", "zh", "x-default"]


def test_hit_rates_count_the_first_and_the_first_three_pages() -> None:
    query = Query("en", "pricing", ("pricing.html",), "owner", 3)
    report = QualityReport("en", "file://")
    report.results = [
        QueryResult(query, ("pricing.html", "sms.html"), ()),
        QueryResult(query, ("sms.html", "forms.html", "pricing.html"), ("zh/sms.html",)),
        QueryResult(query, ("sms.html", "forms.html", "reporting.html", "pricing.html"), ()),
    ]
    assert (report.top1, report.top3, report.other_language) == (1 / 3, 2 / 3, 1)
    assert report.describe_misses() == [
        "search_queries.yml:3: 'pricing' expected pricing.html; got sms.html, forms.html, "
        "reporting.html"
    ]
