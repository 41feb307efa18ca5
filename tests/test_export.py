"""The docs to take away, in the real build: llms.txt, llms-full.txt and a Markdown twin per page,
and the PDF edition, per language and each in its language only (hooks/translations/plugin.py).

The PDF is read back with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), as a reader's
viewer would show it; page 1 and a Chinese page are kept as PNGs in test-artifacts/book/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ARTIFACTS
from tests.sitebuild import REPO, Build, absolutise, load_config, plugin_options, run_mkdocs
from translations.checks.facts import FactExtractor
from translations.checks.glossary import Glossary
from translations.read.data import SiteData, load_data
from translations.read.markdown import parse_page
from translations.read.source import split_front_matter

pytestmark = pytest.mark.slow

LANGS = {"en": "", "zh": "zh/"}
PDF = {"en": "activecampaign-help-en.pdf", "zh": "zh/activecampaign-help-zh.pdf"}
ENTRY_RE = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<link>[^)]+)\)(?:: (?P<desc>.*))?$")
TWIN_LINK_RE = re.compile(r'<link rel="alternate" type="text/markdown" href="(?P<href>[^"]+)">')
BOOK_LINK_RE = re.compile(r'<p class="ac-book-link"[^>]*>(?P<label>[^<]*)<a href="(?P<href>[^"]+)"')
# CJK ideographs, kana, hangul and full-width punctuation: none may stand in an English file.
CJK_RE = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)
# Text deliberately in another language, marked as such (the glossary's `**附加功能**{lang=zh}`).
OTHER_LANGUAGE_RE = re.compile(r"\*\*[^*\n]+\*\*\{lang=[A-Za-z-]+\}")


def fact_extractor(data: SiteData) -> FactExtractor:
    """The extractor the page checks use (checks/report.py), built from the same data."""
    glossary = Glossary(data.terms, data.glossary_rel)
    plans = data.pricing.plans if data.pricing is not None else ()
    brands = [term.en for term in data.terms if term.brand] + [p.name for p in plans]
    return FactExtractor(brands, glossary.misspells)


def nav() -> list[tuple[str, list[str]]]:
    """mkdocs.yml's nav: (section, [pages])."""
    out = []
    for item in load_config()["nav"]:
        ((section, pages),) = item.items()
        out.append((section, pages))
    return out


def nav_translations() -> dict[str, str]:
    for entry in load_config()["plugins"]:
        if isinstance(entry, dict) and "i18n" in entry:
            zh = next(lang for lang in entry["i18n"]["languages"] if lang["locale"] == "zh")
            return zh["nav_translations"]
    raise KeyError("i18n")


def front_matter(lang: str, page: str) -> dict:
    rel = f"docs/{lang}/{page}"
    return split_front_matter((REPO / rel).read_text("utf-8"), rel).meta


def squeeze(text: str) -> str:
    return "".join(text.split())


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def plain(markdown_line: str) -> str:
    """A Markdown line as its text: links, emphasis and code marks gone."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_line)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return text.replace("**", "").replace("`", "")


def prose_lines(twin: str) -> list[str]:
    """The ordinary paragraph lines of a twin (no headings, tables, lists, code, notes)."""
    lines, fenced = [], False
    for line in twin.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line and line[0].isalpha():
            lines.append(line)
    return lines


# ---- llms.txt, llms-full.txt and the twins ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_llms_txt_lists_every_nav_page_by_section_with_its_description(
    real_site: Build, lang: str
) -> None:
    root = real_site.site / LANGS[lang]
    text = (root / "llms.txt").read_text("utf-8")
    title = "ActiveCampaign Platform Help" if lang == "en" else "ActiveCampaign 平台帮助"
    assert text.startswith(f"# {title}\n\n> ")
    sections = re.findall(r"^## (.+)$", text, re.MULTILINE)
    names = [section for section, _ in nav()]
    assert sections == (names if lang == "en" else [nav_translations()[n] for n in names])
    entries = [m for line in text.split("\n") if (m := ENTRY_RE.match(line))]
    assert [e["link"] for e in entries[:2]] == ["llms-full.txt", PDF[lang].removeprefix("zh/")]
    pages = [page for _, pages in nav() for page in pages]
    assert [e["link"] for e in entries[2:]] == pages
    for entry in entries[2:]:
        meta = front_matter(lang, entry["link"])
        assert entry["title"] == meta["title"]
        assert entry["desc"] == " ".join(meta["description"].split())
        assert (root / entry["link"]).is_file()
    for entry in entries[:2]:
        assert (root / entry["link"]).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_llms_full_holds_every_twin_in_nav_order(real_site: Build, lang: str) -> None:
    root = real_site.site / LANGS[lang]
    full = (root / "llms-full.txt").read_text("utf-8")
    starts = []
    for _, pages in nav():
        for page in pages:
            title_line = (root / page).read_text("utf-8").split("\n", 1)[0]
            assert title_line.startswith("# ")
            starts.append(full.index("\n" + title_line + "\n"))
    assert starts == sorted(starts)


def test_every_page_announces_its_twin(real_site: Build) -> None:
    pages = [page for _, pages in nav() for page in pages]
    for prefix in LANGS.values():
        for page in pages:
            html_path = real_site.site / prefix / page.replace(".md", ".html")
            links = TWIN_LINK_RE.findall(html_path.read_text("utf-8"))
            assert len(links) == 1, html_path
            twin = (html_path.parent / links[0]).resolve()
            assert twin == (real_site.site / prefix / page).resolve() and twin.is_file()
    compare = (real_site.site / "compare" / "pricing.html").read_text("utf-8")
    assert TWIN_LINK_RE.search(compare) is None  # a generated view has no source to twin


def test_twins_are_the_rendered_pages(real_site: Build) -> None:
    data = load_data(REPO / "data")
    for lang, prefix in LANGS.items():
        twin = (real_site.site / prefix / "pricing.md").read_text("utf-8")
        for plan in data.pricing.plans:
            price = f"${plan.price:g}/mo" if lang == "en" else f"{plan.price:g} 美元/月"
            assert f"| {price} |" in twin, (lang, plan.name)
        index = (real_site.site / prefix / "index.md").read_text("utf-8")
        assert "[`/sales-lead-score`](related-skills.md#sales-lead-score)" in index
        assert "### " in index.split("{#find-your-path}", 1)[1]  # the path finder's lists
        for path in (real_site.site / prefix).glob("**/*.md"):
            if lang == "en" and path.is_relative_to(real_site.site / "zh"):
                continue
            text = path.read_text("utf-8")
            assert not text.startswith("---"), path  # front matter gone
            assert "<!--" not in text.replace("```html\n<!--", ""), path  # markers gone


def test_each_language_holds_only_its_own(real_site: Build) -> None:
    site = real_site.site
    english = [site / "llms.txt", site / "llms-full.txt"]
    english += [p for p in site.glob("**/*.md") if not p.is_relative_to(site / "zh")]
    for path in english:
        # the glossary gives each term's Chinese, marked with its language: the one exception
        found = CJK_RE.search(OTHER_LANGUAGE_RE.sub("", path.read_text("utf-8")))
        assert found is None, f"{path.relative_to(site)}: {found and found.group(0)!r}"
    zh_full = (site / "zh" / "llms-full.txt").read_text("utf-8")
    for _, pages in nav():
        for page in pages:
            zh_twin = (site / "zh" / page).read_text("utf-8")
            assert CJK_RE.search(zh_twin.split("\n", 1)[0] + zh_twin), page
            for line in prose_lines((site / page).read_text("utf-8")):
                if len(line) > 40:
                    assert line not in zh_full, (page, line)


# ---- the trap: static-i18n writes every language into one site root ----------------------------

FIXED_PATH_HOOK = """
from pathlib import Path

def on_post_build(config):
    # what a plugin writing one fixed path does: one file for the whole site
    (Path(config.site_dir) / "fixed-llms.txt").write_text(f"# {config.site_name}\\n", "utf-8")
"""

PAGE = """---
title: {title}
description: {description}
---

# {title} {{#start}}

{text}
"""


def tiny_tree(root: Path) -> None:
    """A one-page site in both languages, with the real data/."""
    shutil.copytree(REPO / "data", root / "data")
    pages = {
        "en": ("Start", "The start page.", "ActiveCampaign bills by plan."),
        "zh": ("开始", "首页。", "ActiveCampaign按套餐计费。"),
    }
    for lang, (title, description, text) in pages.items():
        (root / "docs" / lang).mkdir(parents=True)
        page = PAGE.format(title=title, description=description, text=text)
        (root / "docs" / lang / "index.md").write_text(page, "utf-8")
    (root / "data" / "paths.yml").unlink()  # the path finder and role tags need the real pages


def tiny_config(src: Path) -> dict:
    """The real configuration over the tiny tree, with the output hooks only (the page checks
    and reader features need the real pages)."""
    config = absolutise(load_config())
    config["docs_dir"] = str(src / "docs")
    config["nav"] = ["index.md"]
    plugin_options(config).update(check=False, compare=False, csp=False)
    return config


def test_a_fixed_path_is_overwritten_by_the_last_language_but_ours_are_not(
    tmp_path: Path,
) -> None:
    tiny_tree(tmp_path / "src")
    (tmp_path / "fixed_path.py").write_text(FIXED_PATH_HOOK, "utf-8")
    config = tiny_config(tmp_path / "src")
    config["hooks"] = [str(tmp_path / "fixed_path.py")]
    build = run_mkdocs(config, tmp_path / "out")
    assert build.returncode == 0, build.log
    site = build.site
    # the trap: one path for the whole site holds the language built last
    assert (site / "fixed-llms.txt").read_text("utf-8") == "# ActiveCampaign 平台帮助\n"
    assert CJK_RE.search((site / "fixed-llms.txt").read_text("utf-8"))  # caught by the check
    # what the export hook writes: each language in its own folder, in its own language
    assert (site / "llms.txt").read_text("utf-8").startswith("# ActiveCampaign Platform Help\n")
    assert (site / "zh" / "llms.txt").read_text("utf-8").startswith("# ActiveCampaign 平台帮助\n")
    for path in (site / "llms.txt", site / "llms-full.txt", site / "index.md"):
        assert CJK_RE.search(path.read_text("utf-8")) is None, path
    assert "ActiveCampaign按套餐计费。" in (site / "zh" / "index.md").read_text("utf-8")
    assert "ActiveCampaign按套餐计费。" in squeeze(pdf_text(site / PDF["zh"]))
    assert "ActiveCampaign bills by plan." in pdf_text(site / PDF["en"])
    assert CJK_RE.search(pdf_text(site / PDF["en"])) is None


def test_twins_that_disagree_fail_the_strict_build(tmp_path: Path) -> None:
    # the zh source says a price the English one does not: the twins are written from the
    # sources, so the page checks (on in every build of a site) catch it there, with file and line
    tiny_tree(tmp_path / "src")
    zh = tmp_path / "src" / "docs" / "zh" / "index.md"
    zh.write_text(zh.read_text("utf-8").replace("按套餐计费", "按套餐计费（15美元/月）"), "utf-8")
    config = tiny_config(tmp_path / "src")
    plugin_options(config)["check"] = True
    build = run_mkdocs(config, tmp_path / "out")
    assert build.returncode == 1
    assert "WARNING -  translations: docs/zh/index.md:8: " in build.log
    assert "15美元/月" in build.log


# ---- the PDF --------------------------------------------------------------------------------


def test_every_page_links_the_manual_in_its_language(real_site: Build) -> None:
    site = real_site.site
    for html in site.glob("**/*.html"):
        lang = "zh" if html.is_relative_to(site / "zh") else "en"
        match = BOOK_LINK_RE.search(html.read_text("utf-8"))
        assert match, html
        assert match["label"] == ("下载本手册：" if lang == "zh" else "Download this manual: ")
        if html.name != "404.html":  # the 404 pages link from the site root (served anywhere)
            assert (html.parent / match["href"]).resolve() == (site / PDF[lang]).resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_has_cover_contents_and_every_page_in_nav_order(
    real_site: Build, lang: str
) -> None:
    pdf = real_site.site / PDF[lang]
    cover = squeeze(pdf_text(pdf, 1, 1))
    assert (
        squeeze(load_config()["site_name"] if lang == "en" else "ActiveCampaign 平台帮助") in cover
    )
    contents = squeeze(pdf_text(pdf, 2, 3))
    assert contents.startswith("Contents" if lang == "en" else "目录")
    dests = destinations(pdf)
    starts = []
    for _, pages in nav():
        for page in pages:
            title = squeeze(front_matter(lang, page)["title"])
            assert title in contents, title  # listed with its page number
            start = dests[page.removesuffix(".md").replace("/", "-")]  # the chapter's anchor
            assert title in squeeze(pdf_text(pdf, start, start)), (page, start)
            starts.append(start)
    assert starts == sorted(starts) and starts[0] > 2
    # internal links land on named destinations: one per page and per heading
    for name in ("pricing--send-limits", "guides-crm-pipeline--steps"):
        assert name in dests, name


def destinations(pdf: Path) -> dict[str, int]:
    """The PDF's named destinations (what its internal links point at) and their pages."""
    out = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True)
    found = re.findall(r'^\s*(\d+) \[.*\] "(.+)"$', out.stdout, re.MULTILINE)
    return {name: int(page) for page, name in found}


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_the_facts_of_the_pages_in_its_language(real_site: Build, lang: str) -> None:
    text = pdf_text(real_site.site / PDF[lang])
    flat = squeeze(text)
    extractor = fact_extractor(load_data(REPO / "data"))
    missing = []
    for _, pages in nav():
        for page in pages:
            twin = real_site.site / LANGS[lang] / page
            source = split_front_matter(twin.read_text("utf-8"), str(twin))
            parsed = parse_page(source, lang, page)
            for facts in extractor.extract_page(parsed.sections, parsed.prose):
                missing += [f"{page}: {f.text}" for f in facts if squeeze(f.text) not in flat]
    assert missing == []
    if lang == "en":
        # the glossary chapter gives each term's Chinese (a PDF keeps no language marks)
        terms = load_data(REPO / "data").terms
        chinese = [t.names["zh"] for t in terms if CJK_RE.search(t.names["zh"])]
        for term in sorted(chinese, key=len, reverse=True):  # 互动率 before 互动
            text = text.replace(term, "")
        assert CJK_RE.search(text) is None
    else:
        english = [line for line in prose_lines((real_site.site / "pricing.md").read_text("utf-8"))]
        assert english and not [line for line in english if squeeze(plain(line)) in flat]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_embeds_noto_cjk_and_nothing_else(real_site: Build, lang: str) -> None:
    out = subprocess.run(["pdffonts", str(real_site.site / PDF[lang])], capture_output=True)
    rows = out.stdout.decode().strip().split("\n")[2:]
    assert rows
    for row in rows:
        assert "Noto-Sans" in row and "CJK" in row, row
        assert "Type 3" not in row, row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, ToUnicode


def page_of(pdf: Path, needle: str) -> int:
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(pdf))[1])
    for number in range(1, pages + 1):
        if needle in squeeze(pdf_text(pdf, number, number)):
            return number
    raise AssertionError(f"{needle} not in {pdf}")


def _pdfinfo(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout


def ink(png: Path) -> float:
    """The share of the page that is not white."""
    image = Image.open(png).convert("L")
    dark = sum(count for value, count in enumerate(image.histogram()) if value < 200)
    return dark / (image.width * image.height)


def test_page_one_and_a_chinese_page_render_with_every_glyph(real_site: Build) -> None:
    out = ARTIFACTS / "book"
    out.mkdir(parents=True, exist_ok=True)
    zh_pdf = real_site.site / PDF["zh"]
    zh_pricing = (real_site.site / "zh" / "pricing.md").read_text("utf-8")
    paragraph = squeeze(plain(prose_lines(zh_pricing)[0]))  # the page's first paragraph
    number = page_of(zh_pdf, paragraph[:30])
    for name, pdf, page in (
        ("en-1", PDF["en"], 1),
        ("zh-1", PDF["zh"], 1),
        ("zh-pricing", PDF["zh"], number),
    ):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-png",
                str(real_site.site / pdf),
                str(out / name),
            ],
            check=True,
        )
        assert 0.002 < ink(out / f"{name}.png") < 0.5, name  # a page with text, not blank
    # every glyph of the Chinese page comes back as its character: a missing glyph (tofu) is
    # drawn as .notdef and reads back as one and the same stand-in (tests/checks/test_book.py)
    page_text = squeeze(pdf_text(zh_pdf, number, number))
    assert paragraph in page_text
    title = squeeze(front_matter("zh", "pricing.md")["title"])
    assert title in page_text


def test_a_page_without_description_is_named_with_its_file(tmp_path: Path) -> None:
    tiny_tree(tmp_path / "src")
    zh = tmp_path / "src" / "docs" / "zh" / "index.md"
    zh.write_text(zh.read_text("utf-8").replace("description: 首页。\n", ""), "utf-8")
    config = tiny_config(tmp_path / "src")
    build = run_mkdocs(config, tmp_path / "out")
    assert build.returncode == 1
    # the front-matter schema stops the build before llms.txt could list the page bare
    assert (
        "docs/zh/index.md:1: front matter has no `description`; add `description: <text>`"
    ) in build.log
    assert "Traceback" not in build.log


def link_targets(pdf: Path) -> list[str]:
    """The named destinations the PDF's link annotations jump to (its streams inflated)."""
    import zlib

    data = pdf.read_bytes()
    inflated = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # a stream that is not deflated (none that holds annotations)
    text = b"\n".join([data, *inflated])
    return [
        m.decode()
        for m in re.findall(rb"/Subtype /Link/Rect \[[^\]]*\]/BS <</W 0>>/Dest \(([^)]*)\)", text)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_links_jump_inside_the_book(real_site: Build, lang: str) -> None:
    pdf = real_site.site / PDF[lang]
    targets = link_targets(pdf)
    pages = [page for _, names in nav() for page in names]
    assert len(targets) > 2 * len(pages)  # the contents, the cards, the cross-references
    dests = destinations(pdf)
    assert sorted(set(targets) - set(dests)) == []
    assert "pricing--add-ons" in targets  # a link from one page to a section of another
