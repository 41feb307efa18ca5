"""The one-file edition: every page of one language in nav order, as one print HTML, then a PDF.

The pages are taken from the built site as the reader sees them (the ``<article>`` of each page:
banners, generated pricing tables, skill links, the tag index), so the book cannot drift from the
site. Ids and links are made unique per page (``pricing--plans``) so that internal links jump
inside the PDF; links out of the book point at the site (``site_url``). WeasyPrint renders the
PDF; its URL fetcher refuses anything but files of the site and the theme, so nothing is
downloaded at build time. Pure: no MkDocs (the hook in ``hooks/export.py`` passes the pieces).
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .markdown import EXTERNAL_RE

# The page body Material renders: `<article class="md-content__inner md-typeset">…</article>`.
ARTICLE_RE = re.compile(
    r'<article class="md-content__inner md-typeset">(?P<inner>.*)</article>', re.DOTALL
)
# An attribute whose value is an id or a URL, in the HTML Python-Markdown and the templates write.
ATTR_RE = re.compile(r'(?P<lead>\s)(?P<name>id|href|src)="(?P<value>[^"]*)"')


@dataclass(frozen=True)
class BookPage:
    """One page of the book: its name in the language folder, title and rebased HTML."""

    name: str
    title: str
    html: str

    @property
    def id(self) -> str:
        return page_id(self.name)


@dataclass(frozen=True)
class BookSection:
    title: str
    pages: list[BookPage]


def page_id(name: str) -> str:
    """The id of a page's chapter: ``guides/crm-pipeline.md`` -> ``guides-crm-pipeline``."""
    return name[: -len(".md")].replace("/", "-") if name.endswith(".md") else name


def article(page_html: str) -> str:
    """The body of a built page (its ``<article>``), or "" when it has none."""
    match = ARTICLE_RE.search(page_html)
    return match["inner"] if match else ""


def rebase(
    html: str,
    name: str,
    in_book: set[str],
    *,
    site_url: str,
    page_dir: Path,
) -> str:
    """A page's HTML made to live in the book.

    - ``id="x"`` -> ``id="<page>--x"`` (every page has an ``#overview``-like id of its own);
    - links to a page of the book -> ``#<page>`` / ``#<page>--anchor``;
    - other relative links -> absolute, on ``site_url`` (the language root's address);
    - ``src`` -> a file URI under ``page_dir`` (the folder of the built page).

    ``name``: the page (``guides/crm-pipeline.md``); ``in_book``: the pages in the book."""
    pid = page_id(name)
    here = posixpath.dirname(name)

    def replace(match: re.Match[str]) -> str:
        attr, value = match["name"], match["value"]
        if attr == "id":
            new = f"{pid}--{value}"
        elif EXTERNAL_RE.match(value) or value.startswith(("mailto:", "data:")):
            new = value
        elif attr == "src":
            new = (page_dir / value).resolve().as_uri()
        else:
            new = _href(value, pid, here, in_book, site_url)
        return f'{match["lead"]}{attr}="{new}"'

    return ATTR_RE.sub(replace, html)


def _href(value: str, pid: str, here: str, in_book: set[str], site_url: str) -> str:
    path, _, anchor = value.partition("#")
    if not path:
        return f"#{pid}--{anchor}" if anchor else f"#{pid}"
    target = posixpath.normpath(posixpath.join(here, path))
    source = target[: -len(".html")] + ".md" if target.endswith(".html") else target
    if source in in_book:
        tid = page_id(source)
        return f"#{tid}--{anchor}" if anchor else f"#{tid}"
    return site_url.rstrip("/") + "/" + target + (f"#{anchor}" if anchor else "")


def internal_link_problems(html: str) -> Iterator[str]:
    """Internal links of the book whose target id does not exist in it."""
    ids = {m["value"] for m in ATTR_RE.finditer(html) if m["name"] == "id"}
    for m in ATTR_RE.finditer(html):
        if m["name"] == "href" and m["value"].startswith("#") and m["value"][1:] not in ids:
            yield m["value"]


class _Refused(Exception):
    """A URL the book may not load (outside the allowed folders)."""


@dataclass
class PdfResult:
    pages: int
    problems: list[str]


def write_pdf(html: str, target: Path, *, allowed: Sequence[Path], base: Path) -> PdfResult:
    """Render ``html`` to ``target`` with WeasyPrint.

    Only ``file:`` URLs inside ``allowed`` folders are loaded; anything else (a web font, a remote
    image) is refused and reported, as is every warning WeasyPrint logs."""
    import weasyprint  # here: importing it costs half a second, and only the book needs it

    roots = [folder.resolve() for folder in allowed]
    problems: list[str] = []

    class SiteFiles(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        """WeasyPrint's fetcher, for files under the allowed folders only."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                path = Path(_file_path(url)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            problems.append(f"refused to load {url}: the book loads files of the site only")
            raise _Refused(url)

    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = weasyprint.HTML(
            string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=SiteFiles()
        ).render()
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target)
    finally:
        logger.removeHandler(handler)
    problems.extend(handler.messages)
    return PdfResult(len(document.pages), problems)


def _file_path(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(url).path)


class _Collect(logging.Handler):
    """WeasyPrint's warnings (an unsupported CSS property, a failed load), kept for the report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"WeasyPrint: {record.getMessage()}")


def sections_of(
    nav: Sequence[tuple[str, Sequence[str]]], pages: Mapping[str, BookPage]
) -> list[BookSection]:
    """The book's chapters grouped as the nav groups them, pages without HTML left out."""
    return [
        BookSection(title, [pages[name] for name in names if name in pages])
        for title, names in nav
        if any(name in pages for name in names)
    ]
