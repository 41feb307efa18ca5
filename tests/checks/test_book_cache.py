"""The PDF cache (checks.book.BookCache): a book is rendered again exactly when something that
goes into it changed (its HTML, a file it loads, the renderer, the fonts), and reused, byte for
byte and with the same warnings, when nothing did, whatever folder the site is built into."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest

from translations.export import book
from translations.export.book import BookCache, write_pdf_cached

# a 1x1 PNG, red, then blue: the same file name with other content
RED = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)
BLUE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC"
)


def site(root: Path, image: bytes = RED) -> Path:
    """A built site's folder with one image; returns it."""
    (root / "assets").mkdir(parents=True, exist_ok=True)
    (root / "assets" / "x.png").write_bytes(image)
    return root


def html_for(root: Path, text: str = "Plans") -> str:
    """A book page loading the site's image by its file URL, as book.rebase writes it."""
    image = (root / "assets" / "x.png").as_uri()
    return f'<html><body><h1>{text}</h1><img src="{image}" alt=""></body></html>'


def render(root: Path, cache: BookCache, text: str = "Plans") -> book.PdfResult:
    target = root / "book.pdf"
    return write_pdf_cached(html_for(root, text), target, allowed=[root], base=root, cache=cache)


def test_an_unchanged_book_is_reused_byte_for_byte_from_another_folder(tmp_path: Path) -> None:
    cache = BookCache(tmp_path / "cache")
    first = render(site(tmp_path / "a"), cache)
    assert not first.reused and first.pages == 1 and first.problems == []
    assert [p.name for p in first.loaded] == ["x.png"]
    again = render(site(tmp_path / "b"), cache)  # the same content, built elsewhere
    assert again.reused
    assert (tmp_path / "b" / "book.pdf").read_bytes() == (tmp_path / "a" / "book.pdf").read_bytes()
    # one book per name is kept
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".json", ".pdf"]


@pytest.mark.parametrize("change", ["html", "loaded file", "renderer", "fonts"])
def test_a_change_in_what_goes_in_renders_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    cache = BookCache(tmp_path / "cache")
    assert not render(site(tmp_path / "a"), cache).reused
    text = "Plans"
    if change == "html":
        text = "Prices"
    elif change == "loaded file":
        site(tmp_path / "a", BLUE)
    elif change == "renderer":
        monkeypatch.setattr(book, "renderer_versions", lambda: "weasyprint==0")
    else:
        monkeypatch.setattr(book, "font_files", lambda: "/usr/share/fonts/new.ttf 1 1")
    assert not render(tmp_path / "a", cache, text).reused
    # and the new book is kept in place of the old one
    assert render(tmp_path / "a", cache, text).reused


def test_a_reused_book_reports_the_warnings_of_its_render(tmp_path: Path) -> None:
    cache = BookCache(tmp_path / "cache")
    root = site(tmp_path / "a")
    html = html_for(root) + '<img src="https://example.com/x.png">'
    first = write_pdf_cached(html, root / "book.pdf", allowed=[root], base=root, cache=cache)
    assert any("refused to load https://example.com/x.png" in p for p in first.problems)
    again = write_pdf_cached(html, root / "book.pdf", allowed=[root], base=root, cache=cache)
    assert again.reused and again.problems == first.problems


def test_a_damaged_cache_renders_again(tmp_path: Path) -> None:
    cache = BookCache(tmp_path / "cache")
    render(site(tmp_path / "a"), cache)
    for kept in (tmp_path / "cache").glob("*.pdf"):
        kept.write_bytes(b"%PDF-1.7 truncated")
    assert not render(tmp_path / "a", cache).reused
    shutil.rmtree(tmp_path / "cache")
    assert not render(tmp_path / "a", cache).reused


def test_a_book_rendered_aside_is_the_book_rendered_here(tmp_path: Path) -> None:
    """The plugin renders the first language's PDF in a forked child while the next language
    builds: the same bytes, pages and warnings as a render in the build's process, and the child
    fills the cache."""
    root = site(tmp_path / "site")
    results = {}
    for where, start in (("here", book.render_here), ("aside", book.render_aside)):
        cache = BookCache(tmp_path / f"cache-{where}")
        job = book.BookJob(html_for(root), root / f"{where}.pdf", [root], root, cache)
        pending = start(job)
        results[where] = pending.result()
        assert pending.result() is results[where]  # waited for once
        assert pending.target == root / f"{where}.pdf"
        assert cache.get(f"{where}.pdf", cache.key(html_for(root), [root]), [root], tmp_path / "x")
    here, aside = results["here"], results["aside"]
    assert (root / "aside.pdf").read_bytes() == (root / "here.pdf").read_bytes()
    assert (aside.pages, aside.problems, aside.reused) == (here.pages, here.problems, False)
    assert [p.name for p in aside.loaded] == ["x.png"]
