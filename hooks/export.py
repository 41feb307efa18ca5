"""MkDocs hook: the docs to take away. Per language: a Markdown twin beside every page
(``page.md`` next to ``page.html``), ``llms.txt`` and ``llms-full.txt`` at the language's root,
and the whole manual as one PDF (``extra.checks.book_file``, e.g. ``manual-<lang>.pdf``).

Thin adapter over ``checks.assistant`` and ``checks.book`` (pure). static-i18n builds the site
once per language into one site root, so every output is written per language, into that
language's folder, before the next language starts (``on_post_build`` at priority 100, as
hooks/site_hooks.py does for the 404 pages). Rendering a PDF takes most of a build, so each
language's but the last renders in a child process (``checks.book.render_aside``) while the next
language builds, and the last language's waits for them: on 2 idle cores a cold build takes 0.62
of the time it takes in turn (README, "Performance notes"). The checks' data comes from the
build's one run (``checks.build``). After the last language the twins are checked like the pages.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from checks import assistant, book, build
from checks.model import InputError
from checks.site import SiteReport, check_site, split_language
from checks.sources import with_sources
from pathfinder import load_paths, role_names

log = get_plugin_logger("export")

# Where each language's last PDF is kept, to be reused while nothing that goes into it changes
# (checks.book.BookCache): this variable's folder, or .cache/book/ beside docs/; empty: no cache.
BOOK_CACHE_ENV = "BOOK_CACHE_DIR"
# "0": render each language's PDF in turn, in the build's own process (to compare, or where
# forking the build is unwelcome)
BOOK_PARALLEL_ENV = "BOOK_PARALLEL"
# The path finder the start page shows: `<div class="ac-pathfinder" …>` up to its closing tag.
PATHFINDER_START_RE = re.compile(r'<div class="ac-pathfinder"')
DIV_RE = re.compile(r"<(?P<close>/?)div\b")


@dataclass
class _Language:
    """What one language build collects for its outputs."""

    sections: list[assistant.Section] = field(default_factory=list)
    twins: dict[str, assistant.Twin] = field(default_factory=dict)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (title, html)
    nav_pages: list[Page] = field(default_factory=list)


HOOK = "export"  # this hook's values in the build state


def on_startup(command: str, dirty: bool) -> None:
    build.startup(command)  # `mkdocs serve` rebuilds on every save: the PDF waits for a build


def _languages(config: MkDocsConfig) -> dict[str, _Language]:
    """What each language built so far collected, in this build."""
    return build.start(config).of(HOOK).setdefault("langs", {})


def _root(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def _report(config: MkDocsConfig) -> SiteReport:
    """The build's one run of the checks (the same object hooks/site_checks.py logs)."""

    def run() -> SiteReport:
        names = build.site_config(config)
        docs = Path(config.docs_dir)
        return check_site(docs.parent, docs_dir=docs, config=names)

    try:
        return build.start(config).report_for(run)
    except InputError as error:
        raise _abort(error) from None


def _abort(error: InputError) -> Abort:
    for problem in error.shown:
        log.error(problem)
    return Abort(f"{error.count} input error(s); see above")


def on_config(config: MkDocsConfig) -> None:
    langs, default = build.languages(config)
    # where each language's PDF is, for the download link (overrides/partials/export-book.html)
    config.extra["ac_book"] = {
        lang: _root(lang, default) + build.site_config(config).book_file.format(lang=lang)
        for lang in langs
    }


@event_priority(-150)  # after static-i18n (-100) kept this language's pages and translated titles
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state = _languages(config).setdefault(build.current_language(config), _Language())
    state.sections = []
    state.nav_pages = list(nav.pages)
    loose: list[str] = []
    for item in nav.items:
        if isinstance(item, Section):
            names = [_name(page, config) for page in _pages(item)]
            state.sections.append(assistant.Section(str(item.title), names))
        elif isinstance(item, Page):
            loose.append(_name(item, config))
    if loose:
        state.sections.insert(0, assistant.Section(str(config.site_name), loose))
    return nav


def _pages(section: Section) -> list[Page]:
    out: list[Page] = []
    for child in section.children:
        if isinstance(child, Section):
            out.extend(_pages(child))
        elif isinstance(child, Page):
            out.append(child)
    return out


def _name(page: Page, config: MkDocsConfig) -> str:
    """The page's path inside its language folder (``guides/crm-pipeline.md``)."""
    return split_language(page.file.src_uri, build.site_config(config).languages)[1]


def _is_source(page: Page) -> bool:
    """A page written in docs/, not one a hook generates (the compare views)."""
    return page.file.generated_by is None and not page.meta.get("ac_compare_of")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> None:
    """Where the page's Markdown twin is (site-root relative), for the head link."""
    if _is_source(page):
        page.meta["ac_markdown"] = page.file.dest_uri[: -len(".html")] + ".md"


@event_priority(-200)  # the final HTML: after every other hook and plugin
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _is_source(page):
        return output
    lang = build.current_language(config)
    state = _languages(config).setdefault(lang, _Language())
    name = _name(page, config)
    file_lang = page.file.src_uri.partition("/")[0]
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    report = _report(config)
    names = build.site_config(config)
    widgets: dict[str, str] = {}
    if "<!-- material/tags -->" in page.file.content_string:
        widgets["material/tags"] = _tags(config, lang, name, state)
    start = PATHFINDER_START_RE.search(output)
    if start:
        widgets["pathfinder"] = assistant.fragment_markdown(_element(output, start.start()))
    try:
        body = assistant.twin_body(
            page.file.content_string,
            lang=file_lang,
            page_name=name,
            rel=rel,
            data=report.data,
            widgets=widgets,
            related_page=names.related_skills_page,
            skills_base_url=names.skills_base_url,
        )
        if report.sources is not None:  # the page's Sources lines (checks/sources.py)
            label = build.ui(config)["sources"]
            body = assistant.tidy(with_sources(body, report.sources, name, label, styled=False))
    except InputError as error:
        raise _abort(error) from None
    twin = assistant.Twin(
        name=name,
        lang=lang,
        file_lang=file_lang,
        rel=rel,
        title=str(page.title or name),
        description=str(page.meta.get("description") or ""),
        body=body,
        notes=assistant.banner_notes(output),
    )
    target = Path(config.site_dir) / (page.file.dest_uri[: -len(".html")] + ".md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(twin.text(), encoding="utf-8")
    state.twins[name] = twin
    state.articles[name] = (twin.title, book.article(output))
    return output


def _element(html: str, start: int) -> str:
    """The ``<div>`` that starts at ``start``, up to its matching ``</div>``."""
    depth = 0
    for match in DIV_RE.finditer(html, start):
        depth += -1 if match["close"] else 1
        if depth == 0:
            return html[start : html.index(">", match.end()) + 1]
    return html[start:]


def _tags(config: MkDocsConfig, lang: str, name: str, state: _Language) -> str:
    """The tag index as Markdown; roles in data/paths.yml order (the same in both languages)."""
    path = Path(config.docs_dir).parent / "data" / build.site_config(config).paths_file
    if not path.is_file():
        return ""
    langs, _ = build.languages(config)
    try:
        roles = role_names(load_paths(path, tuple(langs)), lang)
    except InputError as error:
        raise _abort(error) from None
    pages = [
        (_name(page, config), str(page.title or _name(page, config)), page.meta.get("roles") or [])
        for page in state.nav_pages
    ]
    return assistant.tags_markdown(pages, roles, name)


@event_priority(100)  # before static-i18n's on_post_build starts the next language's build
def on_post_build(config: MkDocsConfig) -> None:
    langs, default = build.languages(config)
    lang = build.current_language(config)
    state = _languages(config).get(lang)
    if state is None:
        return
    root = Path(config.site_dir) / _root(lang, default)
    title, summary = str(config.site_name), str(config.site_description or "")
    pdf_name = build.site_config(config).book_file.format(lang=lang)
    try:
        words = build.ui(config)
    except InputError as error:
        raise _abort(error) from None
    (root / "llms.txt").write_text(
        assistant.llms_txt(title, summary, state.sections, state.twins, words, pdf_name=pdf_name),
        encoding="utf-8",
    )
    order = assistant.nav_order(state.sections)
    (root / "llms-full.txt").write_text(
        assistant.llms_full(title, summary, order, state.twins), encoding="utf-8"
    )
    if build.start(config).command == "serve":
        log.info(f"{pdf_name}: not rendered under mkdocs serve; `make build` renders it")
    else:
        _write_book(config, lang, default, state, root / pdf_name)
    done = [code for code in langs if code in _languages(config)]
    values = build.start(config).of(HOOK)
    if len(done) == len(langs) and not values.get("checked"):
        values["checked"] = True
        _check(config, default)


def _write_book(
    config: MkDocsConfig, lang: str, default: str, state: _Language, target: Path
) -> None:
    report = _report(config)
    in_book = set(assistant.nav_order(state.sections)) & set(state.articles)
    site_url = (config.site_url or "").rstrip("/") + "/" + _root(lang, default)
    root = Path(config.site_dir) / _root(lang, default)
    pages = {
        name: book.BookPage(
            name,
            title,
            book.rebase(
                html,
                name,
                in_book,
                site_url=site_url,
                page_dir=(root / name).parent,
            ),
        )
        for name, (title, html) in state.articles.items()
        if name in in_book
    }
    sections = book.sections_of([(s.title, s.pages) for s in state.sections], pages)
    pricing = report.data.pricing
    template = config.theme.get_env().get_template("export/book.html")
    try:
        ui = build.ui(config)
    except InputError as error:
        raise _abort(error) from None
    html = template.render(
        lang=lang,
        ui=ui,
        title=str(config.site_name),
        description=str(config.site_description or ""),
        site_url=site_url,
        # a site without a pricing file has no price date to print (its cover says less)
        prices_as_of=pricing.as_of_label.get(lang, pricing.as_of.isoformat()) if pricing else "",
        sections=sections,
    )
    for href in sorted(set(book.internal_link_problems(html))):
        log.warning(f"{target.name}: internal link {href} has no target in the book")
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root
    job = book.BookJob(html, target, [Path(config.site_dir), custom_dir], root, _book_cache(config))
    values = build.start(config).of(HOOK)
    langs, _ = build.languages(config)
    last = len(values.setdefault("books", [])) + 1 == len(langs)
    if os.environ.get(BOOK_PARALLEL_ENV, "1") != "0" and not last:
        values["books"].append(book.render_aside(job))  # joined after the last language's
        return
    values["books"].append(book.render_here(job))
    for pending in values["books"]:
        result = pending.result()
        for problem in result.problems:
            log.warning(f"{pending.target.name}: {problem}")
        how = "unchanged, reused" if result.reused else "rendered"
        log.info(f"{pending.target.relative_to(config.site_dir)}: {result.pages} PDF pages ({how})")


def _book_cache(config: MkDocsConfig) -> book.BookCache | None:
    folder = os.environ.get(BOOK_CACHE_ENV)
    if folder is None:
        return book.BookCache(Path(config.docs_dir).parent / ".cache" / "book")
    return book.BookCache(Path(folder)) if folder else None


def _check(config: MkDocsConfig, default: str) -> None:
    """The twins of every language, checked like the pages (same pages, same facts)."""
    report = _report(config)
    twins = {lang: state.twins for lang, state in _languages(config).items()}
    behind = {name for name, status in report.pages.items() if status.lag is not None}
    issues = assistant.twin_issues(
        twins, report.data, reference=default, unpaired=set(report.data.untranslated) | behind
    )
    for issue in issues:
        log.warning(f"Markdown twin: {issue}")
    counts = ", ".join(f"{lang} {len(t)}" for lang, t in twins.items())
    log.info(f"Markdown twins ({counts}): {len(issues) or 'no'} issue(s)")
