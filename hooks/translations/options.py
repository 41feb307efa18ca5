"""The plugin's settings: every option of `plugins: - translations:` in mkdocs.yml, typed and
documented in one class, validated by MkDocs itself (an unknown or mistyped option is MkDocs'
own config error, naming mkdocs.yml). The command line reads the same block through the same
class, so a build and `python -m translations` check a site alike.

The pure core never sees this class: it gets a `config.SiteConfig`, made by `site_config`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from translations.config import (
    CONFIG_FILE,
    PLUGIN,
    RAW_HTML,
    Languages,
    SiteConfig,
    languages_from,
    read_config_file,
)
from translations.model import InputError


class _Name(c.Type):
    """One file or folder name: no `/` inside it."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip("/")
        if not text or "/" in text:
            raise base.ValidationError(f"must be one name, not a path: {value!r}")
        return text


class _BookFile(_Name):
    """A PDF's file name holding `{lang}`."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if "{lang}" not in text or not text.endswith(".pdf"):
            raise base.ValidationError("must hold {lang} and end in .pdf (e.g. manual-{lang}.pdf)")
        return text


class _Positive(c.Type):
    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise base.ValidationError("must be a whole number")
        number = super().run_validation(value)
        if number < 1:
            raise base.ValidationError("must be 1 or more")
        return number


class TranslationsConfig(base.Config):
    """`plugins: - translations:` in mkdocs.yml. Data files live in `data/` beside `docs/`; a data
    file that is absent turns its checks off (see `read/data.py`)."""

    # What runs. Each part can be turned off for a site that does not want it.
    check = c.Type(bool, default=True)
    """The content checks (translation honesty, facts, glossary, prices, sources, unsafe HTML in
    the source), the banners they decide, and the Markdown they generate."""
    export = c.Type(bool, default=True)
    """Markdown twins, llms.txt, llms-full.txt and a PDF per language."""
    page_safety = c.Type(bool, default=True)
    """Refuse a page whose HTML would run code or load from the network (the backstop behind
    the source check: what the browser will parse). Off only to plant such a page on purpose,
    as the quality gates' tests do."""
    compare = c.Type(bool, default=True)
    """A side-by-side view of each page in the reference and the reader's language."""
    compare_on_serve = c.Type(bool, default=False)
    """Build the side-by-side views under `mkdocs serve` too. Off, a preview rebuild skips them
    and its pages show no side-by-side link (on the real site they are 1.4 s of a 3.8 s rebuild);
    `mkdocs build` always makes them. Named after Material's blog option `draft_on_serve`."""
    csp = c.Type(bool, default=True)
    """Write `_nginx/csp.conf`: the Content-Security-Policy with the hash of every script the
    templates ship (any other inline code gets no hash, so browsers block it)."""

    # Data files under data/.
    pricing_file = _Name("pricing.yml")
    """Plans and add-ons; absent: no price checks, no pricing tables."""
    skills_file = _Name("skills.yml")
    """Related skills and their prefix; absent: no skill checks."""
    glossary_file = _Name("glossary.yml")
    """One translation per term, per language."""
    untranslated_file = _Name("untranslated.yml")
    """Pages not translated on purpose."""
    paths_file = _Name("paths.yml")
    """The path finder's areas and roles."""
    sources_file = _Name("sources.yml")
    """The official articles each page rests on; absent: no Sources lines."""

    # Pages, folders and links.
    related_skills_page = c.Type(str, default="related-skills.md")
    """Where a skill mention links."""
    skills_base_url = c.Optional(c.Type(str))
    """Link skill mentions to this site instead of the related-skills page."""
    compare_dir = _Name("compare")
    """The folder of each language's side-by-side views."""
    book_file = _BookFile("manual-{lang}.pdf")
    """Each language's PDF, in that language's root folder."""
    heading_ids = c.Type(bool, default=False)
    """Every heading must carry an explicit `{#id}` (lowercase kebab-case, the same in both
    languages). Off: ids are optional; sections without one pair by heading level and position."""
    name_facts = c.Type(bool, default=False)
    """A name with inner capitals (HubSpot, iPaaS) is a fact the translation keeps, like the
    brands the data files list. Off: only those brands, since a translation may translate a
    name (IoT: 物联网; LinkedIn: 领英)."""
    exact_code = c.Type(bool, default=False)
    """Code blocks and code spans are written alike in every language, comments and
    placeholders included. Off: a translation may translate a comment, the words of a string
    or a placeholder (`{原文件名}`), and a name may differ in capitals or code formatting
    (checks/notation.py)."""

    # Budgets.
    max_file_kib = _Positive(512)
    """The largest page or data file read, in KiB (CONTRIBUTING.md, "Budgets")."""

    # Policies: a site's own rules for its pages, lenient by default so that an ordinary site is
    # checked as it is, as MkDocs reads it.
    raw_html = c.Choice(RAW_HTML, default="trusted")
    """`trusted`: pages are the team's own and may hold any HTML, as MkDocs itself allows;
    `safe`: nothing that runs code or loads from the network (a script, `on...` attributes,
    `javascript:` links, iframes: checks/safety.py), any other raw HTML; `strict`: besides,
    only the tags and attributes of `TAG_ATTRIBUTES` in checks/safety.py (`<div ... markdown>`,
    `<span>`, `<br>`, `<kbd>`, `<sup>`, `<sub>`)."""
    remote_images = c.Type(bool, default=True)
    """Whether a page may show an image from an `http(s)://` address (false: only the site's own
    PNG, JPEG, GIF or WebP files, so the site reads offline; checked under `raw_html: safe` or
    `strict`, as pages under `trusted` are not read for HTML at all)."""
    require_front_matter = c.Type(bool, default=False)
    """Whether every page must set the front matter keys the schema requires (`title`,
    `description`: read/frontmatter.py). Keys a page sets are checked either way."""
    only_pages_in_docs = c.Type(bool, default=False)
    """Whether docs/ may hold only Markdown pages and images (true: any other file, which MkDocs
    would publish unchecked, is refused)."""


# The options the pure core reads (SiteConfig's fields); the rest say what the plugin runs.
SITE_OPTIONS = tuple(name for name in SiteConfig.__dataclass_fields__ if name != "languages")


def site_config(options: Any, languages: Languages) -> SiteConfig:
    """The pure core's settings from the validated options."""
    return SiteConfig(languages=languages, **{name: options[name] for name in SITE_OPTIONS})


def validated(values: object, rel: str = CONFIG_FILE) -> TranslationsConfig:
    """The plugin's options from a mapping, as MkDocs validates them; InputError names the file."""
    options = TranslationsConfig(config_file_path=rel)
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise InputError.at(rel, 1, f"`plugins: - {PLUGIN}:` must hold `option: value` lines")
    options.load_dict(values)
    failed, warnings = options.validate()
    problems = [f"{rel}:1: plugins.{PLUGIN}.{key}: {error}" for key, error in failed]
    problems += [f"{rel}:1: plugins.{PLUGIN}.{key}: {warning}" for key, warning in warnings]
    if problems:
        raise InputError(problems)
    return options


def _plugin_entry(plugins: object, name: str) -> tuple[bool, object]:
    """Whether `plugins:` lists `name`, and its settings."""
    for plugin in plugins if isinstance(plugins, list) else []:
        if plugin == name:
            return True, None
        if isinstance(plugin, dict) and name in plugin:
            return True, plugin[name]
    return False, None


def read_site_config(root: Path) -> SiteConfig:
    """The settings of <root>/mkdocs.yml (the plugin's options, the i18n plugin's languages), or
    the defaults when there is no such file: what the command line checks with."""
    read = read_config_file(root)
    if read is None:
        return SiteConfig()
    data = read[0]
    plugins = data.get("plugins") if isinstance(data, dict) else None
    i18n = _plugin_entry(plugins, "i18n")[1]
    entries = i18n.get("languages") if isinstance(i18n, dict) else None
    # static-i18n's default layout is the suffix one
    structure = i18n.get("docs_structure", "suffix") if isinstance(i18n, dict) else "folder"
    languages = Languages() if entries is None else languages_from(entries, structure=structure)
    languages = languages.settled(Path(root) / str(data.get("docs_dir") or "docs"))
    return site_config(validated(_plugin_entry(plugins, PLUGIN)[1]), languages)
