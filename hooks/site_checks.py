"""MkDocs hook: the translation-honesty checks, once per build; each page's banner status; the
generated Markdown (pricing tables where ``<!-- pricing:... -->`` markers stand, a link to the
Related skills page for every inline-code skill mention).

Thin adapter over the pure core in ``hooks/checks/`` (``checks.site``, ``checks.generate``).
The checks read docs/<lang>/ and data/ from disk once per build (static-i18n fires every event
once per language; see ``checks.build``) and each issue is logged as a warning, so
``mkdocs build --strict`` shows them all and then fails. Unreadable input (bad YAML, bad
encoding, an empty page, an unknown marker) aborts the build with the file and line, never a
traceback. Templates read ``page.meta["ac_status"]`` for the banners. Set
``extra.checks.skills_base_url`` in mkdocs.yml to link skills to an external site instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checks import build
from checks.config import SiteConfig
from checks.generate import render_site_page
from checks.model import InputError
from checks.site import SiteReport, check_site, split_language
from checks.source import body_line
from checks.updated import last_changed, updated_label

log = get_plugin_logger("checks")
render_log = get_plugin_logger("render")  # generated Markdown: its own name in the log


def site_config(config: MkDocsConfig) -> SiteConfig:
    """The language pair and the site's names (data files, pages, folders) from mkdocs.yml."""
    rel = Path(config.config_file_path or "mkdocs.yml").name
    try:
        return build.site_config(config)
    except InputError as error:
        for problem in error.shown:
            log.error(problem)
        raise Abort(f"{error.count} input error(s) in {rel}; see above") from None


def build_report(config: MkDocsConfig) -> SiteReport:
    """The checks' report for this build; input errors abort."""

    def run() -> SiteReport:
        root = Path(config.docs_dir).parent  # docs/ and data/ sit side by side
        return check_site(root, docs_dir=Path(config.docs_dir), config=site_config(config))

    try:
        return build.start(config).report_for(run)
    except InputError as error:
        for problem in error.shown:
            log.error(problem)
        raise Abort(f"{error.count} input error(s) in docs/ or data/; see above") from None


def build_language(config: MkDocsConfig) -> str:
    """The language being built (templates and banners need it per page)."""
    return build.current_language(config)


def page_language(page: Page, build_lang: str, config: MkDocsConfig) -> tuple[str, str]:
    """The language of a page's source file and its name inside the language folder."""
    lang, name = split_language(page.file.src_uri, build.site_config(config).languages)
    return lang or build_lang, name


def on_config(config: MkDocsConfig) -> None:
    state = build.start(config)  # the one reset of per-build state: a new config, a new build
    report = build_report(config)
    if state.logged:
        return  # the next language of the same build
    state.logged = True
    for issue in report.issues:
        log.warning(str(issue))
    for note in report.notes:  # checks off (no data file), lags: inform, never fail
        log.info(note)
    log.info("translation checks: %s", report.summary())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Banner status of the page in this language build, for the templates; then the page's
    generated Markdown."""
    build_lang = build_language(config)
    file_lang, name = page_language(page, build_lang, config)
    report = build_report(config)
    page.meta["ac_status"] = report.banner(name, file_lang, build_lang)
    dates = build.start(config).parse("updated", lambda: last_changed(Path(config.docs_dir)))
    page.meta["ac_updated"] = updated_label(dates, name, report.languages.both, build_lang)
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    try:
        return render_site_page(
            markdown,
            report=report,
            site=site_config(config),
            lang=file_lang,
            page_name=name,
            rel=rel,
            first_line=_first_line(page),
            sources_label=build.ui(config)["sources"] if report.sources else None,
        )
    except InputError as error:
        for problem in error.shown:
            render_log.error(problem)
        raise Abort(f"{error.count} input error(s) in {rel}; see above") from None


def _first_line(page: Page) -> int:
    """File line of the first Markdown line (after the front matter; the checks parsed it)."""
    try:
        return body_line(page.file.content_string)
    except (OSError, TypeError):
        return 1
