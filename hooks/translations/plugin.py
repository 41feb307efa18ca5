"""The whole build, in the order MkDocs runs it: `plugins: - translations` in mkdocs.yml.

Read top to bottom, this file is the lifecycle of a site with one reference language and its
translations. Every event hands its work to the pure core (`read/`, `checks/`, `lifecycle/`,
`render/`, `export/`, `output/`, none of which imports MkDocs) and turns what comes back into
log lines, page metadata and files.

How static-i18n builds. It builds the reference language first; inside that build's
`on_post_build` it builds every other language with the same config object, so every event below
fires once per language, nested. The per-build state (`_Build`) is made anew when a new config
object arrives (a new build, or `mkdocs serve` rebuilding after a save) and is shared by the
languages of one build: the checks run once, their issues are logged once, and the site-wide
steps run once, after the last language (`_Build.depth`).

Event priorities (MkDocs runs higher first; plugins' own priorities in brackets):
    on_files       -150  after static-i18n (-100) localised the files: add the compare views
    on_nav         -150  after static-i18n (-100) kept this language's pages and titles
    on_env                   the templates compiled for the last language are reused
    on_page_markdown 10  role tags before Material's tags plugin (-50) reads them
                      0  banners and the generated Markdown (pricing tables, skill links)
    on_page_content 100  the page's own HTML is checked before anything adds to it
    on_page_context-100  after static-i18n set this page's alternates
    on_post_page   -200  the final HTML: the Markdown twin and the PDF article
    on_post_build   100  this language's 404 and exports, before static-i18n builds the next
                   -200  after the last language: search indexes, theme fixes
                   -300  after those and the offline plugin: the CSP of the finished site
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from translations.checks.report import SiteReport, check_site
from translations.checks.safety import HtmlPolicy, source_line, unsafe_html
from translations.checks.sources import with_sources
from translations.config import SiteConfig, languages_from, ui_problems
from translations.export import assistant, book
from translations.lifecycle.updated import last_changed, updated_label
from translations.model import InputError
from translations.options import TranslationsConfig, site_config
from translations.output.csp import INCLUDE_PATH, nginx_include, site_policy, template_scripts
from translations.output.i18n import (
    head_alternates,
    language_menu,
    words_to_keep_whole,
    write_search_indexes,
)
from translations.output.quiet_logs import quiet_loggers
from translations.output.search_words import SynonymError, synonym_groups
from translations.output.segmenter import make_segmenter
from translations.output.theme_patches import PatchError, fresh_names, patch_site
from translations.read.markers import PATHFINDER_LINE_RE
from translations.read.source import YAML_LOADER, body_line
from translations.render.compare import compare_page
from translations.render.generate import render_site_page
from translations.render.pathfinder import Paths, finder_markdown, load_paths, resolve, role_names

log = get_plugin_logger("translations")


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, in memory, by template and source hash."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


# Where each language's last PDF is kept, to be reused while nothing that goes into it changes
# (export.book.BookCache): this variable's folder, or .cache/book/ beside docs/; empty: no cache.
BOOK_CACHE_ENV = "BOOK_CACHE_DIR"
# "0": render each language's PDF in turn, in the build's own process (to compare, or where
# forking the build is unwelcome)
BOOK_PARALLEL_ENV = "BOOK_PARALLEL"


@dataclass
class _Language:
    """What one language build collects for its exports."""

    sections: list[assistant.Section] = field(default_factory=list)
    twins: dict[str, assistant.Twin] = field(default_factory=dict)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (title, html)
    nav_pages: list[Page] = field(default_factory=list)


@dataclass
class _Build:
    """What one build (every language of it) has computed so far."""

    config: MkDocsConfig  # the build's identity: a new config object is a new build
    site: SiteConfig
    report: SiteReport | None = None  # the checks' report, run once
    configured: bool = False  # on_config ran for the build's first language
    glossary: tuple[dict[str, Any], str] | None = None  # data/glossary.yml and its path, for search
    paths: Paths | None = None  # data/paths.yml, parsed once
    updated: dict[str, Any] | None = None  # each page's last change, from git
    depth: int = 0  # language builds under way (static-i18n nests them)
    default_404: bytes | None = None  # the reference language's 404 page, set aside
    alternates: Any = None  # static-i18n's alternates of the page being rendered, set aside
    languages: dict[str, _Language] = field(default_factory=dict)  # the exports' collections
    books: list[Any] = field(default_factory=list)  # PDFs rendering


class TranslationsPlugin(BasePlugin[TranslationsConfig]):
    """One reference language and its translations, kept honest (see the module's docstring)."""

    def __init__(self) -> None:
        self.command = "build"  # the mkdocs command of this process: build, serve, gh-deploy
        self._current: _Build | None = None
        self._templates = _CompiledTemplates()  # kept for the process: serve rebuilds reuse it
        self._segmenter: Any = None  # the search's Chinese segmenter, chosen at startup

    # ---------------------------------------------------------------- start and configuration

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per process, before the first on_config (static-i18n logs its configuration there,
        and Material's search plugin may load a jieba dictionary)."""
        self.command = command  # `mkdocs serve` rebuilds on every save: the PDF waits for a build
        quiet_loggers()
        # rjieba, or jieba with SEARCH_SEGMENTER=jieba: chosen here, from this process's
        # environment, for Material's search plugin and the glossary's words alike
        self._segmenter = make_segmenter()
        use_in_material_search(self._segmenter)

    def on_config(self, config: MkDocsConfig) -> None:
        """Once per build: the checks run and their issues are logged, jieba learns the
        glossary's words. Per language: its interface text is complete; the templates learn where
        each language's PDF is."""
        state = self._build(config)
        if not state.configured:
            state.configured = True
            if self.config.check:
                report = self._report(config)
                for issue in report.issues:
                    log.warning(str(issue))
                for note in report.notes:  # checks off (no data file), lags: inform, never fail
                    log.info(note)
                log.info("translation checks: %s", report.summary())
            state.glossary = self._read_glossary(config)
            self._teach_segmenter(state)
        if self._comparing or self.config.export:
            self._ui(config)  # their pages need it: stop before one is rendered without it
        if self.config.export:  # the download link (overrides/partials/export-book.html)
            config.extra["ac_book"] = {
                lang: self._root(lang) + state.site.book_file.format(lang=lang)
                for lang in state.site.languages.all
            }

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> None:
        """Each language build makes a new template environment; the compiled templates of the
        last one are reused while their source is unchanged (Jinja checks a hash of it)."""
        env.bytecode_cache = self._templates

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self._build(config).depth += 1  # a language build starts

    # ---------------------------------------------------------------- files and navigation

    @event_priority(-150)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """A side-by-side view, `compare/<page>`, in this language's folder for every page it
        shares with the reference: the reference beside this language (beside the only
        translation, in the reference's own folder). Added after static-i18n, which only
        localises files under docs_dir."""
        state = self._build(config)
        lang = self._language(config)
        other = self._compare_with(lang)
        if not self._comparing or other is None:
            return files
        langs = state.site.languages
        docs = Path(config.docs_dir)
        compare_dir = state.site.compare_dir
        pages = langs.pages(docs)
        for page in sorted(pages[langs.reference] & pages[other]):
            status = state.report.status(page, other) if state.report is not None else None
            lag = status.lag if status is not None else None
            drift = {change.id: change.kind for change in lag.changes} if lag else {}
            text, _rows = compare_page(
                page,
                (docs / langs.path(langs.reference, page)).read_text("utf-8"),
                (docs / langs.path(other, page)).read_text("utf-8"),
                build=lang,
                languages=(langs.reference, other),
                ui=self._ui(config),
                compare_dir=compare_dir,
                drift=drift,
            )
            generated = File.generated(config, f"{lang}/{compare_dir}/{page}", content=text)
            generated.dest_uri = f"{self._root(lang)}{compare_dir}/{page[: -len('.md')]}.html"
            generated.inclusion = InclusionLevel.NOT_IN_NAV  # reached from each page, not the nav
            files.append(generated)
        return files

    @event_priority(-150)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """The nav's sections, in order: llms.txt and the PDF follow them."""
        if not self.config.export:
            return nav
        state = self._build(config).languages.setdefault(self._language(config), _Language())
        state.sections = []
        state.nav_pages = list(nav.pages)
        loose: list[str] = []
        for item in nav.items:
            if isinstance(item, Section):
                pages = (page for page in nav.pages if item in page.ancestors)
                names = [self._name(page, config) for page in pages]
                state.sections.append(assistant.Section(str(item.title), names))
            elif isinstance(item, Page):
                loose.append(self._name(item, config))
        if loose:
            state.sections.insert(0, assistant.Section(str(config.site_name), loose))
        return nav

    # ---------------------------------------------------------------- each page

    @event_priority(10)
    def _role_tags_and_path_finder(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Role tags from the front matter's `roles`; the path finder where its marker stands."""
        lang = self._language(config)
        roles = page.meta.get("roles")
        if isinstance(roles, list) and "tags" not in page.meta:
            names = role_names(self._paths(config), lang)  # data/paths.yml's order, "other" last
            page.meta["tags"] = [names[r] for r in names if r in roles]
        if PATHFINDER_LINE_RE.search(markdown):
            try:
                path = self._name(page, config)
                finder = resolve(self._paths(config), Path(config.docs_dir), lang, path)
            except InputError as error:
                raise _abort(error, "data/ or docs/") from None
            template = config.theme.get_env().get_template("partials/pathfinder.html")
            html = template.render(finder=finder, lang=lang, ui=self._ui(config))
            markdown = PATHFINDER_LINE_RE.sub(lambda _: "\n" + html + "\n", markdown)
        return markdown

    def _banners_and_generated_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The page's banner status and last change, for the templates; then its generated
        Markdown (pricing tables at markers, links for skill mentions, Sources lines)."""
        if not self.config.check:
            return markdown
        state = self._build(config)
        build_lang = self._language(config)
        file_lang, name = state.site.languages.split(page.file.src_uri)
        file_lang = file_lang or build_lang
        report = self._report(config)
        page.meta["ac_status"] = report.banner(name, file_lang, build_lang)
        if state.updated is None:
            state.updated = last_changed(Path(config.docs_dir))
        languages = report.languages
        files = [languages.path(code, name) for code in languages.all]
        page.meta["ac_updated"] = updated_label(state.updated, files, build_lang)
        rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        try:
            return render_site_page(
                markdown,
                report=report,
                site=state.site,
                lang=file_lang,
                page_name=name,
                rel=rel,
                first_line=_first_line(page),
                sources_label=self._ui(config)["sources"] if report.sources else None,
            )
        except InputError as error:
            raise _abort(error, rel) from None

    on_page_markdown = CombinedEvent(_role_tags_and_path_finder, _banners_and_generated_markdown)

    @event_priority(100)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Nothing in the page's HTML runs code or loads from the network: the backstop, on what
        the browser will parse, behind the source check (`checks/safety.py`). A compare view is
        made of two pages that were each read here."""
        if not self.config.page_safety or page.meta.get("ac_compare_of"):
            return html
        findings = unsafe_html(html, HtmlPolicy.of(self._build(config).site))
        if not findings:
            return html
        path = page.file.abs_src_path
        text = Path(path).read_text("utf-8") if path else ""
        rel = Path(config.docs_dir).name + "/" + page.file.src_uri
        for needle, message in findings:
            log.error(f"{rel}:{source_line(text, needle)}: {message}")
        raise Abort(f"{rel}: {len(findings)} unsafe element(s) in the page's HTML; see above")

    @event_priority(-100)
    def _language_menu(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """Absolute hreflang alternates for the head; the language menu keeps relative links and
        says which language only serves another language's page."""
        # static-i18n sets the attribute (config.extra.alternate), which Jinja reads before the key
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        if not alternates:
            return context
        alternate_files = getattr(page.file, "alternates", {})
        fallbacks = {
            lang: file.locale
            for lang, file in alternate_files.items()
            if getattr(file, "locale", lang) != lang
        }
        context["ac_language_menu"] = language_menu(alternates, fallbacks)
        self._build(config).alternates = alternates
        config.extra.alternate = head_alternates(alternates, config.site_url, fallbacks)
        return context

    def _page_links(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """Where this page's compare view and Markdown twin are, and a compare view's pages.
        URLs are site-root relative; the templates make them relative with the `url` filter."""
        state = self._build(config)
        languages = state.site.languages
        compare_dir = state.site.compare_dir
        roots = {code: self._root(code) for code in languages.all}
        lang = self._language(config)
        other = self._compare_with(lang)
        of = page.meta.get("ac_compare_of")
        if of and other is not None:
            html = of[: -len(".md")] + ".html"
            shown = (languages.reference, other)
            page.meta["ac_compare_sources"] = {code: roots[code] + html for code in shown}
            # static-i18n only knows the alternates of files it localised: point the language
            # menu at each language's compare view of the same page (its page, where it has none)
            for alternate in config.extra.get("alternate") or []:
                code = alternate["lang"]
                view = f"{compare_dir}/" if self._compare_with(code) is not None else ""
                alternate["link"] = roots[code] + view + html
            return context
        path = self._name(page, config)
        docs = Path(config.docs_dir)
        if (
            self._comparing
            and other is not None
            and all((docs / languages.path(code, path)).is_file() for code in (lang, other))
        ):
            html = path[: -len(".md")] + ".html"
            page.meta["ac_compare"] = roots[lang] + f"{compare_dir}/{html}"
            page.meta["ac_english_url"] = roots[languages.reference] + html
        if self.config.export and _is_source(page):
            page.meta["ac_markdown"] = page.file.dest_uri[: -len(".html")] + ".md"
        return context

    on_page_context = CombinedEvent(_language_menu, _page_links)

    def _restore_alternates(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Put static-i18n's alternates back (the 404 page reads them)."""
        state = self._build(config)
        if state.alternates is not None:
            config.extra.alternate, state.alternates = state.alternates, None
        return output

    @event_priority(-200)
    def _markdown_twin(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page's Markdown twin beside its HTML, and its article for the PDF."""
        if not self.config.export or not _is_source(page):
            return output
        lang = self._language(config)
        build = self._build(config)
        state, site = build.languages.setdefault(lang, _Language()), build.site
        file_lang, name = site.languages.split(page.file.src_uri)
        file_lang = file_lang or lang
        rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        report = self._report(config)
        widgets: dict[str, str] = {}
        if "<!-- material/tags -->" in page.file.content_string:
            widgets["material/tags"] = self._tags_markdown(config, lang, name, state)
        if PATHFINDER_LINE_RE.search(page.file.content_string):
            finder = resolve(self._paths(config), Path(config.docs_dir), lang, name)
            widgets["pathfinder"] = finder_markdown(finder, self._ui(config))
        try:
            body = assistant.twin_body(
                page.file.content_string,
                lang=file_lang,
                page_name=name,
                rel=rel,
                data=report.data,
                widgets=widgets,
                related_page=site.related_skills_page,
                skills_base_url=site.skills_base_url,
            )
            if report.sources is not None:  # the page's Sources lines (checks/sources.py)
                label = self._ui(config)["sources"]
                body = assistant.tidy(with_sources(body, report.sources, name, label, styled=False))
        except InputError as error:
            raise _abort(error, rel) from None
        twin = assistant.Twin(
            name=name,
            lang=lang,
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

    on_post_page = CombinedEvent(_restore_alternates, _markdown_twin)

    # ---------------------------------------------------------------- after each language

    @event_priority(100)
    def _separate_404(self, config: MkDocsConfig) -> None:
        """Give each language its own 404: every language writes `site/404.html`, the last wins."""
        state = self._build(config)
        lang = self._language(config)
        page = Path(config.site_dir) / "404.html"
        if not page.is_file():
            return
        if lang == state.site.languages.reference:
            state.default_404 = page.read_bytes()
        elif state.default_404 is not None:
            target = Path(config.site_dir) / lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            page.replace(target)
            page.write_bytes(state.default_404)

    @event_priority(100)
    def _exports(self, config: MkDocsConfig) -> None:
        """This language's llms.txt, llms-full.txt and PDF."""
        if not self.config.export:
            return
        build = self._build(config)
        lang = self._language(config)
        state = build.languages.get(lang)
        if state is None:
            return
        root = Path(config.site_dir) / self._root(lang)
        title, summary = str(config.site_name), str(config.site_description or "")
        pdf_name = build.site.book_file.format(lang=lang)
        words = self._ui(config)
        (root / "llms.txt").write_text(
            assistant.llms_txt(
                title, summary, state.sections, state.twins, words, pdf_name=pdf_name
            ),
            encoding="utf-8",
        )
        order = assistant.nav_order(state.sections)
        (root / "llms-full.txt").write_text(
            assistant.llms_full(title, summary, order, state.twins), encoding="utf-8"
        )
        if self.command == "serve":
            log.info(f"{pdf_name}: not rendered under mkdocs serve; `make build` renders it")
        else:
            self._write_book(config, lang, state, root / pdf_name)

    @event_priority(-200)
    def _search_and_theme(self, config: MkDocsConfig) -> None:
        """After the last language: one search index per language, and Material's search
        fixed (static-i18n merged the index, the offline plugin inlined it)."""
        state = self._build(config)
        if state.depth > 1:
            return  # another language's build, nested in the reference one's
        site_dir = Path(config.site_dir)
        if config.theme.name != "material" or not (site_dir / "search/search_index.json").is_file():
            return  # the fixes are Material's search's
        langs = state.site.languages
        synonyms = {}
        if (glossary := state.glossary) is not None:
            try:
                synonyms = {
                    lang: synonym_groups(glossary[0], lang, glossary[1]) for lang in langs.all
                }
            except SynonymError as error:
                raise PluginError(str(error)) from None
        counts = write_search_indexes(site_dir, list(langs.all), langs.reference, synonyms)
        log.debug("search index per language: %s", counts)
        try:
            changed = patch_site(site_dir)
        except PatchError as error:
            raise PluginError(str(error)) from None
        # a patched script gets a name of its own: hosts cache hashed names for good
        log.debug("theme patches applied, new names: %s", fresh_names(site_dir, changed))

    @event_priority(-300)
    def _content_security_policy(self, config: MkDocsConfig) -> None:
        """After the last language: the hash of every inline script a template ships, as an
        nginx include (`deploy/nginx.conf`)."""
        state = self._build(config)
        state.depth -= 1  # the last handler of this language's build
        if state.depth > 0 or not self.config.csp:
            return
        if self.command == "serve":
            return  # an nginx include: `mkdocs serve` sends no such header, `make build` writes it
        site = Path(config.site_dir)
        # the scripts the templates ship, from their sources (config.theme.dirs: overrides/ first)
        shipped = template_scripts(Path(folder) for folder in config.theme.dirs)
        result = site_policy(site, shipped)
        target = site / INCLUDE_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nginx_include(result.header), encoding="utf-8")
        log.debug("%s: %d inline script hashes", INCLUDE_PATH, len(result.hashes))

    on_post_build = CombinedEvent(
        _separate_404, _exports, _search_and_theme, _content_security_policy
    )

    # ---------------------------------------------------------------- the build's state

    def _build(self, config: MkDocsConfig) -> _Build:
        """This build's state; a new config object is a new build, which starts from nothing."""
        if self._current is None or self._current.config is not config:
            self._current = _Build(config, self._site_config(config))
        return self._current

    def latest_report(self, config: MkDocsConfig) -> SiteReport | None:
        """The report of this build, if the checks ran for it."""
        current = self._current
        return current.report if current is not None and current.config is config else None

    def _site_config(self, config: MkDocsConfig) -> SiteConfig:
        rel = Path(config.config_file_path or "mkdocs.yml").name
        if "i18n" not in config.plugins:
            problem = (
                f"{rel}:1: the translations plugin needs mkdocs-static-i18n: list `i18n` in plugins"
            )
            raise _abort(InputError([problem]), rel)
        entries = [
            {"locale": lang.locale, "default": lang.default}
            for lang in config.plugins["i18n"].config.languages
        ]
        try:
            structure = config.plugins["i18n"].config.docs_structure
            languages = languages_from(entries, rel, structure).settled(Path(config.docs_dir))
            return site_config(self.config, languages)
        except InputError as error:
            raise _abort(error, rel) from None

    def _report(self, config: MkDocsConfig) -> SiteReport:
        """The checks' report for this build, run the first time it is asked for."""
        state = self._build(config)
        if state.report is None:
            docs = Path(config.docs_dir)
            try:  # docs/ and data/ sit side by side
                state.report = check_site(docs.parent, docs_dir=docs, config=state.site)
            except InputError as error:
                raise _abort(error, "docs/ or data/") from None
        return state.report

    def _paths(self, config: MkDocsConfig) -> Paths:
        """data/paths.yml, validated, parsed once per build (it serves every page's role tags)."""
        state = self._build(config)
        if state.paths is None:
            path = Path(config.docs_dir).parent / "data" / state.site.paths_file
            try:
                state.paths = load_paths(path, state.site.languages.all)
            except InputError as error:
                raise _abort(error, f"data/{state.site.paths_file}") from None
        return state.paths

    def _ui(self, config: MkDocsConfig) -> dict[str, str]:
        """The interface text of the language being built (its `extra.ui`); a missing key stops
        the build before any page is rendered without it. Read each time, not kept per language
        code: while static-i18n switches languages, the code and `extra` do not change at the
        same moment (a cache by code served the English words to a Chinese compare view)."""
        rel = Path(config.config_file_path or "mkdocs.yml").name
        text = config.extra.get("ui")
        problems = ui_problems(text, self._language(config), rel)
        if problems:
            raise _abort(InputError(problems), rel)
        return dict(text)

    def _read_glossary(self, config: MkDocsConfig) -> tuple[dict[str, Any], str] | None:
        """The site's glossary and its path as the messages name it (for search; the checks
        report a malformed glossary by file and line, search just goes on without it)."""
        name = self._build(config).site.glossary_file
        try:
            path = Path(config.docs_dir).parent / "data" / name
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
        except (OSError, yaml.YAMLError) as error:
            log.debug("no glossary for search: %s", error)
            return None
        return (data, f"data/{name}") if isinstance(data, dict) else None

    def _teach_segmenter(self, state: _Build) -> None:
        """Teach jieba the glossary terms and search aliases it would split into lone
        characters (see output/i18n.py): the translation's words, from the site's glossary."""
        glossary = state.glossary
        if glossary is None:
            return
        for lang in state.site.languages.translations:
            if not lang.startswith("zh"):
                continue  # jieba segments Chinese only
            try:
                terms = [t[lang] for t in glossary[0]["terms"]]
                groups = synonym_groups(glossary[0], lang, glossary[1])
                terms += [word for group in groups for word in group]
            except (KeyError, TypeError, SynonymError) as error:
                log.debug("no glossary terms for jieba: %s", error)
                continue
            if self._segmenter is None:  # a build without on_startup (the plugin used alone)
                self._segmenter = make_segmenter()
            for word in words_to_keep_whole(terms, self._segmenter.cut):
                self._segmenter.add_word(word)

    # ---------------------------------------------------------------- helpers of the events

    def _language(self, config: MkDocsConfig) -> str:
        """The language being built: the i18n plugin's current language (it also sets
        theme.language, but only for the Material theme)."""
        i18n = config.plugins.get("i18n")
        return str(
            getattr(i18n, "current_language", None)
            or config.theme.get("language")
            or self._build(config).site.languages.reference
        )

    @property
    def _comparing(self) -> bool:
        """Side-by-side views in this build: on, and not a `mkdocs serve` preview without them."""
        return self.config.compare and (self.command != "serve" or self.config.compare_on_serve)

    def _compare_with(self, lang: str) -> str | None:
        """The language a side-by-side view in `lang` shows beside the reference: `lang` itself
        for a translation; for the reference, its only translation (None when it has several:
        each translation's reader compares in their own language)."""
        assert self._current is not None
        languages = self._current.site.languages
        if lang != languages.reference:
            return lang
        return languages.translations[0] if len(languages.translations) == 1 else None

    def _root(self, lang: str) -> str:
        """A language's folder in the site: the reference language is at the root."""
        assert self._current is not None
        return "" if lang == self._current.site.languages.reference else f"{lang}/"

    def _name(self, page: Page, config: MkDocsConfig) -> str:
        """The page's path inside its language folder (`guides/crm-pipeline.md`)."""
        return self._build(config).site.languages.split(page.file.src_uri)[1]

    def _tags_markdown(self, config: MkDocsConfig, lang: str, name: str, state: _Language) -> str:
        """The tag index as Markdown; roles in data/paths.yml order (the same in each language)."""
        site = self._build(config).site
        if not (Path(config.docs_dir).parent / "data" / site.paths_file).is_file():
            return ""
        roles = role_names(self._paths(config), lang)
        names = [(page, self._name(page, config)) for page in state.nav_pages]
        pages = [(n, str(p.title or n), p.meta.get("roles") or []) for p, n in names]
        return assistant.tags_markdown(pages, roles, name)

    def _write_book(self, config: MkDocsConfig, lang: str, state: _Language, target: Path) -> None:
        """This language's PDF: rendered aside while the next language builds, joined by the
        last language's (on 2 idle cores a cold build takes 0.62 of the time in turn)."""
        build = self._build(config)
        report = self._report(config)
        in_book = set(assistant.nav_order(state.sections)) & set(state.articles)
        site_url = (config.site_url or "").rstrip("/") + "/" + self._root(lang)
        root = Path(config.site_dir) / self._root(lang)
        pages = {
            name: book.BookPage(
                name,
                title,
                book.rebase(html, name, in_book, site_url=site_url, page_dir=(root / name).parent),
            )
            for name, (title, html) in state.articles.items()
            if name in in_book
        }
        sections = book.sections_of([(s.title, s.pages) for s in state.sections], pages)
        pricing = report.data.pricing
        template = config.theme.get_env().get_template("export/book.html")
        html = template.render(
            lang=lang,
            ui=self._ui(config),
            title=str(config.site_name),
            description=str(config.site_description or ""),
            site_url=site_url,
            # a site without a pricing file has no price date to print (its cover says less)
            prices_as_of=pricing.as_of_label.get(lang, pricing.as_of.isoformat())
            if pricing
            else "",
            sections=sections,
        )
        for href in sorted(set(book.internal_link_problems(html))):
            log.warning(f"{target.name}: internal link {href} has no target in the book")
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root
        job = book.BookJob(
            html, target, [Path(config.site_dir), custom_dir], root, _book_cache(config)
        )
        last = len(build.books) + 1 == len(build.site.languages.all)
        if os.environ.get(BOOK_PARALLEL_ENV, "1") != "0" and not last:
            build.books.append(book.render_aside(job))  # joined after the last language's
            return
        build.books.append(book.render_here(job))
        for pending in build.books:
            result = pending.result()
            for problem in result.problems:
                log.warning(f"{pending.target.name}: {problem}")
            how = "unchanged, reused" if result.reused else "rendered"
            log.info(
                f"{pending.target.relative_to(config.site_dir)}: {result.pages} PDF pages ({how})"
            )


def _abort(error: InputError, where: str) -> Abort:
    """Unreadable input stops the build: each problem with its file and line, no traceback."""
    for problem in error.shown:
        log.error(problem)
    return Abort(f"{error.count} input error(s) in {where}; see above")


def _is_source(page: Page) -> bool:
    """A page written in docs/, not one the plugin generates (the compare views)."""
    return page.file.generated_by is None and not page.meta.get("ac_compare_of")


def _first_line(page: Page) -> int:
    """File line of the first Markdown line (after the front matter; the checks parsed it)."""
    try:
        return body_line(page.file.content_string)
    except (OSError, TypeError):
        return 1


def use_in_material_search(segmenter: Any) -> None:
    """Make Material's search plugin segment with ``segmenter`` (it calls its module's
    ``jieba``); without jieba it segments nothing, and keeps doing so."""
    from material.plugins.search import plugin

    if plugin.jieba is not None:
        plugin.jieba = segmenter


def _book_cache(config: MkDocsConfig) -> book.BookCache | None:
    folder = os.environ.get(BOOK_CACHE_ENV)
    if folder is None:
        return book.BookCache(Path(config.docs_dir).parent / ".cache" / "book")
    return book.BookCache(Path(folder)) if folder else None
