"""The one-file edition: every page of one language in nav order, as one print HTML, then a PDF.

The pages are the ``<article>`` of each built page, as the reader sees it, so the book cannot
drift from the site. Ids and links are made unique per page (``pricing--plans``) so that internal
links jump inside the PDF; other links point at ``site_url``. WeasyPrint may load files of the
site and the theme only. Rendering takes most of a build, so ``BookCache`` keeps each PDF under a
hash of everything that goes into it. Pure: no MkDocs (``plugin.py`` passes the pieces).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import posixpath
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from translations.read.markdown import EXTERNAL_RE

# The page body Material renders: `<article class="md-content__inner md-typeset">…</article>`.
ARTICLE_RE = re.compile(
    r'<article class="md-content__inner md-typeset">(?P<inner>.*)</article>', re.DOTALL
)
# An attribute whose value is an id or a URL, in the HTML Python-Markdown and the templates write.
ATTR_RE = re.compile(r'(?P<lead>\s)(?P<name>id|href|src)="(?P<value>[^"]*)"')
# The renderer and what it writes with: a new version may lay out or encode the PDF differently.
RENDERER_PACKAGES = ("weasyprint", "pydyf", "fonttools", "pillow", "tinycss2", "cssselect2")


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


def rebase(html: str, name: str, in_book: set[str], *, site_url: str, page_dir: Path) -> str:
    """Page ``name``'s HTML made to live in the book: ids prefixed by the page's, links to pages
    of ``in_book`` made internal, other relative links absolute on ``site_url`` (the language
    root), ``src`` a file URI under ``page_dir`` (the built page's folder)."""

    def replace(match: re.Match[str]) -> str:
        attr, value = match["name"], match["value"]
        if attr == "id":
            new = f"{page_id(name)}--{value}"
        elif EXTERNAL_RE.match(value):  # any scheme: https:, mailto:, data:
            new = value
        elif attr == "src":
            new = (page_dir / value).resolve().as_uri()
        else:
            new = _href(value, name, in_book, site_url)
        return f'{match["lead"]}{attr}="{new}"'

    return ATTR_RE.sub(replace, html)


def _href(value: str, name: str, in_book: set[str], site_url: str) -> str:
    path, _, anchor = value.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
    source = target[: -len(".html")] + ".md" if target.endswith(".html") else target
    if path and source not in in_book:  # a page outside the book: on the site
        return site_url.rstrip("/") + "/" + target + (f"#{anchor}" if anchor else "")
    return f"#{page_id(source)}--{anchor}" if anchor else f"#{page_id(source)}"


def internal_link_problems(html: str) -> Iterator[str]:
    """Internal links of the book whose target id does not exist in it."""
    ids = {m["value"] for m in ATTR_RE.finditer(html) if m["name"] == "id"}
    for m in ATTR_RE.finditer(html):
        if m["name"] == "href" and m["value"].startswith("#") and m["value"][1:] not in ids:
            yield m["value"]


def sections_of(
    nav: Sequence[tuple[str, Sequence[str]]], pages: Mapping[str, BookPage]
) -> list[BookSection]:
    """The book's chapters grouped as the nav groups them, pages without HTML left out."""
    return [
        BookSection(title, [pages[name] for name in names if name in pages])
        for title, names in nav
        if any(name in pages for name in names)
    ]


class _Refused(Exception):
    """A URL the book may not load (outside the allowed folders)."""


class _Collect(logging.Handler):
    """WeasyPrint's warnings (an unsupported CSS property, a failed load), kept for the report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"WeasyPrint: {record.getMessage()}")


@dataclass
class PdfResult:
    pages: int
    problems: list[str]
    loaded: list[Path] = field(default_factory=list)  # the files WeasyPrint read
    reused: bool = False  # copied from the cache, not rendered


def write_pdf(html: str, target: Path, *, allowed: Sequence[Path], base: Path) -> PdfResult:
    """Render ``html`` to ``target`` with WeasyPrint, loading only ``file:`` URLs inside
    ``allowed`` folders; anything else is refused and reported, as is every WeasyPrint warning."""
    import weasyprint  # here: importing it costs half a second, and only the book needs it

    roots = [folder.resolve() for folder in allowed]
    problems: list[str] = []
    loaded: list[Path] = []

    class SiteFiles(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    loaded.append(path)
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
    return PdfResult(len(document.pages), problems + handler.messages, loaded)


def write_pdf_cached(
    html: str, target: Path, *, allowed: Sequence[Path], base: Path, cache: BookCache | None
) -> PdfResult:
    """``write_pdf``, or the PDF kept in ``cache`` when everything that goes into it is the same."""
    if cache is None:
        return write_pdf(html, target, allowed=allowed, base=base)
    roots = [folder.resolve() for folder in allowed]
    key = cache.key(html, roots)
    kept = cache.get(target.name, key, roots, target)
    if kept is not None:
        return kept
    result = write_pdf(html, target, allowed=allowed, base=base)
    cache.put(target.name, key, roots, target, result)
    return result


@dataclass(frozen=True)
class BookJob:
    """One PDF to write: ``write_pdf_cached``'s arguments."""

    html: str
    target: Path
    allowed: list[Path]
    base: Path
    cache: BookCache | None

    def run(self) -> PdfResult:
        return write_pdf_cached(
            self.html, self.target, allowed=self.allowed, base=self.base, cache=self.cache
        )


@dataclass(frozen=True)
class PendingBook:
    """A PDF being written (``render_aside``) or written (``render_here``)."""

    target: Path
    future: Future[PdfResult]

    def result(self) -> PdfResult:
        return self.future.result()


def render_aside(job: BookJob) -> PendingBook:
    """Start ``job`` in a forked child process, so that the next language's pages build (and
    its PDF renders) meanwhile; ``PendingBook.result`` waits for it."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(job.run)
    pool.shutdown(wait=False)  # the worker ends once its one job is done
    return PendingBook(job.target, future)


def render_here(job: BookJob) -> PendingBook:
    """Write ``job`` now, in this process."""
    future: Future[PdfResult] = Future()
    future.set_result(job.run())
    return PendingBook(job.target, future)


class BookCache:
    """PDFs kept in ``folder``, one per book name (the newest only), each under its key.

    Two steps, because the files a book loads are known only once it has been rendered:
    ``key`` hashes the print HTML (each allowed folder's path replaced by its place in the list,
    so a build into another folder has the same key), the renderer's versions and the fonts;
    the entry records every file loaded, by content, and is used only when all are unchanged."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, html: str, roots: Sequence[Path]) -> str:
        for n, root in enumerate(roots):
            html = html.replace(root.as_uri(), f"<root {n}>").replace(str(root), f"<root {n}>")
        text = html + renderer_versions() + font_files()
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _paths(self, name: str, key: str) -> tuple[Path, Path]:
        stem = f"{name}-{key[:32]}"
        return self.folder / f"{stem}.pdf", self.folder / f"{stem}.json"

    def get(self, name: str, key: str, roots: Sequence[Path], target: Path) -> PdfResult | None:
        """The kept PDF copied to ``target`` with its result, or None (render it)."""
        pdf, entry = self._paths(name, key)
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
            if record["key"] != key or any(
                _file_digest(roots[n] / rel) != digest for n, rel, digest in record["loaded"]
            ):
                return None
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            return None
        if _file_digest(target) != record["pdf"]:
            return None
        loaded = [roots[n] / rel for n, rel, _ in record["loaded"]]
        return PdfResult(record["pages"], list(record["problems"]), loaded, reused=True)

    def put(
        self, name: str, key: str, roots: Sequence[Path], target: Path, result: PdfResult
    ) -> None:
        """Keep ``target`` under ``key``; drop the older PDFs of the same name."""
        loaded = []
        for path in sorted(set(result.loaded)):
            n = next((i for i, root in enumerate(roots) if path.is_relative_to(root)), None)
            if n is None:
                return  # a file outside the folders: never reuse such a book
            loaded.append((n, path.relative_to(roots[n]).as_posix(), _file_digest(path)))
        pdf, entry = self._paths(name, key)
        record = {
            "key": key,
            "pdf": _file_digest(target),
            "pages": result.pages,
            "problems": result.problems,
            "loaded": loaded,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.glob(f"{name}-*"):
                if old not in (pdf, entry):
                    old.unlink(missing_ok=True)
            # written aside, then renamed: two builds at once never read half a file
            writes = ((pdf, target.read_bytes()), (entry, json.dumps(record, indent=1).encode()))
            for path, data in writes:
                part = path.with_name(f".{path.name}.{os.getpid()}.part")
                part.write_bytes(data)
                part.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs the next build a render


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def renderer_versions() -> str:
    """The installed version of each renderer package, one per line."""
    out = []
    for package in RENDERER_PACKAGES:
        try:
            out.append(f"{package}=={version(package)}")
        except PackageNotFoundError:
            out.append(f"{package} absent")
    return "\n".join(out)


def font_files() -> str:
    """Every font file fontconfig offers WeasyPrint: path, size and time of change."""
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return f"no fc-list: {os.urandom(8).hex()}"  # unknown fonts: a key never reused
    lines = []
    for name in sorted(set(listing.splitlines()) - {""}):
        try:
            stat = Path(name).stat()
        except OSError:
            continue
        lines.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(lines)
