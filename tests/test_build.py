"""End-to-end: the real site builds strictly, and what a reader and a crawler get is right."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.sitebuild import REPO, Build, absolutise, load_config, run_mkdocs

pytestmark = pytest.mark.slow

EN_PAGES = sorted(p.relative_to(REPO / "docs" / "en") for p in (REPO / "docs" / "en").rglob("*.md"))
HAN = re.compile(r"[\u4e00-\u9fff]")


def html_of(page: Path) -> Path:
    return page.with_suffix(".html")


class HeadParser(HTMLParser):
    """Collects the <html lang>, hreflang alternates and heading ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.heading_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"] or ""] = a.get("href") or ""
        elif tag in {"h1", "h2", "h3", "h4"} and (a.get("id") or "tag:").partition(":")[0] != "tag":
            # tag listings (ids from translated tag names) are the only headings allowed to differ
            self.heading_ids.append(a["id"] or "")


def parse(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_built_in_both_languages(real_site: Build) -> None:
    assert EN_PAGES, "no English pages found"
    missing = [
        str(p)
        for page in EN_PAGES
        for p in (real_site.site / html_of(page), real_site.site / "zh" / html_of(page))
        if not p.is_file()
    ]
    assert not missing


@pytest.mark.parametrize("page", [str(p) for p in EN_PAGES])
def test_lang_hreflang_and_shared_heading_ids(real_site: Build, page: str) -> None:
    en = parse(real_site.site / html_of(Path(page)))
    zh = parse(real_site.site / "zh" / html_of(Path(page)))
    # Trap 7: lang on every page; hreflang alternates for both languages plus x-default
    assert en.lang == "en"
    assert zh.lang in {"zh", "zh-Hans"}
    for parsed in (en, zh):
        assert {"en", "zh", "x-default"} <= set(parsed.alternates), parsed.alternates
        assert parsed.alternates["x-default"] == parsed.alternates["en"]
    # Trap 6: explicit ids, identical in both languages, never Markdown's "_2" fallback
    assert en.heading_ids == zh.heading_ids
    assert not [i for i in zh.heading_ids if re.fullmatch(r"_\d*", i)]


def test_each_language_has_its_own_404(real_site: Build) -> None:
    # Trap 5: both languages write site/404.html and the last one built wins.
    assert parse(real_site.site / "404.html").lang == "en"
    assert parse(real_site.site / "zh" / "404.html").lang == "zh"
    assert "页面未找到" in (real_site.site / "zh" / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (real_site.site / "404.html").read_text(encoding="utf-8")


def test_sitemap_holds_real_urls(real_site: Build) -> None:
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    assert "https://" in sitemap and "/zh/" in sitemap


def test_each_language_searches_its_own_index(real_site: Build) -> None:
    # Trap 4: static-i18n merges both languages (and duplicates) into one index.
    en = json.loads((real_site.site / "search" / "search_index.json").read_text("utf-8"))
    zh = json.loads((real_site.site / "zh" / "search" / "search_index.json").read_text("utf-8"))
    assert en["docs"] and zh["docs"]
    assert not [d["location"] for d in en["docs"] if HAN.search(d["title"])]
    assert all(HAN.search(d["title"]) or d["title"].isascii() for d in zh["docs"])
    assert len({d["location"] for d in en["docs"]}) == len(en["docs"]), "duplicate entries"
    assert len({d["location"] for d in zh["docs"]}) == len(zh["docs"]), "duplicate entries"
    pages_en = {d["location"].split("#")[0] for d in en["docs"]}
    pages_zh = {d["location"].split("#")[0] for d in zh["docs"]}
    assert pages_en == pages_zh, "each language indexes the same pages, at its own root"
    # Trap 1: Chinese text is segmented with U+200B, and the separator splits on it
    assert "\\u200b" in zh["config"]["separator"]
    assert any("\u200b" in d["text"] for d in zh["docs"])
    # offline copies for file:// (Material's offline plugin reads search_index.js)
    for folder in (real_site.site / "search", real_site.site / "zh" / "search"):
        assert (folder / "search_index.js").read_text("utf-8").startswith("var __index = ")


def test_malformed_path_finder_data_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copytree(REPO / "data", tmp_path / "data")
    paths = tmp_path / "data" / "paths.yml"
    paths.write_text(paths.read_text("utf-8").replace('    zh: "自动化"\n', "", 1), "utf-8")
    config = absolutise(load_config())
    config["docs_dir"] = str(tmp_path / "docs")
    build = run_mkdocs(config, tmp_path / "out")
    assert build.returncode == 1
    assert "data/paths.yml:7: areas entry needs `zh`" in build.log
    assert "Traceback" not in build.log
