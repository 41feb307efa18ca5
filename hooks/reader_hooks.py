"""MkDocs hooks for the reader features: the side-by-side view, the path finder and role tags.

Thin adapter over ``compare.py`` and ``pathfinder.py`` (pure); the HTML lives in
``overrides/partials/``. Events fire once per language (static-i18n rebuilds the site per
language), and each language gets its own compare pages and path finder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from checks import build
from checks.config import SiteConfig
from checks.markers import PATHFINDER_LINE_RE
from checks.model import InputError
from checks.site import split_language
from compare import compare_page
from pathfinder import Paths, load_paths, resolve, role_names

log = get_plugin_logger("reader")


def _names(config: MkDocsConfig) -> SiteConfig:
    """`extra: checks:` of mkdocs.yml (site_checks.py stops the build if it is malformed)."""
    try:
        return SiteConfig.from_mapping(config.extra.get("checks"))
    except InputError as error:
        raise _abort(error) from None


def _ui(config: MkDocsConfig) -> dict[str, str]:
    """The interface text of the language being built (extra.ui); a missing key stops."""
    try:
        return build.ui(config)
    except InputError as error:
        raise _abort(error) from None


def _repo(config: MkDocsConfig) -> Path:
    """The folder holding docs/ and data/ (the config file may live elsewhere, as in tests)."""
    return Path(config.docs_dir).parent


def _paths(config: MkDocsConfig) -> Paths:
    """data/paths.yml, validated; bad input stops the build with its file and line."""
    path = _repo(config) / "data" / _names(config).paths_file
    try:  # parsed once per build (it serves every page's role tags)
        return build.start(config).parse(
            "paths", lambda: load_paths(path, tuple(build.languages(config)[0]))
        )
    except InputError as error:
        raise _abort(error) from None


def _abort(error: InputError) -> Abort:
    for problem in error.shown:
        log.error(problem)
    return Abort(f"{error.count} input error(s); see above")


def on_config(config: MkDocsConfig) -> None:
    """Each language's interface text (extra.ui), which the templates in overrides/ read: a
    missing key stops the build before any page is rendered without it."""
    _ui(config)


@event_priority(-150)  # after static-i18n (-100) localised the files: add this language's views
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add ``compare/<page>`` (in this language's folder) for every page in both languages.

    static-i18n only localises files that exist under docs_dir, so the generated pages are added
    after it, already placed where this language's pages go.
    """
    langs, default = build.languages(config)
    lang = config.theme["language"]
    docs = Path(config.docs_dir)
    other = next(code for code in langs if code != default)
    root = "" if lang == default else f"{lang}/"
    report = build.latest(config)  # the checks' report, when its hook runs: drift marks
    compare_dir = _names(config).compare_dir
    for en in sorted((docs / default).rglob("*.md")):
        page = en.relative_to(docs / default).as_posix()
        zh = docs / other / page
        if not zh.is_file():
            continue
        status = report.pages.get(page) if report is not None else None
        lag = status.lag if status is not None else None
        drift = {change.id: change.kind for change in lag.changes} if lag else {}
        text, _rows = compare_page(
            page,
            en.read_text("utf-8"),
            zh.read_text("utf-8"),
            build=lang,
            languages=(default, other),
            ui=_ui(config),
            compare_dir=compare_dir,
            drift=drift,
        )
        generated = File.generated(config, f"{lang}/{compare_dir}/{page}", content=text)
        generated.dest_uri = f"{root}{compare_dir}/{page[: -len('.md')]}.html"
        generated.inclusion = InclusionLevel.NOT_IN_NAV  # reachable from every page, not the nav
        files.append(generated)
    return files


@event_priority(10)  # before Material's tags plugin (-50) reads page.meta["tags"]
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    roles = page.meta.get("roles")
    if isinstance(roles, list) and "tags" not in page.meta:
        names = role_names(_paths(config), lang)  # in data/paths.yml's order: "other" last
        page.meta["tags"] = [names[r] for r in names if r in roles]
    if PATHFINDER_LINE_RE.search(markdown):
        try:
            finder = resolve(_paths(config), Path(config.docs_dir), lang, _page_path(page, config))
        except InputError as error:
            raise _abort(error) from None
        template = config.theme.get_env().get_template("partials/pathfinder.html")
        html = template.render(finder=finder, lang=lang, ui=_ui(config))
        markdown = PATHFINDER_LINE_RE.sub(lambda _: "\n" + html + "\n", markdown)
    return markdown


def _page_path(page: Page, config: MkDocsConfig) -> str:
    """The page's path inside its language folder (``guides/crm-pipeline.md``)."""
    return split_language(page.file.src_uri, build.site_config(config).languages)[1]


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> None:
    """Tell the templates where this page's compare view is, and a compare view where its pages are.

    URLs are site-root relative; the templates make them relative with the ``url`` filter.
    """
    langs, default = build.languages(config)
    lang = config.theme["language"]
    roots = {code: "" if code == default else f"{code}/" for code in langs}
    of = page.meta.get("ac_compare_of")
    if of:
        html = of[: -len(".md")] + ".html"
        page.meta["ac_compare_sources"] = {code: roots[code] + html for code in langs}
        # static-i18n only knows the alternates of files it localised: point the language menu
        # at the other language's compare view of the same page
        for alternate in config.extra.get("alternate") or []:
            alternate["link"] = roots[alternate["lang"]] + f"{_names(config).compare_dir}/{html}"
        return
    path = _page_path(page, config)
    docs = Path(config.docs_dir)
    if all((docs / code / path).is_file() for code in langs):
        html = path[: -len(".md")] + ".html"
        page.meta["ac_compare"] = roots[lang] + f"{_names(config).compare_dir}/{html}"
        page.meta["ac_english_url"] = roots[default] + html
