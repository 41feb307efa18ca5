"""The one-file edition (translations/export/book.py): pages rebased into one HTML whose internal
links jump inside the book, and a PDF that loads nothing from the network and shows every CJK
glyph."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from translations.export.book import article, internal_link_problems, rebase, write_pdf

PAGE = (
    '<h1 id="plans">Plans</h1><p>See <a href="#limits">limits</a>, the '
    '<a href="../pricing.html#add-ons">add-ons</a>, the <a href="../compare/pricing.html">'
    'compare view</a> and <a href="https://www.activecampaign.com/pricing">prices</a>.</p>'
    '<img src="../assets/x.png"><h2 id="limits">Limits</h2>'
)
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")


def test_ids_and_links_are_rebased_into_the_book(tmp_path: Path) -> None:
    html = rebase(
        PAGE,
        "guides/a.md",
        {"guides/a.md", "pricing.md"},
        site_url="https://help.example.org/zh/",
        page_dir=tmp_path / "guides",
    )
    assert 'id="guides-a--plans"' in html and 'id="guides-a--limits"' in html
    assert 'href="#guides-a--limits"' in html  # inside the page
    assert 'href="#pricing--add-ons"' in html  # another page of the book
    assert 'href="https://help.example.org/zh/compare/pricing.html"' in html  # not in the book
    assert 'href="https://www.activecampaign.com/pricing"' in html
    assert f'src="{(tmp_path / "assets" / "x.png").as_uri()}"' in html
    # only the other page's chapter is missing from this one-page fragment
    assert list(internal_link_problems(html)) == ["#pricing--add-ons"]


def test_a_link_without_its_target_is_found() -> None:
    html = '<section id="a"><a href="#a">ok</a> <a href="#pricing--gone">broken</a></section>'
    assert list(internal_link_problems(html)) == ["#pricing--gone"]


def test_the_article_is_taken_from_the_built_page() -> None:
    built = '<nav>menu</nav><article class="md-content__inner md-typeset"><h1>T</h1></article>'
    assert article(built) == "<h1>T</h1>"
    assert article("<html>no article</html>") == ""


def test_nothing_is_fetched_from_the_network(tmp_path: Path) -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://fonts.example.org/a.css"></head>'
        '<body><p>Text</p><img src="https://example.org/logo.png"></body></html>'
    )
    result = write_pdf(html, tmp_path / "out.pdf", allowed=[tmp_path], base=tmp_path)
    assert result.pages == 1
    refused = [p for p in result.problems if p.startswith("refused to load")]
    assert refused == [
        "refused to load https://fonts.example.org/a.css: the book loads files of the site only",
        "refused to load https://example.org/logo.png: the book loads files of the site only",
    ]


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def glyphs_shown(pdf: Path, expected: str) -> bool:
    """Whether the PDF's text layer gives back ``expected``: a missing glyph is drawn as the
    font's .notdef box, and every .notdef maps back to one and the same character."""
    return "".join(expected.split()) in pdf_text(pdf)


CHINESE = "价格经常变动：请核实当前定价。"
STYLE = "font-family: 'Noto Sans CJK SC'"


@needs_poppler
def test_chinese_text_comes_back_from_the_pdf(tmp_path: Path) -> None:
    html = f'<html lang="zh"><body style="{STYLE}"><p>{CHINESE}</p></body></html>'
    write_pdf(html, tmp_path / "zh.pdf", allowed=[tmp_path], base=tmp_path)
    assert glyphs_shown(tmp_path / "zh.pdf", CHINESE)


@needs_poppler
def test_a_missing_cjk_glyph_is_caught(tmp_path: Path) -> None:
    # Negative control: U+30000 and U+30001 (CJK Extension G) are in no font of fonts-noto-cjk;
    # WeasyPrint draws tofu boxes and the check above must fail.
    text = CHINESE + "\U00030000\U00030001"
    html = f'<html lang="zh"><body style="{STYLE}"><p>{text}</p></body></html>'
    write_pdf(html, tmp_path / "tofu.pdf", allowed=[tmp_path], base=tmp_path)
    assert not glyphs_shown(tmp_path / "tofu.pdf", text)
